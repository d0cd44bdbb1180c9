/**
 * Test helpers for scenarios: read one (a fixture file or inline JSON), open its lab in a
 * temporary data folder with the test key pool, play it, and clean up.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ScenarioState } from '../../shared/api/file-contract';
import { sayText } from '../../shared/i18n/scenario-translator';
import type { ScenarioInput } from '../../shared/scenario';
import type { Lab } from '../../main/lab/lab';
import { parseScenario, readScenarioFile, type ScenarioRead } from '../../main/scenario/scenario-file';
import { openScenarioLab, type ScenarioLabOptions } from '../../main/scenario/scenario-lab';
import { ScenarioRun, type ScenarioRunOptions } from '../../main/scenario/scenario-run';
import { TEST_KEYS } from './lab-fixture';

export const FIXTURES = path.resolve('test/fixtures/scenarios');
export const fixture = (name: string) => path.join(FIXTURES, name);

/** A scenario with the header every file carries, the rest given. */
export function scenarioText(body: Partial<ScenarioInput>): string {
  return JSON.stringify({ format: 'emcc-lab-scenario', version: 1, title: 'test', lab: 'demo', ...body });
}

export function mustRead(read: ScenarioRead): Extract<ScenarioRead, { ok: true }> {
  if (!read.ok) throw new Error(`scenario refused: ${JSON.stringify(read.errors)}`);
  return read;
}

export interface OpenedRun {
  lab: Lab;
  run: ScenarioRun;
  close(): Promise<void>;
}

/** Open the scenario's lab in a temporary folder and a run over it (not played yet). */
export async function openRun(read: ScenarioRead, options: Partial<ScenarioRunOptions> & { clock?: ScenarioLabOptions['clock'] } = {}): Promise<OpenedRun> {
  const ok = mustRead(read);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'emcc-scenario-test-'));
  const lab = await openScenarioLab(ok.lab, { dataDir, keys: TEST_KEYS, ...(options.clock ? { clock: options.clock } : {}) });
  const run = new ScenarioRun(lab, ok.scenario, { id: 'test', ...options });
  return {
    lab,
    run,
    async close() {
      run.dispose();
      await lab.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Play a whole scenario (a fixture file name, or a scenario's text) and return its final state. */
export async function play(source: { file: string } | { text: string }, options: Partial<ScenarioRunOptions> = {}): Promise<ScenarioState> {
  const read = 'file' in source ? readScenarioFile(fixture(source.file)) : parseScenario(source.text);
  const opened = await openRun(read, options);
  try {
    return await opened.run.playAll();
  } finally {
    await opened.close();
  }
}

/** Each step as the command line prints it (English): "✓ text — message". */
export function stepLines(state: ScenarioState): string[] {
  return state.stepStates.map((s) => `${s.status === 'passed' ? '✓' : s.status === 'failed' ? '✗' : '·'} ${sayText(s.text)}${s.message ? ` — ${sayText(s.message)}` : ''}`);
}
