import { describe, expect, it } from 'vitest';
import { SERVICES } from '../../../../shared/cluster-services';
import { expectRefused, expectSaved, homeCluster } from './kit';

describe('deleting a record that is still in use', () => {
  it('deleting the device pool a phone, a trunk and the EMCC template use is refused, naming each of them', () => {
    const { admin } = homeCluster();
    const r = admin.delete('devicePool', 'Default');
    expectRefused(r, '', /Device Pool "Default" is in use by/);
    expectRefused(r, '', /Phone "SEP001122334455" \(Device Pool\)/);
    expectRefused(r, '', /Trunk "EMCC-SIP-Trunk" \(Device Pool\)/);
    expectRefused(r, '', /EMCC Template "EMCC-Template" \(Device Pool\)/);
    expect(admin.get('devicePool', 'Default')).toBeDefined();
  });

  it('deleting the trunk the Intercluster Service Profile uses is refused, naming the profile', () => {
    const { admin } = homeCluster();
    expectRefused(admin.delete('sipTrunk', 'EMCC-SIP-Trunk'), '', /Trunk "EMCC-SIP-Trunk" is in use by EMCC Intercluster Service Profile/);
    expect(admin.get('sipTrunk', 'EMCC-SIP-Trunk')).toBeDefined();
  });

  it('deleting the geolocation filter the EMCC Feature Configuration names is refused, naming the parameter', () => {
    const { admin } = homeCluster();
    expectRefused(admin.delete('geolocationFilter', 'EMCC-Geo-Filter'), '', /EMCC Feature Configuration \(EMCC Geolocation Filter\)/);
    expect(admin.get('geolocationFilter', 'EMCC-Geo-Filter')).toBeDefined();
  });

  it('deleting the server named as Default TFTP Server is refused, naming the parameter', () => {
    const { admin } = homeCluster();
    expectSaved(admin.save('node', null, { host: 'home-sub', ipv4: '10.0.0.2' }));
    expectSaved(admin.setServiceActivation('home-sub', { [SERVICES.tftp]: true }));
    expectSaved(admin.saveForm('featureParameters', { ...admin.form('featureParameters'), defaultTftpServer: 'home-sub' }));
    expectRefused(admin.delete('node', 'home-sub'), '', /Server "home-sub" is in use by EMCC Feature Configuration \(Default TFTP Server for EMCC Login Device\)/);
    expect(admin.get('node', 'home-sub')).toBeDefined();
  });

  it('deleting the server named as Default Server For Remote Cluster Update is refused', () => {
    const { admin } = homeCluster();
    expectSaved(admin.save('node', null, { host: 'home-sub', ipv4: '10.0.0.2' }));
    expectSaved(admin.setServiceActivation('home-sub', { [SERVICES.extensionMobility]: true }));
    expectSaved(admin.saveForm('featureParameters', { ...admin.form('featureParameters'), backupRemoteUpdateServer: 'home-sub' }));
    expectRefused(admin.delete('node', 'home-sub'), '', /Backup Server for Remote Cluster Update/);
  });

  it('deleting the default EMCC template is refused, naming Bulk Administration and the EMCC devices that use it', () => {
    const { admin } = homeCluster();
    const r = admin.delete('emccTemplate', 'EMCC-Template');
    expectRefused(r, '', /Bulk Administration \(the default EMCC template\)/);
    expectRefused(r, '', /5 EMCC devices/);
    expect(admin.get('emccTemplate', 'EMCC-Template')).toBeDefined();
  });

  it('deleting an end user named as a profile\'s Login User Id is refused, naming the profile', () => {
    const { admin } = homeCluster();
    const carol = admin.get('deviceProfile', 'carol-udp')!;
    expectSaved(admin.save('deviceProfile', 'carol-udp', { ...carol, loginUserId: 'alice' }));
    expectRefused(admin.delete('endUser', 'alice'), '', /Device Profile "carol-udp" \(Login User Id\)/);
  });

  it('deleting a geolocation a device pool names is refused', () => {
    const { admin } = homeCluster();
    expectRefused(admin.delete('geolocation', 'Site'), '', /Device Pool "Default" \(Geolocation\)/);
  });

  it('deleting a record that does not exist is refused', () => {
    const { admin } = homeCluster();
    expectRefused(admin.delete('devicePool', 'Nowhere'), '', /does not exist/);
  });
});

describe('deleting a record that other records only list (subscriptions, controlled profiles)', () => {
  it('deleting a phone service takes it out of every subscription', () => {
    const { admin } = homeCluster();
    expect(admin.get('deviceProfile', 'alice-udp')?.services).toEqual(['Extension Mobility']);
    expectSaved(admin.delete('phoneService', 'Extension Mobility'));
    expect(admin.get('deviceProfile', 'alice-udp')?.services).toEqual([]);
    expect(admin.get('deviceProfile', 'carol-udp')?.services).toEqual([]);
    expect(admin.get('phone', 'SEP001122334455')?.services).toEqual([]);
  });

  it('deleting a device profile takes it out of its user\'s controlled profiles', () => {
    const { admin } = homeCluster();
    expectSaved(admin.delete('deviceProfile', 'carol-udp'));
    expect(admin.get('endUser', 'carol')?.profiles).toEqual([]);
  });

  it('a refused delete leaves the subscriptions as they were', () => {
    const { admin } = homeCluster();
    expectRefused(admin.delete('devicePool', 'Default'), '');
    expect(admin.get('phone', 'SEP001122334455')).toMatchObject({ devicePool: 'Default', services: ['Extension Mobility'] });
  });
});

describe('renaming a record carries its references along', () => {
  it('renaming a device pool moves the phones, trunks and EMCC templates that use it', () => {
    const { admin } = homeCluster();
    expectSaved(admin.save('devicePool', 'Default', { ...admin.get('devicePool', 'Default'), name: 'Headquarters' }));
    expect(admin.get('devicePool', 'Default')).toBeUndefined();
    expect(admin.get('phone', 'SEP001122334455')?.devicePool).toBe('Headquarters');
    expect(admin.get('sipTrunk', 'EMCC-SIP-Trunk')?.devicePool).toBe('Headquarters');
    expect(admin.get('emccTemplate', 'EMCC-Template')?.devicePool).toBe('Headquarters');
  });

  it('renaming a phone service renames it in every subscription', () => {
    const { admin } = homeCluster();
    expectSaved(admin.save('phoneService', 'Extension Mobility', { ...admin.get('phoneService', 'Extension Mobility'), name: 'EM' }));
    expect(admin.get('deviceProfile', 'alice-udp')?.services).toEqual(['EM']);
    expect(admin.get('phone', 'SEP001122334455')?.services).toEqual(['EM']);
  });

  it('renaming the EMCC trunk moves the Intercluster Service Profile to the new name', () => {
    const { admin } = homeCluster();
    expectSaved(admin.save('sipTrunk', 'EMCC-SIP-Trunk', { ...admin.get('sipTrunk', 'EMCC-SIP-Trunk'), name: 'EMCC-Trunk-1' }));
    expect(admin.form('isp')).toMatchObject({ pstnTrunk: 'EMCC-Trunk-1', rsvpTrunk: 'EMCC-Trunk-1' });
    expect(admin.validateIsp().passed).toBe(true);
  });

  it('renaming the geolocation filter and the default EMCC template keeps the EMCC configuration pointing at them', () => {
    const { admin } = homeCluster();
    expectSaved(admin.save('geolocationFilter', 'EMCC-Geo-Filter', { ...admin.get('geolocationFilter', 'EMCC-Geo-Filter'), name: 'Roaming-Filter' }));
    expect(admin.form('featureParameters').geolocationFilter).toBe('Roaming-Filter');
    expectSaved(admin.save('emccTemplate', 'EMCC-Template', { ...admin.get('emccTemplate', 'EMCC-Template'), name: 'Template-2' }));
    expect(admin.bulk.status().defaultTemplate).toBe('Template-2');
  });

  it('renaming a server moves the feature parameters that name it and keeps its activated services', () => {
    const { admin } = homeCluster();
    expectSaved(admin.save('node', null, { host: 'home-sub', ipv4: '10.0.0.2' }));
    expectSaved(admin.setServiceActivation('home-sub', { [SERVICES.tftp]: true }));
    expectSaved(admin.saveForm('featureParameters', { ...admin.form('featureParameters'), backupTftpServer: 'home-sub' }));
    expectSaved(admin.save('node', 'home-sub', { ...admin.get('node', 'home-sub'), host: 'home-sub-2' }));
    expect(admin.form('featureParameters').backupTftpServer).toBe('home-sub-2');
    expect(admin.choices().nodesRunningTftp).toContain('home-sub-2');
  });

  it('a rename onto a name another record already has is refused', () => {
    const { admin } = homeCluster();
    expectRefused(admin.save('deviceProfile', 'carol-udp', { ...admin.get('deviceProfile', 'carol-udp'), name: 'ALICE-UDP' }), 'name', /already exists/);
  });
});

describe('names are matched without regard to case, and stored as the record spells them', () => {
  it('a phone naming its device pool, logout profile and services in other cases is saved with their stored names', () => {
    const { admin } = homeCluster();
    expectSaved(admin.save('phone', null, { name: 'SEP0011223344AA', model: '8845', devicePool: 'default', logoutProfile: 'CAROL-UDP', services: ['EXTENSION MOBILITY'] }));
    expect(admin.get('phone', 'SEP0011223344AA')).toMatchObject({ devicePool: 'Default', logoutProfile: 'carol-udp', services: ['Extension Mobility'] });
  });

  it('an end user controlling a profile named in capitals is saved with the profile\'s own name', () => {
    const { admin } = homeCluster();
    expectSaved(admin.save('endUser', null, { userId: 'dave', lastName: 'Dave', pin: '13579', profiles: ['CAROL-UDP'] }));
    expect(admin.get('endUser', 'dave')).toMatchObject({ profiles: ['carol-udp'] });
  });

  it('the Default TFTP Server and the profile\'s trunk are stored as the server and trunk are named', () => {
    const { admin } = homeCluster();
    expectSaved(admin.saveForm('featureParameters', { ...admin.form('featureParameters'), defaultTftpServer: 'HOME-PUB' }));
    expect(admin.form('featureParameters').defaultTftpServer).toBe('home-pub');
    expectSaved(admin.saveForm('isp', { ...admin.form('isp'), pstnTrunk: 'emcc-sip-trunk' }));
    expect(admin.form('isp').pstnTrunk).toBe('EMCC-SIP-Trunk');
  });

  it('the own Cluster ID cannot become a remote cluster\'s Cluster Id in another case', () => {
    const { admin } = homeCluster();
    expectRefused(admin.saveForm('enterprise', { ...admin.form('enterprise'), clusterId: 'visit' }), 'clusterId', /remote clusters/);
    expect(admin.form('enterprise').clusterId).toBe('HOME');
  });
});
