/**
 * Checking a file without opening it: a lab file or a scenario, told apart by its `format` field
 * (then by its name's extension when it has none), every problem named by its field.
 */
import path from 'node:path';
import type { FileProblem } from '../../shared/api/file-contract';
import { LAB_FILE_EXTENSION, LAB_FILE_FORMAT } from '../../shared/lab-file';
import { SCENARIO_EXTENSION, SCENARIO_FORMAT } from '../../shared/scenario';
import { readJson } from '../files/json-file';
import { parseLabFile } from '../lab/lab-file';
import { parseScenario, SCENARIO_MAX_BYTES } from './scenario-file';

export interface FileCheck {
  /** What the file is (null: neither a lab file nor a scenario). */
  kind: 'lab' | 'scenario' | null;
  errors: FileProblem[];
}

/** What kind of file a text is, by its format field, else by the file name's extension. */
export function fileKindOf(text: string, fileName?: string): 'lab' | 'scenario' | null {
  const json = readJson(text, { maxBytes: SCENARIO_MAX_BYTES });
  const format = json.ok && json.value && typeof json.value === 'object' ? (json.value as { format?: unknown }).format : undefined;
  if (format === LAB_FILE_FORMAT) return 'lab';
  if (format === SCENARIO_FORMAT) return 'scenario';
  const ext = fileName ? path.extname(fileName).toLowerCase() : '';
  return ext === LAB_FILE_EXTENSION ? 'lab' : ext === SCENARIO_EXTENSION ? 'scenario' : null;
}

/**
 * Check a file's text. `baseDir` is the file's folder when known (a scenario's lab file beside it
 * is read from there); without it such a scenario is refused for that.
 */
export function checkFileText(text: string, fileName?: string, baseDir?: string): FileCheck {
  const kind = fileKindOf(text, fileName);
  if (kind === 'lab') {
    const r = parseLabFile(text);
    return { kind, errors: r.ok ? [] : r.errors };
  }
  if (kind === 'scenario') {
    const r = parseScenario(text, baseDir === undefined ? {} : { baseDir });
    return { kind, errors: r.ok ? [] : r.errors };
  }
  const json = readJson(text, { maxBytes: SCENARIO_MAX_BYTES });
  if (!json.ok) return { kind: null, errors: json.errors };
  return {
    kind: null,
    errors: [{ field: 'format', message: `not an EMCC Lab file: its format must be "${LAB_FILE_FORMAT}" (a lab file) or "${SCENARIO_FORMAT}" (a scenario)` }],
  };
}
