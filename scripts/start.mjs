// `npm start`: the desktop app when Electron's binary is here; otherwise one line saying so and
// the same renderer in browser mode. Electron 42+ fetches its binary on first run, so a machine
// with internet gets it here; one without falls back at once.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

function electronBinary() {
  let dir;
  try {
    dir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return undefined;
  }
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile) && !process.env.CI) {
    // First run: let Electron fetch its binary (quietly; it fails fast without internet).
    spawnSync(process.execPath, [path.join(dir, 'install.js')], { stdio: 'ignore', timeout: 120_000 });
  }
  if (!existsSync(pathFile)) return undefined;
  const binary = path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

const binary = electronBinary();
const args = process.argv.slice(2);
const child = binary
  ? spawn(binary, ['.', ...args], { stdio: 'inherit' })
  : (console.log("Electron's binary is not available on this machine: starting EMCC Lab in browser mode."),
    spawn(process.execPath, ['dist/cli/cli.mjs', 'serve', ...args], { stdio: 'inherit' }));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
