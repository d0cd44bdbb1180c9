/**
 * Which fields point at which lists, derived from the entity and page tables: what must exist
 * before a record is saved, what stops a delete, and what follows a rename.
 */
import { ENTITIES } from '../../../shared/admin/entities';
import { ENTITY_KINDS, type AdminRecord, type EntityKind, type FieldDef, type FieldError } from '../../../shared/admin/fields';
import { EMCC_FEATURE_PARAMETERS } from '../../../shared/parameters';
import { ENTITY_TABLES } from '../store/entity-tables';
import type { ClusterStore } from '../store/cluster-store';

interface Referrer { kind: EntityKind; field: FieldDef }

const isEntityKind = (r: string | undefined): r is EntityKind => (ENTITY_KINDS as readonly string[]).includes(r ?? '');

/** Every field of every list that names a record of `kind`. */
function referrersOf(kind: EntityKind): Referrer[] {
  return ENTITY_KINDS.flatMap((k) => ENTITIES[k].fields.filter((f) => f.ref === kind).map((field) => ({ kind: k, field })));
}

/** The list a derived choice names records of. */
function refKind(ref: string | undefined): EntityKind | undefined {
  if (ref === 'nodesRunningTftp' || ref === 'nodesRunningEm') return 'node';
  if (ref === 'emccTrunks') return 'sipTrunk';
  return isEntityKind(ref) ? ref : undefined;
}

/** EMCC feature parameters that name a record, with the list they point into. */
const FEATURE_REFS = EMCC_FEATURE_PARAMETERS.flatMap((p) => {
  const k = 'ref' in p ? refKind(p.ref) : undefined;
  return k ? [{ key: p.key, label: p.label, kind: k }] : [];
});

/** Settings that name a record. */
const SETTING_REFS = [{ key: 'defaultEmccTemplate', label: 'the default EMCC template', kind: 'emccTemplate' as EntityKind }];

/** The stored spelling of a record's name (names match case-insensitively, as Unified CM's do). */
export function storedName(store: ClusterStore, kind: EntityKind, name: string): string | undefined {
  const t = ENTITY_TABLES[kind];
  const row = store.entityRow(t, name);
  return row ? String(row[t.columns[ENTITIES[kind].key]!]) : undefined;
}

/**
 * Errors for the fields of `r` that name records which do not exist; the names that do exist are
 * rewritten in `r` to their stored spelling, so references match exactly in the database.
 */
export function missingReferences(store: ClusterStore, kind: EntityKind, r: AdminRecord): FieldError[] {
  const errors: FieldError[] = [];
  for (const f of ENTITIES[kind].fields) {
    if (!isEntityKind(f.ref) || f.readOnly) continue;
    const target = ENTITIES[f.ref];
    const values = f.type === 'multiselect' ? ((r[f.key] ?? []) as string[]) : r[f.key] ? [String(r[f.key])] : [];
    const stored = values.map((v) => storedName(store, f.ref as EntityKind, v));
    const missing = values.filter((_, i) => stored[i] === undefined);
    if (missing.length) errors.push({ field: f.key, message: `${f.label}: no ${target.title} named ${missing.map((m) => `"${m}"`).join(', ')}` });
    else if (values.length) r[f.key] = f.type === 'multiselect' ? [...new Set(stored as string[])] : stored[0]!;
  }
  return errors;
}

/** Why a record cannot be deleted: the records and settings that still name it. */
export function usedBy(store: ClusterStore, kind: EntityKind, key: string): string[] {
  const uses: string[] = [];
  for (const { kind: k, field } of referrersOf(kind)) {
    if (field.type === 'multiselect') continue; // lists simply lose the entry
    const keys = store.referrers(ENTITY_TABLES[k], ENTITY_TABLES[k].columns[field.key]!, key);
    if (keys.length) uses.push(`${ENTITIES[k].title} ${keys.map((x) => `"${x}"`).join(', ')} (${field.label})`);
  }
  const nodeHost = kind === 'node' ? key : undefined;
  for (const p of FEATURE_REFS) {
    if (p.kind === kind && store.featureParametersNaming([p.key], nodeHost ?? key).length) uses.push(`EMCC Feature Configuration (${p.label})`);
  }
  for (const s of SETTING_REFS) {
    if (s.kind === kind && store.settingsNaming([s.key], key).length) uses.push(`Bulk Administration (${s.label})`);
  }
  if (kind === 'sipTrunk') {
    const isp = store.serviceProfile();
    if ([isp.pstn_trunk, isp.rsvp_trunk].some((t) => t?.toLowerCase() === key.toLowerCase())) uses.push('EMCC Intercluster Service Profile');
  }
  if (kind === 'emccTemplate') {
    const n = store.emccDevicesUsingTemplate(key);
    if (n) uses.push(`${n} EMCC device${n === 1 ? '' : 's'}`);
  }
  if (kind === 'deviceProfile') {
    // A profile a user is logged in with is in use, as Unified CM says when it refuses the delete:
    // the user logs out (or the administrator logs the phone out) first.
    const devices = store.sessionsWithProfile(key);
    if (devices.length) uses.push(`the Extension Mobility login on ${devices.map((d) => `"${d}"`).join(', ')}`);
  }
  return uses;
}

/** After a rename, inside the same transaction: point every reference at the new name. */
export function renameReferences(store: ClusterStore, kind: EntityKind, from: string, to: string): void {
  for (const { kind: k, field } of referrersOf(kind)) {
    const t = ENTITY_TABLES[k];
    if (field.type === 'multiselect') store.renameListReferences(t.lists[field.key]!, from, to);
    else store.renameReferences(t, t.columns[field.key]!, from, to);
  }
  for (const p of FEATURE_REFS) if (p.kind === kind && store.featureParametersNaming([p.key], from).length) store.setFeatureParameter(p.key, to);
  for (const s of SETTING_REFS) if (s.kind === kind && store.settingsNaming([s.key], from).length) store.setSetting(s.key, to);
  if (kind === 'sipTrunk') {
    const isp = store.serviceProfile();
    const same = (t: string | null) => t?.toLowerCase() === from.toLowerCase();
    if (same(isp.pstn_trunk) || same(isp.rsvp_trunk)) {
      store.setServiceProfile({ ...isp, pstn_trunk: same(isp.pstn_trunk) ? to : isp.pstn_trunk, rsvp_trunk: same(isp.rsvp_trunk) ? to : isp.rsvp_trunk });
    }
  }
}

/** Before a delete, inside its transaction: take the record out of every list that names it. */
export function dropListReferences(store: ClusterStore, kind: EntityKind, key: string): void {
  for (const { kind: k, field } of referrersOf(kind)) {
    if (field.type === 'multiselect') store.deleteListReferences(ENTITY_TABLES[k].lists[field.key]!, key);
  }
}
