// `npm test`: everything CI checks, in order: type check, lint, build, unit tests (Vitest), then
// end-to-end tests (Playwright in Debian's Chromium against the real lab in browser mode). Ends
// with one plain line `N passed, N failed` counting every test and check.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';

const results = { passed: 0, failed: 0 };
const failures = [];
mkdirSync('test-results', { recursive: true });

function run(label, cmd, args, env = {}) {
  console.log(`\n== ${label}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

function check(label, ok) {
  if (ok) results.passed++;
  else {
    results.failed++;
    failures.push(label);
  }
}

function countJson(file, label, count) {
  if (!existsSync(file)) {
    check(`${label} (no report)`, false);
    return;
  }
  const { passed, failed } = count(JSON.parse(readFileSync(file, 'utf8')));
  results.passed += passed;
  results.failed += failed;
  if (failed) failures.push(`${label}: ${failed} failed`);
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

check('type check', run('type check', npx, ['tsc', '-p', 'tsconfig.json', '--noEmit']));
check('lint', run('lint', npx, ['eslint', '.']));

// The build comes before the unit tests: the command-line tests run the built CLI.
const built = run('build', process.execPath, ['scripts/build.mjs']);
check('build', built);
rmSync('test-results/unit.json', { force: true });
const unitOk = run('unit tests', npx, ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/unit.json']);
countJson('test-results/unit.json', 'unit tests', (j) => ({ passed: j.numPassedTests, failed: j.numFailedTests + (unitOk || j.numFailedTests ? 0 : 1) }));

// The shipped scenario library, played as field teams play it: `emcc-lab run resources/scenarios/*`.
if (built) {
  console.log('\n== scenario library');
  const files = readdirSync('resources/scenarios').map((f) => `resources/scenarios/${f}`);
  const r = spawnSync(process.execPath, ['dist/cli/cli.mjs', 'run', '--json', ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const lines = r.stdout.split('\n').filter((l) => l.startsWith('{'));
  for (const line of lines) {
    const { scenario, passed, failures: why } = JSON.parse(line);
    console.log(`${passed ? '✓' : '✗'} ${scenario}${passed ? '' : `: ${JSON.stringify(why)}`}`);
    check(`scenario ${scenario}`, passed);
  }
  if (r.stderr) process.stderr.write(r.stderr);
  check('scenario library run', r.status === 0 && lines.length === files.length);
}

// What the installers would hold, packed offline from this build (electron-builder's unpacked
// Linux app on a placeholder Electron) and checked: bundles, library, unpacked better-sqlite3,
// no development files.
if (built) check('packaging (dist:check)', run('packaging (dist:check)', process.execPath, ['scripts/dist-check.mjs', '--no-build']));

if (built) {
  rmSync('test-results/e2e.json', { force: true });
  const e2eOk = run('end-to-end tests', npx, ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: 'test-results/e2e.json' });
  countJson('test-results/e2e.json', 'end-to-end tests', (j) => {
    const s = j.stats ?? {};
    const failed = (s.unexpected ?? 0) + (s.flaky ?? 0);
    return { passed: s.expected ?? 0, failed: failed + (e2eOk || failed ? 0 : 1) };
  });
}

if (failures.length) console.log(`\nFailed: ${failures.join('; ')}`);
console.log(`\n${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed === 0 ? 0 : 1);
