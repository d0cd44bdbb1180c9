/**
 * Field-level validation of an admin record, the same in the renderer (as the user types) and
 * in the main process (which never trusts the renderer): each field's type, limits and fixed
 * choices, then the rules of the guide that look at one record (MLPP, DND options by model,
 * locales, lines). Rules that need the rest of the cluster (uniqueness, references, capacity)
 * run in the main process on top of these.
 */
import { phoneModel } from '../phone-models';
import { durationMinutes } from '../parameters';
import { ENTITIES } from './entities';
import { DN_PATTERN, type AdminRecord, type EntityKind, type FieldDef, type FieldError, type FieldValue, type LineValue } from './fields';

export type Checked = { ok: true; value: AdminRecord } | { ok: false; errors: FieldError[] };

/**
 * The English of every message these checks give, by code, with {{name}} for a value. The main
 * process answers in English; the windows show the same message translated by its code and values
 * (the renderer's i18n resources take their en-US text from this table).
 */
export const VALIDATION_MESSAGES = {
  checked: '{{label}} must be checked or unchecked',
  wholeNumber: '{{label}} must be a whole number',
  range: '{{label}} must be from {{min}} to {{max}}',
  duration: '{{label}} must be HHH:MM from 0:00 to {{maxHours}}:00',
  names: '{{label}} must be a list of names',
  tooManyNames: '{{label}} takes at most {{max}} entries',
  lines: '{{label}} must be a list of directory numbers',
  lineNotDn: 'Line {{line}}: "{{dn}}" is not {{what}}',
  lineLabelTooLong: 'Line {{line}}: the label must be at most {{max}} characters',
  dnTwice: 'Directory number {{dn}} is on two lines',
  required: '{{label}} is required',
  text: '{{label}} must be text',
  tooLong: '{{label}} must be at most {{maxLength}} characters',
  pattern: '{{label}} must be {{what}}',
  choice: '{{label}} must be one of: {{choices}}',
  notRecord: 'the record must be an object of fields',
  unknownField: 'unknown field "{{field}}"',
  dndOnly: '{{model}} supports only the DND Option "{{option}}"',
  dndOnlyOn: '{{model}} on {{protocol}} supports only the DND Option "{{option}}"',
  // English needs the plural words; other languages may write the counts their own way.
  tooManyLines: '{{model}} has {{lineKeys}} {{lineKeysWord}}; remove {{extra}} {{extraWord}}',
  mlppForceful: 'MLPP Preemption cannot be Forceful while MLPP Indication is Off (or Default, which is Off)',
  noUserLocale: '{{model}} does not support user locales',
  noEm: '{{model}} does not support Extension Mobility',
  defaultProfile: 'The default profile must be one of the controlled profiles',
  serverAddress: 'A server needs an IPv4 or an IPv6 address',
} as const;
export type ValidationCode = keyof typeof VALIDATION_MESSAGES;
export type ProblemValues = Record<string, string | number>;

/** A field error with the code and values its message was made from, for a window to translate. */
export interface FieldProblem extends FieldError {
  code: ValidationCode;
  values: ProblemValues;
}

/** A checks' message template with its values filled in. */
export function fillIn(template: string, values: ProblemValues): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
}

function problem(field: string, code: ValidationCode, values: ProblemValues = {}): FieldProblem {
  return { field, code, values, message: fillIn(VALIDATION_MESSAGES[code], values) };
}

/** Problems as the main process answers them: field and message only. */
const plainErrors = (problems: readonly FieldProblem[]): FieldError[] => problems.map(({ field, message }) => ({ field, message }));

/** What the detailed checks answer: errors with their codes. */
export type CheckedDetailed = { ok: true; value: AdminRecord } | { ok: false; errors: FieldProblem[] };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const dnRe = new RegExp(DN_PATTERN.source);

/** The value of a field when a record leaves it out. */
export function defaultOf(f: FieldDef): FieldValue {
  if (f.default !== undefined) return Array.isArray(f.default) ? [...f.default] : f.default;
  if (f.type === 'boolean') return false;
  if (f.type === 'multiselect' || f.type === 'lines') return [];
  return null;
}

/** A record with every field at its default: what Add New shows. */
export function blankRecord(fields: readonly FieldDef[]): AdminRecord {
  return Object.fromEntries(fields.map((f) => [f.key, defaultOf(f)]));
}

/** Check one field's raw value; returns the normalised value or a message. */
export function checkField(f: FieldDef, raw: unknown): { ok: true; value: FieldValue } | { ok: false; message: string } {
  const r = checkFieldDetailed(f, raw);
  return r.ok ? r : { ok: false, message: r.problem.message };
}

/** checkField with the code and values of its message. */
export function checkFieldDetailed(f: FieldDef, raw: unknown): { ok: true; value: FieldValue } | { ok: false; problem: FieldProblem } {
  const refuse = (code: ValidationCode, values: ProblemValues = {}) => ({ ok: false as const, problem: problem(f.key, code, { label: f.label, ...values }) });
  if (raw === undefined) raw = defaultOf(f);
  switch (f.type) {
    case 'boolean':
      if (typeof raw === 'boolean') return { ok: true, value: raw };
      return refuse('checked');
    case 'integer': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^-?\d+$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
      if (!Number.isInteger(n)) return refuse('wholeNumber');
      if ((f.min !== undefined && n < f.min) || (f.max !== undefined && n > f.max)) {
        return refuse('range', { min: String(f.min), max: String(f.max) });
      }
      return { ok: true, value: n };
    }
    case 'duration': {
      const s = typeof raw === 'string' ? raw.trim() : '';
      const m = /^(\d{1,3}):([0-5]\d)$/.exec(s);
      if (!m || durationMinutes(s) > (f.max ?? Infinity)) return refuse('duration', { maxHours: Math.floor((f.max ?? 0) / 60) });
      return { ok: true, value: s };
    }
    case 'multiselect': {
      if (!Array.isArray(raw) || !raw.every((x) => typeof x === 'string' && x.length > 0 && x.length <= 128)) return refuse('names');
      if (raw.length > 200) return refuse('tooManyNames', { max: 200 });
      return { ok: true, value: [...new Set(raw as string[])] };
    }
    case 'lines': {
      if (!Array.isArray(raw) || raw.length > 64 || !raw.every((l) => isRecord(l) && typeof l.dn === 'string' && (l.label === undefined || typeof l.label === 'string'))) {
        return refuse('lines');
      }
      const lines: LineValue[] = raw.map((l) => ({ dn: String((l as Record<string, unknown>).dn).trim(), label: String((l as Record<string, unknown>).label ?? '').trim() }));
      const bad = lines.find((l) => !dnRe.test(l.dn));
      if (bad) return refuse('lineNotDn', { line: lines.indexOf(bad) + 1, dn: bad.dn.slice(0, 30), what: DN_PATTERN.what });
      const long = lines.find((l) => l.label.length > 30);
      if (long) return refuse('lineLabelTooLong', { line: lines.indexOf(long) + 1, max: 30 });
      const seen = new Set<string>();
      for (const l of lines) {
        if (seen.has(l.dn)) return refuse('dnTwice', { dn: l.dn });
        seen.add(l.dn);
      }
      return { ok: true, value: lines };
    }
    default: {
      // text, password, select
      if (raw === null || raw === '') {
        return f.required ? refuse('required') : { ok: true, value: null };
      }
      if (typeof raw !== 'string') return refuse('text');
      const s = f.type === 'password' ? raw : raw.trim();
      if (s === '') return f.required ? refuse('required') : { ok: true, value: null };
      if (f.maxLength !== undefined && s.length > f.maxLength) return refuse('tooLong', { maxLength: f.maxLength });
      if (f.pattern && !new RegExp(f.pattern.source).test(s)) return refuse('pattern', { what: f.pattern.what });
      if (f.choices && !f.choices.some((c) => c.value === s)) return refuse('choice', { choices: f.choices.map((c) => c.label).join(', ') });
      return { ok: true, value: s };
    }
  }
}

/**
 * Check every field of a form against its definition. Read-only fields are dropped, unknown
 * fields refused. With `partial`, fields left out keep no value (for merging onto a saved record).
 */
export function checkFields(fields: readonly FieldDef[], input: unknown): Checked {
  const r = checkFieldsDetailed(fields, input);
  return r.ok ? r : { ok: false, errors: plainErrors(r.errors) };
}

/** checkFields with the code and values of each message. */
export function checkFieldsDetailed(fields: readonly FieldDef[], input: unknown): CheckedDetailed {
  const r = checkFieldsPartly(fields, input);
  return r.errors.length ? { ok: false, errors: r.errors } : { ok: true, value: r.value };
}

/** Every field checked: the values that passed, and the errors of those that did not. */
function checkFieldsPartly(fields: readonly FieldDef[], input: unknown): { value: AdminRecord; errors: FieldProblem[] } {
  if (!isRecord(input)) return { value: {}, errors: [problem('', 'notRecord')] };
  const errors: FieldProblem[] = [];
  const known = new Set(fields.map((f) => f.key));
  for (const k of Object.keys(input)) {
    if (!known.has(k)) errors.push(problem(k.slice(0, 40), 'unknownField', { field: k.slice(0, 40) }));
  }
  const value: AdminRecord = {};
  for (const f of fields) {
    if (f.readOnly) continue;
    const r = checkFieldDetailed(f, input[f.key]);
    if (r.ok) value[f.key] = r.value;
    else errors.push(r.problem);
  }
  return { value, errors };
}

/** The guide's rules that look at one record only. */
export function recordRules(kind: EntityKind, r: AdminRecord): FieldError[] {
  return plainErrors(recordRulesDetailed(kind, r));
}

function recordRulesDetailed(kind: EntityKind, r: AdminRecord): FieldProblem[] {
  const errors: FieldProblem[] = [];
  const model = typeof r.model === 'string' ? phoneModel(r.model) : undefined;
  if (kind === 'deviceProfile' || kind === 'phone') {
    if (model?.dndOnly && (!model.dndOnly.protocol || model.dndOnly.protocol === r.protocol) && r.dndOption !== model.dndOnly.option) {
      const values = { model: model.name, option: model.dndOnly.option };
      errors.push(model.dndOnly.protocol ? problem('dndOption', 'dndOnlyOn', { ...values, protocol: model.dndOnly.protocol }) : problem('dndOption', 'dndOnly', values));
    }
    const lines = (r.lines ?? []) as LineValue[];
    if (model && lines.length > model.lineKeys) {
      const extra = lines.length - model.lineKeys;
      errors.push(problem('lines', 'tooManyLines', {
        model: model.name, lineKeys: model.lineKeys, lineKeysWord: model.lineKeys === 1 ? 'line key' : 'line keys', extra, extraWord: extra === 1 ? 'line' : 'lines',
      }));
    }
  }
  if (kind === 'deviceProfile') {
    // An indication that is Off (Default is Off: the MLPP Indication Status enterprise parameter
    // ships "MLPP Indication turned off") cannot go with forceful preemption.
    if (r.mlppPreemption === 'Forceful' && r.mlppIndication !== 'On') errors.push(problem('mlppPreemption', 'mlppForceful'));
    if (r.userLocale && model && !model.localization) errors.push(problem('userLocale', 'noUserLocale', { model: model.name }));
  }
  if (kind === 'phone' && r.emEnabled === true && model && !model.supportsEm) {
    errors.push(problem('emEnabled', 'noEm', { model: model.name }));
  }
  if (kind === 'endUser' && r.defaultProfile && !((r.profiles ?? []) as string[]).some((p) => p.toLowerCase() === String(r.defaultProfile).toLowerCase())) {
    errors.push(problem('defaultProfile', 'defaultProfile'));
  }
  if (kind === 'node' && !r.ipv4 && !r.ipv6) errors.push(problem('ipv4', 'serverAddress'));
  return errors;
}

/**
 * A warning for an EM service URL whose loginType is not DN, SP or UID. Unified CM saves any URL;
 * phones using this one then show "LoginType invalid (215)".
 */
export function loginTypeWarning(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  const loginType = /[?&]loginType=([^&]*)/i.exec(url)?.[1];
  if (loginType === undefined || ['DN', 'SP', 'UID'].includes(loginType.toUpperCase())) return undefined;
  return `loginType must be DN, SP or UID (found "${loginType.slice(0, 20)}"): phones using this service will show LoginType invalid (215)`;
}

/** Fields check plus one-record rules: what both sides run before anything else. */
export function checkRecord(kind: EntityKind, input: unknown): Checked {
  const r = checkRecordDetailed(kind, input);
  return r.ok ? r : { ok: false, errors: plainErrors(r.errors) };
}

/** checkRecord with the code and values of each message (the page shows them translated). */
export function checkRecordDetailed(kind: EntityKind, input: unknown): CheckedDetailed {
  const fields = checkFieldsPartly(ENTITIES[kind].fields, input);
  // The rules see only the fields that passed, and add nothing to a field already in error.
  const bad = new Set(fields.errors.map((e) => e.field));
  const errors = [...fields.errors, ...recordRulesDetailed(kind, fields.value).filter((e) => !bad.has(e.field))];
  return errors.length ? { ok: false, errors } : { ok: true, value: fields.value };
}
