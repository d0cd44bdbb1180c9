import { describe, expect, it } from 'vitest';
import { SERVICES } from '../../../../shared/cluster-services';
import { EMCC_FEATURE_PARAMETERS, EM_SERVICE_PARAMETERS } from '../../../../shared/parameters';
import type { FormPage } from '../../../../shared/admin/pages';
import { expectRefused, expectSaved, freshCluster, homeCluster } from './kit';

/** The guide's ranged parameters (sections 3 and 4), written out here rather than read from the code. */
const RANGES: { page: FormPage; key: string; label: string; min: number; max: number }[] = [
  { page: 'serviceParameters', key: 'maxConcurrentRequests', label: 'Maximum Concurrent Requests', min: 1, max: 100 },
  { page: 'serviceParameters', key: 'cacheSize', label: 'Extension Mobility Cache Size', min: 1000, max: 20000 },
  { page: 'featureParameters', key: 'expiredDeviceMaintenanceInterval', label: 'Default Interval for Expired EMCC Device Maintenance', min: 10, max: 1440 },
  { page: 'featureParameters', key: 'regionMaxVideoBitRate', label: 'EMCC Region Max Video Call Bit Rate', min: 0, max: 8128 },
  { page: 'featureParameters', key: 'rsvpKeepAliveTimer', label: 'RSVP SIP Trunk KeepAlive Timer', min: 1, max: 600 },
  { page: 'featureParameters', key: 'remoteClusterUpdateInterval', label: 'Remote Cluster Update Interval', min: 15, max: 10080 },
];

/** Save one field of a form page, the rest as the page shows it. */
function saveOne(admin: ReturnType<typeof freshCluster>['admin'], page: FormPage, key: string, value: unknown) {
  return admin.saveForm(page, { ...admin.form(page), [key]: value });
}

describe('EM service parameters and EMCC feature parameters: ranges', () => {
  it('every ranged parameter of the pages is one the guide gives a range for (none goes untested)', () => {
    const ranged = [...EM_SERVICE_PARAMETERS, ...EMCC_FEATURE_PARAMETERS].filter((d) => d.kind === 'integer').map((d) => d.key).sort();
    expect(ranged).toEqual(RANGES.map((r) => r.key).sort());
  });

  it.each(RANGES.map((r) => [r.label, r.min, r.max, r] as const))('%s: %i and %i are saved; one below and one above are refused with a field error and the page keeps its value', (label, min, max, { page, key }) => {
    const { admin } = freshCluster();
    const before = admin.form(page)[key];
    for (const bad of [min - 1, max + 1]) {
      const r = saveOne(admin, page, key, bad);
      expectRefused(r, key, new RegExp(`${label}.* must be from ${min} to ${max}`));
      expect(admin.form(page)[key]).toBe(before);
    }
    for (const good of [min, max]) {
      expectSaved(saveOne(admin, page, key, good));
      expect(admin.form(page)[key]).toBe(good);
    }
    // Refused after a save: the page still shows the value saved last.
    expectRefused(saveOne(admin, page, key, max + 1), key);
    expect(admin.form(page)[key]).toBe(max);
  });

  it('a whole number typed as text is saved; a fraction or letters are refused', () => {
    const { admin } = freshCluster();
    expectSaved(saveOne(admin, 'serviceParameters', 'maxConcurrentRequests', '42'));
    expect(admin.form('serviceParameters').maxConcurrentRequests).toBe(42);
    expectRefused(saveOne(admin, 'serviceParameters', 'maxConcurrentRequests', '4.5'), 'maxConcurrentRequests', /whole number/);
    expectRefused(saveOne(admin, 'serviceParameters', 'maxConcurrentRequests', 'ten'), 'maxConcurrentRequests', /whole number/);
    expectRefused(saveOne(admin, 'serviceParameters', 'maxConcurrentRequests', ''), 'maxConcurrentRequests');
    expect(admin.form('serviceParameters').maxConcurrentRequests).toBe(42);
  });

  it.each(['intraClusterMaxLoginTime', 'interClusterMaxLoginTime'])('%s: 0:00 and 168:00 are saved; 168:01, 8:60, 1000:00 and an empty time are refused', (key) => {
    const { admin } = freshCluster();
    for (const good of ['0:00', '168:00', '36:30']) {
      expectSaved(saveOne(admin, 'serviceParameters', key, good));
      expect(admin.form('serviceParameters')[key]).toBe(good);
    }
    for (const bad of ['168:01', '8:60', '1000:00', '8', '', '-1:00']) {
      expectRefused(saveOne(admin, 'serviceParameters', key, bad), key, /HHH:MM from 0:00 to 168:00/);
      expect(admin.form('serviceParameters')[key]).toBe('36:30');
    }
  });

  it('a Trusted List of IPs of 1024 characters is saved; 1025 is refused with a field error on trustedListOfIps', () => {
    const { admin } = freshCluster();
    const list = '192.168.100.200;'.repeat(70).slice(0, 1024);
    expect(list).toHaveLength(1024);
    expectSaved(saveOne(admin, 'serviceParameters', 'trustedListOfIps', list));
    expect(admin.form('serviceParameters').trustedListOfIps).toBe(list);
    expectRefused(saveOne(admin, 'serviceParameters', 'trustedListOfIps', `${list}1`), 'trustedListOfIps', /at most 1024 characters/);
    expect(admin.form('serviceParameters').trustedListOfIps).toBe(list);
  });

  it.each([
    { page: 'serviceParameters' as const, key: 'multipleLoginBehavior', values: ['Multiple Logins Allowed', 'Multiple Logins Not Allowed', 'Auto Logout'] },
    { page: 'featureParameters' as const, key: 'pstnTrunkCss', values: ['Use Trunk CSS', "Use phone's original device CSS"] },
    { page: 'featureParameters' as const, key: 'regionMaxAudioBitRate', values: ['8 kbps (G.729)', '16 kbps (iLBC, AAC-LD)', '32 kbps (iLBC, G.722.1)', '64 kbps (G.722, G.711)'] },
    { page: 'featureParameters' as const, key: 'regionLinkLossType', values: ['Lossy', 'Low Loss'] },
  ].map((e) => [e.key, e] as const))('%s takes each of its choices and refuses any other value', (_key, { page, key, values }) => {
    const { admin } = freshCluster();
    for (const v of values) {
      expectSaved(saveOne(admin, page, key, v));
      expect(admin.form(page)[key]).toBe(v);
    }
    const last = values[values.length - 1];
    for (const bad of ['Sometimes', values[0]!.toUpperCase(), '']) {
      expectRefused(saveOne(admin, page, key, bad), key);
      expect(admin.form(page)[key]).toBe(last);
    }
  });

  it('a True/False parameter takes only a checkbox value, not the text "true"', () => {
    const { admin } = freshCluster();
    expectSaved(saveOne(admin, 'serviceParameters', 'emccAllowProxy', false));
    expect(admin.form('serviceParameters').emccAllowProxy).toBe(false);
    expectRefused(saveOne(admin, 'serviceParameters', 'emccAllowProxy', 'true'), 'emccAllowProxy', /checked or unchecked/);
    expect(admin.form('serviceParameters').emccAllowProxy).toBe(false);
  });

  it('a field the page does not have is refused, naming it, and nothing is saved', () => {
    const { admin } = freshCluster();
    const r = admin.saveForm('serviceParameters', { ...admin.form('serviceParameters'), cacheSize: 2000, madeUp: 1 });
    expectRefused(r, 'madeUp', /unknown field/);
    expect(admin.form('serviceParameters').cacheSize).toBe(10000);
  });

  it('a page with several bad fields names each of them', () => {
    const { admin } = freshCluster();
    const r = admin.saveForm('featureParameters', { ...admin.form('featureParameters'), rsvpKeepAliveTimer: 0, remoteClusterUpdateInterval: 14 });
    expectRefused(r, 'rsvpKeepAliveTimer');
    expectRefused(r, 'remoteClusterUpdateInterval');
  });
});

describe('a fresh cluster starts with the guide\'s defaults', () => {
  it('Cisco Extension Mobility service parameters: Maximum Concurrent Requests 5, Cache Size 10000, EMCC Allow Proxy True, Multiple Logins Not Allowed', () => {
    const { admin } = freshCluster();
    expect(admin.form('serviceParameters')).toMatchObject({
      enforceIntraClusterMaxLoginTime: false,
      maxConcurrentRequests: 5,
      multipleLoginBehavior: 'Multiple Logins Not Allowed',
      emccAllowProxy: true,
      cacheSize: 10000,
    });
  });

  it('EMCC feature parameters: update interval 30, expired device maintenance 1440, RSVP keepalive 15, video 384, Low Loss, 8 kbps (G.729), Use Trunk CSS, nothing enabled for new remote clusters', () => {
    const { admin } = freshCluster();
    const f = admin.form('featureParameters');
    expect(f).toMatchObject({
      remoteClusterUpdateInterval: 30,
      expiredDeviceMaintenanceInterval: 1440,
      rsvpKeepAliveTimer: 15,
      regionMaxVideoBitRate: 384,
      regionLinkLossType: 'Low Loss',
      regionMaxAudioBitRate: '8 kbps (G.729)',
      pstnTrunkCss: 'Use Trunk CSS',
      enableAllRemoteServices: false,
    });
    for (const k of ['defaultTftpServer', 'backupTftpServer', 'geolocationFilter', 'defaultRemoteUpdateServer', 'backupRemoteUpdateServer']) {
      expect(f[k] || null, k).toBeNull();
    }
  });

  it('the defaults as shown can be saved back unchanged', () => {
    const { admin } = freshCluster();
    for (const page of ['serviceParameters', 'featureParameters'] as const) {
      const before = admin.form(page);
      expectSaved(admin.saveForm(page, before));
      expect(admin.form(page)).toMatchObject(Object.fromEntries(Object.entries(before).filter(([, v]) => v !== '' && v !== null)));
    }
  });
});

describe('EMCC Feature Configuration: servers and filter it names', () => {
  it('Default TFTP Server is refused while the server does not run Cisco Tftp, and saved once the service is activated', () => {
    const { admin } = freshCluster();
    expect(admin.choices().nodesRunningTftp).toEqual([]);
    expectRefused(saveOne(admin, 'featureParameters', 'defaultTftpServer', 'cucm-a-pub'), 'defaultTftpServer', /cucm-a-pub does not run Cisco Tftp/);
    expect(admin.form('featureParameters').defaultTftpServer || null).toBeNull();
    expectSaved(admin.setServiceActivation('cucm-a-pub', { [SERVICES.tftp]: true }));
    expect(admin.choices().nodesRunningTftp).toEqual(['cucm-a-pub']);
    expectSaved(saveOne(admin, 'featureParameters', 'defaultTftpServer', 'cucm-a-pub'));
    expect(admin.form('featureParameters').defaultTftpServer).toBe('cucm-a-pub');
  });

  it('Default TFTP Server naming a host that is not a server of this cluster is refused', () => {
    const { admin } = freshCluster();
    expectRefused(saveOne(admin, 'featureParameters', 'defaultTftpServer', 'cucm-b-pub'), 'defaultTftpServer', /not a server of this cluster/);
  });

  it('Backup TFTP Server follows the same rule as the default one', () => {
    const { admin } = freshCluster();
    expectSaved(admin.save('node', null, { host: 'cucm-a-sub', ipv4: '10.0.0.2' }));
    expectRefused(saveOne(admin, 'featureParameters', 'backupTftpServer', 'cucm-a-sub'), 'backupTftpServer', /does not run Cisco Tftp/);
    expectSaved(admin.setServiceActivation('cucm-a-sub', { [SERVICES.tftp]: true }));
    expectSaved(saveOne(admin, 'featureParameters', 'backupTftpServer', 'cucm-a-sub'));
  });

  it('Default Server For Remote Cluster Update must run Cisco Extension Mobility (Tftp alone is not enough)', () => {
    const { admin } = freshCluster();
    expectSaved(admin.setServiceActivation('cucm-a-pub', { [SERVICES.tftp]: true }));
    expectRefused(saveOne(admin, 'featureParameters', 'defaultRemoteUpdateServer', 'cucm-a-pub'), 'defaultRemoteUpdateServer', /does not run Cisco Extension Mobility/);
    expectSaved(admin.setServiceActivation('cucm-a-pub', { [SERVICES.extensionMobility]: true }));
    expectSaved(saveOne(admin, 'featureParameters', 'defaultRemoteUpdateServer', 'cucm-a-pub'));
    expect(admin.form('featureParameters').defaultRemoteUpdateServer).toBe('cucm-a-pub');
  });

  it('Backup Server for Remote Cluster Update must run Cisco Extension Mobility too', () => {
    const { admin } = freshCluster();
    expectRefused(saveOne(admin, 'featureParameters', 'backupRemoteUpdateServer', 'cucm-a-pub'), 'backupRemoteUpdateServer', /does not run Cisco Extension Mobility/);
  });

  it('EMCC Geolocation Filter must name an existing geolocation filter', () => {
    const { admin } = freshCluster();
    expectRefused(saveOne(admin, 'featureParameters', 'geolocationFilter', 'EMCC-Geo-Filter'), 'geolocationFilter', /no geolocation filter named "EMCC-Geo-Filter"/);
    expectSaved(admin.save('geolocationFilter', null, { name: 'EMCC-Geo-Filter', useCountry: true }));
    expectSaved(saveOne(admin, 'featureParameters', 'geolocationFilter', 'EMCC-Geo-Filter'));
    expect(admin.form('featureParameters').geolocationFilter).toBe('EMCC-Geo-Filter');
  });

  it('a refused server leaves every other parameter of the page unsaved as well', () => {
    const { admin } = freshCluster();
    const r = admin.saveForm('featureParameters', { ...admin.form('featureParameters'), rsvpKeepAliveTimer: 30, defaultTftpServer: 'cucm-a-pub' });
    expectRefused(r, 'defaultTftpServer');
    expect(admin.form('featureParameters').rsvpKeepAliveTimer).toBe(15);
  });
});

describe('Enterprise Parameters: Cluster ID', () => {
  it('a Cluster ID of 50 characters is saved; 51 is refused with a field error on clusterId', () => {
    const { admin } = freshCluster();
    const id = 'A'.repeat(50);
    expectSaved(saveOne(admin, 'enterprise', 'clusterId', id));
    expect(admin.form('enterprise').clusterId).toBe(id);
    expectRefused(saveOne(admin, 'enterprise', 'clusterId', `${id}B`), 'clusterId', /at most 50 characters/);
    expect(admin.form('enterprise').clusterId).toBe(id);
  });

  it('a Cluster ID with a space or a dot is refused; letters, digits, - and _ are saved', () => {
    const { admin } = freshCluster();
    expectRefused(saveOne(admin, 'enterprise', 'clusterId', 'Site A'), 'clusterId', /letters, digits, - and _/);
    expectRefused(saveOne(admin, 'enterprise', 'clusterId', 'site.a'), 'clusterId');
    expectRefused(saveOne(admin, 'enterprise', 'clusterId', ''), 'clusterId', /required/);
    expectSaved(saveOne(admin, 'enterprise', 'clusterId', 'Site_A-1'));
  });

  it('changing the Cluster ID warns that the other clusters must follow', () => {
    const { admin } = freshCluster();
    const warnings = expectSaved(saveOne(admin, 'enterprise', 'clusterId', 'CLUSTER-A'));
    expect(warnings.join(' ')).toMatch(/from StandAloneCluster to CLUSTER-A/);
  });

  it('the Cluster ID of one of this cluster\'s remote clusters is refused as its own', () => {
    const { admin } = homeCluster();
    expectRefused(saveOne(admin, 'enterprise', 'clusterId', 'VISIT'), 'clusterId', /remote clusters/);
    expect(admin.form('enterprise').clusterId).toBe('HOME');
  });

  it('a version or security mode the lab does not know is refused', () => {
    const { admin } = freshCluster();
    expectRefused(saveOne(admin, 'enterprise', 'version', '13'), 'version');
    expectRefused(saveOne(admin, 'enterprise', 'securityMode', 'secure'), 'securityMode');
    expectSaved(admin.saveForm('enterprise', { ...admin.form('enterprise'), version: '8.x', securityMode: 'mixed' }));
    expect(admin.form('enterprise')).toMatchObject({ version: '8.x', securityMode: 'mixed' });
  });
});
