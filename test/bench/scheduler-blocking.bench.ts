/**
 * Part of `npm run bench`: how long each scheduler's run holds the event loop (during which no
 * HTTP server answers and no window is served) with 60,000 devices in the visiting cluster:
 * 59,000 phones, each logged in through EMCC from the home cluster, which has since freed their
 * EMCC devices, so the expired EMCC device maintenance has all of them to check and log out.
 * The baseline is the event loop's longest stall while the lab sits idle for as long, measured
 * in the same run. Prints one JSON object.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { LabClock } from '../../main/clock/lab-clock';
import { keyPool } from '../../main/cluster/pki/key-source';
import { DEMO_LAB } from '../../main/lab/demo-lab';
import { Lab } from '../../main/lab/lab';
import type { SchedulerId } from '../../shared/api/lab-contract';
import { startProfile } from './profile';

const DEVICES = 60_000;
const mac = (i: number) => `SEPB10C${i.toString(16).toUpperCase().padStart(8, '0')}`;

/** The longest event-loop stall (ms) while `work` runs. */
async function longestStall(work: () => Promise<unknown>): Promise<{ stallMs: number; ms: number }> {
  const h = monitorEventLoopDelay({ resolution: 1 });
  h.enable();
  const start = performance.now();
  await work();
  const ms = performance.now() - start;
  h.disable();
  return { stallMs: Math.round((h.max / 1e6) * 100) / 100, ms: Math.round(ms) };
}

async function main(): Promise<void> {
  const lab = await Lab.open({ clusters: DEMO_LAB, clock: new LabClock({ paused: true }), keys: keyPool(4), exchangeCertificates: true });
  const visit = lab.cluster('VISIT')!;
  const existing = visit.store.phoneCount();
  const extra = DEVICES - existing - 2 * visit.store.emccDeviceCount();
  // The visiting cluster's records of EMCC logins the home cluster no longer has (written
  // straight to its database: building them through 59,000 logins is not what is measured).
  visit.store.transaction(() => {
    for (let i = 0; i < extra; i++) {
      const device = mac(i);
      visit.store.putPhone({ name: device, model: '8845', device_pool: 'Default', em_enabled: 1, security_mode: 'non-secure', logout_profile: null }, [], []);
      visit.store.recordLogin({ device, user_id: 'alice', profile: 'alice-udp', kind: 'emcc', home_cluster: 'HOME', home_tftp: 'home-pub', login_at: lab.clock.now() });
    }
  });
  const run = (id: SchedulerId) => async () => {
    const s = visit.schedulers.find((x) => x.spec.id === id)!;
    return s.runNow();
  };
  const results: Record<string, { stallMs: number; ms: number; found: string; changed: number }> = {};
  const profiler = await startProfile();
  for (const id of ['remoteClusterUpdate', 'rsvpKeepAlive', 'expiredDeviceMaintenance'] as const) {
    let outcome: Awaited<ReturnType<ReturnType<typeof run>>>;
    const m = await longestStall(async () => (outcome = await run(id)()));
    results[id] = { ...m, found: outcome?.found ?? '', changed: outcome?.changed.length ?? 0 };
  }
  await profiler?.stop();
  const loginsLeft = visit.store.emccLoginsAfter('', 10).length;
  const longest = Math.max(...Object.values(results).map((r) => r.ms));
  const idle = await longestStall(() => new Promise((resolve) => setTimeout(resolve, Math.max(200, longest))));
  await lab.close();
  process.stdout.write(`${JSON.stringify({
    devices: DEVICES,
    runs: results,
    emccLoginsLeft: loginsLeft,
    longestStallMs: Math.max(...Object.values(results).map((r) => r.stallMs)),
    idleBaselineStallMs: idle.stallMs,
    target: { longestStallMs: 50 },
  })}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
