/**
 * The crash test's parts: a lab with many phones and EMCC devices made in a data folder, the
 * built command line run on it (and killed), phones played over HTTP against its EMApps and EM
 * services, and a seeded random source for the kill points.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { ClusterDefinition } from '../../../main/cluster/cluster-definition';
import { HOME_CLUSTER, VISITING_CLUSTER } from '../../../main/lab/demo-lab';
import { Lab } from '../../../main/lab/lab';
import { withRecords } from '../../helpers/definitions';
import { EM_APP_USER, appInfo } from '../../helpers/em-lab';
import { TEST_KEYS } from '../../helpers/lab-fixture';
import { firstStdoutLine } from '../../helpers/cli-process';

/** Phones of the visiting cluster in the storm, each with an EMCC user at home and a local user. */
export const PHONES = 80;
/** One more phone, never in the storm: the restarted lab's check login uses it when no other fits. */
export const CHECK_PHONE = PHONES;
export const PIN = '12345';
export const phoneName = (i: number) => `SEPC0A5${i.toString(16).toUpperCase().padStart(8, '0')}`;
export const emccUser = (i: number) => `crash${i}`;
export const localUser = (i: number) => `visitor${i}`;

const phones = Array.from({ length: PHONES + 1 }, (_, i) => ({ name: phoneName(i), model: '8845', devicePool: 'Default', emEnabled: true }));
const homeUsers = Array.from({ length: PHONES + 1 }, (_, i) => ({ userId: emccUser(i), lastName: 'Crash', pin: PIN, emccEnabled: true, profiles: ['alice-udp'] }));
const localUsers = Array.from({ length: PHONES }, (_, i) => ({ userId: localUser(i), lastName: 'Visitor', pin: PIN, profiles: ['bob-udp'] }));
/** Every phone at once: one EM service node takes them all (Maximum Concurrent Requests, at most 100). */
const busy = (def: ClusterDefinition): ClusterDefinition => ({ ...def, serviceParameters: { ...def.serviceParameters, maxConcurrentRequests: 100 } });

/** The demo lab grown for a storm: an EMCC device per phone, so no login is refused for want of one. */
export const CRASH_HOME: ClusterDefinition = busy({ ...withRecords(HOME_CLUSTER, 'endUser', (us) => [...us, ...homeUsers]), emccDevices: PHONES + 1 });
export const CRASH_VISITING: ClusterDefinition = busy(withRecords(
  withRecords(withRecords(VISITING_CLUSTER, 'phone', (ps) => [...ps, ...phones]), 'endUser', (us) => [...us, ...localUsers]),
  'applicationUser', (us) => [...us, EM_APP_USER],
));

/**
 * Make the lab's databases in `dataDir` as the administration would (the command line then opens
 * them as its demo lab: a database that exists keeps its data), certificates exchanged.
 */
export async function makeCrashLab(dataDir: string): Promise<void> {
  const lab = await Lab.open({ dataDir, clusters: [CRASH_HOME, CRASH_VISITING], keys: TEST_KEYS, exchangeCertificates: true });
  await lab.close();
}

export interface Banner { clusters: { id: string; clusterId: string; nodes: { name: string; emapp: string; emservice: string }[] }[] }

/** The built command line serving the lab in `dataDir`, headless, until killed. */
export class ServedLab {
  readonly exited: Promise<number | null>;
  private stderr = '';

  private constructor(readonly proc: ChildProcess, readonly banner: Banner) {
    this.exited = new Promise((resolve) => {
      if (proc.exitCode !== null || proc.signalCode !== null) resolve(proc.exitCode);
      else proc.once('exit', (code) => resolve(code));
    });
  }

  static async start(dataDir: string): Promise<ServedLab> {
    const proc = spawn(process.execPath, ['dist/cli/cli.mjs', 'serve', '--headless', '--data', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    proc.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    try {
      const served = new ServedLab(proc, JSON.parse(await firstStdoutLine(proc)) as Banner);
      served.stderr = err;
      proc.stderr!.on('data', (d: Buffer) => (served.stderr += d.toString()));
      return served;
    } catch (e) {
      proc.kill('SIGKILL');
      throw new Error(`the lab did not start: ${e instanceof Error ? e.message : String(e)}\n${err}`);
    }
  }

  node(cluster: 'home' | 'visiting') {
    return this.banner.clusters.find((c) => c.id === cluster)!.nodes[0]!;
  }

  get errorOutput(): string {
    return this.stderr;
  }

  /** SIGTERM: the lab closes cleanly; resolves with the exit code. */
  async stop(): Promise<number | null> {
    this.proc.kill('SIGTERM');
    return this.exited;
  }

  /** SIGKILL: no handler runs, nothing is closed or flushed. */
  async kill(): Promise<void> {
    this.proc.kill('SIGKILL');
    await this.exited;
  }
}

/** What a phone (or an EM API application) got back: the text shown, and the code in it if any. */
export interface Answer { ok: boolean; code: number | null; body: string }

/** HTTP to the served lab, on kept-alive connections as phones keep them. */
export class Phones {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
  /** Requests sent and not answered yet. */
  inFlight = 0;

  constructor(private readonly lab: ServedLab) {}

  /** An EMApp request (a phone's GET): login with user and PIN, or logout. */
  emApp(cluster: 'home' | 'visiting', query: Record<string, string>): Promise<Answer> {
    const url = `${this.lab.node(cluster).emapp}?${new URLSearchParams(query).toString()}`;
    return this.send(url, 'GET').then((body) => ({ ok: /Login successful|Logout successful/.test(body), code: codeIn(body), body }));
  }

  login(cluster: 'home' | 'visiting', device: string, user: string): Promise<Answer> {
    return this.emApp(cluster, { device, EMCC: 'true', userid: user, seq: PIN });
  }

  logout(cluster: 'home' | 'visiting', device: string): Promise<Answer> {
    return this.emApp(cluster, { device, EMCC: 'true', doLogout: 'true' });
  }

  /** The EM API's logout on a cluster's EM service, as a third-party application sends it. */
  apiLogout(cluster: 'home' | 'visiting', device: string): Promise<Answer> {
    const xml = `<request>${appInfo(EM_APP_USER.userId, EM_APP_USER.password)}<logout><deviceName>${device}</deviceName></logout></request>`;
    return this.send(this.lab.node(cluster).emservice, 'POST', new URLSearchParams({ xml }).toString())
      .then((body) => ({ ok: body.includes('<success/>'), code: Number(/error code="(\d+)"/.exec(body)?.[1] ?? NaN) || null, body }));
  }

  close(): void {
    this.agent.destroy();
  }

  private send(url: string, method: 'GET' | 'POST', body?: string): Promise<string> {
    this.inFlight++;
    return new Promise<string>((resolve, reject) => {
      const req = http.request(url, {
        method, agent: this.agent,
        headers: body === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) },
      }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve(text));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    }).finally(() => this.inFlight--);
  }
}

/** The code of an EMApp error screen ("Login is unavailable (208)"), or null. */
function codeIn(body: string): number | null {
  const m = /\((\d+)\)/.exec(body);
  return m ? Number(m[1]) : null;
}

/** mulberry32: a small seeded generator, so a failing run's kill schedule can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed | 0;
  return () => {
    let t = (state = (state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Let the event loop turn `n` times (timers, I/O and immediates run in between). */
export async function turns(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** What the storm got back, over every run of it. */
export class StormTally {
  answers = 0;
  loginsOk = 0;
  logoutsOk = 0;
  /** Refusal codes and how often each came. */
  readonly codes = new Map<number, number>();
  private waiters: { n: number; resolve: () => void }[] = [];

  note(a: Answer, kind: 'login' | 'logout'): void {
    this.answers++;
    if (a.ok) {
      if (kind === 'login') this.loginsOk++;
      else this.logoutsOk++;
    } else if (a.code !== null) {
      this.codes.set(a.code, (this.codes.get(a.code) ?? 0) + 1);
    }
    this.waiters = this.waiters.filter((w) => (this.answers >= w.n ? (w.resolve(), false) : true));
  }

  /** Resolves once `n` more answers than now have come. */
  more(n: number): Promise<void> {
    const target = this.answers + n;
    return new Promise((resolve) => this.waiters.push({ n: target, resolve }));
  }
}

/**
 * Every storm phone logs in and out in a loop until the lab stops answering: mostly an EMCC login
 * (its home user, through the visiting EMApp), then a logout through the home EMApp (where the phone
 * is registered after an EMCC login) or, one cycle in seven, the visiting cluster's EM API logout
 * (the database clean-up of the visiting cluster only, which leaves the home's binding for its
 * maximum login time); one cycle in four a local login of the visiting cluster and its logout. A phone
 * the visiting cluster still counts as logged in (18) is logged out through the visiting EMApp.
 */
export async function storm(phones: Phones, tally: StormTally): Promise<void> {
  const phoneLoop = async (i: number) => {
    const device = phoneName(i);
    for (let cycle = 1; ; cycle++) {
      if (cycle % 4 === 0) {
        const a = await phones.login('visiting', device, localUser(i));
        tally.note(a, 'login');
        if (a.ok) tally.note(await phones.logout('visiting', device), 'logout');
        continue;
      }
      const a = await phones.login('visiting', device, emccUser(i));
      tally.note(a, 'login');
      if (a.ok) tally.note(cycle % 7 === 3 ? await phones.apiLogout('visiting', device) : await phones.logout('home', device), 'logout');
      else if (a.code === 18) tally.note(await phones.logout('visiting', device), 'logout');
    }
  };
  // A loop ends when its request fails: the lab was killed.
  await Promise.all(Array.from({ length: PHONES }, (_, i) => phoneLoop(i).catch(() => undefined)));
}
