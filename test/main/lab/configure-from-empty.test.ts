import { afterEach, describe, expect, it } from 'vitest';
import { LabClock } from '../../../main/clock/lab-clock';
import type { ClusterAdmin } from '../../../main/cluster/admin/cluster-admin';
import { FRESH_LAB } from '../../../main/lab/demo-lab';
import { Lab } from '../../../main/lab/lab';
import { ACTIVATABLE_SERVICES } from '../../../shared/cluster-services';
import { registeredTo, submitLogin, TEST_KEYS, waitForScreen } from '../../helpers/lab-fixture';

const PHONE = 'SEP0A0B0C0D0E0F';

function ok(r: { ok: boolean; errors?: unknown }): void {
  expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
}

/** The guide's steps 0-8 on one cluster, through its administration only. */
async function configure(admin: ClusterAdmin, clusterId: string, host: string): Promise<void> {
  ok(admin.saveForm('enterprise', { clusterId, version: '12.0', securityMode: 'non-secure' }));
  ok(admin.setServiceActivation(host, Object.fromEntries(ACTIVATABLE_SERVICES.map((s) => [s.service, true]))));
  ok(admin.save('phoneService', null, { name: 'Extension Mobility', url: `http://${host}:8080/emapp/EMAppServlet?device=#DEVICENAME#&EMCC=#EMCC#` }));
  ok(admin.save('commonDeviceConfig', null, { name: 'EMCC-CDC' }));
  ok(admin.save('emccTemplate', null, { name: 'EMCC-Template', devicePool: 'Default', commonDeviceConfig: 'EMCC-CDC' }));
  ok(admin.bulk.submit({ kind: 'updateEmccDevices', template: 'EMCC-Template' }));
  ok(admin.bulk.submit({ kind: 'insertEmccDevices', count: 5 }));
  await admin.bulk.idle();
  expect(admin.bulk.jobs().map((j) => j.status)).toEqual(['Completed', 'Completed']);
  ok(admin.save('geolocationFilter', null, { name: 'EMCC-Filter', useCountry: true, useCity: true }));
  ok(admin.saveForm('featureParameters', { ...admin.form('featureParameters'), defaultTftpServer: host, defaultRemoteUpdateServer: host, geolocationFilter: 'EMCC-Filter' }));
  ok(admin.save('sipTrunk', null, { name: 'EMCC-Trunk', trunkServiceType: 'Extension Mobility Cross Clusters', devicePool: 'Default' }));
  expect(admin.validateIsp().passed).toBe(true);
  ok(admin.saveForm('isp', { emccActive: true, pstnActive: true, pstnTrunk: 'EMCC-Trunk', rsvpActive: true, rsvpTrunk: 'EMCC-Trunk' }));
}

describe('a fresh two-cluster lab configured only through the administration', () => {
  let lab: Lab | undefined;
  afterEach(async () => lab?.close());

  it('follows the guide\'s nine steps on both clusters, then logs a home user in on a visiting phone', async () => {
    lab = await Lab.open({ clusters: FRESH_LAB, clock: new LabClock({ speed: 1000 }), keys: TEST_KEYS });
    const a = lab.clusterNamed('cluster-a')!;
    const b = lab.clusterNamed('cluster-b')!;
    await configure(a.admin, 'HOME', 'cucm-a-pub');
    await configure(b.admin, 'VISIT', 'cucm-b-pub');
    ok(a.admin.save('deviceProfile', null, { name: 'alice-udp', model: '8845', lines: [{ dn: '1001', label: 'Alice' }], services: ['Extension Mobility'] }));
    ok(a.admin.save('endUser', null, { userId: 'alice', lastName: 'Smith', pin: '12345', emccEnabled: true, profiles: ['alice-udp'] }));
    ok(b.admin.save('phone', null, { name: PHONE, model: '8845', devicePool: 'Default', emEnabled: true, lines: [{ dn: '3001', label: '' }], services: ['Extension Mobility'] }));
    // The phone added on the Phone page boots and registers to its cluster.
    await waitForScreen(lab, PHONE, registeredTo('VISIT'));

    // Step 3: without it the clusters do not trust each other's Tomcat certificates.
    for (const c of [a, b]) c.pki.submitExport();
    await Promise.all([a.admin.bulk.idle(), b.admin.bulk.idle()]);
    a.pki.submitConsolidate();
    await a.admin.bulk.idle();
    for (const c of [a, b]) c.pki.submitImport();
    await Promise.all([a.admin.bulk.idle(), b.admin.bulk.idle()]);
    expect([...a.admin.bulk.jobs(), ...b.admin.bulk.jobs()].filter((j) => j.kind.startsWith('cert')).map((j) => j.status)).toEqual(Array(5).fill('Completed'));

    // Step 9: each adds the other; the first to add it learns nothing until it updates again.
    ok(a.admin.save('remoteCluster', null, { clusterId: 'VISIT', fqdn: 'cucm-b-pub', emccEnabled: true, pstnEnabled: true, rsvpEnabled: true }));
    ok(b.admin.save('remoteCluster', null, { clusterId: 'HOME', fqdn: 'cucm-a-pub', emccEnabled: true, pstnEnabled: true, rsvpEnabled: true }));
    await a.updateRemoteClustersNow();
    await b.updateRemoteClustersNow();
    expect(b.admin.get('remoteCluster', 'HOME')).toMatchObject({ remoteEmccActivated: true, remoteVersion: '12.0', tftpEnabled: false });

    await submitLogin(lab, PHONE, 'alice', '12345');
    const s = await waitForScreen(lab, PHONE, registeredTo('HOME'));
    expect(s.lines.map((l) => l.dn)).toEqual(['1001']);
    expect(a.store.emccDeviceBoundTo(PHONE)?.name).toBe('EMCC1');
  });

  it('a phone deleted on the Phone page leaves the lab, and one renamed boots under its new name', async () => {
    lab = await Lab.open({ clusters: FRESH_LAB, clock: new LabClock({ speed: 1000 }), keys: TEST_KEYS });
    const b = lab.clusterNamed('cluster-b')!.admin;
    ok(b.save('phone', null, { name: PHONE, model: '8845', devicePool: 'Default' }));
    expect(lab.snapshot().phones.map((p) => p.deviceName)).toEqual([PHONE]);
    ok(b.save('phone', PHONE, { ...b.get('phone', PHONE), name: 'SEP0A0B0C0D0E10' }));
    expect(lab.snapshot().phones.map((p) => p.deviceName)).toEqual(['SEP0A0B0C0D0E10']);
    ok(b.delete('phone', 'SEP0A0B0C0D0E10'));
    expect(lab.snapshot().phones).toEqual([]);
  });

  it('a server added on the Server page answers on the lab network under its host name', async () => {
    lab = await Lab.open({ clusters: FRESH_LAB, clock: new LabClock({ speed: 1000 }), keys: TEST_KEYS });
    const a = lab.clusterNamed('cluster-a')!;
    ok(a.admin.save('node', null, { host: 'cucm-a-sub1', role: 'subscriber', ipv4: '127.0.0.1' }));
    await a.serversSettled();
    expect(lab.snapshot().clusters.find((c) => c.id === 'cluster-a')!.nodes.map((n) => n.host)).toEqual(['cucm-a-pub', 'cucm-a-sub1']);
    const res = await lab.network.client('test').request({ url: 'http://cucm-a-sub1:8080/emservice/EMServiceServlet' });
    // Extension Mobility is not activated on the new server: a stopped servlet answers 503.
    expect(res.status).toBe(503);
    ok(a.admin.delete('node', 'cucm-a-sub1'));
    await a.serversSettled();
    await expect(lab.network.client('test').request({ url: 'http://cucm-a-sub1:8080/emservice/EMServiceServlet' })).rejects.toThrow();
  });
});
