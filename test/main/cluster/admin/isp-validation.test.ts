import { describe, expect, it } from 'vitest';
import { EMCC_TRUNK_TYPE } from '../../../../shared/admin/entities';
import { SERVICES } from '../../../../shared/cluster-services';
import { HOME_CLUSTER } from '../../../../main/lab/demo-lab';
import { bareCluster } from '../../../helpers/definitions';
import { errorText, expectRefused, expectSaved, freshCluster, homeCluster } from './kit';

const ACTIVE = { emccActive: true, pstnActive: true, pstnTrunk: 'EMCC-SIP-Trunk', rsvpActive: true, rsvpTrunk: 'EMCC-SIP-Trunk' };
const INACTIVE = { emccActive: false, pstnActive: false, pstnTrunk: null, rsvpActive: false, rsvpTrunk: null };

describe('EMCC Intercluster Service Profile: Save', () => {
  it('PSTN Access Active without a SIP trunk is refused on the pstnTrunk field', () => {
    const { admin } = homeCluster();
    expectRefused(admin.saveForm('isp', { ...ACTIVE, pstnTrunk: null }), 'pstnTrunk', /PSTN Access is Active: choose its SIP trunk/);
    expect(admin.form('isp').pstnTrunk).toBe('EMCC-SIP-Trunk');
  });

  it('RSVP Agent Active without a SIP trunk is refused on the rsvpTrunk field', () => {
    const { admin } = homeCluster();
    expectRefused(admin.saveForm('isp', { ...ACTIVE, rsvpTrunk: null }), 'rsvpTrunk', /RSVP Agent is Active: choose its SIP trunk/);
  });

  it('a trunk that is not of Trunk Service Type "Extension Mobility Cross Clusters" is refused', () => {
    const { admin } = homeCluster();
    expectSaved(admin.save('sipTrunk', null, { name: 'PSTN-GW', trunkServiceType: 'None(Default)', devicePool: 'Default' }));
    expectRefused(admin.saveForm('isp', { ...ACTIVE, pstnTrunk: 'PSTN-GW' }), 'pstnTrunk', new RegExp(`"PSTN-GW" is not of Trunk Service Type "${EMCC_TRUNK_TYPE}"`));
    expectRefused(admin.saveForm('isp', { ...ACTIVE, rsvpTrunk: 'PSTN-GW' }), 'rsvpTrunk');
    expect(admin.form('isp')).toMatchObject({ pstnTrunk: 'EMCC-SIP-Trunk', rsvpTrunk: 'EMCC-SIP-Trunk' });
  });

  it('a trunk name that does not exist is refused', () => {
    const { admin } = homeCluster();
    expectRefused(admin.saveForm('isp', { ...ACTIVE, pstnTrunk: 'Nowhere' }), 'pstnTrunk', /No SIP trunk named "Nowhere"/);
  });

  it('PSTN access and the RSVP agent may use one EMCC trunk each', () => {
    const { admin } = homeCluster();
    expectSaved(admin.save('sipTrunk', null, { name: 'EMCC-RSVP', trunkServiceType: EMCC_TRUNK_TYPE, devicePool: 'Default' }));
    expectSaved(admin.saveForm('isp', { ...ACTIVE, rsvpTrunk: 'EMCC-RSVP' }));
    expect(admin.form('isp')).toMatchObject({ pstnTrunk: 'EMCC-SIP-Trunk', rsvpTrunk: 'EMCC-RSVP' });
  });

  it('on a fresh cluster, Save of an active profile is refused with the failures Validate shows, and nothing is saved', () => {
    const { admin } = freshCluster();
    const r = admin.saveForm('isp', { ...INACTIVE, emccActive: true });
    expectRefused(r, '', /Cisco CallManager activated: Cisco CallManager is not activated on any node/);
    expect(errorText(r)).toMatch(/Default TFTP Server for EMCC Login Device: Not set/);
    expect(errorText(r)).not.toMatch(/Remote clusters/);
    expect(admin.form('isp').emccActive).toBe(false);
  });

  it('on a fresh cluster, a profile with nothing active is saved', () => {
    const { admin } = freshCluster();
    expectSaved(admin.saveForm('isp', INACTIVE));
    expect(admin.form('isp')).toEqual(INACTIVE);
  });

  it('a configured cluster whose TFTP server stops running Cisco Tftp can no longer save an active profile', () => {
    const { admin } = homeCluster();
    expectSaved(admin.setServiceActivation('home-pub', { [SERVICES.tftp]: false }));
    expectRefused(admin.saveForm('isp', ACTIVE), '', /home-pub does not run Cisco Tftp/);
    expectSaved(admin.saveForm('isp', INACTIVE));
  });

  it('a cluster without remote clusters yet saves its active profile: the missing remote clusters are only a warning', () => {
    const { admin, apply } = bareCluster();
    apply({ ...HOME_CLUSTER, remoteClusters: [] });
    const report = admin.validateIsp();
    expect(report.passed).toBe(true);
    expect(report.checks.find((c) => c.id === 'remote-clusters')).toMatchObject({ ok: false, warning: true, message: expect.stringMatching(/No remote cluster yet/) });
    expectSaved(admin.saveForm('isp', ACTIVE));
    expect(admin.form('isp')).toEqual(ACTIVE);
  });
});

describe('EMCC Intercluster Service Profile: Validate', () => {
  it('on a fresh cluster Validate fails, and each failure names the page that fixes it', () => {
    const { admin } = freshCluster();
    const report = admin.validateIsp();
    expect(report.passed).toBe(false);
    const failed = Object.fromEntries(report.checks.filter((c) => !c.ok && !c.warning).map((c) => [c.id, c.fix]));
    expect(failed).toEqual({
      'service-callmanager': { type: 'special', page: 'serviceActivation' },
      'service-tftp': { type: 'special', page: 'serviceActivation' },
      'service-extension-mobility': { type: 'special', page: 'serviceActivation' },
      'service-ils-service': { type: 'special', page: 'serviceActivation' },
      'service-bulk-provisioning-service': { type: 'special', page: 'serviceActivation' },
      'em-phone-service': { type: 'list', kind: 'phoneService' },
      'emcc-template': { type: 'list', kind: 'emccTemplate' },
      'emcc-devices': { type: 'special', page: 'bulkEmcc' },
      'tftp-server': { type: 'form', page: 'featureParameters' },
      'remote-update-server': { type: 'form', page: 'featureParameters' },
      'geolocation-filter': { type: 'form', page: 'featureParameters' },
      'emcc-trunk': { type: 'list', kind: 'sipTrunk' },
    });
    expect(report.checks.find((c) => c.id === 'tftp-server')?.message).toMatch(/error 39/);
  });

  it('on the demo home cluster Validate passes with every check ok but the certificates one, a warning until it exports', () => {
    const { admin } = homeCluster();
    const report = admin.validateIsp();
    expect(report.passed).toBe(true);
    // A bare database has no certificates exported (the lab's demo does that when it opens).
    expect(report.checks.filter((c) => !c.ok).map((c) => [c.id, c.warning])).toEqual([['certificates', true]]);
  });

  it('a service activated on the publisher is reported as running there', () => {
    const { admin } = freshCluster();
    expectSaved(admin.setServiceActivation('cucm-a-pub', { [SERVICES.ils]: true }));
    expect(admin.validateIsp().checks.find((c) => c.id === 'service-ils-service')).toMatchObject({ ok: true, message: 'Running on cucm-a-pub' });
  });

  it('a template that exists but is not the default sends the fix to Bulk Administration', () => {
    const { admin } = freshCluster();
    expectSaved(admin.save('commonDeviceConfig', null, { name: 'CDC' }));
    expectSaved(admin.save('emccTemplate', null, { name: 'T', devicePool: 'Default', commonDeviceConfig: 'CDC' }));
    expect(admin.validateIsp().checks.find((c) => c.id === 'emcc-template')).toMatchObject({ ok: false, fix: { type: 'special', page: 'bulkEmcc' }, message: expect.stringMatching(/default/) });
  });

  it('an EM phone service URL without EMCC=#EMCC# fails the phone service check', () => {
    const { admin } = homeCluster();
    const em = admin.get('phoneService', 'Extension Mobility')!;
    expectSaved(admin.save('phoneService', 'Extension Mobility', { ...em, url: 'http://home-pub:8080/emapp/EMAppServlet?device=#DEVICENAME#' }));
    expect(admin.validateIsp().checks.find((c) => c.id === 'em-phone-service')).toMatchObject({ ok: false, message: expect.stringMatching(/lacks EMCC=#EMCC#/) });
    expect(admin.validateIsp().passed).toBe(false);
  });

  it('an EM phone service that is disabled, or that points at another cluster, fails the phone service check', () => {
    const { admin } = homeCluster();
    const em = admin.get('phoneService', 'Extension Mobility')!;
    expectSaved(admin.save('phoneService', 'Extension Mobility', { ...em, enabled: false }));
    expect(admin.validateIsp().checks.find((c) => c.id === 'em-phone-service')?.message).toMatch(/is not enabled/);
    expectSaved(admin.save('phoneService', 'Extension Mobility', { ...em, url: 'http://visit-pub:8080/emapp/EMAppServlet?device=#DEVICENAME#&EMCC=#EMCC#' }));
    expect(admin.validateIsp().checks.find((c) => c.id === 'em-phone-service')?.message).toMatch(/points at a node of this cluster/);
  });

  it('remote clusters none of which has EMCC enabled are a warning', () => {
    const { admin } = homeCluster();
    expectSaved(admin.save('remoteCluster', 'VISIT', { ...admin.get('remoteCluster', 'VISIT'), emccEnabled: false }));
    const report = admin.validateIsp();
    expect(report.checks.find((c) => c.id === 'remote-clusters')).toMatchObject({ ok: false, warning: true, message: 'No remote cluster has EMCC enabled' });
    expect(report.passed).toBe(true);
  });

  it('a phone name another cluster also has is reported as a warning naming error 37; Validate still passes', () => {
    const { admin } = homeCluster({ deviceNameElsewhere: (n) => (n === 'SEP001122334455' ? 'visiting' : undefined) });
    const report = admin.validateIsp();
    expect(report.checks.find((c) => c.id === 'duplicate-device-names')).toMatchObject({
      ok: false, warning: true, fix: { type: 'list', kind: 'phone' }, message: expect.stringMatching(/SEP001122334455 \(also in visiting\).*error 37/),
    });
    expect(report.passed).toBe(true);
    expectSaved(admin.saveForm('isp', ACTIVE));
  });

  it('more EMCC devices than the capacity allows fail the capacity check', () => {
    const { admin, store } = homeCluster();
    // Only the database itself can get here: the administration never lets it happen.
    store.insertEmccDevices(Array.from({ length: 29_995 }, (_, i) => `EMCC${i + 6}`), 'EMCC-Template', 'non-secure');
    expect(admin.validateIsp().checks.find((c) => c.id === 'capacity')).toMatchObject({ ok: false, message: '1 phones + 2 x 30000 EMCC devices exceeds 60000' });
  });

  it('a cluster with exactly 60,000 (phones + 2 x EMCC devices) passes the capacity check', () => {
    const { admin, store } = homeCluster();
    store.insertEmccDevices(Array.from({ length: 29_994 }, (_, i) => `EMCC${i + 6}`), 'EMCC-Template', 'non-secure');
    expectSaved(admin.save('phone', null, { name: 'SEP001122334466', model: '8845', devicePool: 'Default' }));
    expect(admin.validateIsp().checks.find((c) => c.id === 'capacity')).toMatchObject({ ok: true, message: '60000 of 60000' });
  });
});
