/**
 * `npm run bench`: EMCC logins and logouts through the real path (a phone's HTTP request to the
 * visiting EMApp -> visiting EM service -> home EM service over HTTPS, and back; the logout from
 * the home EMApp), with 200 phones at once, against a floor of the same number of plain
 * keep-alive loopback HTTP round trips measured in the same run. Prints one JSON object.
 */
import http from 'node:http';
import os from 'node:os';
import { LabClock } from '../../main/clock/lab-clock';
import { keyPool } from '../../main/cluster/pki/key-source';
import { HOME_CLUSTER, VISITING_CLUSTER } from '../../main/lab/demo-lab';
import { Lab } from '../../main/lab/lab';
import { startHttpServer } from '../../main/net/http-server';
import { withRecords } from '../helpers/definitions';

const PHONES = 200;
const ROUNDS = 5;
const sep = (i: number) => `SEPBE0C${i.toString(16).toUpperCase().padStart(8, '0')}`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
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
  const home = { ...withRecords(HOME_CLUSTER, 'endUser', (us) => [...us, ...users]), emccDevices: PHONES };
  const visiting = withRecords(VISITING_CLUSTER, 'phone', (ps) => [...ps, ...phones]);
  // The clock stands still: the phones never get past booting, so only the login path runs.
  const clock = new LabClock();
  clock.pause();
  const lab = await Lab.open({ clusters: [home, visiting], clock, keys: keyPool(4), exchangeCertificates: true });
  const net = lab.network.client('phones');
  const visitApp = 'http://visit-pub:8080/emapp/EMAppServlet';
  const homeApp = 'http://home-pub:8080/emapp/EMAppServlet';
  const loginMs: number[] = [];
  const logoutMs: number[] = [];
  let failures = 0;

  const cycle = async (i: number) => {
    let t = performance.now();
    const login = await net.request({ url: `${visitApp}?device=${sep(i)}&EMCC=true&userid=bench${i}&seq=12345`, timeoutMs: 60_000 });
    loginMs.push(performance.now() - t);
    if (!login.body.includes('Login successful')) { failures++; if (failures < 3) process.stderr.write(`login failed: ${login.body.slice(0, 300)}\n`); }
    // Logged in, the phone would register to home: its logout goes to the home EMApp.
    t = performance.now();
    const logout = await net.request({ url: `${homeApp}?device=${sep(i)}&doLogout=true`, timeoutMs: 60_000 });
    logoutMs.push(performance.now() - t);
    if (!logout.body.includes('Logout successful')) { failures++; if (failures < 3) process.stderr.write(`logout failed: ${logout.body.slice(0, 300)}\n`); }
  };

  await Promise.all(Array.from({ length: PHONES }, (_, i) => cycle(i))); // warm-up round
  loginMs.length = logoutMs.length = 0;
  failures = 0;
  const before = lab.network.requestsSent;
  const start = performance.now();
  await Promise.all(Array.from({ length: PHONES }, async (_, i) => {
    for (let r = 0; r < ROUNDS; r++) await cycle(i);
  }));
  const pathMs = performance.now() - start;
  const requests = lab.network.requestsSent - before;
  const reasons = new Map<string, number>();
  for (const e of lab.trace.list()) {
    const key = e.text.replace(/SEP\w+|bench\d+|[0-9A-F]{2}(:[0-9A-F]{2})+/g, '…').slice(0, 160);
    reasons.set(key, (reasons.get(key) ?? 0) + 1);
  }
  await lab.close();
  const floorMs = await floor(requests, PHONES);

  const logins = PHONES * ROUNDS;
  loginMs.sort((a, b) => a - b);
  logoutMs.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  process.stdout.write(`${JSON.stringify({
    phones: PHONES,
    logins,
    failures,
    emccLoginsPerSecond: round(logins / (pathMs / 1000)),
    loginP50Ms: round(percentile(loginMs, 50)),
    loginP99Ms: round(percentile(loginMs, 99)),
    logoutP50Ms: round(percentile(logoutMs, 50)),
    requestsPerLoginAndLogout: round(requests / logins),
    pathMs: round(pathMs),
    floorMs: round(floorMs),
    floorRatio: round(pathMs / floorMs),
    targets: { emccLoginsPerSecond: 1000, loginP99Ms: 20, floorRatio: 3 },
    machine: { node: process.version, cpus: os.cpus().length },
    // What the trace says about the requests that failed, grouped.
    traceOfFailures: Object.fromEntries(reasons),
  }, null, 2)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
