/**
 * Waiting for the lab to settle between the steps of a scenario: a phone's request answered, a
 * reset finished, a request held on a lab-time delay (WAN latency, a silent link) let through.
 *
 * Everything here is driven by the lab's own events (phone screens, timers the network sets), never
 * by wall-clock sleeps. When the lab clock is paused (the command line, a paused lab window) the
 * settler moves it forward itself, by exactly what the lab is waiting for: a reset's RESET_MS, the
 * due time of a network delay, the zero-delay reset notifications. With a running clock it waits for
 * the clock. Every wait has a bound in real time, so a scenario that cannot settle fails with a
 * message instead of hanging.
 *
 * A step that does not wait for its phone's answer (`wait: false`) leaves that request in the lab.
 * Once it waits on lab time, the delay it waits for is *held*: the settler does not move the clock
 * for it while it waits for something else (another phone's answer that needs no lab time), so the
 * first request keeps what it holds (an EM service's request slot) while the second one is
 * served. A held delay is let through when somebody waits for that phone again (`awaitPhone`), or
 * when lab time moves past it for another reason (a clock step, a delay that is not held).
 */
import type { PhoneScreen } from '../../shared/api/contract';
import type { Cluster } from '../cluster/cluster';
import type { Lab } from '../lab/lab';
import { RESET_MS, RETRY_MS } from '../phone/firmware';

/** How long (real time) one wait may take by default before the step fails. */
export const SETTLE_BOUND_MS = 15_000;

/** Why the lab is not settled yet, for the failure message. */
export class Unsettled extends Error {
  constructor(readonly what: string, readonly boundMs: number) {
    super(`the lab did not settle within ${boundMs / 1000} s: ${what}`);
    this.name = 'Unsettled';
  }
}

/** A network delay on lab time: when it is due, and whether the settler leaves it alone (see above). */
interface NetWait {
  due: number;
  /** Which delay this is, in the order they were set (a step tells its own delays by it). */
  seq: number;
  held: boolean;
}

/** Which network delays the settler may move a paused clock on to. */
type Drive = 'unheld' | 'all' | 'none';

export class LabSettler {
  /** Each phone's last screen, kept from the lab's events (asking 1,000 phones on every event would be quadratic). */
  private readonly screens = new Map<string, PhoneScreen>();
  /** Lab time each phone last started booting or resetting (its config fetch is due RESET_MS later). */
  private readonly resetSince = new Map<string, number>();
  /** Lab time each unregistered phone last failed (it tries its TFTP again RETRY_MS later). */
  private readonly unregisteredSince = new Map<string, number>();
  /** Network delays on lab time not yet elapsed. */
  private readonly netWaits = new Set<NetWait>();
  /** Network delays set so far (the `seq` of the next one). */
  private netWaitsSet = 0;
  /** Phones whose answer a step did not wait for, until they show something (upper-case names). */
  private readonly pending = new Set<string>();
  private readonly wakers = new Set<() => void>();
  private readonly offScreen: () => void;
  private readonly restoreDelay: () => void;

  constructor(private readonly lab: Lab, readonly boundMs = SETTLE_BOUND_MS) {
    const now = lab.clock.now();
    for (const p of lab.snapshot().phones) {
      const screen = lab.phone(p.deviceName)?.screen();
      if (!screen) continue;
      this.screens.set(key(screen.deviceName), screen);
      if (isBooting(screen)) this.resetSince.set(key(screen.deviceName), now);
    }
    this.offScreen = lab.onScreen((s) => {
      this.screens.set(key(s.deviceName), s);
      if (isBooting(s) && !this.resetSince.has(key(s.deviceName))) this.resetSince.set(key(s.deviceName), lab.clock.now());
      if (!isBooting(s)) this.resetSince.delete(key(s.deviceName));
      // Each time a phone reports itself unregistered it has just set its retry timer.
      if (s.status === 'unregistered') this.unregisteredSince.set(key(s.deviceName), lab.clock.now());
      else this.unregisteredSince.delete(key(s.deviceName));
      // A phone shows nothing new until its request is answered (or it resets, dropping the request).
      this.pending.delete(key(s.deviceName));
      this.wake();
    });
    // The network's delays on lab time (latency, a silent link's timeout): known here, so a paused
    // clock can be moved to the moment the lab is waiting for.
    const network = lab.network;
    const original = network.labDelay;
    network.labDelay = (ms, fn) => {
      const wait: NetWait = { due: lab.clock.now() + ms, seq: this.netWaitsSet++, held: false };
      this.netWaits.add(wait);
      original(ms, () => {
        this.netWaits.delete(wait);
        fn();
        this.wake();
      });
      this.wake();
    };
    this.restoreDelay = () => {
      if (network.labDelay !== original) network.labDelay = original;
    };
  }

  dispose(): void {
    this.offScreen();
    this.restoreDelay();
    this.wake();
  }

  /**
   * Resolve once `done()` holds, moving a paused clock on to network delays meanwhile (a request
   * held by WAN latency or a silent link): by default only when a delay that is not held exists
   * (what is awaited needs lab time); `all`: held ones too; `none`: never. Throws Unsettled after
   * the bound.
   */
  async until(done: () => boolean, what: () => string, drive: Drive = 'unheld'): Promise<void> {
    const clock = this.lab.clock;
    const deadline = Date.now() + this.boundMs;
    for (;;) {
      if (done()) return;
      if (clock.paused && drive !== 'none' && (await this.driveNetwork(drive === 'all'))) continue;
      const left = deadline - Date.now();
      if (left <= 0 || !(await this.nextWake(left))) {
        if (done()) return;
        throw new Unsettled(what(), this.boundMs);
      }
    }
  }

  /**
   * Wait for work of the lab that is no phone's key (an EM API request, Update Remote Cluster
   * Now, a clock jump), moving a paused clock on to network delays meanwhile.
   */
  async waitFor<T>(work: Promise<T>, what: () => string): Promise<T> {
    let done = false;
    const finished = work.finally(() => {
      done = true;
      this.wake();
    });
    // The outcome is read below; a rejection must not go unhandled while the settler waits.
    finished.catch(() => undefined);
    await this.until(() => done, what);
    return finished;
  }

  /** The count of network delays set so far: a step's mark, to tell the delays its own request sets. */
  netWaitMark(): number {
    return this.netWaitsSet;
  }

  /** Whether a network delay was set since `mark` (a request sent after it now waits on lab time). */
  netWaitSince(mark: number): boolean {
    return this.netWaitsSet > mark;
  }

  /**
   * A step went on without `device`'s answer: the delays set since `mark` (its request's) are
   * held, and the phone is pending until it shows something.
   */
  hold(device: string, mark: number): void {
    for (const w of this.netWaits) if (w.seq >= mark) w.held = true;
    this.pending.add(key(device));
  }

  /** Whether a step went on without `device`'s answer and the phone has not had it yet. */
  isPending(device: string): boolean {
    return this.pending.has(key(device));
  }

  /** Wait for the answer a step did not wait for, letting held delays through (nothing to do when it came). */
  async awaitPhone(device: string): Promise<void> {
    await this.until(() => !this.isPending(device), () => `${device} got no answer to the request a step did not wait for`, 'all');
  }

  /**
   * Wait until no phone is booting, resetting or registering, no reset notification is on its
   * way, and no request waits on lab time (but held ones: they wait for their phone's next step).
   */
  async settle(): Promise<void> {
    const clock = this.lab.clock;
    const deadline = Date.now() + this.boundMs + (clock.paused ? 0 : (RESET_MS * 2) / clock.speed);
    for (;;) {
      const busy = this.busyPhones();
      if (!busy.length && !this.unheldWaits()) return;
      if (clock.paused && (await this.drive(busy))) continue;
      const left = deadline - Date.now();
      if (left <= 0 || !(await this.nextWake(left))) {
        const still = this.busyPhones();
        if (!still.length && !this.unheldWaits()) return;
        throw new Unsettled(still.length ? still.map((b) => `${b.device} ${b.why}`).join(', ') : 'a request still waits on lab time', this.boundMs);
      }
    }
  }

  /** Phones that will change on their own soon, and why. */
  busyPhones(): { device: string; why: string }[] {
    const busy: { device: string; why: string }[] = [];
    let clusterOfHost: Map<string, Cluster> | undefined;
    for (const [device, s] of this.screens) {
      // A phone whose record was deleted is gone from the lab.
      if (!this.lab.phone(device)) continue;
      if (s.status === 'booting' || s.status === 'resetting' || s.status === 'registering') busy.push({ device: s.deviceName, why: s.status });
      else if (s.status === 'registered' && this.resetPending(s, (clusterOfHost ??= this.clustersByHost()))) busy.push({ device: s.deviceName, why: 'reset notification pending' });
      else if (s.status === 'unregistered' && this.retrying(s)) busy.push({ device: s.deviceName, why: 'trying its TFTP server again' });
    }
    return busy;
  }

  /**
   * The phone believes it is registered, but its CallManager no longer holds the registration:
   * the CallManager dropped it for a reset whose notification is still on its way.
   */
  private resetPending(s: PhoneScreen, clusterOfHost: Map<string, Cluster>): boolean {
    const cluster = clusterOfHost.get(s.registration?.host.toLowerCase() ?? '');
    return !!cluster && !cluster.callManager.registration(s.deviceName);
  }

  private clustersByHost(): Map<string, Cluster> {
    return new Map(this.lab.clusters.flatMap((c) => c.nodes().map((n) => [n.host.toLowerCase(), c] as const)));
  }

  /** An unregistered phone whose retry timer has fired: its configuration request is on its way. */
  private retrying(s: PhoneScreen): boolean {
    const since = this.unregisteredSince.get(key(s.deviceName));
    return since !== undefined && this.lab.clock.now() >= since + RETRY_MS;
  }

  /** Move a paused clock on by what the busy phones or the network wait for; whether it moved. */
  private async drive(busy: { device: string; why: string }[]): Promise<boolean> {
    const clock = this.lab.clock;
    const now = clock.now();
    const due = clock.nextDueAt();
    // Zero-delay timers (the CallManager's reset notifications) are due now.
    if (due !== undefined && due <= now) {
      await this.lab.advance(0);
      return true;
    }
    if (await this.driveNetwork(false)) return true;
    let resetDue: number | undefined;
    for (const b of busy) {
      const since = this.resetSince.get(key(b.device));
      if (since === undefined || (b.why !== 'resetting' && b.why !== 'booting')) continue;
      const at = since + RESET_MS;
      if (at > now) resetDue = Math.min(resetDue ?? at, at);
    }
    if (resetDue !== undefined) {
      await this.lab.advance(resetDue - now);
      return true;
    }
    return false;
  }

  /** Network delays the settler moves the clock for unasked (all but held ones). */
  private unheldWaits(): number {
    let n = 0;
    for (const w of this.netWaits) if (!w.held) n++;
    return n;
  }

  /**
   * A paused clock moved on to the earliest network delay (held ones only with `withHeld`: the
   * clock passes a held delay due sooner anyway, as lab time does); whether there was one.
   */
  private async driveNetwork(withHeld: boolean): Promise<boolean> {
    const earliest = () => {
      let due: number | undefined;
      for (const w of this.netWaits) if (withHeld || !w.held) due = Math.min(due ?? w.due, w.due);
      return due;
    };
    const due = earliest();
    if (due === undefined) return false;
    const now = this.lab.clock.now();
    if (due > now) {
      await this.lab.advance(due - now);
      return true;
    }
    // Due already: the timer fires on the next advance.
    await this.lab.advance(0);
    const next = earliest();
    return next === undefined || next > due;
  }

  /** Resolves true at the lab's next event (a screen, a network delay), false after `ms`. */
  private nextWake(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const waker = () => {
        clearTimeout(timer);
        this.wakers.delete(waker);
        resolve(true);
      };
      // The bound of a wait, not a pause: it only fires when nothing happened.
      const timer = setTimeout(() => {
        this.wakers.delete(waker);
        resolve(false);
      }, ms);
      this.wakers.add(waker);
    });
  }

  private wake(): void {
    for (const w of [...this.wakers]) w();
  }
}

const key = (device: string) => device.toUpperCase();
const isBooting = (s: PhoneScreen) => s.status === 'booting' || s.status === 'resetting';
