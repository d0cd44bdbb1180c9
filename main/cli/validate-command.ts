/**
 * `emcc-lab validate FILE...`: checks lab files (.emcclab) and scenarios (.emccscenario) without
 * opening them, printing each problem with its field. Exit code 0 when every file is valid.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkFileText } from '../scenario/validate-file';
import type { CliOutput } from './run-command';

const KIND_NAMES = { lab: 'lab file', scenario: 'scenario' } as const;

export function validateFiles(files: readonly string[], io: CliOutput): number {
  let bad = 0;
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      bad++;
      io.out(`✗ ${file}: cannot be read (${e instanceof Error ? e.message : String(e)})`);
      continue;
    }
    const check = checkFileText(text, path.basename(file), path.dirname(path.resolve(file)));
    const kind = check.kind ? KIND_NAMES[check.kind] : 'file';
    if (!check.errors.length) {
      io.out(`✓ ${file}: a valid ${kind}`);
      continue;
    }
    bad++;
    io.out(`✗ ${file}: an invalid ${kind}, ${check.errors.length} problem${check.errors.length === 1 ? '' : 's'}:`);
    for (const p of check.errors) io.out(`    ${p.field || '(the file)'}: ${p.message}`);
  }
  return bad ? 1 : 0;
}
