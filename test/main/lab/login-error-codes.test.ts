import { afterEach, describe, expect, it } from 'vitest';
import type { ClusterDefinition } from '../../../main/cluster/cluster-definition';
import { HOME_CLUSTER, VISITING_CLUSTER } from '../../../main/lab/demo-lab';
import type { Lab } from '../../../main/lab/lab';
import { withRecord, withRecords } from '../../helpers/definitions';
import { HOME_PHONE, openExtensionMobility, openLab, registeredTo, showsText, submitLogin, VISITING_PHONE, VISITING_PHONE_ZH, waitForScreen } from '../../helpers/lab-fixture';

/** The demo lab with changes to either cluster's definition. */
function variant(home: Partial<ClusterDefinition> = {}, visiting: Partial<ClusterDefinition> = {}) {
  return [{ ...HOME_CLUSTER, ...home }, { ...VISITING_CLUSTER, ...visiting }];
}

/** The error a visiting phone shows for alice's EMCC login, and that nothing was left half-done. */
async function emccLoginShows(lab: Lab, text: string, pin = '12345', user = 'alice'): Promise<void> {
  await waitForScreen(lab, VISITING_PHONE, registeredTo('VISIT'));
  await submitLogin(lab, VISITING_PHONE, user, pin);
  const s = await waitForScreen(lab, VISITING_PHONE, showsText(text));
  expect(s.registration?.clusterId).toBe('VISIT');
  expect(lab.cluster('VISIT')!.store.login(VISITING_PHONE)).toBeUndefined();
  expect(lab.cluster('HOME')!.store.emccDeviceBoundTo(VISITING_PHONE)).toBeUndefined();
}

describe('login failures on the EMCC path show the guide\'s code', () => {
  let lab: Lab;
  afterEach(() => lab?.close());

  it('31: EMCC not enabled for the user on the home cluster', async () => {
    lab = await openLab();
    await emccLoginShows(lab, 'Login is unavailable (31)', '24680', 'carol');
  });

  it('33: every EMCC device of the home cluster is in use', async () => {
    // Home has one EMCC device; alice's login on the other visiting phone takes it.
    lab = await openLab(variant({ emccDevices: 1 }));
    await waitForScreen(lab, VISITING_PHONE_ZH, registeredTo('VISIT'));
    await submitLogin(lab, VISITING_PHONE_ZH, 'alice', '12345');
    await waitForScreen(lab, VISITING_PHONE_ZH, registeredTo('HOME'));
    await emccLoginShows(lab, 'Login is unavailable (33)');
  });

  it('36: the visiting cluster has no remote cluster', async () => {
    lab = await openLab(variant({}, { remoteClusters: [] }));
    await emccLoginShows(lab, 'Login is unavailable (36)');
  });

  it('35: the home cluster has no entry for the visiting cluster (its update fails, so the login cannot reach home: 208)', async () => {
    // Without VISIT in its remote clusters, home refuses VISIT's remote cluster update (35), so
    // VISIT marks HOME's services Remote Activated = False and its phones cannot reach home.
    lab = await openLab(variant({ remoteClusters: [] }));
    await emccLoginShows(lab, 'Login is unavailable (208)');
  });

  it('37: a phone of the same name exists on the home cluster', async () => {
    const home = withRecords(HOME_CLUSTER, 'phone', (ps) => [...ps, { name: VISITING_PHONE, model: '8845', devicePool: 'Default', emEnabled: true }]);
    lab = await openLab([home, VISITING_CLUSTER]);
    await emccLoginShows(lab, 'Login is unavailable (37)');
  });

  it('39 shows 201: the home cluster has no default TFTP server for EMCC login devices', async () => {
    lab = await openLab();
    // The administrator clears it after the profile was saved (Save itself would have refused).
    const admin = lab.cluster('HOME')!.admin;
    expect(admin.saveForm('featureParameters', { ...admin.form('featureParameters'), defaultTftpServer: null }).ok).toBe(true);
    await emccLoginShows(lab, 'Please try to login again (201)');
  });

  it('201: EMCC is not active in the visiting cluster\'s Intercluster Service Profile', async () => {
    lab = await openLab(variant({}, { interclusterServiceProfile: { emccActive: false, pstnActive: true, pstnTrunk: 'EMCC-SIP-Trunk' } }));
    await emccLoginShows(lab, 'Please try to login again (201)');
  });

  it('211: PSTN Access is not active in the visiting cluster\'s Intercluster Service Profile', async () => {
    lab = await openLab(variant({}, { interclusterServiceProfile: { emccActive: true, pstnActive: false } }));
    await emccLoginShows(lab, 'Login is unavailable (211)');
  });

  it('208: the home cluster stops answering after the remote cluster update', async () => {
    lab = await openLab();
    await lab.cluster('HOME')!.stop();
    await emccLoginShows(lab, 'Login is unavailable (208)');
  });

  it('208: no node of the visiting cluster runs the Extension Mobility service (the EM application cannot even ask who is logged in)', async () => {
    lab = await openLab();
    await waitForScreen(lab, VISITING_PHONE, registeredTo('VISIT'));
    lab.cluster('VISIT')!.store.setNodeService('visit-pub', 'Cisco Extension Mobility', false);
    const s = await openExtensionMobility(lab, VISITING_PHONE);
    expect(s.view).toMatchObject({ kind: 'text', text: 'Login is unavailable (208)' });
  });

  it('32: the phone model does not support EMCC (a 7940 that supports only EM)', async () => {
    const visiting = withRecord(VISITING_CLUSTER, 'phone', VISITING_PHONE, { model: '7940', protocol: 'SCCP', dndOption: 'Ringer Off' });
    lab = await openLab([HOME_CLUSTER, visiting]);
    await emccLoginShows(lab, 'Login is unavailable (32)');
  });

  it('5: "Enable Extension Mobility" is unchecked on the phone', async () => {
    const visiting = withRecord(VISITING_CLUSTER, 'phone', VISITING_PHONE, { emEnabled: false });
    lab = await openLab([HOME_CLUSTER, visiting]);
    await emccLoginShows(lab, 'Login is unavailable (5)');
  });
});

describe('login failures on the intra-cluster path', () => {
  let lab: Lab;
  afterEach(() => lab?.close());

  it('201: a local user with a wrong PIN', async () => {
    lab = await openLab();
    await waitForScreen(lab, HOME_PHONE, registeredTo('HOME'));
    await submitLogin(lab, HOME_PHONE, 'alice', '00000');
    await waitForScreen(lab, HOME_PHONE, showsText('Please try to login again (201)'));
    expect(lab.cluster('HOME')!.store.login(HOME_PHONE)).toBeUndefined();
  });

  it('25: a local user already logged in on another phone, with Multiple Logins Not Allowed', async () => {
    const home = withRecords(HOME_CLUSTER, 'phone', (ps) => [...ps, { name: 'SEP0011223344AA', model: '8845', devicePool: 'Default', emEnabled: true, services: ['Extension Mobility'] }]);
    lab = await openLab([home, VISITING_CLUSTER]);
    await waitForScreen(lab, HOME_PHONE, registeredTo('HOME'));
    await submitLogin(lab, HOME_PHONE, 'alice', '12345');
    await waitForScreen(lab, HOME_PHONE, (s) => s.loggedInUser === 'alice');
    await waitForScreen(lab, 'SEP0011223344AA', registeredTo('HOME'));
    await submitLogin(lab, 'SEP0011223344AA', 'alice', '12345');
    await waitForScreen(lab, 'SEP0011223344AA', showsText('Multi-Login Not Allowed (25)'));
  });
});
