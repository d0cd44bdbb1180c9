import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstStdoutLine } from '../../helpers/cli-process';
import { runScenarioFiles, type CliOutput } from '../../../main/cli/run-command';
import { validateFiles } from '../../../main/cli/validate-command';
import { DEMO_LAB, FRESH_LAB } from '../../../main/lab/demo-lab';
import { TEST_KEYS } from '../../helpers/lab-fixture';
import { fixture, scenarioText } from '../../helpers/scenario-fixture';

const PASSES = fixture('emcc-login.emccscenario');
const FAILS = fixture('expectation-fails.emccscenario');

function capture(): CliOutput & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (l) => lines.push(l), err: (l) => errors.push(l) };
}

/** Run the built command (npm test builds before the unit tests). */
function cli(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const proc = spawn(process.execPath, ['dist/cli/cli.mjs', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  proc.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => proc.once('close', (code) => resolve({ code, stdout, stderr })));
}

let dir: string;
let invalid: string;
let labFile: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'emcc-cli-run-'));
  invalid = path.join(dir, 'invalid.emccscenario');
  writeFileSync(invalid, scenarioText({ steps: [{ do: 'logout', device: 'SEP0000000000FF' }] }));
  labFile = path.join(dir, 'broken.emcclab');
  writeFileSync(labFile, JSON.stringify({ format: 'emcc-lab', version: 1, name: 'x', clusters: [{ ...DEMO_LAB[0], name: 'Home!' }] }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('emcc-lab run', () => {
  it('prints one line per step with ✓/✗ and a summary naming the failed step; exit code 1', async () => {
    const io = capture();
    const code = await runScenarioFiles([PASSES, FAILS], { keys: TEST_KEYS }, io);
    expect(code).toBe(1);
    expect(io.lines[0]).toBe('▶ emcc-login.emccscenario: alice logs in through EMCC after a wrong PIN; an application asks who is logged in');
    expect(io.lines.filter((l) => /^ {2}[✓✗] /.test(l))).toHaveLength(12 + 3);
    expect(io.lines).toContain('  passed · codes shown: 2, 3');
    expect(io.lines).toContain('  ✗ 3. Expect SEP00AA11BB22CC: registered to HOME — SEP00AA11BB22CC is registered to VISIT, expected HOME');
    expect(io.lines.slice(-4)).toEqual([
      '',
      '2 scenarios: 1 passed, 1 failed',
      '✗ expectation-fails.emccscenario',
      '    step 3. Expect SEP00AA11BB22CC: registered to HOME — SEP00AA11BB22CC is registered to VISIT, expected HOME',
    ]);
  });

  it('exits 0 when every expectation of every scenario holds', async () => {
    expect(await runScenarioFiles([PASSES], { keys: TEST_KEYS }, capture())).toBe(0);
  });

  it('an invalid file is reported with each problem\'s field, the others still run, and the exit code is 1', async () => {
    const io = capture();
    expect(await runScenarioFiles([invalid, PASSES], { keys: TEST_KEYS }, io)).toBe(1);
    expect(io.lines.slice(0, 2)).toEqual(['✗ invalid.emccscenario is invalid:', expect.stringMatching(/^ {4}steps\.0\.device: no phone named "SEP0000000000FF"/)]);
    expect(io.lines).toContain('2 scenarios: 1 passed, 0 failed, 1 invalid');
  });

  it('--json prints exactly one JSON object per scenario per line and nothing else', async () => {
    const io = capture();
    expect(await runScenarioFiles([PASSES, FAILS, invalid], { json: true, keys: TEST_KEYS }, io)).toBe(1);
    expect(io.lines.map((l) => JSON.parse(l) as unknown)).toEqual([
      { scenario: 'emcc-login.emccscenario', passed: true, codes: [2, 3], failures: [] },
      {
        scenario: 'expectation-fails.emccscenario', passed: false, codes: [31],
        failures: ['step 3. Expect SEP00AA11BB22CC: registered to HOME — SEP00AA11BB22CC is registered to VISIT, expected HOME'],
      },
      { scenario: 'invalid.emccscenario', passed: false, codes: [], failures: [expect.stringMatching(/^steps\.0\.device: /)] },
    ]);
    expect(io.errors).toEqual([]);
  });
});

describe('emcc-lab validate', () => {
  it('says which files are valid and prints each problem with its field; exit code 1 if any is invalid', () => {
    const io = capture();
    expect(validateFiles([PASSES, invalid, labFile, path.join(dir, 'missing.emcclab')], io)).toBe(1);
    expect(io.lines).toEqual([
      `✓ ${PASSES}: a valid scenario`,
      `✗ ${invalid}: an invalid scenario, 1 problem:`,
      expect.stringMatching(/^ {4}steps\.0\.device: no phone named "SEP0000000000FF"/),
      expect.stringMatching(new RegExp(`^✗ ${labFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: an invalid lab file, \\d+ problems?:$`)),
      ...io.lines.slice(4, -1).map(() => expect.stringMatching(/^ {4}\S+: /)),
      expect.stringMatching(/^✗ .*missing\.emcclab: cannot be read/),
    ]);
    expect(io.lines.some((l) => l.startsWith('    clusters.0.name: '))).toBe(true);
  });

  it('exits 0 when every file is valid', () => {
    expect(validateFiles([PASSES, FAILS], capture())).toBe(0);
  });
});

describe('the built command', () => {
  it('npx emcc-lab runs the built command through the package\'s bin (present before any build, so npm can link it)', async () => {
    const { bin } = JSON.parse(readFileSync('package.json', 'utf8')) as { bin: Record<string, string> };
    expect(bin).toEqual({ 'emcc-lab': 'bin/emcc-lab.mjs' });
    expect(readFileSync(bin['emcc-lab']!, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
    expect(statSync(bin['emcc-lab']!).mode & 0o111).not.toBe(0);
    const r = spawnSync(process.execPath, [bin['emcc-lab']!, 'validate', PASSES], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('valid');
  });

  it('run --json: one JSON line per scenario on stdout, nothing else, exit code 1 for a failed expectation', async () => {
    const { code, stdout } = await cli('run', '--json', PASSES, FAILS);
    expect(code).toBe(1);
    const lines = stdout.trimEnd().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { scenario: string; passed: boolean }))).toMatchObject([
      { scenario: 'emcc-login.emccscenario', passed: true },
      { scenario: 'expectation-fails.emccscenario', passed: false },
    ]);
  });

  it('validate exits 0 for valid files and 1 for an invalid one', async () => {
    expect((await cli('validate', PASSES)).code).toBe(0);
    const bad = await cli('validate', invalid);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('steps.0.device: no phone named "SEP0000000000FF"');
  });

  it('serve --headless --lab opens that lab file instead of the demo lab', async () => {
    const file = path.join(dir, 'fresh.emcclab');
    // Two clusters as just installed, each with a Cluster ID of its own.
    const clusters = FRESH_LAB.map((c, i) => ({ ...c, enterprise: { ...c.enterprise, clusterId: `C${i + 1}` } }));
    writeFileSync(file, JSON.stringify({ format: 'emcc-lab', version: 1, name: 'Fresh', clusters }));
    const data = path.join(dir, 'serve-data');
    const proc = spawn(process.execPath, ['dist/cli/cli.mjs', 'serve', '--headless', '--data', data, '--lab', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const firstLine = await firstStdoutLine(proc);
      const banner = JSON.parse(firstLine) as { clusters: { id: string; clusterId: string; nodes: { name: string }[] }[] };
      expect(banner.clusters.map((c) => [c.id, c.clusterId, c.nodes.map((n) => n.name)])).toEqual([['cluster-a', 'C1', ['cucm-a-pub']], ['cluster-b', 'C2', ['cucm-b-pub']]]);
      let stderr = '';
      proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const code = await new Promise<[number | null, string | null]>((resolve) => {
        proc.once('exit', (c, sig) => resolve([c, sig]));
        proc.kill('SIGTERM');
      });
      expect({ code, stderr }).toEqual({ code: [0, null], stderr: '' });
    } finally {
      proc.kill('SIGKILL');
    }
  });

  it('serve --lab with an invalid lab file says which field and exits non-zero', async () => {
    const { code, stderr } = await cli('serve', '--headless', '--data', path.join(dir, 'serve-bad'), '--lab', labFile);
    expect(code).not.toBe(0);
    expect(stderr).toContain('clusters.0.name');
  });

  it('serve refuses --empty together with --lab', async () => {
    const { code, stderr } = await cli('serve', '--headless', '--empty', '--lab', labFile);
    expect(code).not.toBe(0);
    expect(stderr).toContain('--empty and --lab cannot be used together');
  });
});
