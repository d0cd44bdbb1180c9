/** How a field's value reads in a table cell. */
import type { FieldDef } from '../../../shared/admin/fields';

/** The text of a value in a list: choice labels, true/false, DNs of lines, names joined. */
export function cellText(field: FieldDef | undefined, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) {
    return value.map((v) => (typeof v === 'object' && v !== null && 'dn' in v ? String((v as { dn: unknown }).dn) : String(v))).join(', ');
  }
  const choice = field?.choices?.find((c) => c.value === value);
  return choice ? choice.label : String(value);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A lab-clock time as "YYYY-MM-DD HH:MM:SS" (local time). */
export function timeText(t: number | null): string {
  if (t == null) return '';
  const d = new Date(t);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}
