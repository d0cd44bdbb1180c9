/**
 * The troubleshooter's checks of configuration: the Intercluster Service Profiles, EMCC Feature
 * Configuration, end users, phones, the Extension Mobility service URLs, the EMCC devices, the
 * service parameters and the clusters' versions and security modes (seed tables 5-8). Each
 * mirrors the rule of the engine (main/cluster/em) that gives the code, and points at the page
 * that changes it.
 */
import { EmError } from '../../shared/errors/error-catalogue';
import { phoneModel } from '../../shared/phone-models';
import { supportsLoginType } from '../../shared/cluster-versions';
import { emccSecurity } from '../cluster/em/emcc-security';
import type { Cluster } from '../cluster/cluster';
import {
  cause, emccClusters, emServiceUrls, fixOneOrList, fixPage, fixRecord, info, listOf, loggedInUsers, ok, pairs, param, paramDefault, queryOf, users,
  type Check, type Finding,
} from './troubleshoot-context';

const LOGIN_TYPES = ['UID', 'SP', 'DN'];

/** One finding per cluster: a cause naming the records at fault, or the check that passed. */
function perCluster(clusters: readonly Cluster[], bad: (c: Cluster) => string[], make: (c: Cluster, bad: string[]) => Finding, good: (c: Cluster) => Finding): Finding[] {
  return clusters.map((c) => {
    const found = bad(c);
    return found.length ? make(c, found) : good(c);
  });
}

// --- Intercluster Service Profile and EMCC Feature Configuration ---

/** 201: the visiting cluster's EMCC must be active in its Intercluster Service Profile. */
export const visitingEmccActive: Check = (lab) => emccClusters(lab).map((c) => (c.store.serviceProfile().emcc_active
  ? ok('isp.visitingEmccActive', { cluster: c.name })
  : cause('isp.visitingEmccInactive', { cluster: c.name }, fixPage(c, 'isp'))));

/** 211: PSTN Access must be active in the visiting cluster's Intercluster Service Profile. */
export const visitingPstnActive: Check = (lab) => emccClusters(lab).map((c) => (c.store.serviceProfile().pstn_active
  ? ok('isp.pstnActive', { cluster: c.name })
  : cause('isp.pstnInactive', { cluster: c.name }, fixPage(c, 'isp'))));

/** 39 (shown as 201): the home cluster needs a default or backup TFTP server for EMCC login devices. */
export const tftpServerSet: Check = (lab) => emccClusters(lab).map((c) => {
  const tftp = c.store.featureParameter('defaultTftpServer') || c.store.featureParameter('backupTftpServer');
  return tftp ? ok('tftp.set', { cluster: c.name, host: tftp }) : cause('tftp.notSet', { cluster: c.name }, fixPage(c, 'featureParameters'));
});

// --- end users ---

/** 31: "Enable Extension Mobility Cross Cluster" unchecked for users of a cluster that others visit from. */
export const usersEmccEnabled: Check = (lab) => perCluster(emccClusters(lab),
  (c) => users(c).filter((u) => !u.emcc_enabled).map((u) => u.user_id),
  (c, bad) => cause('user.emccDisabled', { cluster: c.name, users: listOf(bad), count: bad.length }, fixOneOrList(c, 'endUser', bad)),
  (c) => ok('user.emccEnabledAll', { cluster: c.name }));

/** 12: EMCC users without a controlled device profile. */
export const emccUsersHaveProfiles: Check = (lab) => perCluster(emccClusters(lab),
  (c) => users(c).filter((u) => u.emcc_enabled && c.store.userProfiles(u.user_id).length === 0).map((u) => u.user_id),
  (c, bad) => cause('user.emccNoProfile', { cluster: c.name, users: listOf(bad), count: bad.length }, fixOneOrList(c, 'endUser', bad)),
  (c) => ok('user.emccProfilesAll', { cluster: c.name }));

/** 205: local users without a controlled device profile. */
export const usersHaveProfiles: Check = (lab) => perCluster(lab.clusters.filter((c) => c.store.phones().length > 0),
  (c) => users(c).filter((u) => c.store.userProfiles(u.user_id).length === 0).map((u) => u.user_id),
  (c, bad) => cause('user.noProfile', { cluster: c.name, users: listOf(bad), count: bad.length }, fixOneOrList(c, 'endUser', bad)),
  (c) => ok('user.profilesAll', { cluster: c.name }));

/** 41: "User Must Change at Next Login" set: the phone asks for a new PIN first. */
export const pinChangeRequired: Check = (lab) => perCluster(lab.clusters,
  (c) => users(c).filter((u) => u.must_change_pin).map((u) => u.user_id),
  (c, bad) => cause('user.mustChangePin', { cluster: c.name, users: listOf(bad), count: bad.length }, fixOneOrList(c, 'endUser', bad)),
  (c) => ok('user.noPinChange', { cluster: c.name }));

/** Extensions that are the primary extension of several users of a cluster. */
function sharedExtensions(c: Cluster): { dn: string; users: string[] }[] {
  const byDn = new Map<string, string[]>();
  for (const u of users(c)) if (u.primary_extension) byDn.set(u.primary_extension, [...(byDn.get(u.primary_extension) ?? []), u.user_id]);
  return [...byDn].filter(([, us]) => us.length > 1).map(([dn, us]) => ({ dn, users: us }));
}

/** The EM service URLs of a cluster that log in by extension (and the cluster understands loginType). */
const dnLogins = (c: Cluster) => (supportsLoginType(c.identity().version) ? emServiceUrls(c).filter((s) => s.loginType === 'DN') : []);

/** 216 (local) / 47 (EMCC): a login by extension names the primary extension of several users. */
export function sharedPrimaryExtensions(code: 216 | 47): Check {
  return (lab) => {
    const homes = code === 216
      ? lab.clusters.map((c) => ({ home: c, byDn: dnLogins(c).length > 0 }))
      : [...new Set(pairs(lab).map((p) => p.home))].map((home) => ({ home, byDn: pairs(lab).some((p) => p.home === home && dnLogins(p.visiting).length > 0) }));
    return homes.flatMap(({ home, byDn }) => {
      const shared = sharedExtensions(home);
      if (!shared.length) return [ok('user.extensionsUnique', { cluster: home.name })];
      return shared.map((s) => (byDn
        ? cause('user.extensionShared', { cluster: home.name, dn: s.dn, users: listOf(s.users) }, fixRecord(home, 'endUser'))
        : info('user.extensionSharedNoDnLogin', { cluster: home.name, dn: s.dn, users: listOf(s.users) }, fixRecord(home, 'endUser'))));
    });
  };
}

// --- application users (EM API) ---

/** 10: an EM API application user without Standard EM Authentication Proxy Rights. */
export const appUsersHaveProxyRights: Check = (lab) => lab.clusters.flatMap((c) => {
  const ids = c.admin.list('applicationUser').map((r) => String(r.userId));
  if (!ids.length) return [];
  const bad = ids.filter((id) => !c.store.appUser(id)?.em_proxy_rights);
  return [bad.length
    ? cause('appUser.noProxyRights', { cluster: c.name, users: listOf(bad), count: bad.length }, fixOneOrList(c, 'applicationUser', bad))
    : ok('appUser.proxyRightsAll', { cluster: c.name })];
});

// --- phones ---

/** 5 / 22: "Enable Extension Mobility" unchecked on a phone. */
export const phonesEmEnabled: Check = (lab) => perCluster(lab.clusters.filter((c) => c.store.phones().length > 0),
  (c) => c.store.phones().filter((p) => !p.em_enabled).map((p) => p.name),
  (c, bad) => cause('phone.emDisabled', { cluster: c.name, phones: listOf(bad), count: bad.length }, fixOneOrList(c, 'phone', bad)),
  (c) => ok('phone.emEnabledAll', { cluster: c.name }));

/** 20: a logout from a phone whose "Enable Extension Mobility" was unchecked while a user was logged in. */
export const loggedInPhonesEmEnabled: Check = (lab) => perCluster(lab.clusters.filter((c) => c.store.phones().length > 0),
  (c) => c.store.phones().filter((p) => !p.em_enabled && c.store.login(p.name)).map((p) => p.name),
  (c, bad) => cause('phone.emDisabledLoggedIn', { cluster: c.name, phones: listOf(bad), count: bad.length }, fixOneOrList(c, 'phone', bad)),
  (c) => ok('phone.loggedInEmEnabled', { cluster: c.name }));

/** 32: phones of a visiting cluster whose model does not support EMCC. */
export const phoneModelsSupportEmcc: Check = (lab) => perCluster(emccClusters(lab),
  (c) => c.store.phones().filter((p) => !phoneModel(p.model)?.supportsEmcc).map((p) => p.name),
  (c, bad) => {
    const models = [...new Set(bad.map((n) => c.store.phone(n)!.model))];
    return cause('phone.modelNoEmcc', { cluster: c.name, phones: listOf(bad), count: bad.length, models: models.join(', ') }, fixOneOrList(c, 'phone', bad));
  },
  (c) => ok('phone.modelsEmcc', { cluster: c.name }));

/**
 * 37: a visiting phone whose device name also exists in the home cluster. The phone on the desk
 * is the lab's phone of that name; the record of the other cluster is the one to remove.
 */
export const deviceNamesUnique: Check = (lab) => pairs(lab).map(({ visiting, home }) => {
  const onDesk = new Map(lab.snapshot().phones.map((p) => [p.deviceName.toUpperCase(), p.ownClusterId]));
  const both = visiting.store.phones().map((p) => p.name)
    .filter((n) => home.store.phone(n) && (onDesk.get(n.toUpperCase()) ?? visiting.identity().clusterId) === visiting.identity().clusterId);
  const p = { visiting: visiting.name, home: home.name };
  return both.length
    ? cause('phone.duplicateName', { ...p, phones: listOf(both), count: both.length }, fixOneOrList(home, 'phone', both))
    : ok('phone.namesUnique', p);
});

// --- the Extension Mobility service URL ---

/** 207: a URL without its device parameter (device=#DEVICENAME#) makes the phone ask the EM application without a device name. */
export const urlNamesDevice: Check = (lab) => lab.clusters.flatMap((c) => emServiceUrls(c).map((s) => (
  queryOf(s.url).get('device')?.trim()
    ? ok('service.namesDevice', { cluster: c.name, service: s.name })
    : cause('service.noDevice', { cluster: c.name, service: s.name }, fixRecord(c, 'phoneService', s.name)))));

/** 213: EMCC=true written into the URL (instead of #EMCC#) on phones whose model has no EMCC. */
export const urlEmccPlaceholder: Check = (lab) => lab.clusters.flatMap((c) => emServiceUrls(c).map((s) => {
  const p = { cluster: c.name, service: s.name };
  if (!/[?&]EMCC=true(&|$)/i.test(s.url)) return ok('service.emccPlaceholder', p);
  const old = s.phones.filter((n) => !phoneModel(c.store.phone(n)?.model ?? '')?.supportsEmcc);
  return old.length
    ? cause('service.emccTrue', { ...p, phones: listOf(old), count: old.length }, fixRecord(c, 'phoneService', s.name))
    : info('service.emccTrueHarmless', p, fixRecord(c, 'phoneService', s.name));
}));

/** 215: a loginType other than UID, SP or DN, on a cluster that reads loginType (12.0 and later). */
export const urlLoginTypeValid: Check = (lab) => lab.clusters.flatMap((c) => emServiceUrls(c).filter((s) => s.loginType !== null).map((s) => {
  const p = { cluster: c.name, service: s.name, loginType: s.loginType!, version: c.identity().version };
  if (!supportsLoginType(c.identity().version)) return info('service.loginTypeIgnored', p);
  return LOGIN_TYPES.includes(s.loginType!) ? ok('service.loginTypeValid', p) : cause('service.loginTypeInvalid', p, fixRecord(c, 'phoneService', s.name));
}));

/** 1 (seed table 5): a 12.0+ visiting cluster sends loginType to a home cluster of 11.5 or lower, which cannot parse it. */
export const loginTypeUnderstoodAtHome: Check = (lab) => pairs(lab).map(({ visiting, home }) => {
  const sent = supportsLoginType(visiting.identity().version) ? emServiceUrls(visiting).filter((s) => s.loginType !== null && LOGIN_TYPES.includes(s.loginType)) : [];
  const p = { visiting: visiting.name, home: home.name, visitingVersion: visiting.identity().version, homeVersion: home.identity().version };
  if (!sent.length || supportsLoginType(home.identity().version)) return ok('version.loginTypeUnderstood', p);
  return cause('version.loginTypeNotUnderstood', { ...p, service: sent[0]!.name, loginType: sent[0]!.loginType! }, fixRecord(visiting, 'phoneService', sent[0]!.name));
});

// --- EMCC devices of the home cluster ---

/** 33: every EMCC device of the home cluster is in use (or there is none). */
export const freeEmccDevice: Check = (lab) => [...new Set(pairs(lab).map((p) => p.home))].map((home) => {
  const total = home.store.emccDeviceCount();
  const p = { cluster: home.name, total };
  if (!total) return cause('emcc.noDevices', p, fixPage(home, 'bulkEmcc'));
  return home.store.freeEmccDevice() ? ok('emcc.deviceFree', p) : cause('emcc.allInUse', p, fixPage(home, 'bulkEmcc'));
});

/** 43: the EMCC device the next login takes has a secure device security profile. */
export const emccDeviceNonSecure: Check = (lab) => [...new Set(pairs(lab).map((p) => p.home))].flatMap((home) => {
  const next = home.store.freeEmccDevice();
  if (!next) return [];
  const template = home.store.setting('defaultEmccTemplate');
  const p = { cluster: home.name, device: next.name, template: template ?? '—' };
  if (next.security_mode === 'non-secure') return [ok('emcc.deviceNonSecure', p)];
  return [cause('emcc.deviceSecure', p, template ? fixRecord(home, 'emccTemplate', template) : fixPage(home, 'bulkEmcc'))];
});

// --- versions and security modes (seed tables 6-8) ---

/** 45 / 46: a secure phone of a mixed-mode visiting cluster, and a home cluster that cannot take it. */
export function secureLoginSupported(code: 45 | 46): Check {
  return (lab) => pairs(lab).map(({ visiting, home }) => {
    const v = visiting.identity();
    const h = home.identity();
    const p = { visiting: visiting.name, home: home.name, visitingVersion: v.version, visitingMode: v.securityMode, homeVersion: h.version, homeMode: h.securityMode };
    const outcome = emccSecurity({ homeVersion: h.version, homeMode: h.securityMode, visitingVersion: v.version, visitingMode: v.securityMode, phoneMode: 'secure' });
    const secure = visiting.store.phones().filter((ph) => ph.security_mode === 'secure').map((ph) => ph.name);
    if (outcome.ok || outcome.code !== code || !secure.length) return ok('security.supported', p);
    const withPhones = { ...p, phones: listOf(secure), count: secure.length };
    if (code === EmError.RemoteSecurityModeNotSupported) return cause('security.homeNonSecure', withPhones, fixPage(home, 'enterprise'));
    // Table 8 (home 8.x) is fixed at home; table 7 (visiting 8.x) at the visiting cluster.
    const older = h.version === '8.x' ? home : visiting;
    return cause('security.versionNotSupported', { ...withPhones, older: older.name }, fixPage(older, 'enterprise'));
  });
}

// --- service parameters ---

/** 25: Multiple Logins Not Allowed and a user already logged in: their next login is refused. */
export const multipleLogins: Check = (lab) => lab.clusters.map((c) => {
  const behavior = param(c, 'multipleLoginBehavior');
  if (behavior !== 'Multiple Logins Not Allowed') return ok('param.multipleLoginsAllowed', { cluster: c.name, behavior });
  const busy = loggedInUsers(c);
  return busy.length
    ? cause('param.multipleLoginsNotAllowed', { cluster: c.name, users: listOf(busy), count: busy.length }, fixPage(c, 'serviceParameters'))
    : info('param.multipleLoginsNotAllowedNobody', { cluster: c.name }, fixPage(c, 'serviceParameters'));
});

/** 26: Maximum Concurrent Requests below its default fills up with a few logins at once. */
export const concurrentRequests: Check = (lab) => lab.clusters.map((c) => {
  const value = Number(param(c, 'maxConcurrentRequests'));
  const def = Number(paramDefault('maxConcurrentRequests'));
  const p = { cluster: c.name, value, default: def };
  return value < def ? cause('param.maxConcurrentLow', p, fixPage(c, 'serviceParameters')) : ok('param.maxConcurrent', p);
});

/** 28: Validate IP Address True: EM API clients outside the Trusted List of IPs are refused. */
export const validateIp: Check = (lab) => lab.clusters.map((c) => (param(c, 'validateIpAddress') === 'true'
  ? cause('param.validateIpOn', { cluster: c.name, list: param(c, 'trustedListOfIps') || '—' }, fixPage(c, 'serviceParameters'))
  : ok('param.validateIpOff', { cluster: c.name })));

// --- current state ---

/** 18: phones a user is logged in to now (an EM API login on them is refused). */
export const currentLogins: Check = (lab) => lab.clusters.flatMap((c) => {
  const busy = c.store.phones().filter((p) => c.store.login(p.name)).map((p) => p.name);
  return busy.length ? [info('login.current', { cluster: c.name, phones: listOf(busy), count: busy.length })] : [ok('login.none', { cluster: c.name })];
});
