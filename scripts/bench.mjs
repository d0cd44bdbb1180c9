// `npm run bench`: bundle each benchmark with esbuild (as the app's main process is bundled), run
// them one after another, and print one JSON object: the EMCC login benchmark's figures, with
// the others under their own keys.
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';

const BENCHES = [
  { key: null, entry: 'emcc-login' },
  { key: 'fastForward', entry: 'fast-forward' },
  { key: 'schedulerBlocking', entry: 'scheduler-blocking' },
];

let result = {};
for (const { key, entry } of BENCHES) {
  await build({
    entryPoints: [`test/bench/${entry}.bench.ts`], outfile: `dist/bench/${entry}.bench.mjs`, bundle: true, platform: 'node', target: 'node20',
    format: 'esm', external: ['better-sqlite3', 'ssh2'], logLevel: 'warning',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  const r = spawnSync(process.execPath, [`dist/bench/${entry}.bench.mjs`], { stdio: ['ignore', 'pipe', 'inherit'], env: process.env, maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) process.exit(r.status ?? 1);
  const figures = JSON.parse(r.stdout.toString());
  result = key ? { ...result, [key]: figures } : { ...figures, ...result };
}
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
