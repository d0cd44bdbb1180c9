import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRootFrom, libraryDir, listLibrary, readLibraryScenario } from '../../../main/scenario/library';
import { fixture } from '../../helpers/scenario-fixture';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'emcc-library-'));
  copyFileSync(fixture('emcc-login.emccscenario'), path.join(dir, 'b-login.emccscenario'));
  copyFileSync(fixture('expectation-fails.emccscenario'), path.join(dir, 'a-fails.emccscenario'));
  writeFileSync(path.join(dir, 'c-broken.emccscenario'), '{"format":"emcc-lab-scenario"');
  writeFileSync(path.join(dir, 'notes.txt'), 'not a scenario');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the scenario library', () => {
  it('lists each readable scenario by its file name, in name order, with what the lab window shows', () => {
    expect(listLibrary(dir)).toEqual([
      {
        id: 'a-fails.emccscenario', title: 'carol is refused (31), yet the scenario expects her phone at home',
        description: expect.stringContaining('carol\'s EMCC is not enabled'), reproduces: [31], source: null, steps: 3,
      },
      expect.objectContaining({ id: 'b-login.emccscenario', reproduces: [2, 3], source: 'test fixture', steps: 12 }),
    ]);
  });

  it('opens a scenario by id, and refuses an id that is no file of the library', () => {
    expect(readLibraryScenario(dir, 'b-login.emccscenario').ok).toBe(true);
    expect(readLibraryScenario(dir, '../b-login.emccscenario')).toEqual({ ok: false, errors: [{ field: 'id', message: 'the library has no scenario ../b-login.emccscenario' }] });
    expect(readLibraryScenario(dir, 'c-broken.emccscenario').ok).toBe(false);
  });

  it('a missing library folder is an empty library', () => {
    expect(listLibrary(path.join(dir, 'nowhere'))).toEqual([]);
  });

  it('finds the app\'s resources/scenarios from the sources and from the built command line', () => {
    const root = path.resolve('.');
    expect(appRootFrom(path.resolve('main/scenario'))).toBe(root);
    expect(appRootFrom(path.resolve('dist/cli'))).toBe(root);
    expect(libraryDir(path.resolve('dist/cli'))).toBe(path.join(root, 'resources', 'scenarios'));
  });
});
