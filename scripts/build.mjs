// Build everything that runs: the main-process bundles (CLI, Electron shell, preload) with
// esbuild, and the renderer with Vite. Native and Electron modules stay external.
import { chmodSync } from 'node:fs';
import { build as esbuild } from 'esbuild';
import { build as vite } from 'vite';

// ssh2 carries optional native addons esbuild cannot bundle; it ships in node_modules.
const external = ['better-sqlite3', 'electron', 'ssh2'];
const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: false, logLevel: 'warning', external, legalComments: 'none' };

await Promise.all([
  esbuild({ ...common, entryPoints: ['main/cli/cli.ts'], outfile: 'dist/cli/cli.mjs', format: 'esm',
    // The package's `bin` (npx emcc-lab) runs this file itself: it starts with its interpreter.
    // Bundled CommonJS dependencies still call require(); give the ESM bundle one.
    banner: { js: "#!/usr/bin/env node\nimport { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" } }),
  esbuild({ ...common, entryPoints: ['main/shell/electron-main.ts'], outfile: 'dist/main/shell.cjs', format: 'cjs' }),
  esbuild({ ...common, entryPoints: ['main/shell/preload.ts'], outfile: 'dist/main/preload.cjs', format: 'cjs' }),
]);
chmodSync('dist/cli/cli.mjs', 0o755);
await vite({ configFile: 'vite.config.ts', logLevel: 'warn' });
