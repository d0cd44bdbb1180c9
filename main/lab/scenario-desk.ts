/**
 * The scenario the lab window plays: a scenario from the library (or a file the user picked)
 * opens its lab in place of the open one and is played a step at a time, or all at once, with
 * each phone's keys paced so a person watching sees the phone act the step out. Any other lab
 * replacing the scenario's (File > New / Open) closes the scenario.
 */
import path from 'node:path';
import type { FileProblem, ScenarioState } from '../../shared/api/file-contract';
import { SCENARIO_EXTENSION } from '../../shared/scenario';
import { checkFileText, listLibrary, openScenarioLab, parseScenario, readLibraryScenario, ScenarioRun, type ScenarioRead } from '../scenario';
import { ApiError } from './lab-api';
import type { Lab } from './lab';
import { LabFileError } from './lab-file';
import type { LabSession } from './lab-session';

/** Real time between two keys a scenario presses on a phone in the window (a person can follow). */
export const KEY_PACE_MS = 120;

export type ScenarioOpened = { ok: true; scenario: ScenarioState } | { ok: false; errors: FileProblem[] };

export class ScenarioDesk {
  private run: ScenarioRun | null = null;
  private offRun: (() => void) | null = null;
  private readonly listeners = new Set<(s: ScenarioState) => void>();

  /** `libraryDir`: the app's resources/scenarios; `paceMs`: the pause between keys (0 in tests). */
  constructor(private readonly session: LabSession, private readonly libraryDir: string, private readonly paceMs = KEY_PACE_MS) {
    session.onReplaced((lab) => {
      if (this.run && this.run.lab !== lab) this.close();
    });
  }

  /** The library's scenarios. */
  library() {
    return listLibrary(this.libraryDir);
  }

  /** Check a lab or scenario file's text without opening it. */
  validate(text: string, fileName?: string) {
    return checkFileText(text, fileName);
  }

  /** Open a library scenario (by id) or a picked file's text: its lab replaces the open one; no step is played yet. */
  async open(source: { id: string } | { text: string; fileName: string }): Promise<ScenarioOpened> {
    const read: ScenarioRead = 'id' in source ? readLibraryScenario(this.libraryDir, source.id) : parseScenario(source.text);
    if (!read.ok) return read;
    const id = 'id' in source ? source.id : path.basename(source.fileName);
    const work = this.session.workFolder();
    let lab: Lab;
    try {
      // The lab's own clock settings: the demo lab runs at real speed in a window a person watches.
      lab = await openScenarioLab(read.lab, { dataDir: work, clock: 'file', ...(this.session.keySource ? { keys: this.session.keySource } : {}) });
    } catch (e) {
      if (e instanceof LabFileError) return { ok: false, errors: e.problems };
      throw e;
    }
    this.close();
    const pace = this.paceMs > 0 ? () => new Promise<void>((resolve) => setTimeout(resolve, this.paceMs)) : undefined;
    const run = new ScenarioRun(lab, read.scenario, { id, ...(pace ? { pace } : {}) });
    this.run = run;
    this.offRun = run.onProgress((state) => {
      for (const l of this.listeners) l(state);
    });
    await this.session.adopt(lab, id.endsWith(SCENARIO_EXTENSION) ? id.slice(0, -SCENARIO_EXTENSION.length) : id, work);
    return { ok: true, scenario: run.state() };
  }

  /** The open scenario, if any. */
  state(): ScenarioState | null {
    return this.run?.state() ?? null;
  }

  /** Play the next step, or every step left. */
  async play(all: boolean): Promise<ScenarioState> {
    const run = this.run;
    if (!run) throw new ApiError('no scenario is open');
    if (all) return run.playAll();
    await run.step();
    return run.state();
  }

  /** Close the scenario (its lab stays open). */
  close(): void {
    this.offRun?.();
    this.offRun = null;
    this.run?.dispose();
    this.run = null;
  }

  /** Called after each step played. */
  onProgress(listener: (s: ScenarioState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
