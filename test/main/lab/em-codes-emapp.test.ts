/**
 * The EM application's codes (guide, table 9), each produced by the cause the guide names,
 * through the real HTTP path: the phone's keys, the EMApp, the EM services of both clusters.
 * Each shows the guide's text on an en-US and a zh-CN phone and leaves no login behind.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { HOME_CLUSTER, VISITING_CLUSTER } from '../../../main/lab/demo-lab';
import type { Lab } from '../../../main/lab/lab';
import { withRecord, withRecords } from '../../helpers/definitions';
import { HOME_WITH_ZH_PHONE, loginShows, openCodeLab, openShows, phonesReady } from '../../helpers/em-lab';

/** The visiting cluster's Extension Mobility service URL with extra query parameters. */
const emUrl = (host: string, extra: string) => `http://${host}:8080/emapp/EMAppServlet?device=#DEVICENAME#&EMCC=#EMCC#${extra}`;
const withEmUrl = (def: typeof HOME_CLUSTER, host: string, extra: string) => withRecord(def, 'phoneService', 'Extension Mobility', { url: emUrl(host, extra) });

describe('EM application error codes (table 9)', () => {
  let lab: Lab;
  afterEach(() => lab?.close());

  it('201: EMCC is not active in the visiting cluster\'s Intercluster Service Profile', async () => {
    lab = await openCodeLab({}, { interclusterServiceProfile: { emccActive: false, pstnActive: true, pstnTrunk: 'EMCC-SIP-Trunk' } });
    await loginShows(lab, 'visiting', 'alice', '12345', ['Please try to login again (201)', '请尝试重新登录 (201)']);
  });

  it('201: a local user enters a wrong PIN (the EM application\'s authentication error)', async () => {
    lab = await openCodeLab();
    await loginShows(lab, 'home', 'alice', '00000', ['Please try to login again (201)', '请尝试重新登录 (201)']);
  });

  it('202: the user submits a blank PIN', async () => {
    lab = await openCodeLab();
    await loginShows(lab, 'visiting', 'alice', '', ['Please try to login again (202)', '请尝试重新登录 (202)']);
  });

  it('204: the directory (IMS) fails while authenticating a local user', async () => {
    lab = await openCodeLab();
    expect(lab.setFault('directory', 'home', true)).toEqual([]);
    await loginShows(lab, 'home', 'alice', '12345', ['Login is unavailable (204)', '无法登录 (204)']);
  });

  it('205: the local user controls no device profile', async () => {
    const home = withRecords(HOME_WITH_ZH_PHONE, 'endUser', (us) => [...us, { userId: 'dave', lastName: 'Dave', pin: '13579', profiles: [] }]);
    lab = await openCodeLab(home);
    await loginShows(lab, 'home', 'dave', '13579', ['Login is unavailable (205)', '无法登录 (205)']);
  });

  it('207: a request without a device name (only a third-party application can send one)', async () => {
    lab = await openCodeLab();
    const net = lab.network.client('phones');
    for (const [language, text] of [['en-US', 'Login is unavailable (207)'], ['zh-CN', '无法登录 (207)']] as const) {
      const res = await net.request({ url: 'http://visit-pub:8080/emapp/EMAppServlet?EMCC=false&userid=alice&seq=12345', headers: { 'accept-language': language } });
      expect(res.status).toBe(200);
      expect(res.body).toContain(`<Text>${text}</Text>`);
    }
    const logout = await net.request({ url: 'http://visit-pub:8080/emapp/EMAppServlet?doLogout=true', headers: { 'accept-language': 'zh-CN' } });
    expect(logout.body).toContain('<Text>无法注销 (207)</Text>');
  });

  it('208: the WAN between the clusters is down', async () => {
    lab = await openCodeLab();
    expect(lab.setFault('wanDown', 'home|visiting', true)).toEqual([]);
    await loginShows(lab, 'visiting', 'alice', '12345', ['Login is unavailable (208)', '无法登录 (208)']);
  });

  it('208: the visiting cluster\'s only EM service node is down', async () => {
    lab = await openCodeLab();
    expect(lab.setFault('emServiceDown', 'visit-pub', true)).toEqual([]);
    await openShows(lab, 'visiting', ['Login is unavailable (208)', '无法登录 (208)']);
  });

  it('208: the visiting cluster does not trust the home cluster\'s Tomcat certificate', async () => {
    lab = await openCodeLab();
    const visit = lab.cluster('VISIT')!;
    for (const t of visit.store.trusted('tomcat-trust').filter((t) => t.source.includes('home'))) visit.pki.untrust('tomcat-trust', t.fingerprint);
    await loginShows(lab, 'visiting', 'alice', '12345', ['Login is unavailable (208)', '无法登录 (208)']);
  });

  it('210: the EM application could not reach the database when it started', async () => {
    lab = await openCodeLab();
    expect(lab.setFault('emAppInit', 'visit-pub', true)).toEqual([]);
    await openShows(lab, 'visiting', ['Login is unavailable (210)', '无法登录 (210)']);
  });

  it('211: PSTN Access is not active in the visiting cluster\'s Intercluster Service Profile', async () => {
    lab = await openCodeLab({}, { interclusterServiceProfile: { emccActive: true, pstnActive: false } });
    await loginShows(lab, 'visiting', 'alice', '12345', ['Login is unavailable (211)', '无法登录 (211)']);
  });

  it('212: the remote cluster update found another cluster ID than the visiting cluster\'s entry names', async () => {
    lab = await openCodeLab({}, { remoteClusters: [{ clusterId: 'HOMEX', fqdn: 'home-pub', emccEnabled: true, pstnEnabled: true, rsvpEnabled: true }] });
    expect(lab.cluster('VISIT')!.store.remoteCluster('HOMEX')?.update_error).toBe(42);
    await loginShows(lab, 'visiting', 'alice', '12345', ['Login is unavailable (212)', '无法登录 (212)']);
  });

  it('213: the phone\'s EM service URL asks for EMCC and its model does not support EMCC', async () => {
    const old = (def: typeof VISITING_CLUSTER, name: string) => withRecord(def, 'phone', name, { model: '7940', protocol: 'SCCP', dndOption: 'Ringer Off' });
    lab = await openCodeLab({}, old(old(VISITING_CLUSTER, 'SEP00AA11BB22CC'), 'SEP00AA11BB33DD'));
    // The administrator writes EMCC=true into the URL instead of the phone's #EMCC#.
    const visit = lab.cluster('VISIT')!.admin;
    const service = visit.get('phoneService', 'Extension Mobility')!;
    expect(visit.save('phoneService', 'Extension Mobility', { ...service, url: emUrl('visit-pub', '').replace('#EMCC#', 'true') }).ok).toBe(true);
    await openShows(lab, 'visiting', ['Login is unavailable (213)', '无法登录 (213)']);
  });

  it('215: the EM service URL names a loginType other than UID, SP or DN', async () => {
    lab = await openCodeLab({}, withEmUrl(VISITING_CLUSTER, 'visit-pub', '&loginType=XX'));
    await openShows(lab, 'visiting', ['LoginType invalid (215)', '登录类型无效 (215)']);
  });

  it('216: a local login by extension (loginType DN) names the primary extension of two users', async () => {
    let home = withEmUrl(HOME_WITH_ZH_PHONE, 'home-pub', '&loginType=DN');
    home = withRecords(home, 'endUser', (us) => [...us, { userId: 'alice2', lastName: 'Alice', pin: '12345', primaryExtension: '1001', profiles: ['alice-udp'] }]);
    lab = await openCodeLab(home);
    await phonesReady(lab);
    await loginShows(lab, 'home', '1001', '12345', ['DN has multiple users (216)', '目录号码有多个用户 (216)']);
  });
});
