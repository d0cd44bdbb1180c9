/**
 * `npm run bench`: EMCC logins and logouts through the real path (a phone's HTTP request to the
 * visiting EMApp -> visiting EM service -> home EM service over HTTPS, and back; the logout from
 * the home EMApp). The latency of one login is measured with phones one after another; the
 * throughput with 200 phones at once, against a floor of the same number of plain keep-alive
 * loopback HTTP round trips measured in the same run. Prints one JSON object.
 */
import http from 'node:http';
import os from 'node:os';
import { LabClock } from '../../main/clock/lab-clock';
import type { ClusterDefinition } from '../../main/cluster/cluster-definition';
import { keyPool } from '../../main/cluster/pki/key-source';
import { SERVICES } from '../../shared/cluster-services';
import { HOME_CLUSTER, VISITING_CLUSTER } from '../../main/lab/demo-lab';
import { Lab } from '../../main/lab/lab';
import { startHttpServer } from '../../main/net/http-server';
import { withRecords } from '../helpers/definitions';
import { startProfile } from './profile';

const PHONES = 200;
const ROUNDS = 5;
/**
 * Rounds before the measured ones. The kept-alive connection pools grow to the size the
 * measured rounds use (the first round's requests arrive spread out and open fewer), so the
 * measured time is the path itself, not TLS handshakes; how many happened during the measured
 * rounds is printed (tlsHandshakesMeasured).
 */
const WARM_UP_ROUNDS = 2;
/** Maximum Concurrent Requests (service parameter, per EM service node; at most 100). */
const MAX_CONCURRENT_REQUESTS = 100;
const sep = (i: number) => `SEPBE0C${i.toString(16).toUpperCase().padStart(8, '0')}`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** A bench cluster: subscribers running Extension Mobility besides the publisher, every node taking 100 requests. */
function benchCluster(def: ClusterDefinition, subscribers: string[]): ClusterDefinition {
  return {
    ...def,
    nodes: [...def.nodes, ...subscribers.map((host) => ({ record: { host, role: 'subscriber', ipv4: '127.0.0.1' }, services: [SERVICES.extensionMobility] }))],
    serviceParameters: { ...def.serviceParameters, maxConcurrentRequests: MAX_CONCURRENT_REQUESTS },
  };
}

async function floor(requests: number, concurrency: number): Promise<number> {
  const server = await startHttpServer(() => ({ status: 200, body: 'ok' }));
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const one = () => new Promise<void>((resolve, reject) => {
    http.get(`${server.url}/`, { agent }, (res) => {
      res.resume();
      res.on('end', () => resolve());
    }).on('error', reject);
  });
  let left = requests;
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (left-- > 0) await one();
  }));
  const ms = performance.now() - start;
  agent.destroy();
  await server.close();
  return ms;
}

async function main(): Promise<void> {
  const users = Array.from({ length: PHONES }, (_, i) => ({ userId: `bench${i}`, lastName: 'Bench', pin: '12345', emccEnabled: true, profiles: ['alice-udp'] }));
  const phones = Array.from({ length: PHONES }, (_, i) => ({ name: sep(i), model: '8845', devicePool: 'Default', emEnabled: true }));
  // 200 phones at once are more than one EM service node takes (Maximum Concurrent Requests is
  // per node, at most 100), and the remote cluster's requests come on top: each cluster gets two
  // subscribers running Extension Mobility, every node taking 100.
  const home = benchCluster({ ...withRecords(HOME_CLUSTER, 'endUser', (us) => [...us, ...users]), emccDevices: PHONES }, ['home-sub1', 'home-sub2']);
  const visiting = benchCluster(withRecords(VISITING_CLUSTER, 'phone', (ps) => [...ps, ...phones]), ['visit-sub1', 'visit-sub2']);
  // The clock stands still: the phones never get past booting (a phone not registered is never
  // reset by CallManager, so a login resets nothing), and only the login path runs.
  const clock = new LabClock();
  clock.pause();
  const lab = await Lab.open({ clusters: [home, visiting], clock, keys: keyPool(4), exchangeCertificates: true });
  const net = lab.network.client('phones');
  const visitApp = 'http://visit-pub:8080/emapp/EMAppServlet';
  const homeApp = 'http://home-pub:8080/emapp/EMAppServlet';
  let loginMs: number[] = [];
  let failures = 0;
  const failed = (what: string, body: string) => {
    failures++;
    if (failures < 3) process.stderr.write(`${what} failed: ${body.slice(0, 300)}\n`);
  };

  const cycle = async (i: number) => {
    const t = performance.now();
    const login = await net.request({ url: `${visitApp}?device=${sep(i)}&EMCC=true&userid=bench${i}&seq=12345`, timeoutMs: 60_000 });
    loginMs.push(performance.now() - t);
    if (!login.body.includes('Login successful')) failed('login', login.body);
    // Logged in, the phone would register to home: its logout goes to the home EMApp.
    const logout = await net.request({ url: `${homeApp}?device=${sep(i)}&doLogout=true`, timeoutMs: 60_000 });
    if (!logout.body.includes('Logout successful')) failed('logout', logout.body);
  };
  const allPhones = (rounds: number) => Promise.all(Array.from({ length: PHONES }, async (_, i) => {
    for (let r = 0; r < rounds; r++) await cycle(i);
  }));

  await allPhones(WARM_UP_ROUNDS);

  // The latency of one login: phones one after another, nothing else in the lab's way.
  loginMs = [];
  for (let i = 0; i < PHONES; i++) await cycle(i);
  const single = [...loginMs].sort((a, b) => a - b);

  // Throughput: every phone at once, ROUNDS logins and logouts each.
  loginMs = [];
  failures = 0;
  const traceFrom = lab.trace.list().length;
  const before = lab.network.requestsSent;
  const handshakesBefore = lab.network.tlsConnectionsOpened;
  const profiler = await startProfile();
  const start = performance.now();
  await allPhones(ROUNDS);
  const pathMs = performance.now() - start;
  await profiler?.stop();
  const requests = lab.network.requestsSent - before;
  const handshakes = lab.network.tlsConnectionsOpened - handshakesBefore;
  // What the trace says about refused or failed requests, grouped (requests and answers left out).
  const reasons = new Map<string, number>();
  for (const e of lab.trace.list().slice(traceFrom)) {
    if (!/-> \d+$|failed|not told/.test(e.text)) continue;
    const key = e.text.replace(/SEP\w+|bench\d+|[0-9A-F]{2}(:[0-9A-F]{2})+/g, '…').slice(0, 160);
    reasons.set(key, (reasons.get(key) ?? 0) + 1);
  }
  await lab.close();
  const floorMs = await floor(requests, PHONES);

  const logins = PHONES * ROUNDS;
  const loaded = [...loginMs].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  process.stdout.write(`${JSON.stringify({
    phones: PHONES,
    logins,
    failures,
    emccLoginsPerSecond: round(logins / (pathMs / 1000)),
    // One login on its own (phone -> visiting EMApp -> visiting EM service -> home, and back).
    loginP50Ms: round(percentile(single, 50)),
    loginP99Ms: round(percentile(single, 99)),
    // A login while all 200 phones log in and out (mostly time spent waiting its turn).
    loadedLoginP50Ms: round(percentile(loaded, 50)),
    loadedLoginP99Ms: round(percentile(loaded, 99)),
    requestsPerLoginAndLogout: round(requests / logins),
    tlsHandshakesMeasured: handshakes,
    pathMs: round(pathMs),
    floorMs: round(floorMs),
    floorRatio: round(pathMs / floorMs),
    // The most logins a second the floor allows: its round trips a second over the path's per login.
    floorLoginsPerSecond: round((requests / (floorMs / 1000)) / (requests / logins)),
    targets: { emccLoginsPerSecond: 1000, loginP99Ms: 20, floorRatio: 3 },
    machine: { node: process.version, cpus: os.cpus().length },
    traceOfFailures: Object.fromEntries(reasons),
  }, null, 2)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
