/**
 * The scenario library: the `.emccscenario` files in `resources/scenarios/` under the app's root.
 * The root is found from where the running code sits: the command line's bundle
 * (dist/cli/cli.mjs), the Electron bundle (dist/main/shell.cjs) and the sources (main/…) all sit
 * two folders below it, and the search walks up to the folder with the app's package.json.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ScenarioSummary } from '../../shared/api/file-contract';
import { SCENARIO_EXTENSION, type Scenario } from '../../shared/scenario';
import { readScenarioFile, type ScenarioRead } from './scenario-file';

export const LIBRARY_FOLDER = path.join('resources', 'scenarios');

/** The app's root folder: the nearest folder at or above `from` holding the app's package.json. */
export function appRootFrom(from: string): string {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg) && isAppPackage(pkg)) return dir;
    if (path.dirname(dir) === dir) return path.resolve(from, '..', '..');
  }
}

function isAppPackage(file: string): boolean {
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown }).name === 'emcc-lab';
  } catch {
    return false;
  }
}

/** The library folder of the app whose code runs from `from` (a module's folder). */
export function libraryDir(from: string): string {
  return path.join(appRootFrom(from), LIBRARY_FOLDER);
}

/** What the library lists of a scenario. */
export function summaryOf(id: string, s: Scenario): ScenarioSummary {
  return { id, title: s.title, description: s.description, reproduces: [...s.reproduces], source: s.source ?? null, steps: s.steps.length };
}

/** A library entry: its summary, or why its file cannot be read. */
export type LibraryEntry = { id: string; file: string; read: ScenarioRead };

/** Every scenario file of the library folder, read and checked, by file name. */
export function readLibrary(dir: string): LibraryEntry[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith(SCENARIO_EXTENSION)).sort();
  } catch {
    return [];
  }
  return names.map((id) => {
    const file = path.join(dir, id);
    return { id, file, read: readScenarioFile(file) };
  });
}

/** The library as the lab window lists it (files that cannot be read are left out). */
export function listLibrary(dir: string): ScenarioSummary[] {
  return readLibrary(dir).flatMap((e) => (e.read.ok ? [summaryOf(e.id, e.read.scenario)] : []));
}

/** A library scenario by id (its file name); ids that name no file of the folder are refused. */
export function readLibraryScenario(dir: string, id: string): ScenarioRead {
  const names = existsSync(dir) ? readdirSync(dir) : [];
  // Only a name the folder lists: no path can lead out of the library.
  if (!id.endsWith(SCENARIO_EXTENSION) || !names.includes(id)) return { ok: false, errors: [{ field: 'id', message: `the library has no scenario ${id}` }] };
  return readScenarioFile(path.join(dir, id));
}
