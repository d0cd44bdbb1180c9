/**
 * The EM service's XML, in and out: Cisco's EM API (request/query, response shapes of the EM API
 * reference), the EMApp's login/logout requests, and the EMCC messages clusters exchange
 * (emccRequest/emccResponse, as TechNote 214535 logs them). Parsing never throws: anything
 * unexpected comes back as a parse failure (error 1).
 */
import { buildXml, child, children, has, parseXml, text, attr, XmlError, type XmlNode } from '../../xml/xml';

export interface AppInfo {
  appId: string;
  appCertificate: string;
}

export type LoginType = 'UID' | 'SP' | 'DN';

export interface LoginRequest {
  type: 'login';
  app: AppInfo;
  deviceName: string;
  userId: string;
  /** PIN entered on the phone (EMApp requests only; EM API logins carry none). */
  credential?: string;
  loginType?: LoginType;
  deviceProfile?: string;
  /** Minutes, or 'indefinite'; absent means the service parameter's maximum login time. */
  exclusiveDuration?: number | 'indefinite';
  /** The new PIN of the change-credential screen (after error 41). EMApp requests only. */
  newCredential?: string;
  /** The EMApp lets the user pick among several device profiles: answer the list instead of picking the first. */
  offerProfiles?: boolean;
}

export interface LogoutRequest {
  type: 'logout';
  app: AppInfo;
  deviceName: string;
}

export interface DeviceUserQuery {
  type: 'deviceUserQuery';
  app: AppInfo;
  deviceNames: string[];
}

export interface UserDevicesQuery {
  type: 'userDevicesQuery';
  app: AppInfo;
  userIds: string[];
}

/** visiting -> home: who owns this user? */
export interface EmccCheckUser {
  type: 'emccCheckUser';
  clusterId: string;
  userId: string;
  loginType?: LoginType;
}

/** visiting -> home: log this user in on my phone. */
export interface EmccLogin {
  type: 'emccLogin';
  clusterId: string;
  deviceName: string;
  deviceModel: string;
  userId: string;
  credential: string;
  loginType?: LoginType;
  deviceProfile?: string;
  phoneSecurityMode: string;
  visitingVersion: string;
  visitingSecurityMode: string;
  newCredential?: string;
  offerProfiles?: boolean;
}

/** home -> visiting (or visiting -> home): this EMCC login has ended. */
export interface EmccLogout {
  type: 'emccLogout';
  clusterId: string;
  deviceName: string;
}

/** Expired EMCC device maintenance (visiting -> home): which of my phones are still logged in with you? */
export interface EmccDeviceStatus {
  type: 'emccDeviceStatus';
  clusterId: string;
  deviceNames: string[];
}

/** Remote cluster update: what version do you run and which services are active? */
export interface EmccClusterInfo {
  type: 'emccClusterInfo';
  clusterId: string;
}

export type EmRequest =
  | LoginRequest | LogoutRequest | DeviceUserQuery | UserDevicesQuery
  | EmccCheckUser | EmccLogin | EmccLogout | EmccClusterInfo | EmccDeviceStatus;

export type ParseResult = { ok: true; request: EmRequest } | { ok: false; code: 1 | 8; reason: string };

const LOGIN_TYPES: readonly string[] = ['UID', 'SP', 'DN'];

function req(node: XmlNode | undefined, tag: string): string {
  const v = text(child(node, tag));
  if (v === undefined || v === '') throw new XmlError(`<${tag}> is missing`);
  return v;
}

function opt(node: XmlNode | undefined, tag: string): string | undefined {
  const v = text(child(node, tag));
  return v === undefined || v === '' ? undefined : v;
}

function loginTypeOf(node: XmlNode | undefined): LoginType | undefined {
  const lt = opt(node, 'loginType');
  if (lt === undefined) return undefined;
  if (!LOGIN_TYPES.includes(lt)) throw new XmlError('loginType must be UID, SP or DN');
  return lt as LoginType;
}

function appInfo(root: XmlNode): AppInfo {
  const info = child(root, 'appInfo') as XmlNode | undefined;
  if (!info || typeof info !== 'object') throw new XmlError('<appInfo> is missing');
  return { appId: req(info, 'appID'), appCertificate: text(child(info, 'appCertificate')) ?? '' };
}

/**
 * Decode the `xml` form field of a POST to the EM service. `knowsLoginType` is false on clusters
 * older than 12.0, whose parser does not know the loginType element (seed table 5: error 1).
 */
export function parseEmRequest(xml: string, options: { knowsLoginType: boolean } = { knowsLoginType: true }): ParseResult {
  try {
    const doc = parseXml(xml);
    const roots = Object.keys(doc);
    if (roots.length !== 1) throw new XmlError('one root element expected');
    const rootName = roots[0]!;
    const root = doc[rootName] as XmlNode;
    if (typeof root !== 'object' || Array.isArray(root)) throw new XmlError(`<${rootName}> is empty`);
    if (rootName === 'request') {
      const app = appInfo(root);
      if (has(root, 'login')) {
        const l = child(root, 'login') as XmlNode;
        const duration = child(l, 'exclusiveDuration') as XmlNode | undefined;
        let exclusiveDuration: LoginRequest['exclusiveDuration'];
        if (duration !== undefined && typeof duration === 'object') {
          if (has(duration, 'indefinite')) exclusiveDuration = 'indefinite';
          else {
            const minutes = Number(req(duration, 'time'));
            if (!Number.isInteger(minutes) || minutes < 0) throw new XmlError('<time> must be whole minutes');
            exclusiveDuration = minutes;
          }
        }
        if (!options.knowsLoginType && has(l, 'loginType')) throw new XmlError('unexpected element <loginType>');
        return {
          ok: true,
          request: {
            type: 'login', app, deviceName: req(l, 'deviceName'), userId: req(l, 'userID'),
            credential: text(child(l, 'credential')), loginType: loginTypeOf(l), deviceProfile: opt(l, 'deviceProfile'), exclusiveDuration,
            newCredential: opt(l, 'newCredential'), offerProfiles: has(l, 'offerProfiles'),
          },
        };
      }
      if (has(root, 'logout')) {
        return { ok: true, request: { type: 'logout', app, deviceName: req(child(root, 'logout') as XmlNode, 'deviceName') } };
      }
      throw new XmlError('request has neither <login> nor <logout>');
    }
    if (rootName === 'query') {
      const app = appInfo(root);
      if (has(root, 'deviceUserQuery')) {
        const names = children(child(root, 'deviceUserQuery'), 'deviceName').map((n) => text(n) ?? '').filter(Boolean);
        if (names.length === 0) throw new XmlError('<deviceUserQuery> names no device');
        return { ok: true, request: { type: 'deviceUserQuery', app, deviceNames: names } };
      }
      if (has(root, 'userDevicesQuery')) {
        const ids = children(child(root, 'userDevicesQuery'), 'userID').map((n) => text(n) ?? '').filter(Boolean);
        if (ids.length === 0) throw new XmlError('<userDevicesQuery> names no user');
        return { ok: true, request: { type: 'userDevicesQuery', app, userIds: ids } };
      }
      return { ok: false, code: 8, reason: 'query type undetermined' };
    }
    if (rootName === 'emccRequest') {
      if (has(root, 'checkUser')) {
        const c = child(root, 'checkUser') as XmlNode;
        const id = attr(child(c, 'user'), 'id');
        if (!id) throw new XmlError('<user id> is missing');
        if (!options.knowsLoginType && has(c, 'loginType')) throw new XmlError('unexpected element <loginType>');
        return { ok: true, request: { type: 'emccCheckUser', clusterId: req(c, 'clusterId'), userId: id, loginType: loginTypeOf(c) } };
      }
      if (has(root, 'login')) {
        const l = child(root, 'login') as XmlNode;
        if (!options.knowsLoginType && has(l, 'loginType')) throw new XmlError('unexpected element <loginType>');
        return {
          ok: true,
          request: {
            type: 'emccLogin', clusterId: req(l, 'clusterId'), deviceName: req(l, 'deviceName'), deviceModel: req(l, 'deviceModel'),
            userId: req(l, 'userID'), credential: text(child(l, 'credential')) ?? '', loginType: loginTypeOf(l), deviceProfile: opt(l, 'deviceProfile'),
            phoneSecurityMode: req(l, 'phoneSecurityMode'), visitingVersion: req(l, 'visitingVersion'), visitingSecurityMode: req(l, 'visitingSecurityMode'),
            newCredential: opt(l, 'newCredential'), offerProfiles: has(l, 'offerProfiles'),
          },
        };
      }
      if (has(root, 'logout')) {
        const l = child(root, 'logout') as XmlNode;
        return { ok: true, request: { type: 'emccLogout', clusterId: req(l, 'clusterId'), deviceName: req(l, 'deviceName') } };
      }
      if (has(root, 'deviceStatus')) {
        const d = child(root, 'deviceStatus') as XmlNode;
        const names = children(d, 'deviceName').map((n) => text(n) ?? '').filter(Boolean);
        if (names.length === 0) throw new XmlError('<deviceStatus> names no device');
        return { ok: true, request: { type: 'emccDeviceStatus', clusterId: req(d, 'clusterId'), deviceNames: names } };
      }
      if (has(root, 'clusterInfo')) {
        return { ok: true, request: { type: 'emccClusterInfo', clusterId: req(child(root, 'clusterInfo') as XmlNode, 'clusterId') } };
      }
      throw new XmlError('unknown emccRequest');
    }
    throw new XmlError(`unknown root <${rootName}>`);
  } catch (e) {
    return { ok: false, code: 1, reason: e instanceof Error ? e.message : 'parse error' };
  }
}

// --- responses, in Cisco's shapes ---

export function successXml(): string {
  return buildXml({ response: { success: '' } });
}

/**
 * The profiles a user may pick from (EMApp only: a user controlling several device profiles picks
 * one on the phone before the login completes).
 */
export function profileChoiceXml(profiles: readonly string[]): string {
  return buildXml({ response: { deviceProfiles: { deviceProfile: [...profiles] } } });
}

export function failureXml(code: number, message: string): string {
  return buildXml({ response: { failure: { error: { '@code': String(code), '#text': message } } } });
}

export function deviceUserResultsXml(rows: { device: string; result: { userId: string } | 'none' | 'doesNotExist' }[]): string {
  return buildXml({
    response: {
      deviceUserResults: {
        device: rows.map((r) => ({
          '@name': r.device,
          ...(typeof r.result === 'object' ? { userID: r.result.userId } : { [r.result]: '' }),
        })),
      },
    },
  });
}

export function userDevicesResultsXml(rows: { userId: string; result: { devices: string[] } | 'none' | 'doesNotExist' }[]): string {
  return buildXml({
    response: {
      userDevicesResults: {
        user: rows.map((r) => ({
          '@id': r.userId,
          ...(typeof r.result === 'object' ? { deviceName: r.result.devices } : { [r.result]: '' }),
        })),
      },
    },
  });
}

/** What a request to the EM service came back with, as the EMApp or a peer cluster reads it. */
export type EmOutcome =
  | { ok: true; body: XmlNode }
  | { ok: false; code: number; message: string };

/** Read any EM service answer: a <failure> becomes its code; anything unreadable is code 1. */
export function parseEmResponse(xml: string): EmOutcome {
  try {
    const doc = parseXml(xml);
    const root = (doc.response ?? doc.emccResponse) as XmlNode | undefined;
    if (root === undefined || typeof root !== 'object') return { ok: false, code: 1, message: 'unexpected answer' };
    const failure = child(root, 'failure');
    if (failure !== undefined) {
      const err = child(failure, 'error');
      const code = Number(attr(err, 'code'));
      return { ok: false, code: Number.isInteger(code) ? code : 0, message: text(err) ?? '' };
    }
    return { ok: true, body: root };
  } catch {
    return { ok: false, code: 1, message: 'unparsable answer' };
  }
}

export function emccResponseXml(body: XmlNode): string {
  return buildXml({ emccResponse: body });
}

export function emccFailureXml(code: number, message: string): string {
  return buildXml({ emccResponse: { failure: { error: { '@code': String(code), '#text': message } } } });
}

/** Build the XML of a request (the EMApp and peer clusters send these). */
export function emRequestXml(r: EmRequest): string {
  switch (r.type) {
    case 'login':
      return buildXml({
        request: {
          appInfo: { appID: r.app.appId, appCertificate: r.app.appCertificate },
          login: {
            deviceName: r.deviceName, userID: r.userId,
            ...(r.credential !== undefined ? { credential: r.credential } : {}),
            ...(r.loginType ? { loginType: r.loginType } : {}),
            ...(r.deviceProfile ? { deviceProfile: r.deviceProfile } : {}),
            ...(r.exclusiveDuration !== undefined
              ? { exclusiveDuration: r.exclusiveDuration === 'indefinite' ? { indefinite: '' } : { time: String(r.exclusiveDuration) } }
              : {}),
            ...(r.newCredential ? { newCredential: r.newCredential } : {}),
            ...(r.offerProfiles ? { offerProfiles: '' } : {}),
          },
        },
      });
    case 'logout':
      return buildXml({ request: { appInfo: { appID: r.app.appId, appCertificate: r.app.appCertificate }, logout: { deviceName: r.deviceName } } });
    case 'deviceUserQuery':
      return buildXml({ query: { appInfo: { appID: r.app.appId, appCertificate: r.app.appCertificate }, deviceUserQuery: { deviceName: r.deviceNames } } });
    case 'userDevicesQuery':
      return buildXml({ query: { appInfo: { appID: r.app.appId, appCertificate: r.app.appCertificate }, userDevicesQuery: { userID: r.userIds } } });
    case 'emccCheckUser':
      return buildXml({ emccRequest: { checkUser: { clusterId: r.clusterId, user: { '@id': r.userId }, ...(r.loginType ? { loginType: r.loginType } : {}) } } });
    case 'emccLogin':
      return buildXml({
        emccRequest: {
          login: {
            clusterId: r.clusterId, deviceName: r.deviceName, deviceModel: r.deviceModel, userID: r.userId, credential: r.credential,
            ...(r.loginType ? { loginType: r.loginType } : {}),
            ...(r.deviceProfile ? { deviceProfile: r.deviceProfile } : {}),
            phoneSecurityMode: r.phoneSecurityMode, visitingVersion: r.visitingVersion, visitingSecurityMode: r.visitingSecurityMode,
            ...(r.newCredential ? { newCredential: r.newCredential } : {}),
            ...(r.offerProfiles ? { offerProfiles: '' } : {}),
          },
        },
      });
    case 'emccLogout':
      return buildXml({ emccRequest: { logout: { clusterId: r.clusterId, deviceName: r.deviceName } } });
    case 'emccClusterInfo':
      return buildXml({ emccRequest: { clusterInfo: { clusterId: r.clusterId } } });
    case 'emccDeviceStatus':
      return buildXml({ emccRequest: { deviceStatus: { clusterId: r.clusterId, deviceName: r.deviceNames } } });
  }
}

/** The form body of a POST to EMServiceServlet. */
export function emFormBody(xml: string): string {
  return new URLSearchParams({ xml }).toString();
}
