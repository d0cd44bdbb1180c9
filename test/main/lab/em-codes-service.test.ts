/**
 * The EM service's codes (guide, table 10), each produced by the cause the guide names, through
 * the real HTTP path: through the phones (en-US and zh-CN) where a phone can reach the code,
 * through the EM API where only an application can. Nothing is left half-done.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { errorDisplayText } from '../../../shared/i18n/translator';
import { HOME_CLUSTER, VISITING_CLUSTER } from '../../../main/lab/demo-lab';
import type { Lab } from '../../../main/lab/lab';
import { withRecord, withRecords } from '../../helpers/definitions';
import {
  HOME_WITH_ZH_PHONE, appInfo, emApi, loginShows, loginState, openCodeLab, phonesReady, submitOn, withAppUsers, PHONES,
} from '../../helpers/em-lab';
import { HOME_PHONE, openExtensionMobility, press, registeredTo, showsText, waitForScreen } from '../../helpers/lab-fixture';

const EMCC_FAIL = (code: number) => [`Login is unavailable (${code})`, `无法登录 (${code})`] as const;
const emUrl = (host: string, extra: string) => `http://${host}:8080/emapp/EMAppServlet?device=#DEVICENAME#&EMCC=#EMCC#${extra}`;

/** What a code means for an application: the failure answer, and the text a phone would show. */
async function apiRefuses(lab: Lab, xml: string, code: number, message: string, action: 'login' | 'logout' = 'login'): Promise<void> {
  const before = loginState(lab);
  const answer = await emApi(lab, 'home-pub', xml);
  expect(answer.status).toBe(200);
  expect(answer.body).toBe(`<response><failure><error code="${code}">${message}</error></failure></response>`);
  const shown = action === 'login' ? EMCC_FAIL(code) : [`Logout is unavailable (${code})`, `无法注销 (${code})`];
  expect([errorDisplayText(code, action, 'en-US'), errorDisplayText(code, action, 'zh-CN')]).toEqual(shown);
  expect(loginState(lab)).toBe(before);
}

const login = (app: string, device: string, user: string, extra = '') =>
  `<request>${app}<login><deviceName>${device}</deviceName><userID>${user}</userID>${extra}</login></request>`;
const PROXY = appInfo('emproxy', 'proxy-pass');

describe('EM service error codes (table 10)', () => {
  let lab: Lab;
  afterEach(() => lab?.close());

  it('0: the home EM service fails for an unknown reason', async () => {
    lab = await openCodeLab();
    lab.setFault('unknown', 'home', true);
    await loginShows(lab, 'visiting', 'alice', '12345', EMCC_FAIL(0));
  });

  it('1: the home cluster (11.5) cannot parse the loginType a 12.0 visiting cluster sends', async () => {
    const visiting = withRecord(VISITING_CLUSTER, 'phoneService', 'Extension Mobility', { url: emUrl('visit-pub', '&loginType=UID') });
    lab = await openCodeLab({ enterprise: { ...HOME_CLUSTER.enterprise, version: '11.5' } }, visiting);
    await loginShows(lab, 'visiting', 'alice', '12345', EMCC_FAIL(1));
  });

  it('2: an EMCC user enters a wrong PIN', async () => {
    lab = await openCodeLab();
    await loginShows(lab, 'visiting', 'alice', '99999', EMCC_FAIL(2));
  });

  it('3: an EM API application user that does not exist, or with a wrong password', async () => {
    lab = await openCodeLab(withAppUsers(HOME_WITH_ZH_PHONE));
    await apiRefuses(lab, login(appInfo('nobody', 'x'), HOME_PHONE, 'alice'), 3, 'Invalid App User');
    await apiRefuses(lab, login(appInfo('emproxy', 'wrong'), HOME_PHONE, 'alice'), 3, 'Invalid App User');
  });

  it('4: the visiting EM service cannot read its cache to validate the login', async () => {
    lab = await openCodeLab();
    lab.setFault('emCache', 'visiting', true);
    await loginShows(lab, 'visiting', 'alice', '12345', EMCC_FAIL(4));
  });

  it('5: "Enable Extension Mobility" is unchecked on the phone the user logs in to', async () => {
    lab = await openCodeLab();
    await phonesReady(lab);
    // Unchecked after the phone showed the form (a phone with EM unchecked still lists the service here).
    const visit = lab.cluster('VISIT')!.admin;
    for (const device of PHONES.visiting) {
      const phone = visit.get('phone', device)!;
      expect(visit.save('phone', device, { ...phone, emEnabled: false }).ok).toBe(true);
    }
    await loginShows(lab, 'visiting', 'alice', '12345', EMCC_FAIL(5));
  });

  it('6: the home cluster\'s database throws during the login', async () => {
    lab = await openCodeLab();
    lab.setFault('database', 'home', true);
    await loginShows(lab, 'visiting', 'alice', '12345', EMCC_FAIL(6));
  });

  it('8: an EM API query of a type other than deviceUserQuery and userDevicesQuery', async () => {
    lab = await openCodeLab(withAppUsers(HOME_WITH_ZH_PHONE));
    await apiRefuses(lab, `<query>${PROXY}<deviceProfileQuery><deviceName>${HOME_PHONE}</deviceName></deviceProfileQuery></query>`, 8, 'Query type undetermined');
  });

  it('9: the home directory (IMS) throws while authenticating an EMCC user', async () => {
    lab = await openCodeLab();
    lab.setFault('directory', 'home', true);
    await loginShows(lab, 'visiting', 'alice', '12345', EMCC_FAIL(9));
  });

  it('10: an EM API application user without Standard EM Authentication Proxy Rights logs a user in', async () => {
    lab = await openCodeLab(withAppUsers(HOME_WITH_ZH_PHONE));
    await apiRefuses(lab, login(appInfo('norights', 'plain-pass'), HOME_PHONE, 'alice'), 10, 'User lacks app proxy rights');
  });

  it('11: an EM API login names a device that is not in the device table', async () => {
    lab = await openCodeLab(withAppUsers(HOME_WITH_ZH_PHONE));
    await apiRefuses(lab, login(PROXY, 'SEP0000DEADBEEF', 'alice'), 11, 'Device does not exist');
  });

  it('12: the EMCC user has no device profile on the home cluster', async () => {
    const home = withRecords(HOME_WITH_ZH_PHONE, 'endUser', (us) => [...us, { userId: 'erin', lastName: 'Erin', pin: '11223', emccEnabled: true, profiles: [] }]);
    lab = await openCodeLab(home);
    await loginShows(lab, 'visiting', 'erin', '11223', ['No phone record entry in the device table (12)', '设备表中没有电话记录条目 (12)']);
  });

  it('18: an EM API login on a phone another user is logged in to', async () => {
    lab = await openCodeLab(withAppUsers(HOME_WITH_ZH_PHONE));
    expect((await emApi(lab, 'home-pub', login(PROXY, HOME_PHONE, 'alice'))).body).toBe('<response><success/></response>');
    await apiRefuses(lab, login(PROXY, HOME_PHONE, 'carol'), 18, 'Another user logged in');
  });

  it('19: an EM API logout of a phone nobody is logged in to', async () => {
    lab = await openCodeLab(withAppUsers(HOME_WITH_ZH_PHONE));
    await apiRefuses(lab, `<request>${PROXY}<logout><deviceName>${HOME_PHONE}</deviceName></logout></request>`, 19, 'No user logged in', 'logout');
  });

  it('20: logging out of a phone whose "Enable Extension Mobility" was unchecked during the login', async () => {
    lab = await openCodeLab();
    await phonesReady(lab);
    const home = lab.cluster('HOME')!;
    for (const [i, device] of PHONES.home.entries()) {
      const user = i === 0 ? 'alice' : 'carol';
      await submitOn(lab, device, user, i === 0 ? '12345' : '24680');
      await waitForScreen(lab, device, (s) => s.loggedInUser === user);
    }
    for (const device of PHONES.home) expect(home.admin.save('phone', device, { ...home.admin.get('phone', device)!, emEnabled: false }).ok).toBe(true);
    const before = loginState(lab);
    for (const [i, device] of PHONES.home.entries()) {
      await openExtensionMobility(lab, device);
      press(lab, device, 'soft1');
      await waitForScreen(lab, device, showsText(['Logout is unavailable (20)', '无法注销 (20)'][i]!));
    }
    expect(loginState(lab)).toBe(before);
  });

  it('21: the visiting EM service cannot read the device\'s current login state', async () => {
    lab = await openCodeLab();
    lab.setFault('deviceState', 'visiting', true);
    await loginShows(lab, 'visiting', 'alice', '12345', EMCC_FAIL(21));
  });

  it('22: an EM API login on a phone with Extension Mobility disabled', async () => {
    lab = await openCodeLab(withRecord(withAppUsers(HOME_WITH_ZH_PHONE), 'phone', HOME_PHONE, { emEnabled: false }));
    await apiRefuses(lab, login(PROXY, HOME_PHONE, 'alice'), 22, 'Device logon disabled');
  });

  it('23: the user exists in no remote cluster', async () => {
    lab = await openCodeLab();
    await loginShows(lab, 'visiting', 'mallory', '12345', EMCC_FAIL(23));
  });

  it('25: a local user already logged in on another phone, with Multiple Logins Not Allowed', async () => {
    const third = 'SEP0011223344AA';
    lab = await openCodeLab(withRecords(HOME_WITH_ZH_PHONE, 'phone', (ps) => [...ps, { name: third, model: '8845', devicePool: 'Default', emEnabled: true, services: ['Extension Mobility'] }]));
    await waitForScreen(lab, third, registeredTo('HOME'));
    await submitOn(lab, third, 'alice', '12345');
    await waitForScreen(lab, third, (s) => s.loggedInUser === 'alice');
    await loginShows(lab, 'home', 'alice', '12345', ['Multi-Login Not Allowed (25)', '不允许多点登录 (25)']);
  });

  it('26: the EM service is at Maximum Concurrent Requests: the next request is refused at once', async () => {
    lab = await openCodeLab({}, { serviceParameters: { maxConcurrentRequests: 1 } });
    await phonesReady(lab);
    lab.clock.pause();
    lab.setFault('noResponse', 'home', true);
    // The en-US phone's login waits for the silent home cluster, holding the only request slot.
    let busy = heldRequest(lab);
    await submitOn(lab, PHONES.visiting[0], 'alice', '12345');
    await busy;
    const zh = await openExtensionMobility(lab, PHONES.visiting[1]);
    expect(zh.view).toMatchObject({ kind: 'text', text: '无法登录 (26)' });
    lab.clock.resume();
    await waitForScreen(lab, PHONES.visiting[0], showsText('Please try to login again (23)'));
    // Now the zh-CN phone holds the slot and the en-US phone is refused.
    lab.clock.pause();
    busy = heldRequest(lab);
    await submitOn(lab, PHONES.visiting[1], 'alice', '12345');
    await busy;
    const en = await openExtensionMobility(lab, PHONES.visiting[0]);
    expect(en.view).toMatchObject({ kind: 'text', text: 'Login is unavailable (26)' });
    lab.clock.resume();
    await waitForScreen(lab, PHONES.visiting[1], showsText('请尝试重新登录 (23)'));
  });

  it('28: Validate IP Address is True and the application\'s address is not in the Trusted List of IPs', async () => {
    lab = await openCodeLab({ ...withAppUsers(HOME_WITH_ZH_PHONE), serviceParameters: { validateIpAddress: true, trustedListOfIps: '10.1.1.1;10.1.1.2' } });
    await apiRefuses(lab, login(PROXY, HOME_PHONE, 'alice'), 28, 'Untrusted IP error');
  });

  it('29: the RIS Data Collector is down on the visiting cluster', async () => {
    lab = await openCodeLab();
    lab.setFault('ris', 'visiting', true);
    await loginShows(lab, 'visiting', 'alice', '12345', EMCC_FAIL(29));
  });

  it('30: the EMCC login crosses a proxy (Via) and the home cluster\'s EMCC Allow Proxy is False', async () => {
    lab = await openCodeLab({ serviceParameters: { emccAllowProxy: false } });
    lab.setFault('proxy', 'home|visiting', true);
    await loginShows(lab, 'visiting', 'alice', '12345', EMCC_FAIL(30));
  });

  it('31: EMCC is not enabled for the user on the home cluster', async () => {
    lab = await openCodeLab();
    await loginShows(lab, 'visiting', 'carol', '24680', EMCC_FAIL(31));
  });

  it('32: the phone model does not support EMCC (a 7940 that supports only EM)', async () => {
    const old = (def: typeof VISITING_CLUSTER, name: string) => withRecord(def, 'phone', name, { model: '7940', protocol: 'SCCP', dndOption: 'Ringer Off' });
    lab = await openCodeLab({}, old(old(VISITING_CLUSTER, PHONES.visiting[0]), PHONES.visiting[1]));
    await loginShows(lab, 'visiting', 'alice', '12345', EMCC_FAIL(32));
  });

  it('33: every EMCC device of the home cluster is in use', async () => {
    lab = await openCodeLab({ emccDevices: 1 });
    await phonesReady(lab);
    // alice takes the only EMCC device from a third visiting phone.
    const visit = lab.cluster('VISIT')!.admin;
    expect(visit.save('phone', null, { name: 'SEP00AA11BB44EE', model: '8845', devicePool: 'Default', emEnabled: true, services: ['Extension Mobility'] }).ok).toBe(true);
    await waitForScreen(lab, 'SEP00AA11BB44EE', registeredTo('VISIT'));
    await submitOn(lab, 'SEP00AA11BB44EE', 'alice', '12345');
    await waitForScreen(lab, 'SEP00AA11BB44EE', registeredTo('HOME'));
    await loginShows(lab, 'visiting', 'alice', '12345', EMCC_FAIL(33));
  });

  it('35: the home cluster no longer has an entry for the visiting cluster', async () => {
    lab = await openCodeLab();
    await phonesReady(lab);
    lab.clock.pause(); // no remote cluster update in between
    expect(lab.cluster('HOME')!.admin.delete('remoteCluster', 'VISIT').ok).toBe(true);
    await loginShows(lab, 'visiting', 'alice', '12345', EMCC_FAIL(35));
  });

  it('36: the visiting cluster has no remote cluster', async () => {
    lab = await openCodeLab({}, { remoteClusters: [] });
    await loginShows(lab, 'visiting', 'alice', '12345', EMCC_FAIL(36));
  });

  it('37: a phone of the same name exists in the home cluster', async () => {
    const home = withRecords(HOME_WITH_ZH_PHONE, 'phone', (ps) => [...ps, ...PHONES.visiting.map((name) => ({ name, model: '8845', devicePool: 'Default', emEnabled: true }))]);
    lab = await openCodeLab(home);
    await loginShows(lab, 'visiting', 'alice', '12345', EMCC_FAIL(37));
  });

  it('38: the home cluster stopped allowing EMCC logins (EMCC inactive in its Intercluster Service Profile)', async () => {
    lab = await openCodeLab();
    await phonesReady(lab);
    lab.clock.pause(); // the visiting cluster learns it only at its next remote cluster update
    const home = lab.cluster('HOME')!.admin;
    expect(home.saveForm('isp', { ...home.form('isp'), emccActive: false }).ok).toBe(true);
    await loginShows(lab, 'visiting', 'alice', '12345', EMCC_FAIL(38));
  });

  it('39 shows 201: the home cluster has no default or backup TFTP server for EMCC login devices', async () => {
    lab = await openCodeLab();
    const admin = lab.cluster('HOME')!.admin;
    expect(admin.saveForm('featureParameters', { ...admin.form('featureParameters'), defaultTftpServer: null }).ok).toBe(true);
    await loginShows(lab, 'visiting', 'alice', '12345', ['Please try to login again (201)', '请尝试重新登录 (201)']);
  });

  it('40 shows 23: the home cluster accepts the request and never answers', async () => {
    lab = await openCodeLab();
    lab.setFault('noResponse', 'home', true);
    await loginShows(lab, 'visiting', 'alice', '12345', ['Please try to login again (23)', '请尝试重新登录 (23)']);
  });

  it('41: a PIN change is required: the phone shows the change-PIN screen, and a valid new PIN completes the login', async () => {
    lab = await openCodeLab(withRecord(HOME_WITH_ZH_PHONE, 'endUser', 'alice', { mustChangePin: true }));
    await phonesReady(lab);
    const before = loginState(lab);
    for (const [i, device] of PHONES.visiting.entries()) {
      await submitOn(lab, device, 'alice', '12345');
      const s = await waitForScreen(lab, device, (x) => x.view.kind === 'input' && x.view.prompt.startsWith(['PIN change is required', '需要更改个人识别码'][i]!));
      expect(s.view.kind === 'input' && s.view.fields.map((f) => f.masked)).toEqual([true, true]);
    }
    expect(loginState(lab)).toBe(before);
    // On the en-US phone: the new PIN twice, Submit; the login completes at home with it.
    press(lab, PHONES.visiting[0], '2', '4', '6', '8', '0', 'navDown', '2', '4', '6', '8', '0', 'soft1');
    await waitForScreen(lab, PHONES.visiting[0], (x) => registeredTo('HOME')(x) && x.loggedInUser === 'alice');
    expect(lab.cluster('HOME')!.store.user('alice')).toMatchObject({ pin: '24680', must_change_pin: 0 });
  });

  it('42: the home cluster answers with another Cluster ID than the visiting cluster\'s entry names', async () => {
    lab = await openCodeLab();
    await phonesReady(lab);
    lab.clock.pause(); // before the next remote cluster update finds it
    const home = lab.cluster('HOME')!.admin;
    expect(home.saveForm('enterprise', { ...home.form('enterprise'), clusterId: 'HOME2' }).ok).toBe(true);
    await loginShows(lab, 'visiting', 'alice', '12345', EMCC_FAIL(42));
  });

  it('43: the home cluster\'s EMCC devices have a secure device security profile', async () => {
    lab = await openCodeLab();
    const home = lab.cluster('HOME')!.admin;
    expect(home.save('emccTemplate', 'EMCC-Template', { ...home.get('emccTemplate', 'EMCC-Template')!, securityProfile: 'secure' }).ok).toBe(true);
    expect(home.bulk.setDefaultTemplateNow('EMCC-Template')).toEqual([]);
    await loginShows(lab, 'visiting', 'alice', '12345', EMCC_FAIL(43));
  });

  it('44 shows 201: the home cluster\'s entry for the visiting cluster names a host of another cluster', async () => {
    lab = await openCodeLab();
    await phonesReady(lab);
    lab.clock.pause(); // before the next remote cluster update runs into it
    const home = lab.cluster('HOME')!.admin;
    expect(home.save('remoteCluster', 'VISIT', { ...home.get('remoteCluster', 'VISIT')!, fqdn: 'home-pub' }).ok).toBe(true);
    await loginShows(lab, 'visiting', 'alice', '12345', ['Please try to login again (201)', '请尝试重新登录 (201)']);
  });

  it('45: a secure phone of a 9.x mixed-mode visiting cluster, the home cluster 8.x', async () => {
    const visiting = { ...withRecords(VISITING_CLUSTER, 'phone', (ps) => ps.map((p) => ({ ...p, securityProfile: 'secure' }))), enterprise: { ...VISITING_CLUSTER.enterprise, version: '9.x', securityMode: 'mixed' } };
    lab = await openCodeLab({ enterprise: { ...HOME_CLUSTER.enterprise, version: '8.x' } }, visiting);
    await loginShows(lab, 'visiting', 'alice', '12345', ['Login is unsuccessful (45)', '登录不成功 (45)']);
  });

  it('46: a secure phone of a mixed-mode visiting cluster, the home cluster non-secure', async () => {
    const visiting = { ...withRecords(VISITING_CLUSTER, 'phone', (ps) => ps.map((p) => ({ ...p, securityProfile: 'secure' }))), enterprise: { ...VISITING_CLUSTER.enterprise, securityMode: 'mixed' } };
    lab = await openCodeLab({}, visiting);
    await loginShows(lab, 'visiting', 'alice', '12345', ['Login is unsuccessful (46)', '登录不成功 (46)']);
  });

  it('47: an EMCC login by extension names the primary extension of two home users', async () => {
    const home = withRecords(HOME_WITH_ZH_PHONE, 'endUser', (us) => [...us, { userId: 'alice2', lastName: 'Alice', pin: '12345', primaryExtension: '1001', emccEnabled: true, profiles: ['alice-udp'] }]);
    const visiting = withRecord(VISITING_CLUSTER, 'phoneService', 'Extension Mobility', { url: emUrl('visit-pub', '&loginType=DN') });
    lab = await openCodeLab(home, visiting);
    await loginShows(lab, 'visiting', '1001', '12345', ['DN has multiple users (47)', '目录号码有多个用户 (47)']);
  });
});

/** Resolves once the visiting EM service receives the next login (and so holds a request slot). */
function heldRequest(lab: Lab): Promise<void> {
  return new Promise((resolve) => {
    const off = lab.trace.onEntry((e) => {
      if (e.cluster === 'visiting' && e.text.includes('<request>') && e.text.includes('<login>')) {
        off();
        resolve();
      }
    });
  });
}
