/**
 * Test helpers for the login engine: the demo lab with a zh-CN phone on each cluster, logins
 * driven through the phones' keys, EM API requests as an outside application sends them, and
 * the login state of both clusters (to prove a refusal left nothing half-done).
 */
import http from 'node:http';
import { expect } from 'vitest';
import type { ClusterDefinition } from '../../main/cluster/cluster-definition';
import { HOME_CLUSTER, VISITING_CLUSTER } from '../../main/lab/demo-lab';
import type { Lab } from '../../main/lab/lab';
import { parseXml } from '../../main/xml/xml';
import { withRecords } from './definitions';
import {
  HOME_PHONE, VISITING_PHONE, VISITING_PHONE_ZH, openExtensionMobility, openLab, press, registeredTo, showsText, waitForScreen,
} from './lab-fixture';
import type { PhoneKey, PhoneScreen } from '../../shared/api/contract';
import { RESET_MS } from '../../main/phone/firmware';

export { HOME_PHONE, VISITING_PHONE, VISITING_PHONE_ZH };
/** A zh-CN phone on the home cluster (device pool Shanghai), for intra-cluster codes in Chinese. */
export const HOME_PHONE_ZH = 'SEP0011223344DD';

/** The demo home cluster plus the zh-CN phone. */
export const HOME_WITH_ZH_PHONE: ClusterDefinition = withRecords(
  withRecords(HOME_CLUSTER, 'devicePool', (ps) => [...ps, { name: 'Shanghai', userLocale: 'zh-CN', geolocation: 'Site' }]),
  'phone',
  (ps) => [...ps, { name: HOME_PHONE_ZH, model: '8845', devicePool: 'Shanghai', emEnabled: true, lines: [{ dn: '2002', label: '大堂' }], services: ['Extension Mobility'] }],
);

/**
 * The remote cluster update runs once a week here (the longest interval the page allows), so
 * no update lands in the middle of a test: at x1000 the default 30 minutes is under 2 s of
 * wall time, and an update that meets a fault would change what the next login shows.
 */
const quietUpdates = (def: ClusterDefinition): ClusterDefinition => ({ ...def, featureParameters: { remoteClusterUpdateInterval: 10080, ...def.featureParameters } });

/** Open the demo lab (with the zh-CN home phone), each cluster's definition patched. */
export function openCodeLab(home: Partial<ClusterDefinition> = {}, visiting: Partial<ClusterDefinition> = {}): Promise<Lab> {
  return openLab([quietUpdates({ ...HOME_WITH_ZH_PHONE, ...home }), quietUpdates({ ...VISITING_CLUSTER, ...visiting })]);
}

/** The phones of each side: [en-US, zh-CN]. */
export const PHONES = {
  visiting: [VISITING_PHONE, VISITING_PHONE_ZH],
  home: [HOME_PHONE, HOME_PHONE_ZH],
} as const;
const CLUSTER_OF = { visiting: 'VISIT', home: 'HOME' } as const;

/** Every login-related row of both clusters: a refusal must leave this unchanged. */
export function loginState(lab: Lab): string {
  return JSON.stringify(lab.clusters.map((c) => [
    c.store.db.prepare('SELECT * FROM em_logins ORDER BY device').all(),
    c.store.db.prepare('SELECT * FROM emcc_devices ORDER BY name').all(),
    c.store.db.prepare('SELECT user_id, pin, must_change_pin FROM end_users ORDER BY user_id').all(),
  ]));
}

/** Wait until every phone of both clusters has registered to its own cluster. */
export async function phonesReady(lab: Lab): Promise<void> {
  for (const side of ['visiting', 'home'] as const) {
    for (const p of PHONES[side]) if (lab.phone(p)) await waitForScreen(lab, p, registeredTo(CLUSTER_OF[side]));
  }
}

/** Services > Extension Mobility, user ID typed, PIN on the keypad, Submit. The form must appear. */
export async function submitOn(lab: Lab, device: string, userId: string, pin: string): Promise<void> {
  const form = await openExtensionMobility(lab, device);
  if (form.view.kind !== 'input') throw new Error(`expected the login form on ${device}, got ${JSON.stringify(form.view)}`);
  lab.phone(device)!.typeText(userId);
  press(lab, device, 'navDown', ...([...pin] as PhoneKey[]), 'soft1');
}

/**
 * The en-US and the zh-CN phone of one side each try `user`/`pin`; each shows its text, stays on
 * its own cluster, and nothing of either cluster's login state changed.
 */
export async function loginShows(lab: Lab, side: 'visiting' | 'home', user: string, pin: string, texts: readonly [string, string]): Promise<PhoneScreen[]> {
  await phonesReady(lab);
  const before = loginState(lab);
  const screens: PhoneScreen[] = [];
  for (const [i, device] of PHONES[side].entries()) {
    await submitOn(lab, device, user, pin);
    const s = await waitForScreen(lab, device, showsText(texts[i]!));
    expect(s.registration?.clusterId).toBe(CLUSTER_OF[side]);
    screens.push(s);
  }
  expect(loginState(lab)).toBe(before);
  return screens;
}

/** Both phones of a side open Extension Mobility and are refused at once with their text. */
export async function openShows(lab: Lab, side: 'visiting' | 'home', texts: readonly [string, string]): Promise<void> {
  await phonesReady(lab);
  const before = loginState(lab);
  for (const [i, device] of PHONES[side].entries()) {
    const s = await openExtensionMobility(lab, device);
    expect(s.view).toMatchObject({ kind: 'text', text: expect.stringContaining(texts[i]!) });
  }
  expect(loginState(lab)).toBe(before);
}

export interface ApiAnswer {
  status: number;
  body: string;
  /** The failure's code, or undefined for an answer without <failure>. */
  code: number | undefined;
  message: string | undefined;
}

/**
 * POST an EM API request as an outside application does: plain HTTP to the node's port 8080
 * (the loopback port the lab maps it to), form field `xml`, nothing lab-specific.
 */
export function emApi(lab: Lab, host: string, xml: string, headers: Record<string, string> = {}): Promise<ApiAnswer> {
  const entry = lab.network.lookup(host);
  if (!entry) throw new Error(`no node ${host}`);
  const body = new URLSearchParams({ xml }).toString();
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1', port: entry.port, method: 'POST', path: '/emservice/EMServiceServlet',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body), ...headers },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const m = /<error code="(\d+)">([^<]*)<\/error>/.exec(text);
        resolve({ status: res.statusCode ?? 0, body: text, code: m ? Number(m[1]) : undefined, message: m?.[2] });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** An EM API application's credentials inside the XML. */
export const appInfo = (appId: string, password: string) => `<appInfo><appID>${appId}</appID><appCertificate>${password}</appCertificate></appInfo>`;

/** An EM API application user with proxy rights, as the tests add it on a cluster. */
export const EM_APP_USER = { userId: 'emproxy', password: 'proxy-pass', emProxyRights: true };

/** The demo home cluster with the EM API application user `emproxy` (and one without rights). */
export function withAppUsers(def: ClusterDefinition): ClusterDefinition {
  return withRecords(def, 'applicationUser', (us) => [...us, EM_APP_USER, { userId: 'norights', password: 'plain-pass', emProxyRights: false }]);
}

/** Parse an answer for assertions on its shape. */
export function xmlOf(body: string) {
  return parseXml(body);
}

// --- Helpers of the version/security matrices and the service parameter tests ---

/** A cluster's Extension Mobility phone service URL (as the demo labs write it) with extra query parameters. */
export const emServiceUrlWith = (host: string, extra: string) => `http://${host}:8080/emapp/EMAppServlet?device=#DEVICENAME#&EMCC=#EMCC#${extra}`;

/** A copy of `def` whose Extension Mobility phone service URL carries `extra` (e.g. "&loginType=DN"). */
export function withEmServiceUrl(def: ClusterDefinition, host: string, extra: string): ClusterDefinition {
  return withRecords(def, 'phoneService', (ss) => ss.map((s) => (s.name === 'Extension Mobility' ? { ...s, url: emServiceUrlWith(host, extra) } : s)));
}

/** A copy of `def` running another Unified CM version and/or cluster security mode. */
export function withEnterprise(def: ClusterDefinition, patch: { version?: string; securityMode?: string }): ClusterDefinition {
  return { ...def, enterprise: { ...def.enterprise, ...patch } };
}

/** A copy of `def` whose phones all have the given device security profile. */
export function withPhoneSecurity(def: ClusterDefinition, securityProfile: 'secure' | 'non-secure'): ClusterDefinition {
  return withRecords(def, 'phone', (ps) => ps.map((p) => ({ ...p, securityProfile })));
}

/** Service parameter values as the Service Parameters page takes them: true/false for a checkbox, '1', '0:01'... */
export type ServiceParameterValues = Record<string, string | number | boolean>;

/** A copy of `def` with service parameters set. */
export function withServiceParameters(def: ClusterDefinition, params: ServiceParameterValues): ClusterDefinition {
  return { ...def, serviceParameters: { ...def.serviceParameters, ...params } };
}

/** Change service parameters of a running cluster through its Service Parameters page; the save must pass. */
export function setServiceParameters(lab: Lab, clusterId: string, params: ServiceParameterValues): void {
  const admin = lab.cluster(clusterId)!.admin;
  const result = admin.saveForm('serviceParameters', { ...admin.form('serviceParameters'), ...params });
  if (!result.ok) throw new Error(`service parameters refused: ${JSON.stringify(result.errors)}`);
}

/** Resolves once the EM service of the cluster with lab name `cluster` receives the next login (it holds a request slot until it answers). */
export function nextLoginReceived(lab: Lab, cluster: string): Promise<void> {
  return new Promise((resolve) => {
    const off = lab.trace.onEntry((e) => {
      if (e.cluster === cluster && e.text.includes('<request>') && e.text.includes('<login>')) {
        off();
        resolve();
      }
    });
  });
}

/**
 * With the lab clock paused, after a login or logout from the phone's keys: once the phone shows
 * the EM application's answer, let the CallManager's reset notification go (a zero-delay timer),
 * then one reset's worth of lab time, and wait until the phone has registered again and `done` holds.
 */
export async function finishReset(lab: Lab, device: string, done: (s: PhoneScreen) => boolean = () => true): Promise<PhoneScreen> {
  await waitForScreen(lab, device, (s) => s.status === 'resetting' || s.view.kind === 'text');
  lab.clock.advance(0);
  await waitForScreen(lab, device, (s) => s.status === 'resetting');
  lab.clock.advance(RESET_MS);
  return waitForScreen(lab, device, (s) => s.status === 'registered' && done(s));
}

/** Services > Extension Mobility > Yes on a phone a user is logged in to; resolves with the EM application's answer. */
export async function logoutOn(lab: Lab, device: string): Promise<PhoneScreen> {
  const prompt = await openExtensionMobility(lab, device);
  // The logout prompt has Yes and No; an error screen has only Exit.
  if (prompt.view.kind !== 'text' || prompt.softkeys.length < 2) throw new Error(`expected the logout prompt on ${device}, got ${JSON.stringify(prompt.view)}`);
  const promptText = prompt.view.text;
  press(lab, device, 'soft1');
  return waitForScreen(lab, device, (s) => s.status !== 'registered' || s.view.kind !== 'text' || s.view.text !== promptText);
}

/** The phone is registered to `clusterId` with `user` logged in (null: nobody) and `dn` as its first line. */
export const loggedInAs = (clusterId: string, user: string | null, dn: string) => (s: PhoneScreen) =>
  registeredTo(clusterId)(s) && s.loggedInUser === user && s.lines[0]?.dn === dn;
