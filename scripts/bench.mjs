// `npm run bench`: bundle the benchmark with esbuild (as the app's main process is bundled) and
// run it; it prints one JSON object.
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';

await build({
  entryPoints: ['test/bench/emcc-login.bench.ts'], outfile: 'dist/bench/emcc-login.bench.mjs', bundle: true, platform: 'node', target: 'node20',
  format: 'esm', external: ['better-sqlite3', 'ssh2'], logLevel: 'warning',
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
const r = spawnSync(process.execPath, ['dist/bench/emcc-login.bench.mjs'], { stdio: 'inherit' });
process.exit(r.status ?? 1);
