/**
 * Between an admin record (field key -> value, as the pages edit it) and the rows of the
 * cluster database (column -> value, booleans as 0/1, lines and names in child tables).
 */
import { ENTITIES } from '../../../shared/admin/entities';
import type { AdminRecord, EntityKind, FieldDef, LineValue } from '../../../shared/admin/fields';
import { defaultOf } from '../../../shared/admin/validate';
import { ENTITY_TABLES } from '../store/entity-tables';
import type { ChildValues, EntityRow } from '../store/cluster-store';

function fromColumn(f: FieldDef, v: string | number | null | undefined): AdminRecord[string] {
  if (v === undefined) return defaultOf(f);
  if (f.type === 'boolean') return v === 1 || v === '1';
  if (f.type === 'integer') return v === null ? null : Number(v);
  return v === null || v === '' ? null : String(v);
}

/** A database row (and its child rows) as an admin record. */
export function rowToRecord(kind: EntityKind, row: EntityRow, children?: ChildValues): AdminRecord {
  const t = ENTITY_TABLES[kind];
  const out: AdminRecord = {};
  for (const f of ENTITIES[kind].fields) {
    if (f.key in t.constants) out[f.key] = t.constants[f.key]!;
    else if (f.key in t.lists) {
      const c = children?.[f.key];
      if (!c) continue;
      out[f.key] = t.lists[f.key]!.shape === 'lines' ? (c as LineValue[]).map((l) => ({ dn: l.dn, label: l.label })) : [...(c as string[])];
    } else out[f.key] = fromColumn(f, row[t.columns[f.key]!]);
  }
  return out;
}

/** The columns and child rows to write for a checked record (read-only fields left as they are). */
export function recordToRow(kind: EntityKind, r: AdminRecord): { values: EntityRow; children: ChildValues } {
  const t = ENTITY_TABLES[kind];
  const values: EntityRow = {};
  const children: ChildValues = {};
  for (const f of ENTITIES[kind].fields) {
    if (f.readOnly || f.key in t.constants || !(f.key in r)) continue;
    const v = r[f.key];
    if (f.key in t.lists) {
      children[f.key] = t.lists[f.key]!.shape === 'lines'
        ? ((v ?? []) as LineValue[]).map((l, i) => ({ position: i + 1, dn: l.dn, label: l.label }))
        : [...((v ?? []) as string[])];
      continue;
    }
    // Free text is stored as '' when empty (some older columns are NOT NULL); a select that names
    // nothing stays NULL, as a foreign key must.
    values[t.columns[f.key]!] = typeof v === 'boolean' ? (v ? 1 : 0) : v === null && (f.type === 'text' || f.type === 'password') ? '' : (v as string | number | null);
  }
  // A table whose key column is not a field's column (nodes: name = host) gets it from the key field.
  if (!(t.keyColumn in values)) values[t.keyColumn] = String(r[ENTITIES[kind].key]);
  return { values, children };
}

/** The name of a record (its key field). */
export function keyOf(kind: EntityKind, r: AdminRecord): string {
  return String(r[ENTITIES[kind].key] ?? '');
}
