/** A digest of every row of every table of a cluster database, to prove a request changed nothing. */
import { createHash } from 'node:crypto';
import type { ClusterStore } from '../../main/cluster/store/cluster-store';

export function dbFingerprint(store: ClusterStore): string {
  const hash = createHash('sha256');
  const tables = store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
  for (const { name } of tables) {
    hash.update(name);
    hash.update(JSON.stringify(store.db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()));
  }
  return hash.digest('hex');
}
