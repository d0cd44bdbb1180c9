import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { bareCluster } from '../../helpers/definitions';
import { ClusterStore, DatabaseTooNewError } from '../../../main/cluster/store/cluster-store';
import { LATEST_VERSION } from '../../../main/cluster/store/migrations';
import { HOME_CLUSTER } from '../../../main/lab/demo-lab';

describe('cluster database', () => {
  it('migration 10 creates the schema and records its version', () => {
    const store = new ClusterStore(':memory:');
    expect(store.schemaVersion).toBe(LATEST_VERSION);
    expect(store.isEmpty()).toBe(true);
    expect(store.serviceProfile()).toMatchObject({ emcc_active: 0, pstn_active: 0 });
    store.close();
  });

  it('runs in WAL mode with foreign keys on', () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'emcc-store-')), 'c.sqlite');
    const store = new ClusterStore(file);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    store.close();
  });

  it('refuses a database written by a newer EMCC Lab, with a message saying so', () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'emcc-store-')), 'c.sqlite');
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_VERSION + 10}`);
    raw.close();
    expect(() => new ClusterStore(file)).toThrow(DatabaseTooNewError);
    expect(() => new ClusterStore(file)).toThrow(/newer than this app/);
  });

  it('binds each free EMCC device once: the sixth login on five devices finds none', () => {
    const { store, apply } = bareCluster();
    apply(HOME_CLUSTER);
    const binding = (device: string) => ({ device, userId: 'alice', profile: 'alice-udp', visitingCluster: 'VISIT', at: 0, expiresAt: null, security: 'non-secure' });
    const bindNext = (device: string) => {
      const free = store.freeEmccDevice();
      return free && store.bindEmccDevice(free.name, binding(device)) ? free.name : undefined;
    };
    const bound = Array.from({ length: 6 }, (_, i) => bindNext(`SEPVISIT${i}`));
    expect(bound).toEqual(['EMCC1', 'EMCC2', 'EMCC3', 'EMCC4', 'EMCC5', undefined]);
    expect(store.bindEmccDevice('EMCC1', binding('SEPY'))).toBe(false);
    expect(store.releaseEmccDevice('SEPVISIT2')).toBe(true);
    expect(bindNext('SEPX')).toBe('EMCC3');
    store.close();
  });

  it('a definition with a bad field is refused, naming the field, and writes nothing', () => {
    const { store, apply } = bareCluster();
    expect(() => apply({ ...HOME_CLUSTER, enterprise: { ...HOME_CLUSTER.enterprise, clusterId: 'has spaces' } })).toThrow(/clusterId: Cluster ID must be letters, digits, - and _/);
    expect(() => apply({ ...HOME_CLUSTER, featureParameters: { remoteClusterUpdateInterval: 14 } }))
      .toThrow(/remoteClusterUpdateInterval: Remote Cluster Update Interval \(min\) must be from 15 to 10080/);
    expect(store.isEmpty()).toBe(true);
    store.close();
  });
});
