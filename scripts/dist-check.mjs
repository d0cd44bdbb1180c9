// `npm run dist:check`: what the installers would hold, built and checked on a machine that
// cannot download Electron (CI, here). It builds the bundles, packs electron-builder's unpacked
// Linux app (the `dir` target, the step every installer starts from) against a placeholder
// Electron folder with native rebuild off, then checks the result (scripts/dist-contents.mjs).
// Exits non-zero with the list of what is wrong. `--no-build` reuses the current dist/.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkPackagedApp } from './dist-contents.mjs';

const require = createRequire(import.meta.url);
const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(projectDir, 'release-check');
const placeholder = path.join(out, 'electron-placeholder');
const started = Date.now();

process.chdir(projectDir);
if (!process.argv.includes('--no-build')) {
  const built = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  if (built.status !== 0) {
    console.error('dist:check: the build failed');
    process.exit(1);
  }
}

// electron-builder copies an unpacked Electron folder as is and renames its `electron` binary to
// the app's executable name; nothing else of it is read for the dir target. A script that says
// what it is stands in for the binary, so the check needs no download.
rmSync(out, { recursive: true, force: true });
mkdirSync(placeholder, { recursive: true });
writeFileSync(path.join(placeholder, 'electron'), '#!/bin/sh\necho "placeholder Electron from npm run dist:check: not a runnable app" >&2\nexit 1\n');
chmodSync(path.join(placeholder, 'electron'), 0o755);

// Through its API rather than its CLI: the CLI would also ask the npm registry for updates.
const { build, Platform } = require('electron-builder');
try {
  await build({
    targets: Platform.LINUX.createTarget('dir'),
    publish: 'never',
    // Over electron-builder.yml. npmRebuild stays off: the rebuild would need Electron's headers
    // and, failing to fetch them, builds for Node's ABI without a word.
    config: { electronDist: placeholder, npmRebuild: false, directories: { output: out } },
  });
} catch (e) {
  console.error(`dist:check: electron-builder failed: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
}

// No expected ABI: with rebuild off the addon is the one npm built for Node, which is expected
// here; `npm run dist` checks its installers for Electron's ABI.
const appOutDir = path.join(out, 'linux-unpacked');
const { problems, notes } = checkPackagedApp(appOutDir, projectDir, { platform: 'linux', executable: 'emcc-lab' });

// The externals load from the packaged tree as the shell loads them: better-sqlite3 through
// bindings to its unpacked addon (built for this Node, rebuild being off), ssh2 with its
// dependencies. Node cannot read an asar, so this runs on an extracted copy, outside the project
// so that nothing missing from it is found in the project's node_modules instead.
if (!problems.length) {
  const extracted = mkdtempSync(path.join(os.tmpdir(), 'emcc-lab-dist-check-'));
  const asar = createRequire(require.resolve('app-builder-lib'))('@electron/asar');
  asar.extractAll(path.join(appOutDir, 'resources', 'app.asar'), extracted);
  const probe = "const D = require('better-sqlite3'); if (new D(':memory:').prepare('select 41 + 1 as n').get().n !== 42) throw new Error('wrong answer'); require('ssh2');";
  const env = { ...process.env };
  delete env.NODE_PATH;
  const loaded = spawnSync(process.execPath, ['-e', probe], { cwd: extracted, env, encoding: 'utf8' });
  const why = `${loaded.stderr}${loaded.stdout}`.split('\n').find((l) => /Error\b/.test(l))?.trim() ?? `exit ${loaded.status}`;
  if (loaded.status !== 0) problems.push(`the packaged better-sqlite3 or ssh2 does not load: ${why}`);
  else notes.push('better-sqlite3 (an in-memory query) and ssh2 load from the packaged node_modules');
  rmSync(extracted, { recursive: true, force: true });
}
for (const note of notes) console.log(`  ${note}`);
const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (problems.length) {
  console.error(`\ndist:check: ${problems.length} problem(s) in release-check/linux-unpacked:`);
  for (const p of problems) console.error(`  ✗ ${p}`);
  process.exit(1);
}
console.log(`dist:check: release-check/linux-unpacked holds what the installers need (${seconds} s)`);
