/**
 * The Cisco Extension Mobility service of one cluster: logs users in and out of its phones,
 * answers EM API queries, and plays both EMCC roles. As the visiting cluster it finds a user's
 * home cluster and forwards the login there; as the home cluster it authenticates the user and
 * binds one of its EMCC devices to the visiting phone. Peers are reached only over the network.
 *
 * Every request is decided by named rules, in the order a real EM service applies them; the
 * first that refuses gives the code of the guide (tables 9 and 10), and the trace says which
 * rule it was. Nothing is written until every rule has passed, so a refusal changes nothing.
 */
import { EmError, emServiceMessage } from '../../../shared/errors/error-catalogue';
import { phoneModel } from '../../../shared/phone-models';
import { supportsLoginType } from '../../../shared/cluster-versions';
import { durationMinutes, type EmServiceParamKey } from '../../../shared/parameters';
import type { Clock } from '../../clock/lab-clock';
import { NetError, type HttpClient } from '../../net/lab-network';
import { child, children, has, text, type XmlNode } from '../../xml/xml';
import type { FaultView } from '../fault-view';
import type { ClusterIdentity } from '../cluster-identity';
import { INTERNAL_APP_USER } from '../cluster-identity';
import {
  emFormBody, emRequestXml, emccFailureXml, emccResponseXml, failureXml, parseEmRequest, parseEmResponse, successXml,
  deviceUserResultsXml, profileChoiceXml, userDevicesResultsXml,
  type EmRequest, type EmccCheckUser, type EmccLogin, type EmccLogout, type LoginRequest, type LogoutRequest, type LoginType,
} from './em-xml';
import { EmCache, PIN_PATTERN, Refusal, RequestGate, emServiceParameter, maskSecrets, refuse } from './em-support';
import { emccSecurity } from './emcc-security';
import type { ClusterStore, EmccDeviceRow, LoginRow, UserRow } from '../store/cluster-store';

export interface EmServiceDeps {
  store: ClusterStore;
  clock: Clock;
  /** This cluster's way onto the lab network. */
  net: HttpClient;
  identity(): ClusterIdentity;
  /** Ask the cluster's CallManager to reset a phone (it re-reads its TFTP configuration). */
  resetPhone(deviceName: string): void;
  /** This cluster's trust decision on a peer's HTTPS certificate (null: trusted). */
  verifyPeer(der: Buffer, host: string): string | null;
  /** The cluster's trace (PINs are masked before anything reaches it). */
  trace(text: string): void;
  faults: FaultView;
  /** The lab cluster a host name belongs to, if it is a lab node. */
  clusterOfHost(host: string): string | undefined;
}

/** Who sent a request, as the node's HTTP server saw it. */
export interface EmRequestContext {
  /** Host of the node whose EM service was asked (Maximum Concurrent Requests is per node). */
  node: string;
  /** The Via header, when the request came through a proxy. */
  via?: string;
  /** The lab cluster whose node sent the request (lab-internal traffic); undefined for outside clients. */
  fromCluster?: string;
  /** The client's address as the server saw it. */
  address: string;
}

/** Path of the EM service on every node. */
export const EM_SERVICE_PATH = '/emservice/EMServiceServlet';

/** This cluster's own EM service as its EMApp calls it (inside the cluster, plain HTTP on 8080). */
export function localEmServiceUrl(host: string): string {
  return `http://${host}:8080${EM_SERVICE_PATH}`;
}

/** A peer's EM service: HTTPS on 8443, which the lab network maps to the node's TLS server. */
export function emServiceUrl(host: string): string {
  return `https://${host}:8443${EM_SERVICE_PATH}`;
}

/** How long a cluster waits for another cluster's EM service to answer before giving up (40). */
export const EMCC_ANSWER_TIMEOUT_MS = 30_000;
/** EMCC logins the expired device maintenance checks per request to a home cluster. */
const SWEEP_PAGE = 200;
/** Changes a scheduler run lists one by one; more are counted. */
const LISTED_CHANGES = 20;

type PeerAnswer = { ok: true; body: XmlNode } | { ok: false; code: number; why: string };

export class EmService {
  private readonly gate = new RequestGate();
  private readonly cache: EmCache;
  /**
   * Logins in progress here, by phone (device name, upper case). An EMCC login waits for the home
   * cluster between its checks and its record; a second login on the same phone meanwhile would
   * pass the same checks and make the home bind the phone twice over. So logins on one phone take
   * turns, as the device's row lock makes them on a real Unified CM: the second is judged once the
   * first is done (and gets 18 if the first logged a user in).
   */
  private readonly loginsInProgress = new Map<string, Promise<unknown>>();
  private expiryTimer: ReturnType<Clock['setTimer']> | undefined;
  private expiryDue: number | undefined;

  constructor(private readonly deps: EmServiceDeps) {
    this.cache = new EmCache(deps.clock);
  }

  /** Answer one POSTed `xml` form field with the response XML. */
  async handle(xml: string, ctx: EmRequestContext): Promise<string> {
    const where = `EM service ${ctx.node}`;
    const failure = (code: number) => {
      const answer = xml.includes('<emccRequest') ? emccFailureXml(code, emServiceMessage(code)) : failureXml(code, emServiceMessage(code));
      this.trace(`${where} -> ${answer}`);
      return answer;
    };
    if (!this.gate.tryEnter(ctx.node, this.intParam('maxConcurrentRequests'))) {
      this.trace(`${where}: busy, ${this.gate.count(ctx.node)} requests in progress (Maximum Concurrent Requests) -> 26`);
      return failure(EmError.Busy);
    }
    try {
      this.trace(`${where} <- ${ctx.fromCluster ? `cluster ${ctx.fromCluster}` : ctx.address}${ctx.via ? ` via ${ctx.via}` : ''}: ${clip(maskSecrets(xml))}`);
      const parsed = parseEmRequest(xml, { knowsLoginType: supportsLoginType(this.deps.identity().version) });
      if (!parsed.ok) {
        this.trace(`${where}: cannot parse the request (${parsed.reason}) -> ${parsed.code}`);
        return failure(parsed.code);
      }
      const answer = await this.decide(parsed.request, ctx);
      this.trace(`${where} -> ${clip(maskSecrets(answer))}`);
      return answer;
    } catch (e) {
      if (e instanceof Refusal) {
        this.trace(`${where}: ${e.rule} -> ${e.code}`);
        return failure(e.code);
      }
      // A database exception while serving the request (guide: error 6).
      this.trace(`${where}: database exception (${e instanceof Error ? e.message : String(e)}) -> 6`);
      return failure(EmError.Database);
    } finally {
      this.gate.leave(ctx.node);
    }
  }

  private async decide(r: EmRequest, ctx: EmRequestContext): Promise<string> {
    this.outsideFaults(r);
    switch (r.type) {
      case 'login':
      case 'logout':
      case 'deviceUserQuery':
      case 'userDevicesQuery': {
        this.checkAppUser(r.app.appId, r.app.appCertificate, r.type === 'login' || r.type === 'logout');
        if (r.type === 'deviceUserQuery') return this.deviceUserQuery(r.deviceNames);
        if (r.type === 'userDevicesQuery') return this.userDevicesQuery(r.userIds);
        if (ctx.via && !this.boolParam('allowProxy')) refuse(EmError.ProxyNotAllowed, `request came through a proxy (Via: ${ctx.via}) and Allow Proxy is False`);
        this.checkSourceIp(ctx);
        if (this.deps.faults.cluster('emCache')) refuse(EmError.PolicyValidation, 'the EM cache cannot be read to validate the request (fault)');
        if (r.type === 'login') return this.login(r);
        return this.logout(r);
      }
      case 'emccCheckUser':
      case 'emccLogin':
      case 'emccClusterInfo':
      case 'emccDeviceStatus':
      case 'emccLogout': {
        if (ctx.via && !this.boolParam('emccAllowProxy')) refuse(EmError.ProxyNotAllowed, `EMCC request came through a proxy (Via: ${ctx.via}) and EMCC Allow Proxy is False`);
        if (r.type === 'emccLogout') return this.visitingLogoutNotice(r);
        this.checkRequestingCluster(r.clusterId, ctx);
        if (r.type === 'emccClusterInfo') return this.clusterInfo();
        if (r.type === 'emccDeviceStatus') {
          const still = r.deviceNames.filter((d) => this.deps.store.emccDeviceBoundTo(d)?.visiting_cluster === r.clusterId);
          return emccResponseXml({ deviceStatus: { loggedIn: still } });
        }
        if (r.type === 'emccCheckUser') return this.homeCheckUser(r);
        return this.homeLogin(r);
      }
    }
  }

  /** Faults outside the EM service, switched on from the lab (shared/faults.ts). */
  private outsideFaults(r: EmRequest): void {
    const { faults } = this.deps;
    if (faults.cluster('unknown')) refuse(EmError.Unknown, 'the EM service failed for an unknown reason (fault)');
    if (faults.cluster('database')) refuse(EmError.Database, `the database threw while serving ${r.type} (fault)`);
    if (faults.cluster('ris') && (r.type === 'login' || r.type === 'logout')) refuse(EmError.RisDown, 'the RIS Data Collector cache is not available (fault)');
  }

  // --- parameters ---

  private param(key: EmServiceParamKey): string {
    return emServiceParameter(this.deps.store, key);
  }

  private intParam(key: 'maxConcurrentRequests' | 'cacheSize'): number {
    return Number(this.param(key));
  }

  private boolParam(key: 'allowProxy' | 'emccAllowProxy' | 'validateIpAddress' | 'enforceIntraClusterMaxLoginTime'): boolean {
    return this.param(key) === 'true';
  }

  /** Lab time a new login ends by itself, from a maximum login time parameter (0:00: never). */
  private expiryFrom(key: 'intraClusterMaxLoginTime' | 'interClusterMaxLoginTime'): number | null {
    const minutes = durationMinutes(this.param(key));
    return minutes > 0 ? this.deps.clock.now() + minutes * 60_000 : null;
  }

  // --- who may ask ---

  /** appID / appCertificate: the EMApp's CCMSysUser, or an application user of the EM API. */
  private checkAppUser(appId: string, certificate: string, needsProxyRights: boolean): void {
    if (appId === INTERNAL_APP_USER) {
      if (certificate !== this.deps.store.setting('internalAppCertificate')) refuse(EmError.InvalidAppUser, `wrong password for application user ${appId}`);
      return; // CCMSysUser has administrator rights by default (guide, code 10).
    }
    const app = this.deps.store.appUser(appId);
    if (!app || app.password !== certificate) refuse(EmError.InvalidAppUser, `application user ${appId} does not exist or its password is wrong`);
    if (needsProxyRights && !app.em_proxy_rights) refuse(EmError.NoProxyRights, `application user ${appId} lacks Standard EM Authentication Proxy Rights`);
  }

  /**
   * Validate IP Address: the source must be in the Trusted List of IPs. The cluster's own nodes
   * (its EMApps, which forward the phones' requests) are always trusted, as Unified CM trusts
   * its own servers.
   */
  private checkSourceIp(ctx: EmRequestContext): void {
    if (!this.boolParam('validateIpAddress')) return;
    if (ctx.fromCluster !== undefined && ctx.fromCluster === this.deps.identity().name) return;
    const trusted = this.param('trustedListOfIps').split(';').map((s) => s.trim().toLowerCase()).filter(Boolean);
    const address = ctx.address.replace(/^::ffff:/, '').toLowerCase();
    if (!trusted.includes(address)) refuse(EmError.UntrustedIp, `Validate IP Address is True and ${address} is not in the Trusted List of IPs`);
  }

  // --- login on one of this cluster's phones ---

  private async login(r: LoginRequest): Promise<string> {
    const { store } = this.deps;
    const viaPhone = r.app.appId === INTERNAL_APP_USER;
    const phone = store.phone(r.deviceName);
    if (!phone) refuse(EmError.DeviceNotExist, `device ${r.deviceName} is not in the device table`);
    if (this.deps.faults.cluster('deviceState')) refuse(EmError.HotelingStatus, `the login state of ${phone.name} cannot be read (fault)`);
    if (!phone.em_enabled) {
      // The guide names 5 for a login from the phone and 22 for one through the EM API.
      if (viaPhone) refuse(EmError.DeviceLogonDisabled, `Enable Extension Mobility is unchecked on ${phone.name}`);
      refuse(EmError.DeviceLogonDisabledService, `Enable Extension Mobility is unchecked on ${phone.name} (EM API login)`);
    }
    return this.takingTurns(phone.name.toUpperCase(), async () => {
      if (store.login(phone.name)) refuse(EmError.AnotherUserLoggedIn, `another user is logged in on ${phone.name}`);
      const user = this.findUser(r.userId, r.loginType, 'intra');
      if (user) return this.localLogin(r, phone.name, user, viaPhone);
      if (r.credential === undefined) refuse(EmError.UserNotExist, `user ${r.userId} is not in this cluster (an EM API login cannot reach other clusters)`);
      return this.emccLogin(r, phone.name, phone.model, phone.security_mode);
    });
  }

  /** Run `fn` once every login in progress on the same phone (`key`) is done. */
  private async takingTurns<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const before = this.loginsInProgress.get(key);
    const run = before ? before.then(fn) : fn();
    const done = run.then(() => undefined, () => undefined);
    this.loginsInProgress.set(key, done);
    try {
      return await run;
    } finally {
      if (this.loginsInProgress.get(key) === done) this.loginsInProgress.delete(key);
    }
  }

  /** Find a user by the credential the login type asks for; undefined if there is none. */
  private findUser(id: string, loginType: LoginType | undefined, path: 'intra' | 'emcc'): UserRow | undefined {
    const { store } = this.deps;
    if (loginType === 'DN') {
      const users = store.usersByPrimaryExtension(id);
      if (users.length > 1) {
        refuse(path === 'intra' ? EmError.DnMultipleUsers : EmError.EmccDnMultipleUsers, `extension ${id} is the primary extension of ${users.length} users`);
      }
      return users[0];
    }
    if (loginType === 'SP') return store.usersBySelfServiceId(id)[0];
    return store.user(id);
  }

  /** The directory (IMS) checks the PIN; the cache still accepts a PIN it saw in the last 2 minutes. */
  private authenticate(user: UserRow, pin: string, wrongPin: number, directoryError: number): void {
    if (this.deps.faults.cluster('directory')) refuse(directoryError, `IMS threw while authenticating ${user.user_id} (fault)`);
    if (pin !== user.pin && !this.cache.holds(user.user_id, pin)) refuse(wrongPin, `wrong PIN for ${user.user_id}`);
  }

  /** "User Must Change at Next Login": 41 until the change-credential screen sends a valid new PIN. */
  private pinChange(user: UserRow, newPin: string | undefined): string | undefined {
    if (!user.must_change_pin) return undefined;
    if (newPin === undefined) refuse(EmError.PinChangeRequired, `${user.user_id} must change the PIN at this login`);
    if (!PIN_PATTERN.test(newPin)) refuse(EmError.PinChangeRequired, `the new PIN of ${user.user_id} is not 4 to 128 digits`);
    return newPin;
  }

  /**
   * The profile the login uses: the requested one; else, when the user controls several and the
   * phone can ask, the user's pick (the default profile offered first); else the default profile,
   * or the first.
   */
  private pickProfile(user: UserRow, requested: string | undefined, offer: boolean, none: number): { profile: string } | { choose: string[] } {
    const profiles = this.deps.store.userProfiles(user.user_id);
    if (requested !== undefined) {
      const match = profiles.find((p) => p.toLowerCase() === requested.toLowerCase());
      if (!match) refuse(EmError.DeviceProfileNotFound, `${user.user_id} controls no device profile ${requested}`);
      return { profile: match };
    }
    if (profiles.length === 0) refuse(none, `${user.user_id} controls no device profile`);
    const preferred = profiles.find((p) => p.toLowerCase() === user.default_profile?.toLowerCase());
    if (profiles.length > 1 && offer) return { choose: preferred ? [preferred, ...profiles.filter((p) => p !== preferred)] : profiles };
    return { profile: preferred ?? profiles[0]! };
  }

  private localLogin(r: LoginRequest, device: string, user: UserRow, viaPhone: boolean): string {
    const { store, clock } = this.deps;
    if (viaPhone) {
      // The EM application's authentication: a wrong PIN is 201, a directory failure 204.
      this.authenticate(user, r.credential ?? '', EmError.AuthenticationError, EmError.DirectoryServer);
    }
    const newPin = viaPhone ? this.pinChange(user, r.newCredential) : undefined;
    const pick = this.pickProfile(user, r.deviceProfile, !!r.offerProfiles, EmError.UserProfileAbsent);
    if ('choose' in pick) {
      this.trace(`EM service: ${user.user_id} controls ${pick.choose.length} device profiles; the phone offers them`);
      return profileChoiceXml(pick.choose);
    }
    const behavior = this.param('multipleLoginBehavior');
    const elsewhere = [...store.loginsOfUser(user.user_id).map((l) => l.device), ...store.emccDevicesOfUser(user.user_id).map((d) => d.bound_device!).filter(Boolean)];
    if (elsewhere.length > 0 && behavior === 'Multiple Logins Not Allowed') {
      refuse(EmError.MultiLoginNotAllowed, `${user.user_id} is already logged in on ${elsewhere.join(', ')} and Multiple Login Behavior is Not Allowed`);
    }
    const expiresAt = r.exclusiveDuration === 'indefinite'
      ? null
      : r.exclusiveDuration !== undefined
        ? clock.now() + r.exclusiveDuration * 60_000
        : this.boolParam('enforceIntraClusterMaxLoginTime') ? this.expiryFrom('intraClusterMaxLoginTime') : null;
    const autoLogout = behavior === 'Auto Logout' ? elsewhere : [];
    store.transaction(() => {
      if (newPin) store.setUserPin(user.user_id, newPin);
      for (const d of autoLogout) {
        store.removeLogin(d);
        store.releaseEmccDevice(d);
      }
      store.recordLogin({ device, user_id: user.user_id, profile: pick.profile, kind: 'local', home_cluster: null, home_tftp: null, login_at: clock.now(), expires_at: expiresAt });
      store.setLastUser(device, r.userId);
    });
    // Only a PIN the directory vouched for enters the cache; one the cache accepted keeps its age.
    if (viaPhone && (newPin !== undefined || r.credential === user.pin)) this.cache.remember(user.user_id, newPin ?? r.credential ?? '', this.intParam('cacheSize'));
    for (const d of autoLogout) {
      this.trace(`EM service: Auto Logout of ${user.user_id} from ${d}`);
      this.deps.resetPhone(d);
    }
    this.trace(`EM service: ${user.user_id} logged in on ${device} with ${pick.profile}${expiresAt ? ` until ${new Date(expiresAt).toISOString()}` : ''}`);
    this.deps.resetPhone(device);
    this.armExpiry();
    return successXml();
  }

  /** Visiting side: the user is not ours, so find the home cluster and log in there. */
  private async emccLogin(r: LoginRequest, device: string, model: string, phoneSecurity: string): Promise<string> {
    const { store } = this.deps;
    const me = this.deps.identity();
    if (!phoneModel(model)?.supportsEmcc) refuse(EmError.DeviceModelNoEmcc, `model ${model} of ${device} does not support EMCC`);
    const remotes = store.remoteClusters();
    if (remotes.length === 0) refuse(EmError.NoRemoteCluster, 'no remote cluster is configured');
    const isp = store.serviceProfile();
    if (!isp.emcc_active) refuse(EmError.AuthenticationError, 'EMCC is not active in the Intercluster Service Profile of this (visiting) cluster');
    if (!isp.pstn_active) refuse(EmError.EmccNotActivated, 'PSTN Access is not active in the Intercluster Service Profile of this (visiting) cluster');

    let unreachable: string | undefined;
    let noResponse = false;
    let badClusterId: string | undefined;
    let home: { host: string; clusterId: string } | undefined;
    for (const remote of remotes) {
      // Only clusters whose EMCC service is activated here and was reported active by the
      // last remote cluster update are asked (guide: "Login is unavailable" until the next update).
      if (remote.update_error === EmError.InvalidClusterId) {
        badClusterId = remote.cluster_id;
        continue;
      }
      if (!remote.emcc_enabled || !remote.remote_emcc_activated) {
        unreachable ??= `remote cluster ${remote.cluster_id}: EMCC ${remote.emcc_enabled ? 'not reported active by its last update' : 'not enabled here'}`;
        continue;
      }
      const answer = await this.ask(remote.fqdn, { type: 'emccCheckUser', clusterId: me.clusterId, userId: r.userId, loginType: r.loginType });
      if (!answer.ok) {
        if (answer.code === EmError.EmServiceConnection) unreachable = `${remote.cluster_id}: ${answer.why}`;
        else if (answer.code === EmError.NoResponseFromRemote) noResponse = true;
        else if (answer.code !== EmError.UserNotExist) refuse(answer.code, `home candidate ${remote.cluster_id} refused the user check`);
        continue;
      }
      const checked = child(answer.body, 'checkUser');
      const answeredId = text(child(checked, 'clusterId'));
      if (answeredId !== undefined && answeredId !== remote.cluster_id) {
        refuse(EmError.InvalidClusterId, `${remote.fqdn} answered as cluster ${answeredId}, but its remote cluster entry says ${remote.cluster_id}`);
      }
      if (has(child(checked, 'user'), 'exists')) {
        home = { host: remote.fqdn, clusterId: remote.cluster_id };
        break;
      }
    }
    if (!home) {
      if (noResponse) refuse(EmError.NoResponseFromRemote, 'a remote cluster did not answer in time');
      if (unreachable) refuse(EmError.EmServiceConnection, `no home cluster could be asked (${unreachable})`);
      if (badClusterId) refuse(EmError.ClusterIdInvalid, `the last remote cluster update of ${badClusterId} found another cluster ID there`);
      refuse(EmError.UserNotExist, `no remote cluster knows ${r.userId}`);
    }

    const answer = await this.ask(home.host, {
      type: 'emccLogin', clusterId: me.clusterId, deviceName: device, deviceModel: model, userId: r.userId,
      credential: r.credential ?? '', loginType: r.loginType, deviceProfile: r.deviceProfile,
      phoneSecurityMode: phoneSecurity, visitingVersion: me.version, visitingSecurityMode: me.securityMode,
      newCredential: r.newCredential, offerProfiles: r.offerProfiles,
    });
    if (!answer.ok) refuse(answer.code, `home cluster ${home.clusterId} refused the login${answer.why ? ` (${answer.why})` : ''}`);
    const login = child(answer.body, 'login');
    const choose = child(login, 'chooseProfile');
    if (choose !== undefined) {
      const profiles = children(choose, 'deviceProfile').map((p) => text(p) ?? '').filter(Boolean);
      this.trace(`EM service: home cluster ${home.clusterId} offers ${profiles.length} device profiles of ${r.userId}`);
      return profileChoiceXml(profiles);
    }
    const security = text(child(login, 'emccSecurity')) ?? 'non-secure';
    store.transaction(() => {
      store.recordLogin({
        device, user_id: text(child(login, 'userID')) ?? r.userId, profile: text(child(login, 'deviceProfile')) ?? null,
        kind: 'emcc', home_cluster: home.clusterId, home_tftp: text(child(login, 'tftp')) ?? null, login_at: this.deps.clock.now(), emcc_security: security,
      });
      store.setLastUser(device, r.userId);
    });
    this.trace(`EM service: ${r.userId} of ${home.clusterId} logged in on ${device} (${security} EMCC); the phone resets to its home TFTP`);
    this.deps.resetPhone(device);
    return successXml();
  }

  /** Send an EMCC request to a peer's EM service: no connection is 208, no answer in time 40. */
  private async ask(host: string, request: EmRequest): Promise<PeerAnswer> {
    try {
      const res = await this.deps.net.request({
        method: 'POST',
        url: emServiceUrl(host),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: emFormBody(emRequestXml(request)),
        verifyPeer: this.deps.verifyPeer,
        timeoutMs: EMCC_ANSWER_TIMEOUT_MS,
      });
      if (res.status !== 200) {
        this.trace(`EM service: ${request.type} to ${host} answered HTTP ${res.status}`);
        return { ok: false, code: EmError.EmServiceConnection, why: `${host} answered HTTP ${res.status}` };
      }
      const outcome = parseEmResponse(res.body);
      return outcome.ok ? { ok: true, body: outcome.body } : { ok: false, code: outcome.code, why: outcome.message };
    } catch (e) {
      const why = e instanceof NetError && e.failure === 'untrusted' ? `TLS: ${e.message}` : e instanceof Error ? e.message : String(e);
      this.trace(`EM service: ${request.type} to ${host} failed (${why})`);
      const silent = e instanceof NetError && e.failure === 'timeout';
      return { ok: false, code: silent ? EmError.NoResponseFromRemote : EmError.EmServiceConnection, why };
    }
  }

  // --- home side of EMCC ---

  /**
   * Who is asking: 35 when we have no remote cluster of that ID; 44 (an internal configuration
   * error) when the ID is our own, or when our entry of that ID names a host that is not the
   * requesting cluster's (the entry's Fully Qualified Name points elsewhere).
   */
  private checkRequestingCluster(clusterId: string, ctx: EmRequestContext): void {
    const { store } = this.deps;
    if (clusterId === this.deps.identity().clusterId) refuse(EmError.ConfigInvalidClusterId, `the requesting cluster has this cluster's own Cluster ID ${clusterId}`);
    const entry = store.remoteCluster(clusterId);
    if (!entry) refuse(EmError.VisitingClusterUnknown, `cluster ${clusterId} is not a remote cluster of this (home) cluster`);
    if (ctx.fromCluster !== undefined && this.deps.clusterOfHost(entry.fqdn) !== ctx.fromCluster) {
      refuse(EmError.ConfigInvalidClusterId, `the remote cluster ${clusterId} of this cluster names ${entry.fqdn}, which is not a node of the requesting cluster`);
    }
  }

  private homeAllowsEmcc(): void {
    if (!this.deps.store.serviceProfile().emcc_active) refuse(EmError.EmccNotAllowed, 'EMCC is not active in the Intercluster Service Profile of this (home) cluster');
  }

  private homeCheckUser(r: EmccCheckUser): string {
    this.homeAllowsEmcc();
    const user = this.findUser(r.userId, r.loginType, 'emcc');
    const clusterId = this.deps.identity().clusterId;
    if (!user) {
      return emccResponseXml({ checkUser: { clusterId, user: { '@id': r.userId, numProfiles: '0', doesNotExist: '' } } });
    }
    const profiles = this.deps.store.userProfiles(user.user_id);
    const numbered = Object.fromEntries(profiles.map((p, i) => [`deviceProfile${i + 1}`, p]));
    return emccResponseXml({ checkUser: { clusterId, user: { '@id': r.userId, numProfiles: String(profiles.length), exists: '', ...numbered } } });
  }

  private homeLogin(r: EmccLogin): string {
    const { store, clock } = this.deps;
    const me = this.deps.identity();
    this.homeAllowsEmcc();
    const user = this.findUser(r.userId, r.loginType, 'emcc');
    if (!user) refuse(EmError.UserNotExist, `user ${r.userId} does not exist here`);
    if (!user.emcc_enabled) refuse(EmError.EmccNotActivatedForUser, `Enable Extension Mobility Cross Cluster is unchecked for ${user.user_id}`);
    this.authenticate(user, r.credential, EmError.EmccAuthentication, EmError.DirectoryUserInfo);
    const newPin = this.pinChange(user, r.newCredential);
    const pick = this.pickProfile(user, r.deviceProfile, !!r.offerProfiles, EmError.DeviceProfileNotFound);
    if ('choose' in pick) return emccResponseXml({ login: { chooseProfile: { deviceProfile: pick.choose } } });
    if (store.phone(r.deviceName)) refuse(EmError.DuplicateDeviceName, `a phone named ${r.deviceName} exists in this (home) cluster too`);
    const security = emccSecurity({
      homeVersion: me.version, homeMode: me.securityMode, visitingVersion: r.visitingVersion, visitingMode: r.visitingSecurityMode, phoneMode: r.phoneSecurityMode,
    });
    if (!security.ok) refuse(security.code, security.rule);
    const tftp = store.featureParameter('defaultTftpServer') || store.featureParameter('backupTftpServer');
    if (!tftp) refuse(EmError.TftpNotConfigured, 'neither a default nor a backup TFTP server for EMCC login devices is set');
    const stale = this.staleBinding(r);
    const free = stale ?? store.freeEmccDevice();
    if (!free) refuse(EmError.NoFreeEmccDevice, 'every EMCC device is in use');
    if (free.security_mode !== 'non-secure') refuse(EmError.DeviceSecurityMode, `EMCC device ${free.name} has a ${free.security_mode} device security profile; it must be Non Secure`);
    const expiresAt = this.expiryFrom('interClusterMaxLoginTime');
    const bound = store.transaction(() => {
      if (newPin) store.setUserPin(user.user_id, newPin);
      if (stale) store.releaseEmccDevice(r.deviceName);
      return store.bindEmccDevice(free.name, {
        device: r.deviceName, userId: user.user_id, profile: pick.profile, visitingCluster: r.clusterId, at: clock.now(), expiresAt, security: security.state,
      });
    });
    if (!bound) refuse(EmError.NoFreeEmccDevice, 'the last free EMCC device was just taken');
    if (stale) {
      this.trace(`EM service: ${r.deviceName} was still bound to ${stale.name} for ${stale.user_id ?? 'an EMCC user'}, a login cluster ${r.clusterId} no longer records; the new login replaces it`);
      // Had the phone stayed registered here with the old profile, it now fetches the new one.
      this.deps.resetPhone(r.deviceName);
    }
    if (newPin !== undefined || r.credential === user.pin) this.cache.remember(user.user_id, newPin ?? r.credential, this.intParam('cacheSize'));
    this.trace(`EM service: ${user.user_id} bound to ${free.name} for ${r.deviceName} of cluster ${r.clusterId} (${security.state} EMCC)`);
    this.armExpiry();
    return emccResponseXml({
      login: {
        success: '', userID: user.user_id, deviceProfile: pick.profile, emccDevice: free.name, tftp, emccSecurity: security.state,
        ...(store.featureParameter('backupTftpServer') ? { backupTftp: store.featureParameter('backupTftpServer')! } : {}),
      },
    });
  }

  /**
   * Home side: the EMCC device still bound to the phone a visiting cluster logs in now, if any.
   * The visiting cluster forwards a login only for a phone it records no login on (it answers 18
   * itself otherwise), so a binding it asked for earlier is one it has lost: its Phone page's Log
   * Out or an EM API logout there clean up only its own database (guide, section 6), or the lab
   * stopped after this cluster bound the device and before the visiting cluster recorded the
   * login. The Inter-cluster Maximum Login Time would end it; until then the phone could not log
   * in through EMCC at all (its name cannot be bound twice), so the new login, which the visiting
   * cluster that owns the phone vouches for, replaces it. A phone of the same name bound for
   * another visiting cluster is a login this cluster cannot judge: 18.
   */
  private staleBinding(r: EmccLogin): EmccDeviceRow | undefined {
    const bound = this.deps.store.emccDeviceBoundTo(r.deviceName);
    if (bound && bound.visiting_cluster !== r.clusterId) {
      refuse(EmError.AnotherUserLoggedIn, `${r.deviceName} is logged in through EMCC from cluster ${bound.visiting_cluster ?? '?'}`);
    }
    return bound;
  }

  /** Visiting side: the home cluster says an EMCC login of one of our phones has ended. */
  private visitingLogoutNotice(r: EmccLogout): string {
    const { store } = this.deps;
    const login = store.login(r.deviceName);
    if (!login || login.kind !== 'emcc' || login.home_cluster !== r.clusterId) {
      refuse(EmError.NoUserLoggedIn, `no EMCC login of cluster ${r.clusterId} on ${r.deviceName}`);
    }
    store.removeLogin(r.deviceName);
    return emccResponseXml({ logout: { success: '' } });
  }

  private clusterInfo(): string {
    const me = this.deps.identity();
    const isp = this.deps.store.serviceProfile();
    return emccResponseXml({
      clusterInfo: {
        clusterId: me.clusterId, version: me.version, securityMode: me.securityMode,
        services: { emcc: String(!!isp.emcc_active), pstn: String(!!isp.pstn_active), rsvp: String(!!isp.rsvp_active) },
      },
    });
  }

  // --- logout ---

  private async logout(r: LogoutRequest): Promise<string> {
    const { store } = this.deps;
    if (this.deps.faults.cluster('deviceState')) refuse(EmError.HotelingStatus, `the login state of ${r.deviceName} cannot be read (fault)`);
    if (store.emccDeviceBoundTo(r.deviceName)) {
      await this.endEmccBinding(r.deviceName, 'logout');
      return successXml();
    }
    const phone = store.phone(r.deviceName);
    if (!phone) refuse(EmError.DeviceNotExist, `device ${r.deviceName} is not in the device table`);
    const login = store.login(phone.name);
    if (!login) refuse(EmError.NoUserLoggedIn, `nobody is logged in on ${phone.name}`);
    if (!phone.em_enabled) refuse(EmError.HotelingFlag, `Enable Extension Mobility was unchecked on ${phone.name} while ${login.user_id} was logged in`);
    store.removeLogin(phone.name);
    if (login.kind === 'emcc') {
      // The phone is registered to its home cluster: here this is only the database clean-up,
      // as the visiting administrator's Log Out is (guide, section 6).
      this.trace(`EM service: EMCC login of ${login.user_id} removed from ${phone.name}; the phone stays with its home cluster until it resets`);
      return successXml();
    }
    this.trace(`EM service: ${login.user_id} logged out of ${phone.name}`);
    this.deps.resetPhone(phone.name);
    this.armExpiry();
    return successXml();
  }

  /**
   * Home side: free the EMCC device, tell the visiting cluster, reset the phone so it goes back
   * to its visiting cluster. If the visiting cluster cannot be told, its record stays behind as
   * an expired EMCC device for its maintenance task to clear.
   */
  private async endEmccBinding(device: string, why: 'logout' | 'maximum login time'): Promise<void> {
    const { store } = this.deps;
    const bound = store.emccDeviceBoundTo(device);
    if (!bound) return;
    store.releaseEmccDevice(device);
    this.trace(`EM service: ${bound.user_id ?? 'EMCC user'} logged out of ${device} (${why}); ${bound.name} is free`);
    const visiting = bound.visiting_cluster ? store.remoteCluster(bound.visiting_cluster) : undefined;
    if (visiting) {
      const told = await this.ask(visiting.fqdn, { type: 'emccLogout', clusterId: this.deps.identity().clusterId, deviceName: device });
      if (!told.ok) this.trace(`EM service: cluster ${visiting.cluster_id} was not told of the logout of ${device} (${told.code})`);
    }
    this.deps.resetPhone(device);
    this.armExpiry();
  }

  // --- logins that end by themselves (maximum login time, exclusiveDuration) ---

  /** Keep one lab-clock timer at the earliest expiry of this cluster's logins. */
  armExpiry(): void {
    const next = this.deps.store.nextLoginExpiry();
    if (next === this.expiryDue) return;
    this.deps.clock.clearTimer(this.expiryTimer);
    this.expiryDue = next;
    this.expiryTimer = next === undefined ? undefined : this.deps.clock.setTimer(Math.max(0, next - this.deps.clock.now()), () => {
      this.expiryDue = undefined;
      void this.expireDue();
    });
  }

  private async expireDue(): Promise<void> {
    const { store, clock } = this.deps;
    for (const device of store.expiredLogins(clock.now())) {
      if (store.emccDeviceBoundTo(device)) {
        await this.endEmccBinding(device, 'maximum login time');
        continue;
      }
      const login = store.login(device);
      if (!login) continue;
      store.removeLogin(device);
      this.trace(`EM service: automatic logout of ${login.user_id} from ${device} (maximum login time)`);
      this.deps.resetPhone(device);
    }
    this.armExpiry();
  }

  stop(): void {
    this.deps.clock.clearTimer(this.expiryTimer);
    this.expiryTimer = undefined;
    this.expiryDue = undefined;
  }

  // --- EM API queries ---

  private deviceUserQuery(devices: string[]): string {
    const { store } = this.deps;
    return deviceUserResultsXml(devices.map((device) => {
      const bound = store.emccDeviceBoundTo(device);
      if (bound?.user_id) return { device, result: { userId: bound.user_id } };
      if (!store.phone(device)) return { device, result: 'doesNotExist' as const };
      const login = store.login(device);
      return { device, result: login ? { userId: login.user_id } : ('none' as const) };
    }));
  }

  private userDevicesQuery(userIds: string[]): string {
    const { store } = this.deps;
    return userDevicesResultsXml(userIds.map((userId) => {
      const user = store.user(userId);
      if (!user) return { userId, result: 'doesNotExist' as const };
      const devices = [
        ...store.loginsOfUser(user.user_id).map((l) => l.device),
        ...store.emccDevicesOfUser(user.user_id).map((d) => d.bound_device!).filter(Boolean),
      ];
      return { userId, result: devices.length ? { devices } : ('none' as const) };
    }));
  }

  // --- remote cluster update ---

  /**
   * Ask every remote cluster for its version and services. A remote that does not answer has
   * its services set to Remote Activated = False until an update reaches it again; one that
   * answers with another Cluster ID than its entry names is marked with error 42.
   */
  async updateRemoteClusters(): Promise<{ found: string; changed: string[] }> {
    const { store, clock } = this.deps;
    const me = this.deps.identity();
    const changed: string[] = [];
    const found: string[] = [];
    for (const remote of store.remoteClusters()) {
      const answer = await this.ask(remote.fqdn, { type: 'emccClusterInfo', clusterId: me.clusterId });
      const info = answer.ok ? child(answer.body, 'clusterInfo') : undefined;
      const services = child(info, 'services');
      const flag = (name: string) => text(child(services, name)) === 'true';
      const answeredId = info && text(child(info, 'clusterId'));
      const sameId = answeredId === remote.cluster_id;
      const error = !answer.ok ? answer.code : sameId ? null : EmError.InvalidClusterId;
      if (error !== null) this.trace(`Remote cluster update of ${remote.cluster_id} (${remote.fqdn}) failed: ${answer.ok ? `it answered as cluster ${answeredId}` : answer.why} -> ${error}`);
      const status = { emcc: !!info && sameId && flag('emcc'), pstn: !!info && sameId && flag('pstn'), rsvp: !!info && sameId && flag('rsvp') };
      found.push(error === null ? `${remote.cluster_id}: ${text(child(info, 'version')) ?? '?'}, EMCC ${status.emcc ? 'active' : 'inactive'}` : `${remote.cluster_id}: no answer (${error})`);
      const was = { emcc: !!remote.remote_emcc_activated, pstn: !!remote.remote_pstn_activated, rsvp: !!remote.remote_rsvp_activated };
      for (const k of ['emcc', 'pstn', 'rsvp'] as const) {
        if (was[k] !== status[k]) changed.push(`${remote.cluster_id}: ${k.toUpperCase()} Remote Activated ${was[k] ? 'True' : 'False'} -> ${status[k] ? 'True' : 'False'}`);
      }
      store.setRemoteStatus(remote.cluster_id, { ...status, version: (info && text(child(info, 'version'))) || null, at: clock.now(), error });
    }
    return { found: found.length ? found.join('; ') : 'no remote cluster', changed };
  }

  /**
   * Expired EMCC device maintenance (visiting side): an EMCC login whose end the home cluster
   * could not tell us (WAN down) stays in our database. Each run asks each home cluster about its
   * EMCC logins on our phones and logs out those it no longer has; the phone then registers to
   * us again. A home cluster that cannot be reached is asked again at the next run.
   */
  async sweepExpiredEmccDevices(): Promise<{ found: string; changed: string[] }> {
    const { store } = this.deps;
    const me = this.deps.identity();
    const changed: string[] = [];
    let checked = 0;
    let removed = 0;
    let unreachable = 0;
    // In pages, each home cluster asked about a whole page at once, so a cluster full of EMCC
    // logins never holds the event loop for long (the HTTP servers keep answering meanwhile).
    for (let after = ''; ;) {
      const page = store.emccLoginsAfter(after, SWEEP_PAGE);
      if (page.length === 0) break;
      after = page[page.length - 1]!.device;
      checked += page.length;
      const byHome = new Map<string, LoginRow[]>();
      for (const l of page) {
        const key = l.home_cluster ?? '';
        const list = byHome.get(key);
        if (list) list.push(l);
        else byHome.set(key, [l]);
      }
      for (const [homeId, logins] of byHome) {
        const home = homeId ? store.remoteCluster(homeId) : undefined;
        let still = new Set<string>();
        if (home) {
          const answer = await this.ask(home.fqdn, { type: 'emccDeviceStatus', clusterId: me.clusterId, deviceNames: logins.map((l) => l.device) });
          if (!answer.ok) {
            unreachable += logins.length;
            continue;
          }
          still = new Set(children(child(answer.body, 'deviceStatus'), 'loggedIn').map((n) => text(n) ?? ''));
        }
        const expired = logins.filter((l) => !still.has(l.device));
        store.transaction(() => {
          for (const l of expired) store.removeLogin(l.device);
        });
        for (const l of expired) {
          this.trace(`EM service: expired EMCC login of ${l.user_id} on ${l.device} removed (home cluster ${l.home_cluster ?? '?'} no longer has it)`);
          removed++;
          if (changed.length < LISTED_CHANGES) changed.push(`${l.device}: expired EMCC login of ${l.user_id} logged out`);
          this.deps.resetPhone(l.device);
        }
      }
    }
    if (removed > changed.length) changed.push(`and ${removed - changed.length} more expired EMCC logins logged out`);
    return { found: `${checked} EMCC login${checked === 1 ? '' : 's'} checked${unreachable ? `, ${unreachable} with an unreachable home cluster` : ''}`, changed };
  }

  private trace(line: string): void {
    this.deps.trace(line);
  }
}

/** Long XML shortened for the trace. */
function clip(s: string): string {
  return s.length > 600 ? `${s.slice(0, 600)}…` : s;
}
