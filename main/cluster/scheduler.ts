/**
 * One periodic task of the guide on the lab clock (remote cluster update, expired EMCC device
 * maintenance, RSVP keepalive): when it runs next, and what its last runs found and changed.
 * Runs keep a fixed rate (each next run is due one interval after the previous one was due), so a
 * jump of the lab clock runs it at every due time on the way; a run never overlaps the previous.
 */
import type { Clock, TimerHandle } from '../clock/lab-clock';
import type { SchedulerId, SchedulerRun } from '../../shared/api/lab-contract';

export interface SchedulerSpec {
  id: SchedulerId;
  label: string;
  /** The interval now (it follows its parameter). */
  intervalMs(): number;
  /** One run: what it found and what it changed (synchronously when it needs no network). */
  run(): Omit<SchedulerRun, 'at'> | Promise<Omit<SchedulerRun, 'at'>>;
}

/** Runs kept per scheduler. */
const KEPT_RUNS = 10;

export class Scheduler {
  private timer: TimerHandle | undefined;
  private due: number | null = null;
  private readonly runs: SchedulerRun[] = [];
  private running: Promise<void> | undefined;

  constructor(
    readonly spec: SchedulerSpec,
    private readonly clock: Clock,
    /** Told after every run (the lab forwards it to the windows). */
    private readonly ran: (run: SchedulerRun, scheduler: Scheduler) => void,
  ) {}

  /** Arm the next run one interval from now (or from `from`). */
  start(from = this.clock.now()): void {
    this.stop();
    this.arm(from + this.spec.intervalMs());
  }

  stop(): void {
    this.clock.clearTimer(this.timer);
    this.timer = undefined;
    this.due = null;
  }

  /** Run now, then keep the rate from now on (Update Remote Cluster Now). */
  async runNow(): Promise<SchedulerRun | undefined> {
    // Asked for now, it runs now: after the run in progress, if any, not instead of it.
    while (this.running) await this.running;
    const run = await this.execute();
    if (this.due !== null) this.start();
    return run;
  }

  /** The run in progress, if any (a clock jump waits for it before the next timer). */
  get inProgress(): Promise<void> | undefined {
    return this.running;
  }

  get nextRunAt(): number | null {
    return this.due;
  }

  lastRuns(): SchedulerRun[] {
    return [...this.runs];
  }

  private arm(due: number): void {
    this.due = due;
    this.timer = this.clock.setTimer(Math.max(0, due - this.clock.now()), () => {
      this.arm(due + this.spec.intervalMs());
      void this.execute();
    });
  }

  private execute(): Promise<SchedulerRun | undefined> {
    if (this.running) {
      // The previous run has not finished: this one is left out rather than queued behind it.
      return Promise.resolve(undefined);
    }
    const at = this.clock.now();
    let outcome: Omit<SchedulerRun, 'at'> | Promise<Omit<SchedulerRun, 'at'>>;
    try {
      outcome = this.spec.run();
    } catch (e) {
      outcome = failed(e);
    }
    // A run without network work (the keepalive) finishes here and now: a clock jump over a week
    // of them must not pay a promise per run.
    if (!(outcome instanceof Promise)) return Promise.resolve(this.record(at, outcome));
    const done = outcome.catch(failed).then((o) => this.record(at, o)).finally(() => (this.running = undefined));
    this.running = done.then(() => undefined);
    return done;
  }

  private record(at: number, outcome: Omit<SchedulerRun, 'at'>): SchedulerRun {
    const run = { at, ...outcome };
    this.runs.unshift(run);
    if (this.runs.length > KEPT_RUNS) this.runs.length = KEPT_RUNS;
    this.ran(run, this);
    return run;
  }
}

function failed(e: unknown): Omit<SchedulerRun, 'at'> {
  return { found: `the run failed: ${e instanceof Error ? e.message : String(e)}`, changed: [] };
}
