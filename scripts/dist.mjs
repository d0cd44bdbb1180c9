// `npm run dist`: the installers of electron-builder.yml for this platform (arguments go to
// electron-builder: `npm run dist -- --win`, `-- --linux deb`, `-- --mac --arm64`). Needs a
// machine where Electron, its headers and electron-builder's tools can be downloaded (README,
// "Installers"). Each unpacked app is then checked like dist:check does, and its better-sqlite3
// must be built for Electron's ABI.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkPackagedApp } from './dist-contents.mjs';

const require = createRequire(import.meta.url);
const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const release = path.join(projectDir, 'release');
const started = Date.now();
process.chdir(projectDir);

function run(cmd, args, env = process.env) {
  // npm is a .cmd on Windows, which only a shell runs.
  const r = spawnSync(cmd, args, { stdio: 'inherit', env, shell: cmd.endsWith('.cmd') });
  return r.status === 0;
}

if (!run(process.execPath, ['scripts/build.mjs'])) process.exit(1);

// electron-builder rebuilds better-sqlite3 for Electron in the project's own node_modules
// (npmRebuild on, over electron-builder.yml). npm hands its config to scripts as npm_config_*;
// a nodedir in it would make node-gyp build against that Node's headers instead of Electron's,
// so it is dropped for the rebuild.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.toLowerCase() !== 'npm_config_nodedir'));
const builder = path.join(path.dirname(require.resolve('electron-builder/package.json')), 'cli.js');
const built = run(process.execPath, [builder, '--publish', 'never', '-c.npmRebuild=true', ...process.argv.slice(2)], env);

// The rebuild left better-sqlite3 built for Electron: rebuild it for Node again, or the command
// line, browser mode and the tests could not open a database.
console.log('\n== rebuilding better-sqlite3 for Node');
const restored = run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['rebuild', 'better-sqlite3']);
if (!built) process.exit(1);

const abi = Number(readFileSync(path.join(path.dirname(require.resolve('electron/package.json')), 'abi_version'), 'utf8'));
const platformOf = (dir) => (dir.startsWith('win') ? 'win32' : dir.startsWith('mac') ? 'darwin' : 'linux');
// The unpacked apps electron-builder made in this run (linux-unpacked, win-arm64-unpacked,
// mac-arm64/EMCC Lab.app...); release/ keeps older ones of other platforms.
const unpackedApps = (existsSync(release) ? readdirSync(release) : [])
  .filter((d) => /^(linux|win)(-\w+)?-unpacked$|^mac(-\w+)?$/.test(d) && statSync(path.join(release, d)).mtimeMs >= started - 1000);
let failed = !restored;
if (!restored) console.error('dist: better-sqlite3 could not be rebuilt for Node; run `npm rebuild better-sqlite3`');
for (const dir of unpackedApps) {
  const { problems, notes } = checkPackagedApp(path.join(release, dir), projectDir, { platform: platformOf(dir), abi });
  for (const note of notes) console.log(`  ${note}`);
  for (const p of problems) console.error(`  ✗ ${dir}: ${p}`);
  failed ||= problems.length > 0;
}
if (!unpackedApps.length) console.log('dist: no unpacked app in release/ to check');
if (failed) process.exit(1);
console.log(`dist: installers in release/ (checked: ${unpackedApps.join(', ') || 'none'}; better-sqlite3 built for Electron's ABI ${abi})`);
