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
  if (raw === undefined) raw = defaultOf(f);
  switch (f.type) {
    case 'boolean':
      if (typeof raw === 'boolean') return { ok: true, value: raw };
      return { ok: false, message: `${f.label} must be checked or unchecked` };
    case 'integer': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^-?\d+$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
      if (!Number.isInteger(n)) return { ok: false, message: `${f.label} must be a whole number` };
      if ((f.min !== undefined && n < f.min) || (f.max !== undefined && n > f.max)) {
        return { ok: false, message: `${f.label} must be from ${f.min} to ${f.max}` };
      }
      return { ok: true, value: n };
    }
    case 'duration': {
      const s = typeof raw === 'string' ? raw.trim() : '';
      const m = /^(\d{1,3}):([0-5]\d)$/.exec(s);
      if (!m || durationMinutes(s) > (f.max ?? Infinity)) return { ok: false, message: `${f.label} must be HHH:MM from 0:00 to ${Math.floor((f.max ?? 0) / 60)}:00` };
      return { ok: true, value: s };
    }
    case 'multiselect': {
      if (!Array.isArray(raw) || !raw.every((x) => typeof x === 'string' && x.length > 0 && x.length <= 128)) return { ok: false, message: `${f.label} must be a list of names` };
      if (raw.length > 200) return { ok: false, message: `${f.label} takes at most 200 entries` };
      return { ok: true, value: [...new Set(raw as string[])] };
    }
    case 'lines': {
      if (!Array.isArray(raw) || raw.length > 64 || !raw.every((l) => isRecord(l) && typeof l.dn === 'string' && (l.label === undefined || typeof l.label === 'string'))) {
        return { ok: false, message: `${f.label} must be a list of directory numbers` };
      }
      const lines: LineValue[] = raw.map((l) => ({ dn: String((l as Record<string, unknown>).dn).trim(), label: String((l as Record<string, unknown>).label ?? '').trim() }));
      const bad = lines.find((l) => !dnRe.test(l.dn));
      if (bad) return { ok: false, message: `Line ${lines.indexOf(bad) + 1}: "${bad.dn.slice(0, 30)}" is not ${DN_PATTERN.what}` };
      const long = lines.find((l) => l.label.length > 30);
      if (long) return { ok: false, message: `Line ${lines.indexOf(long) + 1}: the label must be at most 30 characters` };
      const seen = new Set<string>();
      for (const l of lines) {
        if (seen.has(l.dn)) return { ok: false, message: `Directory number ${l.dn} is on two lines` };
        seen.add(l.dn);
      }
      return { ok: true, value: lines };
    }
    default: {
      // text, password, select
      if (raw === null || raw === '') {
        return f.required ? { ok: false, message: `${f.label} is required` } : { ok: true, value: null };
      }
      if (typeof raw !== 'string') return { ok: false, message: `${f.label} must be text` };
      const s = f.type === 'password' ? raw : raw.trim();
      if (s === '') return f.required ? { ok: false, message: `${f.label} is required` } : { ok: true, value: null };
      if (f.maxLength !== undefined && s.length > f.maxLength) return { ok: false, message: `${f.label} must be at most ${f.maxLength} characters` };
      if (f.pattern && !new RegExp(f.pattern.source).test(s)) return { ok: false, message: `${f.label} must be ${f.pattern.what}` };
      if (f.choices && !f.choices.some((c) => c.value === s)) return { ok: false, message: `${f.label} must be one of: ${f.choices.map((c) => c.label).join(', ')}` };
      return { ok: true, value: s };
    }
  }
}

/**
 * Check every field of a form against its definition. Read-only fields are dropped, unknown
 * fields refused. With `partial`, fields left out keep no value (for merging onto a saved record).
 */
export function checkFields(fields: readonly FieldDef[], input: unknown): Checked {
  const r = checkFieldsPartly(fields, input);
  return r.errors.length ? { ok: false, errors: r.errors } : { ok: true, value: r.value };
}

/** Every field checked: the values that passed, and the errors of those that did not. */
function checkFieldsPartly(fields: readonly FieldDef[], input: unknown): { value: AdminRecord; errors: FieldError[] } {
  if (!isRecord(input)) return { value: {}, errors: [{ field: '', message: 'the record must be an object of fields' }] };
  const errors: FieldError[] = [];
  const known = new Set(fields.map((f) => f.key));
  for (const k of Object.keys(input)) {
    if (!known.has(k)) errors.push({ field: k.slice(0, 40), message: `unknown field "${k.slice(0, 40)}"` });
  }
  const value: AdminRecord = {};
  for (const f of fields) {
    if (f.readOnly) continue;
    const r = checkField(f, input[f.key]);
    if (r.ok) value[f.key] = r.value;
    else errors.push({ field: f.key, message: r.message });
  }
  return { value, errors };
}

/** The guide's rules that look at one record only. */
export function recordRules(kind: EntityKind, r: AdminRecord): FieldError[] {
  const errors: FieldError[] = [];
  const model = typeof r.model === 'string' ? phoneModel(r.model) : undefined;
  if (kind === 'deviceProfile' || kind === 'phone') {
    if (model?.dndOnly && (!model.dndOnly.protocol || model.dndOnly.protocol === r.protocol) && r.dndOption !== model.dndOnly.option) {
      errors.push({ field: 'dndOption', message: `${model.name}${model.dndOnly.protocol ? ` on ${model.dndOnly.protocol}` : ''} supports only the DND Option "${model.dndOnly.option}"` });
    }
    const lines = (r.lines ?? []) as LineValue[];
    if (model && lines.length > model.lineKeys) {
      errors.push({ field: 'lines', message: `${model.name} has ${model.lineKeys} line key${model.lineKeys === 1 ? '' : 's'}; remove ${lines.length - model.lineKeys} line${lines.length - model.lineKeys === 1 ? '' : 's'}` });
    }
  }
  if (kind === 'deviceProfile') {
    // An indication that is Off (Default is Off: the MLPP Indication Status enterprise parameter
    // ships "MLPP Indication turned off") cannot go with forceful preemption.
    if (r.mlppPreemption === 'Forceful' && r.mlppIndication !== 'On') {
      errors.push({ field: 'mlppPreemption', message: 'MLPP Preemption cannot be Forceful while MLPP Indication is Off (or Default, which is Off)' });
    }
    if (r.userLocale && model && !model.localization) {
      errors.push({ field: 'userLocale', message: `${model.name} does not support user locales` });
    }
  }
  if (kind === 'phone' && r.emEnabled === true && model && !model.supportsEm) {
    errors.push({ field: 'emEnabled', message: `${model.name} does not support Extension Mobility` });
  }
  if (kind === 'endUser' && r.defaultProfile && !((r.profiles ?? []) as string[]).some((p) => p.toLowerCase() === String(r.defaultProfile).toLowerCase())) {
    errors.push({ field: 'defaultProfile', message: 'The default profile must be one of the controlled profiles' });
  }
  if (kind === 'node' && !r.ipv4 && !r.ipv6) errors.push({ field: 'ipv4', message: 'A server needs an IPv4 or an IPv6 address' });
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
  const fields = checkFieldsPartly(ENTITIES[kind].fields, input);
  // The rules see only the fields that passed, and add nothing to a field already in error.
  const bad = new Set(fields.errors.map((e) => e.field));
  const errors = [...fields.errors, ...recordRules(kind, fields.value).filter((e) => !bad.has(e.field))];
  return errors.length ? { ok: false, errors } : { ok: true, value: fields.value };
}
