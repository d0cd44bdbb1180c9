/**
 * Part of `npm run bench`: seven simulated days of the two-cluster demo lab with 1,000 phones
 * (500 on each cluster, all registered), fast-forwarded with the lab clock: every scheduler run
 * on the way (remote cluster updates over HTTPS, expired EMCC device maintenance, RSVP
 * keepalives every 15 s) happens at its due time. The baseline, measured in the same run, is the
 * same number of timers firing with nothing behind them. Prints one JSON object.
 */
import { LabClock } from '../../main/clock/lab-clock';
import { keyPool } from '../../main/cluster/pki/key-source';
import { HOME_CLUSTER, VISITING_CLUSTER } from '../../main/lab/demo-lab';
import { Lab } from '../../main/lab/lab';
import { withRecords } from '../helpers/definitions';
import { startProfile } from './profile';

const PHONES_PER_CLUSTER = 500;
const DAYS = 7;
const mac = (prefix: string, i: number) => `SEP${prefix}${i.toString(16).toUpperCase().padStart(8, '0')}`;

function phones(prefix: string) {
  return Array.from({ length: PHONES_PER_CLUSTER }, (_, i) => ({ name: mac(prefix, i), model: '8845', devicePool: 'Default', emEnabled: true }));
}

/** Resolve once every phone of the lab is registered. */
function allRegistered(lab: Lab): Promise<void> {
  return new Promise((resolve) => {
    const check = () => lab.snapshot().phones.every((p) => p.registeredTo !== null);
    if (check()) return resolve();
    const off = lab.onChange(() => {
      if (check()) {
        off();
        resolve();
      }
    });
  });
}

/** The same number of timers on a bare lab clock, firing nothing: what the jump costs at least. */
function baseline(timers: number, spanMs: number): number {
  const clock = new LabClock({ paused: true });
  const step = spanMs / timers;
  let left = timers;
  const again = () => {
    if (--left > 0) clock.setTimer(step, again);
  };
  clock.setTimer(step, again);
  const start = performance.now();
  clock.advance(spanMs);
  const ms = performance.now() - start;
  clock.dispose();
  return ms;
}

async function main(): Promise<void> {
  const home = withRecords(HOME_CLUSTER, 'phone', (ps) => [...ps, ...phones('BE0A')]);
  const visiting = withRecords(VISITING_CLUSTER, 'phone', (ps) => [...ps, ...phones('BE0B')]);
  const clock = new LabClock({ speed: 1000 });
  const lab = await Lab.open({ clusters: [home, visiting], clock, keys: keyPool(4), exchangeCertificates: true });
  await allRegistered(lab);
  clock.pause();
  const schedulers = lab.schedulerStates().length;
  const spanMs = DAYS * 24 * 3600_000;
  let runs = 0;
  const offRuns = lab.onSchedulerRun(() => runs++);
  const profiler = await startProfile();
  const start = performance.now();
  await lab.advance(spanMs);
  const realMs = performance.now() - start;
  await profiler?.stop();
  offRuns();
  // The schedulers' due times on the way: both clusters' keepalives (every 15 s), remote cluster
  // updates (every 30 min) and expired EMCC device maintenance (every 1,440 min).
  const timers = [15_000, 30 * 60_000, 1440 * 60_000].reduce((n, every) => n + 2 * Math.floor(spanMs / every), 0);
  const phonesRegistered = lab.snapshot().phones.filter((p) => p.registeredTo !== null).length;
  await lab.close();
  const baselineMs = baseline(timers, spanMs);
  const round = (n: number) => Math.round(n * 100) / 100;
  process.stdout.write(`${JSON.stringify({
    simulatedDays: DAYS,
    phones: PHONES_PER_CLUSTER * 2,
    phonesRegisteredAfter: phonesRegistered,
    schedulers,
    schedulerDueTimes: timers,
    schedulerRunsReported: runs,
    realMs: round(realMs),
    baselineMs: round(baselineMs),
    ratio: round(realMs / baselineMs),
    target: { realMs: 1000 },
  })}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
