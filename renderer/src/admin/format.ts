/** How a field's value reads in a table cell, and times, names and sizes as the pages show them. */
import type { FieldDef } from '../../../shared/admin/fields';
import { choiceLabel } from '../i18n/admin-text';
import type { Translate } from '../i18n/text';

/** The text of a value in a list: choice labels, true/false, DNs of lines, names joined. */
export function cellText(t: Translate, field: FieldDef | undefined, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? t('admin:list.true') : t('admin:list.false');
  if (Array.isArray(value)) {
    return value.map((v) => (typeof v === 'object' && v !== null && 'dn' in v ? String((v as { dn: unknown }).dn) : String(v))).join(', ');
  }
  const choice = field?.choices?.find((c) => c.value === value);
  return choice ? choiceLabel(t, choice) : String(value);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A lab-clock time as "YYYY-MM-DD HH:MM:SS" (local time). */
export function timeText(t: number | null): string {
  if (t == null) return '';
  const d = new Date(t);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** A lab-clock time with milliseconds, "YYYY-MM-DD HH:MM:SS.mmm" (trace lines come in bursts). */
export function preciseTimeText(t: number): string {
  return `${timeText(t)}.${String(new Date(t).getMilliseconds()).padStart(3, '0')}`;
}

/** A lab-clock date as "YYYY-MM-DD". */
export function dateText(t: number): string {
  return timeText(t).slice(0, 10);
}

/** The CN of a distinguished name as "C=US, O=..., CN=home-pub" gives it, else the whole name. */
export function commonName(dn: string): string {
  return /(?:^|,\s*)CN=([^,]+)/.exec(dn)?.[1]?.trim() ?? dn;
}

/** A SHA-256 fingerprint "AB:CD:...:EF" shortened to its first and last four bytes. */
export function shortFingerprint(fingerprint: string): string {
  const bytes = fingerprint.split(':');
  return bytes.length <= 8 ? fingerprint : `${bytes.slice(0, 4).join(':')}…${bytes.slice(-4).join(':')}`;
}

/** A file size in bytes, KB or MB. */
export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
