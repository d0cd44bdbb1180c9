import { describe, expect, it } from 'vitest';
import { DefinitionError } from '../../../../main/cluster/cluster-definition';
import { ENTITY_TABLES } from '../../../../main/cluster/store/entity-tables';
import { FRESH_LAB, HOME_CLUSTER, VISITING_CLUSTER } from '../../../../main/lab/demo-lab';
import { bareCluster, withRecord, withRecords } from '../../../helpers/definitions';

describe('cluster definitions go through the same administration', () => {
  it.each([
    ['the demo home cluster', HOME_CLUSTER],
    ['the demo visiting cluster', VISITING_CLUSTER],
    ['fresh cluster A', FRESH_LAB[0]!],
    ['fresh cluster B', FRESH_LAB[1]!],
  ])('%s applies cleanly', (_name, def) => {
    const { store, admin, apply } = bareCluster();
    expect(() => apply(def)).not.toThrow();
    expect(store.isEmpty()).toBe(false);
    expect(admin.form('enterprise').clusterId).toBe(def.enterprise.clusterId);
    expect(admin.list('node').map((n) => n.host)).toEqual(def.nodes.map((n) => n.record.host));
    expect(admin.list('devicePool').map((p) => p.name)).toContain('Default');
  });

  it('both demo clusters are ready for EMCC: Validate passes on each', () => {
    for (const def of [HOME_CLUSTER, VISITING_CLUSTER]) {
      const { admin, apply } = bareCluster();
      apply(def);
      expect(admin.validateIsp().passed, def.name).toBe(true);
      expect(admin.form('isp')).toMatchObject({ emccActive: true, pstnActive: true, rsvpActive: true });
    }
  });

  it('a record with a bad field throws naming the record and the field, and leaves the database empty', () => {
    const { store, apply } = bareCluster();
    const bad = withRecord(HOME_CLUSTER, 'deviceProfile', 'carol-udp', { name: 'c'.repeat(51) });
    expect(() => apply(bad)).toThrow(DefinitionError);
    expect(() => apply(bad)).toThrow(/cluster "home": deviceProfile "c{51}": name: Device Profile Name must be at most 50 characters/);
    expect(store.isEmpty()).toBe(true);
    expect(store.nodes()).toEqual([]);
    expect(store.entityCount(ENTITY_TABLES.deviceProfile)).toBe(0);
  });

  it('a record naming a device pool that does not exist throws naming the phone and devicePool', () => {
    const { store, apply } = bareCluster();
    const bad = withRecord(VISITING_CLUSTER, 'phone', 'SEP00AA11BB33DD', { devicePool: 'Beijing' });
    expect(() => apply(bad)).toThrow(/phone "SEP00AA11BB33DD": devicePool: Device Pool: no Device Pool named "Beijing"/);
    expect(store.isEmpty()).toBe(true);
  });

  it('a third EMCC trunk in a definition throws naming the trunk and leaves the database empty', () => {
    const { store, apply } = bareCluster();
    const bad = withRecords(HOME_CLUSTER, 'sipTrunk', (ts) => [...ts, { ...ts[0]!, name: 'EMCC-2' }, { ...ts[0]!, name: 'EMCC-3' }]);
    expect(() => apply(bad)).toThrow(/sipTrunk "EMCC-3": trunkServiceType/);
    expect(store.isEmpty()).toBe(true);
  });

  it('a definition with two publishers, or more EMCC devices than fit, throws and writes nothing', () => {
    const twoPublishers = { ...FRESH_LAB[0]!, nodes: [...FRESH_LAB[0]!.nodes, { record: { host: 'cucm-a-pub2', role: 'publisher', ipv4: '10.0.0.2' }, services: [] }] };
    const c1 = bareCluster();
    expect(() => c1.apply(twoPublishers)).toThrow(/server cucm-a-pub2: role: The cluster already has a publisher/);
    expect(c1.store.isEmpty()).toBe(true);
    const c2 = bareCluster();
    expect(() => c2.apply({ ...HOME_CLUSTER, emccDevices: 30_001 })).toThrow(/EMCC devices: count: .*from 1 to 29999/);
    expect(c2.store.isEmpty()).toBe(true);
    expect(c2.store.emccDeviceCount()).toBe(0);
  });

  it('a definition whose ISP cannot pass Validate throws and writes nothing', () => {
    const { store, apply } = bareCluster();
    expect(() => apply({ ...FRESH_LAB[0]!, interclusterServiceProfile: { emccActive: true } })).toThrow(/cluster "cluster-a": isp: .*not activated/);
    expect(store.isEmpty()).toBe(true);
  });
});
