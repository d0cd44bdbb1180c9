/**
 * `emcc-lab run SCENARIO...`: each scenario played headless in a fresh lab of its own, in a
 * temporary data folder removed afterwards. One line per step on the terminal (✓/✗, in English)
 * and a summary; or, with --json, exactly one JSON line per scenario and nothing else on stdout.
 * The answer is the exit code: 0 when every expectation of every scenario held.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FileProblem, ScenarioState, ScenarioStepState } from '../../shared/api/file-contract';
import { sayText } from '../../shared/i18n/scenario-translator';
import { keyPool, type KeySource } from '../cluster/pki/key-source';
import type { Lab } from '../lab/lab';
import { LabFileError } from '../lab/lab-file';
import { readScenarioFile } from '../scenario/scenario-file';
import { openScenarioLab } from '../scenario/scenario-lab';
import { ScenarioRun } from '../scenario/scenario-run';

export interface CliOutput {
  out(line: string): void;
  err(line: string): void;
}

export interface RunOptions {
  json?: boolean;
  /** Certificate keys for every lab of the run (made once, on first use). */
  keys?: KeySource;
  settleBoundMs?: number;
  /** Remove the temporary data folders when the run is interrupted (Ctrl+C); the command line sets it. */
  cleanUpOnSignal?: boolean;
}

/** The temporary data folders of labs open right now. */
const liveFolders = new Set<string>();

function interrupted(signal: NodeJS.Signals): void {
  for (const dir of liveFolders) rmSync(dir, { recursive: true, force: true });
  process.exit(signal === 'SIGINT' ? 130 : 143);
}

/** One scenario's result, as the --json line says it. */
export interface ScenarioResult {
  scenario: string;
  passed: boolean;
  codes: number[];
  failures: string[];
}

/**
 * Keys per type in a run's pool: a demo lab's certificates need 12 RSA keys; reusing 4 makes the
 * first lab open about three times faster, and certificates are told apart by their own
 * fingerprints, not by their keys.
 */
const RUN_KEY_POOL = 4;

const problemLine = (p: FileProblem) => (p.field ? `${p.field}: ${p.message}` : p.message);
const stepLine = (s: ScenarioStepState) => `${s.index + 1}. ${sayText(s.text)}${s.message ? ` — ${sayText(s.message)}` : ''}`;

/** Play every file; resolves with the exit code. */
export async function runScenarioFiles(files: readonly string[], options: RunOptions, io: CliOutput): Promise<number> {
  // Real keys, made once per run: every lab of the run takes its certificates' keys from here.
  const keys = options.keys ?? keyPool(RUN_KEY_POOL);
  const results: ScenarioResult[] = [];
  const invalid = new Set<string>();
  if (options.cleanUpOnSignal) for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, interrupted);
  try {
    for (const file of files) {
      const result = await runOne(file, { ...options, keys }, io, () => invalid.add(file));
      results.push(result);
      if (options.json) io.out(JSON.stringify(result));
    }
  } finally {
    if (options.cleanUpOnSignal) for (const sig of ['SIGINT', 'SIGTERM'] as const) process.off(sig, interrupted);
  }
  if (!options.json) summary(results, files.filter((f) => invalid.has(f)).length, io);
  return results.every((r) => r.passed) ? 0 : 1;
}

async function runOne(file: string, options: RunOptions & { keys: KeySource }, io: CliOutput, isInvalid: () => void): Promise<ScenarioResult> {
  const name = path.basename(file);
  const text = !options.json;
  const invalid = (problems: FileProblem[]): ScenarioResult => {
    isInvalid();
    if (text) {
      io.out(`✗ ${name} is invalid:`);
      for (const p of problems) io.out(`    ${problemLine(p)}`);
    }
    return { scenario: name, passed: false, codes: [], failures: problems.map(problemLine) };
  };
  const read = readScenarioFile(file);
  if (!read.ok) return invalid(read.errors);
  if (text) io.out(`▶ ${name}: ${read.scenario.title}`);

  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'emcc-lab-run-'));
  liveFolders.add(dataDir);
  let lab: Lab | undefined;
  let run: ScenarioRun | undefined;
  try {
    try {
      lab = await openScenarioLab(read.lab, { dataDir, keys: options.keys });
    } catch (e) {
      // A lab the clusters' administration refuses while it opens is the scenario's fault too.
      return invalid(e instanceof LabFileError ? e.problems : [{ field: 'lab', message: `cannot be opened: ${e instanceof Error ? e.message : String(e)}` }]);
    }
    run = new ScenarioRun(lab, read.scenario, { id: name, ...(options.settleBoundMs ? { settleBoundMs: options.settleBoundMs } : {}) });
    if (text) {
      // One line per step played (a run stopped early marks every step left at once).
      let printed = 0;
      run.onProgress((s) => {
        for (; printed < s.next; printed++) {
          const st = s.stepStates[printed]!;
          io.out(`  ${st.status === 'passed' ? '✓' : '✗'} ${stepLine(st)}`);
        }
      });
    }
    const state = await run.playAll();
    if (text) io.out(`  ${state.passed ? 'passed' : 'failed'}${state.codes.length ? ` · codes shown: ${state.codes.join(', ')}` : ''}`);
    return resultOf(name, state);
  } finally {
    run?.dispose();
    await lab?.close();
    rmSync(dataDir, { recursive: true, force: true });
    liveFolders.delete(dataDir);
  }
}

export function resultOf(name: string, state: ScenarioState): ScenarioResult {
  return {
    scenario: name,
    passed: state.passed === true,
    codes: state.codes,
    failures: state.stepStates.filter((s) => s.status === 'failed').map((s) => `step ${stepLine(s)}`),
  };
}

function summary(results: ScenarioResult[], invalid: number, io: CliOutput): void {
  const passed = results.filter((r) => r.passed);
  const failed = results.filter((r) => !r.passed);
  io.out('');
  io.out(`${results.length} scenario${results.length === 1 ? '' : 's'}: ${passed.length} passed, ${failed.length - invalid} failed${invalid ? `, ${invalid} invalid` : ''}`);
  for (const r of failed) {
    io.out(`✗ ${r.scenario}`);
    for (const f of r.failures) io.out(`    ${f}`);
  }
}
