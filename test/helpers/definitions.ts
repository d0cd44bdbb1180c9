/**
 * Test helpers for cluster definitions and a cluster's administration without a lab: change one
 * list of a demo cluster, or administer a bare store.
 */
import { ClusterAdmin, type AdminChange, type LabPeers } from '../../main/cluster/admin/cluster-admin';
import { applyDefinition, type ClusterDefinition, type DEFINITION_ORDER } from '../../main/cluster/cluster-definition';
import { ClusterStore } from '../../main/cluster/store/cluster-store';

type ListKind = (typeof DEFINITION_ORDER)[number];
type Rec = Record<string, unknown>;

/** A copy of `def` with the records of one list changed by `edit`. */
export function withRecords(def: ClusterDefinition, kind: ListKind, edit: (records: Rec[]) => Rec[]): ClusterDefinition {
  return { ...def, records: { ...def.records, [kind]: edit([...(def.records?.[kind] ?? [])]) } };
}

/** A copy of `def` with one record (found by its first field's value, e.g. name) patched. */
export function withRecord(def: ClusterDefinition, kind: ListKind, name: string, patch: Rec): ClusterDefinition {
  return withRecords(def, kind, (rs) => rs.map((r) => (Object.values(r)[0] === name ? { ...r, ...patch } : r)));
}

/** An in-memory cluster database with its administration; `changes` records what it reported. */
export function bareCluster(peers: Partial<LabPeers> = {}) {
  const store = new ClusterStore(':memory:');
  const changes: AdminChange[] = [];
  const admin = new ClusterAdmin({
    store,
    now: () => 0,
    yieldToOthers: () => new Promise((r) => setImmediate(r)),
    peers: { hostTakenElsewhere: () => false, deviceNameElsewhere: () => undefined, ...peers },
    onChange: (c) => changes.push(c),
  });
  return { store, admin, changes, apply: (def: ClusterDefinition) => applyDefinition(store, admin, def) };
}
