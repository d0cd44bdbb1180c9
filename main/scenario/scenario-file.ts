/**
 * Reading a scenario file (`.emccscenario`, JSON): the safe JSON reading every file of ours gets,
 * its header first (another kind of file, or a newer format, is refused for that alone), then the
 * Scenario schema, its lab (a lab file beside it is read relative to the scenario's folder), and
 * the names its steps use checked against that lab. Each problem names its field.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { FileProblem } from '../../shared/api/file-contract';
import type { ClusterDefinition } from '../../shared/cluster-definition';
import { LAB_FILE_EXTENSION, LAB_FILE_MAX_BYTES, type LabFile } from '../../shared/lab-file';
import { Scenario, SCENARIO_FORMAT, SCENARIO_VERSION } from '../../shared/scenario';
import { checkJson, readJson } from '../files/json-file';
import { DEMO_LAB, FRESH_LAB } from '../lab/demo-lab';
import { parseLabFile, validateLabFile } from '../lab/lab-file';
import { checkScenario } from './scenario-checks';

/** The largest scenario file read (the longest real one is a few kilobytes; an inline lab can be big). */
export const SCENARIO_MAX_BYTES = LAB_FILE_MAX_BYTES;

/** Where a scenario's lab comes from, once read: a built-in lab, or a lab file's content. */
export type ScenarioLabSource =
  | { kind: 'demo' }
  | { kind: 'empty' }
  | { kind: 'file'; file: LabFile; /** The lab's name (its file name without extension, or the file's own name). */ name: string };

export type ScenarioRead = { ok: true; scenario: Scenario; lab: ScenarioLabSource } | { ok: false; errors: FileProblem[] };

const ScenarioHeader = z.object({
  format: z.literal(SCENARIO_FORMAT, { error: `not an EMCC Lab scenario (its format must be "${SCENARIO_FORMAT}")` }),
  version: z.number().int().min(1).max(SCENARIO_VERSION, `a scenario of a newer EMCC Lab (this one reads format version ${SCENARIO_VERSION})`),
});

export interface ReadOptions {
  /** The scenario's folder: a `{file}` lab is read relative to it. Without one, such a lab is refused. */
  baseDir?: string;
}

/** A scenario file's text, checked. */
export function parseScenario(text: string, options: ReadOptions = {}): ScenarioRead {
  const json = readJson(text, { maxBytes: SCENARIO_MAX_BYTES });
  if (!json.ok) return json;
  const header = checkJson(json.value, ScenarioHeader);
  if (!header.ok) return header;
  const parsed = checkJson(json.value, Scenario);
  if (!parsed.ok) return parsed;
  const scenario = parsed.value;
  const lab = resolveLab(scenario, options);
  if (!lab.ok) return lab;
  const problems = checkScenario(scenario, clustersOf(lab.lab));
  return problems.length ? { ok: false, errors: problems } : { ok: true, scenario, lab: lab.lab };
}

/** A scenario file on disk, checked; its `{file}` lab is read from the scenario's folder. */
export function readScenarioFile(file: string): ScenarioRead {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { ok: false, errors: [{ field: '', message: `cannot read ${file}: ${e instanceof Error ? e.message : String(e)}` }] };
  }
  return parseScenario(text, { baseDir: path.dirname(path.resolve(file)) });
}

/** The clusters of a lab source, for the name checks. */
export function clustersOf(lab: ScenarioLabSource): readonly ClusterDefinition[] {
  return lab.kind === 'demo' ? DEMO_LAB : lab.kind === 'empty' ? FRESH_LAB : lab.file.clusters;
}

function resolveLab(scenario: Scenario, options: ReadOptions): { ok: true; lab: ScenarioLabSource } | { ok: false; errors: FileProblem[] } {
  const lab = scenario.lab;
  if (lab === 'demo' || lab === 'empty') return { ok: true, lab: { kind: lab } };
  if ('file' in lab) return readLabBeside(lab.file, options.baseDir);
  // An inline lab file: the checks a lab file on its own gets, its fields named under "lab".
  const checked = validateLabFile(lab);
  if (!checked.ok) return { ok: false, errors: checked.errors.map((p) => ({ field: p.field ? `lab.${p.field}` : 'lab', message: p.message })) };
  return { ok: true, lab: { kind: 'file', file: checked.file, name: checked.file.name } };
}

/** A `{file}` lab: a relative path from the scenario's folder to a `.emcclab` file. */
function readLabBeside(relative: string, baseDir: string | undefined): { ok: true; lab: ScenarioLabSource } | { ok: false; errors: FileProblem[] } {
  const refuse = (message: string) => ({ ok: false as const, errors: [{ field: 'lab.file', message }] });
  if (path.isAbsolute(relative) || /^[a-zA-Z]:/.test(relative)) return refuse('must be a path relative to the scenario\'s folder');
  if (!relative.endsWith(LAB_FILE_EXTENSION)) return refuse(`must name a lab file (${LAB_FILE_EXTENSION})`);
  if (baseDir === undefined) return refuse('a lab file beside the scenario can only be opened with the scenario from its folder');
  const file = path.resolve(baseDir, relative);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return refuse(`cannot read ${relative}: ${e instanceof Error && 'code' in e && e.code === 'ENOENT' ? 'no such file' : e instanceof Error ? e.message : String(e)}`);
  }
  const parsed = parseLabFile(text);
  if (!parsed.ok) return { ok: false, errors: parsed.errors.map((p) => ({ field: `lab.file(${relative})${p.field ? `.${p.field}` : ''}`, message: p.message })) };
  return { ok: true, lab: { kind: 'file', file: parsed.file, name: path.basename(relative, LAB_FILE_EXTENSION) } };
}
