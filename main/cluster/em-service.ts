/**
 * The Cisco Extension Mobility service of one cluster: logs users in and out of its phones,
 * answers EM API queries, and plays both EMCC roles. As the visiting cluster it finds a user's
 * home cluster and forwards the login there; as the home cluster it authenticates the user and
 * binds one of its EMCC devices to the visiting phone. Peers are reached only over the network.
 */
import { EmError } from '../../shared/errors/error-catalogue';
import { phoneModel } from '../../shared/phone-models';
import { supportsLoginType } from '../../shared/cluster-versions';
import type { Clock } from '../clock/lab-clock';
import { NetError, type HttpClient } from '../net/lab-network';
import { child, has, text, type XmlNode } from '../xml/xml';
import type { ClusterIdentity } from './cluster-identity';
import { INTERNAL_APP_USER } from './cluster-identity';
import {
  emFormBody, emRequestXml, emccFailureXml, emccResponseXml, failureXml, parseEmRequest, parseEmResponse, successXml,
  deviceUserResultsXml, userDevicesResultsXml,
  type EmRequest, type EmccCheckUser, type EmccLogin, type EmccLogout, type LoginRequest, type LogoutRequest, type LoginType,
} from './em-xml';
import type { ClusterStore, UserRow } from './store/cluster-store';

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
  trace(text: string): void;
}

/** An outcome inside the service: success with a payload, or an error code of the guide. */
type Result<T = void> = { ok: true; value: T } | { ok: false; code: number };
const fail = (code: number): { ok: false; code: number } => ({ ok: false, code });
const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

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

export class EmService {
  constructor(private readonly deps: EmServiceDeps) {}

  /** Answer one POSTed `xml` form field with the response XML. */
  async handle(xml: string): Promise<string> {
    const parsed = parseEmRequest(xml, { knowsLoginType: supportsLoginType(this.deps.identity().version) });
    if (!parsed.ok) {
      return xml.includes('<emccRequest') ? emccFailureXml(parsed.code, parsed.reason) : failureXml(parsed.code, parsed.reason);
    }
    const r = parsed.request;
    try {
      return await this.dispatch(r);
    } catch {
      // A database exception while serving the request (guide: error 6).
      return r.type.startsWith('emcc') ? emccFailureXml(EmError.Database, 'database error') : failureXml(EmError.Database, 'database error');
    }
  }

  private async dispatch(r: EmRequest): Promise<string> {
    switch (r.type) {
      case 'login':
      case 'logout':
      case 'deviceUserQuery':
      case 'userDevicesQuery': {
        if (!this.appUserValid(r.app.appId, r.app.appCertificate)) return failureXml(EmError.InvalidAppUser, 'invalid application user');
        if (r.type === 'login') return toXml(await this.login(r));
        if (r.type === 'logout') return toXml(await this.logout(r));
        if (r.type === 'deviceUserQuery') return this.deviceUserQuery(r.deviceNames);
        return this.userDevicesQuery(r.userIds);
      }
      case 'emccCheckUser':
        return this.homeCheckUser(r);
      case 'emccLogin':
        return this.homeLogin(r);
      case 'emccLogout':
        return this.visitingLogoutNotice(r);
      case 'emccClusterInfo':
        return this.clusterInfo(r.clusterId);
    }
  }

  private appUserValid(appId: string, certificate: string): boolean {
    return appId === INTERNAL_APP_USER && certificate === this.deps.store.setting('internalAppCertificate');
  }

  // --- login on one of this cluster's phones ---

  private async login(r: LoginRequest): Promise<Result> {
    const { store } = this.deps;
    const phone = store.phone(r.deviceName);
    if (!phone) return fail(EmError.DeviceNotExist);
    if (!phone.em_enabled) return fail(EmError.DeviceLogonDisabled);
    if (store.login(phone.name)) return fail(EmError.AnotherUserLoggedIn);
    const local = this.findUser(r.userId, r.loginType);
    if (!local.ok) return local;
    if (local.value) return this.localLogin(r, phone.name, local.value);
    return this.emccLogin(r, phone.name, phone.model, phone.security_mode);
  }

  /** Find a local user by the credential the login type asks for; undefined if not local. */
  private findUser(id: string, loginType: LoginType | undefined): Result<UserRow | undefined> {
    const { store } = this.deps;
    if (loginType === 'DN') {
      const users = store.usersByPrimaryExtension(id);
      if (users.length > 1) return fail(EmError.DnMultipleUsers);
      return ok(users[0]);
    }
    if (loginType === 'SP') return ok(store.usersBySelfServiceId(id)[0]);
    return ok(store.user(id));
  }

  private localLogin(r: LoginRequest, device: string, user: UserRow): Result {
    const { store, clock } = this.deps;
    // An intra-cluster wrong PIN is the EM application's authentication error (201); EMCC users
    // get the EM service's EMCC authentication error (2) from their home cluster instead.
    if (r.credential !== undefined && r.credential !== user.pin) return fail(EmError.AuthenticationError);
    const profiles = store.userProfiles(user.user_id);
    const profile = r.deviceProfile ?? profiles[0];
    if (!profile || !profiles.includes(profile)) return fail(EmError.UserProfileAbsent);
    const behavior = store.serviceParameter('multipleLoginBehavior') ?? 'Multiple Logins Not Allowed';
    const elsewhere = store.loginsOfUser(user.user_id);
    if (elsewhere.length > 0 && behavior === 'Multiple Logins Not Allowed') return fail(EmError.MultiLoginNotAllowed);
    store.transaction(() => {
      if (behavior === 'Auto Logout') for (const l of elsewhere) store.removeLogin(l.device);
      store.recordLogin({ device, user_id: user.user_id, profile, kind: 'local', home_cluster: null, home_tftp: null, login_at: clock.now() });
    });
    if (behavior === 'Auto Logout') for (const l of elsewhere) this.deps.resetPhone(l.device);
    this.deps.resetPhone(device);
    return ok(undefined);
  }

  /** Visiting side: the user is not ours, so find the home cluster and log in there. */
  private async emccLogin(r: LoginRequest, device: string, model: string, phoneSecurity: string): Promise<Result> {
    const { store } = this.deps;
    const me = this.deps.identity();
    if (!phoneModel(model)?.supportsEmcc) return fail(EmError.DeviceModelNoEmcc);
    const remotes = store.remoteClusters();
    if (remotes.length === 0) return fail(EmError.NoRemoteCluster);
    const isp = store.serviceProfile();
    if (!isp.emcc_active) return fail(EmError.AuthenticationError);
    if (!isp.pstn_active) return fail(EmError.EmccNotActivated);

    let unreachable = false;
    let home: { host: string; clusterId: string } | undefined;
    for (const remote of remotes) {
      // Only clusters whose EMCC service is activated here and was reported active by the
      // last remote cluster update are asked (guide: "Login is unavailable" until the next update).
      if (!remote.emcc_enabled || !remote.remote_emcc_activated) {
        unreachable = true;
        continue;
      }
      const answer = await this.ask(remote.fqdn, { type: 'emccCheckUser', clusterId: me.clusterId, userId: r.userId, loginType: r.loginType });
      if (!answer.ok) {
        if (answer.code === EmError.EmServiceConnection) unreachable = true;
        else if (answer.code !== EmError.UserNotExist) return fail(answer.code);
        continue;
      }
      const user = child(answer.body, 'checkUser');
      if (has(child(user, 'user'), 'exists')) {
        home = { host: remote.fqdn, clusterId: remote.cluster_id };
        break;
      }
    }
    if (!home) return fail(unreachable ? EmError.EmServiceConnection : EmError.UserNotExist);

    const answer = await this.ask(home.host, {
      type: 'emccLogin', clusterId: me.clusterId, deviceName: device, deviceModel: model, userId: r.userId,
      credential: r.credential ?? '', loginType: r.loginType, deviceProfile: r.deviceProfile,
      phoneSecurityMode: phoneSecurity, visitingVersion: me.version, visitingSecurityMode: me.securityMode,
    });
    if (!answer.ok) return fail(answer.code);
    const login = child(answer.body, 'login');
    store.recordLogin({
      device, user_id: text(child(login, 'userID')) ?? r.userId, profile: text(child(login, 'deviceProfile')) ?? null,
      kind: 'emcc', home_cluster: home.clusterId, home_tftp: text(child(login, 'tftp')) ?? null, login_at: this.deps.clock.now(),
    });
    this.deps.resetPhone(device);
    return ok(undefined);
  }

  /** Send an EMCC request to a peer's EM service; no answer is error 208. */
  private async ask(host: string, request: EmRequest): Promise<{ ok: true; body: XmlNode } | { ok: false; code: number }> {
    try {
      const res = await this.deps.net.request({
        method: 'POST',
        url: emServiceUrl(host),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: emFormBody(emRequestXml(request)),
        verifyPeer: this.deps.verifyPeer,
      });
      if (res.status !== 200) {
        this.deps.trace(`${this.deps.identity().clusterId}: ${request.type} to ${host} answered HTTP ${res.status}`);
        return fail(EmError.EmServiceConnection);
      }
      const outcome = parseEmResponse(res.body);
      return outcome.ok ? { ok: true, body: outcome.body } : fail(outcome.code);
    } catch (e) {
      const why = e instanceof NetError && e.failure === 'untrusted' ? `TLS: ${e.message}` : e instanceof Error ? e.message : String(e);
      this.deps.trace(`${this.deps.identity().clusterId}: ${request.type} to ${host} failed (${why})`);
      return fail(EmError.EmServiceConnection);
    }
  }

  // --- home side of EMCC ---

  private homeCheckUser(r: EmccCheckUser): string {
    const { store } = this.deps;
    if (!store.remoteCluster(r.clusterId)) return emccFailureXml(EmError.VisitingClusterUnknown, 'visiting cluster unknown');
    const found = this.findUser(r.userId, r.loginType);
    if (!found.ok) return emccFailureXml(found.code === EmError.DnMultipleUsers ? EmError.EmccDnMultipleUsers : found.code, 'lookup failed');
    const user = found.value;
    if (!user) {
      return emccResponseXml({ checkUser: { user: { '@id': r.userId, numProfiles: '0', doesNotExist: '' } } });
    }
    const profiles = store.userProfiles(user.user_id);
    const numbered = Object.fromEntries(profiles.map((p, i) => [`deviceProfile${i + 1}`, p]));
    return emccResponseXml({ checkUser: { user: { '@id': r.userId, numProfiles: String(profiles.length), exists: '', ...numbered } } });
  }

  private homeLogin(r: EmccLogin): string {
    const { store, clock } = this.deps;
    if (!store.remoteCluster(r.clusterId)) return emccFailureXml(EmError.VisitingClusterUnknown, 'visiting cluster unknown');
    const found = this.findUser(r.userId, r.loginType);
    if (!found.ok) return emccFailureXml(found.code === EmError.DnMultipleUsers ? EmError.EmccDnMultipleUsers : found.code, 'lookup failed');
    const user = found.value;
    if (!user) return emccFailureXml(EmError.UserNotExist, 'user does not exist');
    if (!user.emcc_enabled) return emccFailureXml(EmError.EmccNotActivatedForUser, 'EMCC not activated for the user');
    if (r.credential !== user.pin) return emccFailureXml(EmError.EmccAuthentication, 'authentication failed');
    const profiles = store.userProfiles(user.user_id);
    const profile = r.deviceProfile ?? profiles[0];
    if (!profile || !profiles.includes(profile)) return emccFailureXml(EmError.DeviceProfileNotFound, 'no device profile');
    if (store.phone(r.deviceName)) return emccFailureXml(EmError.DuplicateDeviceName, 'duplicate device name');
    const tftp = store.featureParameter('defaultTftpServer') || store.featureParameter('backupTftpServer');
    if (!tftp) return emccFailureXml(EmError.TftpNotConfigured, 'no TFTP server for EMCC login devices');
    const bound = store.bindEmccDevice({ device: r.deviceName, userId: user.user_id, profile, visitingCluster: r.clusterId, at: clock.now() });
    if (!bound) return emccFailureXml(EmError.NoFreeEmccDevice, 'no free EMCC device');
    return emccResponseXml({
      login: {
        success: '', userID: user.user_id, deviceProfile: profile, emccDevice: bound.name, tftp,
        ...(store.featureParameter('backupTftpServer') ? { backupTftp: store.featureParameter('backupTftpServer')! } : {}),
      },
    });
  }

  /** Visiting side: the home cluster says an EMCC login of one of our phones has ended. */
  private visitingLogoutNotice(r: EmccLogout): string {
    const { store } = this.deps;
    const login = store.login(r.deviceName);
    if (!login || login.kind !== 'emcc' || login.home_cluster !== r.clusterId) {
      return emccFailureXml(EmError.NoUserLoggedIn, 'no EMCC login on that device');
    }
    store.removeLogin(r.deviceName);
    return emccResponseXml({ logout: { success: '' } });
  }

  private clusterInfo(requester: string): string {
    const { store } = this.deps;
    const me = this.deps.identity();
    if (!store.remoteCluster(requester)) return emccFailureXml(EmError.VisitingClusterUnknown, 'requesting cluster unknown');
    const isp = store.serviceProfile();
    return emccResponseXml({
      clusterInfo: {
        clusterId: me.clusterId, version: me.version, securityMode: me.securityMode,
        services: { emcc: String(!!isp.emcc_active), pstn: String(!!isp.pstn_active), rsvp: String(!!isp.rsvp_active) },
      },
    });
  }

  // --- logout ---

  private async logout(r: LogoutRequest): Promise<Result> {
    const { store } = this.deps;
    const bound = store.emccDeviceBoundTo(r.deviceName);
    if (bound) {
      // Home side: free the EMCC device, tell the visiting cluster, reset the phone so it goes
      // back to its visiting cluster. If the visiting cluster cannot be told, its record stays
      // behind as an expired EMCC device for its maintenance task to clear.
      store.releaseEmccDevice(r.deviceName);
      const visiting = bound.visiting_cluster ? store.remoteCluster(bound.visiting_cluster) : undefined;
      if (visiting) {
        await this.ask(visiting.fqdn, { type: 'emccLogout', clusterId: this.deps.identity().clusterId, deviceName: r.deviceName });
      }
      this.deps.resetPhone(r.deviceName);
      return ok(undefined);
    }
    const phone = store.phone(r.deviceName);
    if (!phone) return fail(EmError.DeviceNotExist);
    const login = store.login(phone.name);
    if (!login) return fail(EmError.NoUserLoggedIn);
    store.removeLogin(phone.name);
    this.deps.resetPhone(phone.name);
    return ok(undefined);
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
   * its services set to Remote Activated = False until an update reaches it again.
   */
  async updateRemoteClusters(): Promise<void> {
    const { store, clock } = this.deps;
    const me = this.deps.identity();
    for (const remote of store.remoteClusters()) {
      const answer = await this.ask(remote.fqdn, { type: 'emccClusterInfo', clusterId: me.clusterId });
      const info = answer.ok ? child(answer.body, 'clusterInfo') : undefined;
      const services = child(info, 'services');
      const flag = (name: string) => text(child(services, name)) === 'true';
      const sameId = text(child(info, 'clusterId')) === remote.cluster_id;
      store.setRemoteStatus(remote.cluster_id, {
        emcc: !!info && sameId && flag('emcc'),
        pstn: !!info && sameId && flag('pstn'),
        rsvp: !!info && sameId && flag('rsvp'),
        version: (info && text(child(info, 'version'))) || null,
        at: clock.now(),
      });
    }
  }
}

function toXml(r: Result): string {
  return r.ok ? successXml() : failureXml(r.code, `error ${r.code}`);
}
