/**
 * Untrusted JSON files (lab files, scenarios) read safely, for any of our file kinds: the size
 * is checked before anything else, the nesting depth is measured on the text before JSON.parse
 * builds anything (a million nested arrays would otherwise exhaust the stack of whatever walks
 * them next), syntax errors are named by line and column, keys that could reach an object's
 * prototype are refused, and the file's zod schema decides the rest, each problem named by the
 * path of its field ("clusters.0.nodes.1.record.host").
 */
import type { z } from 'zod';
import type { FileProblem } from '../../shared/api/file-contract';
import { LAB_FILE_MAX_BYTES, LAB_FILE_MAX_DEPTH } from '../../shared/lab-file';

export type JsonFileResult<T> = { ok: true; value: T } | { ok: false; errors: FileProblem[] };

export interface JsonLimits {
  maxBytes?: number;
  maxDepth?: number;
}

/** More problems than this are summed up in one last line (a broken 60,000-phone file is not a report). */
export const MAX_PROBLEMS = 50;

const whole = (message: string): FileProblem => ({ field: '', message });

/** Parse a file's text and check it with `schema`. */
export function parseJsonFile<T>(text: string, schema: z.ZodType<T>, limits: JsonLimits = {}): JsonFileResult<T> {
  const json = readJson(text, limits);
  return json.ok ? checkJson(json.value, schema) : json;
}

/** The text as a JSON value, or why it is not one we read. */
export function readJson(text: string, limits: JsonLimits = {}): JsonFileResult<unknown> {
  const maxBytes = limits.maxBytes ?? LAB_FILE_MAX_BYTES;
  const maxDepth = limits.maxDepth ?? LAB_FILE_MAX_DEPTH;
  // A character is at least one byte: the length alone refuses most oversized texts without counting.
  if (text.length > maxBytes || Buffer.byteLength(text, 'utf8') > maxBytes) {
    return { ok: false, errors: [whole(`the file is larger than ${formatBytes(maxBytes)}`)] };
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, errors: [whole('the file is empty')] };
  const deep = depthExceededAt(body, maxDepth);
  if (deep >= 0) return { ok: false, errors: [whole(`the file nests deeper than ${maxDepth} levels (${where(body, deep)})`)] };
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (e) {
    return { ok: false, errors: [whole(syntaxProblem(body, e instanceof Error ? e.message : String(e)))] };
  }
  const proto = prototypeKeyPath(value);
  if (proto !== undefined) return { ok: false, errors: [{ field: proto, message: 'a key named "__proto__" is not allowed' }] };
  return { ok: true, value };
}

/** Check a JSON value with a schema; every problem named by its field's path. */
export function checkJson<T>(value: unknown, schema: z.ZodType<T>): JsonFileResult<T> {
  const parsed = schema.safeParse(value, { error: plainMessage });
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, errors: capped(problemsOf(parsed.error.issues, [])) };
}

/** At most MAX_PROBLEMS problems, the rest counted. */
export function capped(problems: FileProblem[]): FileProblem[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  return [...problems.slice(0, MAX_PROBLEMS), whole(`and ${problems.length - MAX_PROBLEMS} more problems`)];
}

/** A path into a file as the refusals name it. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/**
 * Where the text first nests deeper than `max` (arrays and objects; brackets inside strings do
 * not count), or -1. A single pass over the characters, no recursion.
 */
export function depthExceededAt(text: string, max: number): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // Skip the string; a backslash escapes the character after it.
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) i++;
        else if (d === 0x22) break;
      }
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return i;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return -1;
}

/** "line 3, column 8" (1-based) of an offset into the text. */
export function where(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `line ${line}, column ${offset - lineStart + 1}`;
}

const POSITION = /at position (\d+)/;
const RAN_OUT = 'Unexpected end of JSON input';

/** A JSON.parse error as a refusal: what is wrong, at which line and column. */
function syntaxProblem(text: string, message: string): string {
  const offset = syntaxErrorOffset(text, message);
  if (offset >= text.length) return `the file ends before its JSON is complete (${where(text, text.length)}): it may be cut short`;
  const reason = message
    .replace(/\s*\(line \d+ column \d+\)/, '')
    .replace(/\s*in JSON at position \d+.*$/s, '')
    .replace(/, (?:\.\.\.)?".*$/s, '');
  return `not valid JSON at ${where(text, offset)}: ${reason}`;
}

/**
 * Where JSON.parse stopped. V8 gives the position for most errors but not for an unexpected
 * token; there the shortest prefix of the text that already fails ends just after it (a prefix
 * that only runs out of text is fine so far). Binary search: about 25 parses of a 32 MB text,
 * and only for a file that is refused anyway.
 */
function syntaxErrorOffset(text: string, message: string): number {
  if (message.includes(RAN_OUT)) return text.length;
  const m = POSITION.exec(message);
  if (m) return Number(m[1]);
  let fine = 0;
  let fails = text.length;
  while (fails - fine > 1) {
    const mid = (fine + fails) >>> 1;
    if (onlyRunsOut(text.slice(0, mid))) fine = mid;
    else fails = mid;
  }
  return fails - 1;
}

function onlyRunsOut(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return true;
  } catch (e) {
    const message = e instanceof Error ? e.message : '';
    if (message.includes(RAN_OUT)) return true;
    const m = POSITION.exec(message);
    return !!m && Number(m[1]) >= prefix.length;
  }
}

/**
 * The path of the first own "__proto__" key (JSON.parse makes it an ordinary property, but code
 * that copies the object by assignment would set the copy's prototype with it). Iterative.
 */
function prototypeKeyPath(value: unknown): string | undefined {
  const stack: { v: unknown; path: readonly string[] }[] = [{ v: value, path: [] }];
  while (stack.length) {
    const { v, path } = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (Array.isArray(v)) {
      v.forEach((item, i) => {
        if (typeof item === 'object' && item !== null) stack.push({ v: item, path: [...path, String(i)] });
      });
      continue;
    }
    if (Object.prototype.hasOwnProperty.call(v, '__proto__')) return fieldPath([...path, '__proto__']);
    for (const [k, item] of Object.entries(v)) {
      if (typeof item === 'object' && item !== null) stack.push({ v: item, path: [...path, k] });
    }
  }
  return undefined;
}

function formatBytes(n: number): string {
  return n >= 1048576 ? `${n / 1048576} MiB` : `${n} bytes`;
}

// --- zod issues in plain words ---

type Issue = z.core.$ZodIssue;
type RawIssue = z.core.$ZodRawIssue;

const KIND_NAMES: Record<string, string> = {
  string: 'text', number: 'a number', int: 'a whole number', boolean: 'true or false', object: 'an object', array: 'a list',
  null: 'null', bigint: 'a number', date: 'a date',
};

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'number') return Number.isInteger(v) ? 'a whole number' : 'a number';
  return KIND_NAMES[typeof v] ?? typeof v;
}

/**
 * Messages for the checks a schema states no message of its own for (zod uses a schema's own
 * message first, so "a lab file of a newer EMCC Lab..." stays as written).
 */
function plainMessage(iss: RawIssue): string | undefined {
  switch (iss.code) {
    case 'invalid_type': {
      if (iss.input === undefined) return 'is missing';
      const expected = KIND_NAMES[iss.expected] ?? iss.expected;
      return iss.path?.length ? `must be ${expected}, not ${kindOf(iss.input)}` : `the file must hold ${expected}, not ${kindOf(iss.input)}`;
    }
    case 'too_big': {
      const max = Number(iss.maximum);
      const most = iss.inclusive === false ? 'less than' : 'at most';
      if (iss.origin === 'string') return `must be ${most} ${max} characters long`;
      if (iss.origin === 'array' || iss.origin === 'set') return `must have ${most} ${max} entries`;
      return `must be ${most} ${max}`;
    }
    case 'too_small': {
      const min = Number(iss.minimum);
      const least = iss.inclusive === false ? 'more than' : 'at least';
      if (iss.origin === 'string') return min === 1 ? 'must not be empty' : `must be ${least} ${min} characters long`;
      if (iss.origin === 'array' || iss.origin === 'set') return min === 1 ? 'must not be an empty list' : `must have ${least} ${min} entries`;
      return `must be ${least} ${min}`;
    }
    case 'invalid_value': {
      const values = iss.values.slice(0, 20).map((v) => JSON.stringify(v));
      return values.length === 1 ? `must be ${values[0]}` : `must be one of ${values.join(', ')}${iss.values.length > 20 ? ', ...' : ''}`;
    }
    case 'invalid_format':
      return `must be ${iss.format === 'regex' ? 'in the expected form' : `a valid ${iss.format}`}`;
    case 'invalid_union':
      return 'matches none of the forms this field takes';
    default:
      return undefined;
  }
}

/** Issues as refusals: one per unknown key, a union's closest alternative rather than "invalid input". */
function problemsOf(issues: readonly Issue[], prefix: readonly PropertyKey[]): FileProblem[] {
  const out: FileProblem[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ field: fieldPath([...path, key]), message: 'is not a field of this file (unknown key)' });
    } else if (issue.code === 'invalid_union' && issue.errors.length) {
      const closest = closestAlternative(issue.errors);
      out.push(...(closest ? problemsOf(closest, path) : [{ field: fieldPath(path), message: issue.message }]));
    } else {
      out.push({ field: fieldPath(path), message: issue.message });
    }
  }
  return out;
}

/** The alternative of a union the value came closest to: the right shape (no problem at its root), fewest problems. */
function closestAlternative(alternatives: readonly (readonly Issue[])[]): readonly Issue[] | undefined {
  const shaped = alternatives.filter((a) => a.every((i) => i.path.length > 0));
  return shaped.sort((a, b) => a.length - b.length)[0];
}
