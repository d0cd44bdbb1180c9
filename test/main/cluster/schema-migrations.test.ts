import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ENTITIES } from '../../../shared/admin/entities';
import { ENTITY_KINDS } from '../../../shared/admin/fields';
import { ENTITY_TABLES } from '../../../main/cluster/store/entity-tables';
import { ClusterStore } from '../../../main/cluster/store/cluster-store';
import { LATEST_VERSION, MIGRATIONS } from '../../../main/cluster/store/migrations';

describe('the cluster database schema', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('has a column or a child table for every field of every administration list', () => {
    const store = new ClusterStore(':memory:');
    for (const kind of ENTITY_KINDS) {
      const t = ENTITY_TABLES[kind];
      const columns = new Set((store.db.pragma(`table_info(${t.table})`) as { name: string }[]).map((c) => c.name));
      for (const f of ENTITIES[kind].fields) {
        if (f.key in t.lists) expect(store.db.pragma(`table_info(${t.lists[f.key]!.table})`), `${kind}.${f.key}`).not.toEqual([]);
        else if (!(f.key in t.constants)) expect(columns.has(t.columns[f.key]!), `${kind}.${f.key} -> ${t.table}.${t.columns[f.key]}`).toBe(true);
      }
    }
    store.close();
  });

  it('migration 20 upgrades a walking-skeleton database and keeps its remote clusters and their Enabled flags', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'emcc-mig-'));
    dirs.push(dir);
    const file = path.join(dir, 'old.sqlite');
    const raw = new Database(file);
    raw.exec(MIGRATIONS.find((m) => m.version === 10)!.sql);
    raw.pragma('user_version = 10');
    raw.prepare("INSERT INTO remote_clusters (cluster_id, fqdn, emcc_activated, pstn_activated, rsvp_activated) VALUES ('VISIT', 'visit-pub', 1, 0, 1)").run();
    raw.prepare("INSERT INTO device_profiles (name, model) VALUES ('alice-udp', '8845')").run();
    raw.close();

    const store = new ClusterStore(file);
    expect(store.schemaVersion).toBe(LATEST_VERSION);
    expect(store.remoteCluster('VISIT')).toMatchObject({ emcc_enabled: 1, pstn_enabled: 0, rsvp_enabled: 1 });
    expect(store.profile('alice-udp')).toMatchObject({ model: '8845', mlpp_indication: 'Default', dnd_option: 'Use Common Phone Profile Setting' });
    store.close();
  });
});
