/**
 * The troubleshooter on real labs: each lab is set up with the cause the guide names for a code
 * (the set-ups of em-codes-*.test.ts), and the troubleshooter must name it as a 'cause' finding
 * pointing at the page that fixes it. A healthy lab has no cause for any code; a code the guide
 * does not list is said to be unknown.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ScenarioSummary, Troubleshooting } from '../../../shared/api/file-contract';
import { ERROR_CATALOGUE } from '../../../shared/errors/error-catalogue';
import { FINDING_KEYS } from '../../../shared/troubleshoot-findings';
import { VISITING_CLUSTER } from '../../../main/lab/demo-lab';
import type { Lab } from '../../../main/lab/lab';
import { troubleshoot } from '../../../main/lab/troubleshooter';
import { CHECKED_CODES } from '../../../main/lab/troubleshoot-checks';
import { withRecord, withRecords } from '../../helpers/definitions';
import {
  HOME_WITH_ZH_PHONE, PHONES, openCodeLab, phonesReady, setServiceParameters, submitOn, withEmServiceUrl, withEnterprise, withPhoneSecurity,
} from '../../helpers/em-lab';
import { registeredTo, waitForScreen } from '../../helpers/lab-fixture';

// The renderer's words for the findings are checked here too; its API binding is not needed.
vi.mock('../../../renderer/src/api/binding', () => ({ api: { request: () => Promise.reject(new Error('no lab')), on: () => () => undefined, onDisconnect: () => () => undefined } }));
const { i18n } = await import('../../../renderer/src/i18n/i18n');
const { findingText } = await import('../../../renderer/src/lab/troubleshoot-text');

type Finding = Troubleshooting['findings'][number];

const causes = (t: Troubleshooting) => t.findings.filter((f) => f.status === 'cause');
/** The one cause with this key; fails naming every cause found otherwise. */
function causeOf(t: Troubleshooting, key: string): Finding {
  const found = causes(t).filter((f) => f.key === key);
  expect(found, `causes found: ${JSON.stringify(causes(t))}`).toHaveLength(1);
  return found[0]!;
}

/**
 * Troubleshoot `code`, and check that every finding reads in both UI languages: its key has a
 * text and every value the text names was given.
 */
function ask(lab: Lab, code: number, library: ScenarioSummary[] = []): Troubleshooting {
  const t = troubleshoot(lab, code, library);
  for (const f of t.findings) {
    for (const lang of ['en-US', 'zh-CN'] as const) {
      const text = findingText(i18n.getFixedT(lang), f);
      expect(text, `${lang} ${f.key}`).not.toMatch(/\{\{|^troubleshooter:|^finding\./);
    }
  }
  return t;
}

/** The demo lab with carol's EMCC enabled: nothing in it causes any code. */
const HEALTHY_HOME = withRecord(HOME_WITH_ZH_PHONE, 'endUser', 'carol', { emccEnabled: true });

describe('troubleshooter: explanation and scenarios', () => {
  let lab: Lab;
  afterEach(() => lab?.close());

  it('a healthy lab (the demo lab with every user EMCC-enabled) gives no cause for any code of the catalogue, and every finding key is a known one', async () => {
    lab = await openCodeLab(HEALTHY_HOME);
    for (const { code } of ERROR_CATALOGUE) {
      const t = ask(lab, code, []);
      expect(causes(t), `code ${code}`).toEqual([]);
      for (const f of t.findings) expect(FINDING_KEYS).toContain(f.key);
    }
  });

  it('every code of the catalogue has checks, and its explanation is the guide\'s in both languages with the phone\'s text', async () => {
    expect([...CHECKED_CODES].sort((a, b) => a - b)).toEqual(ERROR_CATALOGUE.map((e) => e.code).sort((a, b) => a - b));
    lab = await openCodeLab();
    const t = ask(lab, 208, []);
    expect(t).toMatchObject({
      code: 208, known: true,
      summary: { 'en-US': 'EM service connection error', 'zh-CN': 'EM 服务连接错误' },
      shows: { 'en-US': 'Login is unavailable (208)', 'zh-CN': '无法登录 (208)' },
    });
    expect(t.cause['zh-CN']).toContain('WAN 关闭或证书不可信任');
    expect(ask(lab, 45, []).shows).toEqual({ 'en-US': 'Login is unsuccessful (45)', 'zh-CN': '登录不成功 (45)' });
    expect(ask(lab, 19, []).shows['en-US']).toBe('Logout is unavailable (19)');
  });

  it('an unknown code is said to be unknown: known false, one info finding, no scenario', async () => {
    lab = await openCodeLab();
    const t = ask(lab, 999, [scenario('x', [999])]);
    expect(t.known).toBe(false);
    expect(t.findings).toEqual([{ status: 'info', key: 'code.unknown', params: { code: 999 }, fix: null }]);
    expect(t.scenarios).toEqual([]);
  });

  it('the scenarios are those of the library that reproduce the code or an internal code the phone shows as it', async () => {
    lab = await openCodeLab();
    const library = [scenario('wan-down', [208]), scenario('tftp', [39]), scenario('isp', [201, 211]), scenario('pin', [2])];
    expect(ask(lab, 208, library).scenarios).toEqual([{ id: 'wan-down', title: 'Title of wan-down' }]);
    expect(ask(lab, 201, library).scenarios.map((s) => s.id)).toEqual(['tftp', 'isp']);
  });

  it('user-input codes (2, 202) have no cause in the lab, only a note saying so', async () => {
    lab = await openCodeLab();
    for (const [code, key] of [[2, 'input.wrongPinEmcc'], [202, 'input.blank']] as const) {
      const t = ask(lab, code, []);
      expect(causes(t)).toEqual([]);
      expect(t.findings).toContainEqual({ status: 'info', key, params: {}, fix: null });
    }
  });
});

describe('troubleshooter: 208 and the path between the clusters', () => {
  let lab: Lab;
  afterEach(() => lab?.close());

  it('208: the visiting EM service node is down -> the fault, fixed in the lab\'s Faults panel; causes come first', async () => {
    lab = await openCodeLab();
    lab.setFault('emServiceDown', 'visit-pub', true);
    const t = ask(lab, 208, []);
    expect(causeOf(t, 'fault.on')).toEqual({ status: 'cause', key: 'fault.on', params: { fault: 'emServiceDown', target: 'visit-pub' }, fix: { cluster: 'visiting', lab: 'faults' } });
    expect(t.findings[0]!.status).toBe('cause');
    expect(t.findings.some((f) => f.status === 'ok' && f.key === 'cert.trusted')).toBe(true);
  });

  it('208: the WAN between the clusters is down -> the link fault', async () => {
    lab = await openCodeLab();
    lab.setFault('wanDown', 'home|visiting', true);
    expect(causeOf(ask(lab, 208, []), 'fault.on').params).toEqual({ fault: 'wanDown', target: 'home ↔ visiting' });
  });

  it('208: the WAN came back but the visiting cluster\'s remote cluster entry was not updated since -> its Remote Cluster page (Update Remote Cluster Now)', async () => {
    lab = await openCodeLab();
    lab.setFault('wanDown', 'home|visiting', true);
    await lab.cluster('VISIT')!.updateRemoteClustersNow();
    lab.setFault('wanDown', 'home|visiting', false);
    const f = causeOf(ask(lab, 208, []), 'remote.notActivatedUnreachable');
    expect(f.params).toMatchObject({ visiting: 'visiting', entry: 'HOME', error: 208 });
    expect(f.fix).toEqual({ cluster: 'visiting', kind: 'remoteCluster', key: 'HOME' });
  });

  it('208: the visiting cluster does not trust the home Tomcat certificate -> visiting\'s Bulk Certificate Management', async () => {
    lab = await openCodeLab();
    const visit = lab.cluster('VISIT')!;
    for (const t of visit.store.trusted('tomcat-trust').filter((x) => x.source.includes('home'))) visit.pki.untrust('tomcat-trust', t.fingerprint);
    const f = causeOf(ask(lab, 208, []), 'cert.notTrusted');
    expect(f.params).toEqual({ visiting: 'visiting', home: 'home', host: 'home-pub' });
    expect(f.fix).toEqual({ cluster: 'visiting', page: 'bulkCertificates' });
  });

  it('208: the home Tomcat certificate was regenerated and not exported again -> home\'s Bulk Certificate Management', async () => {
    lab = await openCodeLab();
    expect(lab.cluster('HOME')!.pki.regenerate('home-pub', 'tomcat')).toEqual([]);
    expect(causeOf(ask(lab, 208, []), 'cert.notReexported').fix).toEqual({ cluster: 'home', page: 'bulkCertificates' });
  });

  it('208: Cisco Extension Mobility is not activated on the visiting cluster -> its Service Activation', async () => {
    lab = await openCodeLab();
    expect(lab.cluster('VISIT')!.admin.setServiceActivation('visit-pub', { 'Cisco Extension Mobility': false }).ok).toBe(true);
    const t = ask(lab, 208, []);
    expect(causeOf(t, 'em.notActivated').fix).toEqual({ cluster: 'visiting', page: 'serviceActivation' });
  });

  it('35: the home cluster no longer has an entry for the visiting cluster -> home\'s Remote Cluster list', async () => {
    lab = await openCodeLab();
    lab.clock.pause();
    expect(lab.cluster('HOME')!.admin.delete('remoteCluster', 'VISIT').ok).toBe(true);
    const f = causeOf(ask(lab, 35, []), 'remote.visitorUnknown');
    expect(f.params).toEqual({ visiting: 'visiting', home: 'home', visitingId: 'VISIT' });
    expect(f.fix).toEqual({ cluster: 'home', kind: 'remoteCluster' });
  });

  it('38: the home cluster deactivated EMCC in its Intercluster Service Profile -> home\'s Intercluster Service Profile', async () => {
    lab = await openCodeLab();
    lab.clock.pause();
    const home = lab.cluster('HOME')!.admin;
    expect(home.saveForm('isp', { ...home.form('isp'), emccActive: false }).ok).toBe(true);
    expect(causeOf(ask(lab, 38, []), 'isp.homeEmccInactive').fix).toEqual({ cluster: 'home', page: 'isp' });
  });

  it('42: the home Cluster ID changed since the visiting entry was made -> the visiting entry, naming both IDs', async () => {
    lab = await openCodeLab();
    lab.clock.pause();
    const home = lab.cluster('HOME')!.admin;
    expect(home.saveForm('enterprise', { ...home.form('enterprise'), clusterId: 'HOME2' }).ok).toBe(true);
    const f = causeOf(ask(lab, 42, []), 'remote.wrongClusterId');
    expect(f.params).toEqual({ visiting: 'visiting', entry: 'HOME', host: 'home-pub', owner: 'home', ownerId: 'HOME2' });
    expect(f.fix).toEqual({ cluster: 'visiting', kind: 'remoteCluster', key: 'HOME' });
  });

  it('30: the home cluster\'s EMCC Allow Proxy is False and a proxy sits on the WAN -> home\'s Service Parameters; without the proxy only a note', async () => {
    lab = await openCodeLab({ serviceParameters: { emccAllowProxy: false } });
    expect(causes(ask(lab, 30, []))).toEqual([]);
    lab.setFault('proxy', 'home|visiting', true);
    expect(causeOf(ask(lab, 30, []), 'param.emccProxyRefused').fix).toEqual({ cluster: 'home', page: 'serviceParameters' });
  });
});

describe('troubleshooter: configuration causes', () => {
  let lab: Lab;
  afterEach(() => lab?.close());

  it('31: the demo lab\'s carol has EMCC unchecked -> her End User page on home', async () => {
    lab = await openCodeLab();
    const f = causeOf(ask(lab, 31, []), 'user.emccDisabled');
    expect(f.params).toEqual({ cluster: 'home', users: 'carol', count: 1 });
    expect(f.fix).toEqual({ cluster: 'home', kind: 'endUser', key: 'carol' });
  });

  it('32: the visiting phones are 7940s, which do not support EMCC -> visiting\'s Phone list', async () => {
    const old = (def: typeof VISITING_CLUSTER, name: string) => withRecord(def, 'phone', name, { model: '7940', protocol: 'SCCP', dndOption: 'Ringer Off' });
    lab = await openCodeLab({}, old(old(VISITING_CLUSTER, PHONES.visiting[0]), PHONES.visiting[1]));
    const f = causeOf(ask(lab, 32, []), 'phone.modelNoEmcc');
    expect(f.params).toMatchObject({ cluster: 'visiting', count: 2, models: '7940' });
    expect(f.fix).toEqual({ cluster: 'visiting', kind: 'phone' });
  });

  it('33: the home cluster\'s only EMCC device is taken by alice\'s login -> home\'s Insert/Update EMCC', async () => {
    lab = await openCodeLab({ emccDevices: 1 });
    await phonesReady(lab);
    expect(causes(ask(lab, 33, []))).toEqual([]);
    await submitOn(lab, PHONES.visiting[0], 'alice', '12345');
    await waitForScreen(lab, PHONES.visiting[0], registeredTo('HOME'));
    const f = causeOf(ask(lab, 33, []), 'emcc.allInUse');
    expect(f).toMatchObject({ params: { cluster: 'home', total: 1 }, fix: { cluster: 'home', page: 'bulkEmcc' } });
    // The same login is what 25 looks for: alice is logged in and a second login is not allowed.
    expect(causeOf(ask(lab, 25, []), 'param.multipleLoginsNotAllowed')).toMatchObject({ params: { cluster: 'home', users: 'alice' }, fix: { cluster: 'home', page: 'serviceParameters' } });
  });

  it('37: the visiting phones\' names exist in the home cluster too -> home\'s Phone list', async () => {
    const home = withRecords(HOME_WITH_ZH_PHONE, 'phone', (ps) => [...ps, ...PHONES.visiting.map((name) => ({ name, model: '8845', devicePool: 'Default', emEnabled: true }))]);
    lab = await openCodeLab(home);
    const f = causeOf(ask(lab, 37, []), 'phone.duplicateName');
    expect(f.params).toMatchObject({ visiting: 'visiting', home: 'home', count: 2 });
    expect(f.fix).toEqual({ cluster: 'home', kind: 'phone' });
  });

  it('43: the home EMCC devices have a secure device security profile -> the default EMCC template', async () => {
    lab = await openCodeLab();
    const home = lab.cluster('HOME')!.admin;
    expect(home.save('emccTemplate', 'EMCC-Template', { ...home.get('emccTemplate', 'EMCC-Template')!, securityProfile: 'secure' }).ok).toBe(true);
    expect(home.bulk.setDefaultTemplateNow('EMCC-Template')).toEqual([]);
    expect(causeOf(ask(lab, 43, []), 'emcc.deviceSecure').fix).toEqual({ cluster: 'home', kind: 'emccTemplate', key: 'EMCC-Template' });
  });

  it('45: secure phones of a 9.x mixed-mode visiting cluster, home 8.x -> home\'s version (Enterprise Parameters); 46 has no cause there', async () => {
    lab = await openCodeLab(withEnterprise(HOME_WITH_ZH_PHONE, { version: '8.x' }), withPhoneSecurity(withEnterprise(VISITING_CLUSTER, { version: '9.x', securityMode: 'mixed' }), 'secure'));
    const f = causeOf(ask(lab, 45, []), 'security.versionNotSupported');
    expect(f.params).toMatchObject({ visiting: 'visiting', home: 'home', homeVersion: '8.x', visitingVersion: '9.x', visitingMode: 'mixed', count: 2, older: 'home' });
    expect(f.fix).toEqual({ cluster: 'home', page: 'enterprise' });
    expect(causes(ask(lab, 46, []))).toEqual([]);
  });

  it('46: secure phones of a mixed-mode visiting cluster, home non-secure -> home\'s security mode (Enterprise Parameters)', async () => {
    lab = await openCodeLab({}, withPhoneSecurity(withEnterprise(VISITING_CLUSTER, { securityMode: 'mixed' }), 'secure'));
    const f = causeOf(ask(lab, 46, []), 'security.homeNonSecure');
    expect(f.params).toMatchObject({ homeMode: 'non-secure', visitingMode: 'mixed' });
    expect(f.fix).toEqual({ cluster: 'home', page: 'enterprise' });
  });

  it('1: a 12.0 visiting cluster sends loginType to an 11.5 home cluster -> the visiting EM phone service', async () => {
    lab = await openCodeLab(withEnterprise(HOME_WITH_ZH_PHONE, { version: '11.5' }), withEmServiceUrl(VISITING_CLUSTER, 'visit-pub', '&loginType=UID'));
    const f = causeOf(ask(lab, 1, []), 'version.loginTypeNotUnderstood');
    expect(f.params).toMatchObject({ visiting: 'visiting', home: 'home', homeVersion: '11.5', loginType: 'UID' });
    expect(f.fix).toEqual({ cluster: 'visiting', kind: 'phoneService', key: 'Extension Mobility' });
  });

  it('26 and 28: Maximum Concurrent Requests below its default, Validate IP Address True -> each cluster\'s Service Parameters', async () => {
    lab = await openCodeLab();
    setServiceParameters(lab, 'VISIT', { maxConcurrentRequests: 1 });
    setServiceParameters(lab, 'HOME', { validateIpAddress: true, trustedListOfIps: '10.1.1.1' });
    expect(causeOf(ask(lab, 26, []), 'param.maxConcurrentLow')).toMatchObject({ params: { cluster: 'visiting', value: 1, default: 5 }, fix: { cluster: 'visiting', page: 'serviceParameters' } });
    expect(causeOf(ask(lab, 28, []), 'param.validateIpOn')).toMatchObject({ params: { cluster: 'home', list: '10.1.1.1' }, fix: { cluster: 'home', page: 'serviceParameters' } });
  });

  it('201: EMCC inactive in the visiting Intercluster Service Profile; the internal codes shown as 201 (39: no TFTP server at home) are checked too', async () => {
    lab = await openCodeLab({}, { interclusterServiceProfile: { emccActive: false, pstnActive: true, pstnTrunk: 'EMCC-SIP-Trunk' } });
    const home = lab.cluster('HOME')!.admin;
    expect(home.saveForm('featureParameters', { ...home.form('featureParameters'), defaultTftpServer: null }).ok).toBe(true);
    const t = ask(lab, 201, []);
    expect(causeOf(t, 'isp.visitingEmccInactive').fix).toEqual({ cluster: 'visiting', page: 'isp' });
    expect(causeOf(t, 'tftp.notSet')).toMatchObject({ params: { cluster: 'home', via: 39 }, fix: { cluster: 'home', page: 'featureParameters' } });
    expect(t.findings).toContainEqual({ status: 'info', key: 'code.shownFor', params: { code: 201, internal: '39, 44' }, fix: null });
  });
});

describe('troubleshooter: more codes of tables 9 and 10', () => {
  let lab: Lab;
  afterEach(() => lab?.close());

  it('212: the visiting entry names cluster HOMEX, and its remote cluster update found HOME there -> that entry', async () => {
    lab = await openCodeLab({}, { remoteClusters: [{ clusterId: 'HOMEX', fqdn: 'home-pub', emccEnabled: true, pstnEnabled: true, rsvpEnabled: true }] });
    const t = ask(lab, 212);
    expect(causeOf(t, 'remote.updateFoundOtherId').fix).toEqual({ cluster: 'visiting', kind: 'remoteCluster', key: 'HOMEX' });
    expect(causeOf(t, 'remote.wrongClusterId').params).toMatchObject({ entry: 'HOMEX', ownerId: 'HOME' });
  });

  it('201 via 44: the home entry for VISIT names a host of the home cluster itself -> that home entry, marked as checked for 44', async () => {
    lab = await openCodeLab();
    lab.clock.pause();
    const home = lab.cluster('HOME')!.admin;
    expect(home.save('remoteCluster', 'VISIT', { ...home.get('remoteCluster', 'VISIT')!, fqdn: 'home-pub' }).ok).toBe(true);
    const f = causeOf(ask(lab, 201), 'remote.homeEntryPointsElsewhere');
    expect(f).toMatchObject({ params: { home: 'home', visitingId: 'VISIT', host: 'home-pub', owner: 'home', via: 44 }, fix: { cluster: 'home', kind: 'remoteCluster', key: 'VISIT' } });
  });

  it('23 via 40: the home cluster never answers (fault) -> the fault; 40 itself names it too', async () => {
    lab = await openCodeLab();
    lab.setFault('noResponse', 'home', true);
    expect(causeOf(ask(lab, 23), 'fault.on')).toMatchObject({ params: { fault: 'noResponse', target: 'home', via: 40 }, fix: { cluster: 'home', lab: 'faults' } });
    expect(ask(lab, 40).findings).toContainEqual({ status: 'info', key: 'code.internal', params: { code: 40, shows: 23 }, fix: null });
    expect(causeOf(ask(lab, 40), 'fault.on').params).toEqual({ fault: 'noResponse', target: 'home' });
  });

  it('36, 211 and 39 on labs configured without them -> the Remote Cluster list, the ISP, EMCC Feature Configuration', async () => {
    lab = await openCodeLab({}, { remoteClusters: [], interclusterServiceProfile: { emccActive: true, pstnActive: false } });
    expect(causeOf(ask(lab, 36), 'remote.none').fix).toEqual({ cluster: 'visiting', kind: 'remoteCluster' });
    const home = lab.cluster('HOME')!.admin;
    expect(home.saveForm('featureParameters', { ...home.form('featureParameters'), defaultTftpServer: null }).ok).toBe(true);
    expect(causeOf(ask(lab, 39), 'tftp.notSet').fix).toEqual({ cluster: 'home', page: 'featureParameters' });
    expect(ask(lab, 39).findings).toContainEqual({ status: 'info', key: 'code.internal', params: { code: 39, shows: 201 }, fix: null });
    // 211 looks at clusters with remote clusters: visiting has none now, so add one back.
    const visit = lab.cluster('VISIT')!.admin;
    expect(visit.save('remoteCluster', null, { clusterId: 'HOME', fqdn: 'home-pub', emccEnabled: true, pstnEnabled: true, rsvpEnabled: true }).ok).toBe(true);
    expect(causeOf(ask(lab, 211), 'isp.pstnInactive').fix).toEqual({ cluster: 'visiting', page: 'isp' });
  });

  it('12, 41 and 5: an EMCC user without a profile, a PIN change required, a phone with EM unchecked -> their End User and Phone pages', async () => {
    const home = withRecords(withRecord(HOME_WITH_ZH_PHONE, 'endUser', 'alice', { mustChangePin: true }), 'endUser',
      (us) => [...us, { userId: 'erin', lastName: 'Erin', pin: '11223', emccEnabled: true, profiles: [] }]);
    lab = await openCodeLab(home, withRecord(VISITING_CLUSTER, 'phone', PHONES.visiting[0], { emEnabled: false }));
    expect(causeOf(ask(lab, 12), 'user.emccNoProfile')).toMatchObject({ params: { cluster: 'home', users: 'erin' }, fix: { cluster: 'home', kind: 'endUser', key: 'erin' } });
    expect(causeOf(ask(lab, 41), 'user.mustChangePin').fix).toEqual({ cluster: 'home', kind: 'endUser', key: 'alice' });
    expect(ask(lab, 41).findings).toContainEqual({ status: 'info', key: 'code.internalScreen', params: { code: 41 }, fix: null });
    expect(causeOf(ask(lab, 5), 'phone.emDisabled').fix).toEqual({ cluster: 'visiting', kind: 'phone', key: PHONES.visiting[0] });
  });

  it('213, 47, 215 and 207: EMCC=true on 7940s, login by an extension two home users share, an invalid loginType, no device parameter -> the phone service and End User pages', async () => {
    const old = (def: typeof VISITING_CLUSTER, name: string) => withRecord(def, 'phone', name, { model: '7940', protocol: 'SCCP', dndOption: 'Ringer Off' });
    lab = await openCodeLab(
      withRecords(HOME_WITH_ZH_PHONE, 'endUser', (us) => [...us, { userId: 'alice2', lastName: 'Alice', pin: '12345', primaryExtension: '1001', emccEnabled: true, profiles: ['alice-udp'] }]),
      old(old(withEmServiceUrl(VISITING_CLUSTER, 'visit-pub', '&loginType=DN'), PHONES.visiting[0]), PHONES.visiting[1]),
    );
    const visit = lab.cluster('VISIT')!.admin;
    const service = visit.get('phoneService', 'Extension Mobility')!;
    expect(visit.save('phoneService', 'Extension Mobility', { ...service, url: String(service.url).replace('#EMCC#', 'true') }).ok).toBe(true);
    expect(causeOf(ask(lab, 213), 'service.emccTrue').fix).toEqual({ cluster: 'visiting', kind: 'phoneService', key: 'Extension Mobility' });
    expect(causeOf(ask(lab, 47), 'user.extensionShared')).toMatchObject({ params: { cluster: 'home', dn: '1001', users: 'alice, alice2' }, fix: { cluster: 'home', kind: 'endUser' } });
    expect(visit.save('phoneService', 'Extension Mobility', { ...service, url: String(service.url).replace('loginType=DN', 'loginType=XX') }).ok).toBe(true);
    expect(causeOf(ask(lab, 215), 'service.loginTypeInvalid').params).toMatchObject({ cluster: 'visiting', loginType: 'XX' });
    expect(visit.save('phoneService', 'Extension Mobility', { ...service, url: 'http://visit-pub:8080/emapp/EMAppServlet?EMCC=#EMCC#' }).ok).toBe(true);
    expect(causeOf(ask(lab, 207), 'service.noDevice').fix).toEqual({ cluster: 'visiting', kind: 'phoneService', key: 'Extension Mobility' });
  });
});

function scenario(id: string, reproduces: number[]): ScenarioSummary {
  return { id, title: `Title of ${id}`, description: '', reproduces, source: null, steps: 1 };
}
