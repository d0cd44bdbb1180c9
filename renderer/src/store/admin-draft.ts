/**
 * Pure helpers of the admin store: turning a record from the main process into the draft a form
 * edits, and merging a fresh copy into a draft the user may have changed.
 */
import type { AdminRecord, FieldDef, FieldError, FieldValue } from '../../../shared/admin/fields';
import { defaultOf } from '../../../shared/admin/validate';

/** A record limited to the form's fields, each left-out field at its default. */
export function toDraft(fields: readonly FieldDef[], record: Record<string, unknown>): AdminRecord {
  return Object.fromEntries(fields.map((f) => {
    const v = record[f.key];
    return [f.key, v === undefined ? defaultOf(f) : (v as FieldValue)];
  }));
}

/** Deep equality of two field values (lines and lists compare by content). */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * A fresh copy of a record merged into the draft: read-only fields and the fields the user has
 * not touched take the fresh value; the user's edits stay.
 */
export function mergeFresh(fields: readonly FieldDef[], saved: AdminRecord | null, draft: AdminRecord, fresh: AdminRecord): AdminRecord {
  return Object.fromEntries(fields.map((f) => {
    const untouched = saved !== null && sameValue(saved[f.key], draft[f.key]);
    return [f.key, f.readOnly || untouched ? fresh[f.key] ?? null : draft[f.key] ?? null];
  }));
}

/** The same merge for a map of flags (a node's services), keyed by name. */
export function mergeFlags(saved: Record<string, boolean>, draft: Record<string, boolean>, fresh: Record<string, boolean>): Record<string, boolean> {
  const out: Record<string, boolean> = { ...fresh };
  for (const [k, v] of Object.entries(draft)) if (saved[k] !== v) out[k] = v;
  return out;
}

/** The errors that belong to one field. */
export function errorsOf(errors: readonly FieldError[], field: string): FieldError[] {
  return errors.filter((e) => e.field === field);
}

/** A line of the lab's trace. */
export interface TraceEntry {
  at: number;
  text: string;
}

/**
 * The trace as fetched, followed by the lines received as events meanwhile that it does not
 * hold yet (a line can come both ways while the request is on its way; it is shown once).
 */
export function mergeTrace(fetched: readonly TraceEntry[], received: readonly TraceEntry[]): TraceEntry[] {
  if (received.length === 0) return [...fetched];
  const first = Math.min(...received.map((e) => e.at));
  const held = new Map<string, number>();
  for (const e of fetched) {
    if (e.at < first) continue;
    const k = `${e.at}\n${e.text}`;
    held.set(k, (held.get(k) ?? 0) + 1);
  }
  const out = [...fetched];
  for (const e of received) {
    const k = `${e.at}\n${e.text}`;
    const n = held.get(k) ?? 0;
    if (n > 0) held.set(k, n - 1);
    else out.push(e);
  }
  return out;
}
