/**
 * One simulated Unified CM cluster: its database, its services (EMApp, EM service, TFTP,
 * CallManager) and one HTTP server per node on loopback, registered on the lab network under
 * the node's host name. Built from plain parts: a store, a clock and a network.
 */
import type { Clock } from '../clock/lab-clock';
import type { HttpClient, LabNetwork } from '../net/lab-network';
import { startHttpServer, startHttpsServer, type RunningHttpsServer, type RunningServer } from '../net/http-server';
import type { BulkCertificateStatus } from '../../shared/api/admin-contract';
import { ClusterPki, CONSOLIDATED_FILE, type FileSession, type SftpSettings } from './pki/cluster-pki';
import type { KeySource } from './pki/key-source';
import { CallManager } from './call-manager';
import { ClusterAdmin, type AdminChange, type LabPeers } from './admin/cluster-admin';
import type { ClusterIdentity } from './cluster-identity';
import { SERVICES } from './cluster-identity';
import { EmApp } from './em/em-app';
import { EmService } from './em/em-service';
import { nodeRouter } from './node-router';
import type { ClusterStore } from './store/cluster-store';
import { Tftp } from './tftp';
import type { FaultView } from './fault-view';
import { Scheduler } from './scheduler';
import type { SchedulerState } from '../../shared/api/lab-contract';

/** The lab network site of a cluster's nodes, and back. */
const SITE_PREFIX = 'cluster:';
export const clusterSite = (name: string): string => `${SITE_PREFIX}${name}`;
export function clusterOfSite(site: string | undefined): string | undefined {
  return site?.startsWith(SITE_PREFIX) ? site.slice(SITE_PREFIX.length) : undefined;
}

export interface ClusterNodeInfo {
  name: string;
  host: string;
  port: number;
  url: string;
  services: string[];
}

export interface ClusterOptions {
  peers: LabPeers;
  /** Let other work run between the chunks of a long job (the lab passes setImmediate). */
  yieldToOthers(): Promise<void>;
  /** Where certificate keys come from. */
  keys: KeySource;
  /** An SFTP session for Bulk Certificate Management. */
  openFiles(settings: SftpSettings): Promise<FileSession>;
  /** This cluster's trace: what happened, in words a support engineer reads. */
  trace(text: string): void;
  /** The lab's outside faults, as this cluster sees them. */
  faults: FaultView;
  /** Told after every run of one of the cluster's schedulers. */
  schedulerRan?(state: SchedulerState): void;
}

export class Cluster {
  readonly admin: ClusterAdmin;
  readonly pki: ClusterPki;
  readonly callManager: CallManager;
  readonly emService: EmService;
  readonly tftp: Tftp;
  private readonly faults: FaultView;
  private readonly trace: (text: string) => void;
  private readonly servers = new Map<string, { http: RunningServer; https: RunningHttpsServer }>();
  /** The schedulers of the guide: remote cluster update, expired EMCC device maintenance, RSVP keepalive. */
  readonly schedulers: readonly Scheduler[];
  private readonly remoteUpdate: Scheduler;
  /** Keepalives missed in a row toward each remote cluster, and whether its RSVP resources were released. */
  private readonly rsvp = new Map<string, { missed: number; released: boolean }>();
  private started = false;
  private readonly changeListeners = new Set<(c: AdminChange) => void>();
  /** Server starts and stops run one after another, in the order the changes came. */
  private serverSync: Promise<void> = Promise.resolve();

  constructor(
    readonly store: ClusterStore,
    private readonly clock: Clock,
    private readonly network: LabNetwork,
    options: ClusterOptions,
  ) {
    // The site is read per request: a new cluster's name is only set once its definition is applied.
    const net: HttpClient = { request: (req) => network.client(this.site).request(req) };
    this.admin = new ClusterAdmin({
      store, now: () => clock.now(), yieldToOthers: options.yieldToOthers, peers: options.peers,
      onChange: (change) => this.adminChanged(change),
    });
    this.callManager = new CallManager({ store, clock, net });
    this.tftp = new Tftp(store, () => this.identity());
    this.pki = new ClusterPki({
      store, now: () => clock.now(), keys: options.keys, clusterId: () => this.identity().clusterId, openFiles: options.openFiles,
      restartPhones: () => this.callManager.resetAll(),
      certificateChanged: (host) => {
        this.presentTomcat(host);
        for (const l of this.changeListeners) l({ what: 'certificates' });
      },
      trustChanged: () => {
        for (const l of this.changeListeners) l({ what: 'certificates' });
      },
      trace: options.trace,
      jobs: { run: (kind, description, steps, work) => this.admin.bulk.runTask(kind, description, steps, work) },
    });
    this.faults = options.faults;
    this.trace = options.trace;
    this.emService = new EmService({
      store, clock, net, identity: () => this.identity(), trace: options.trace, faults: options.faults,
      clusterOfHost: (host) => clusterOfSite(network.lookup(host)?.site),
      verifyPeer: (der, host) => this.pki.verifyPeer(der, host),
      resetPhone: (device) => this.callManager.reset(device),
    });
    const told = (s: Scheduler) => options.schedulerRan?.(this.schedulerState(s));
    this.remoteUpdate = new Scheduler({
      id: 'remoteClusterUpdate', label: 'Remote Cluster Update',
      intervalMs: () => this.featureMinutes('remoteClusterUpdateInterval', 30), run: () => this.runRemoteUpdate(),
    }, clock, (_, s) => told(s));
    const maintenance = new Scheduler({
      id: 'expiredDeviceMaintenance', label: 'Expired EMCC Device Maintenance',
      intervalMs: () => this.featureMinutes('expiredDeviceMaintenanceInterval', 1440), run: () => this.emService.sweepExpiredEmccDevices(),
    }, clock, (_, s) => told(s));
    const keepAlive = new Scheduler({
      id: 'rsvpKeepAlive', label: 'RSVP SIP Trunk KeepAlive',
      intervalMs: () => Number(this.store.featureParameter('rsvpKeepAliveTimer') ?? 15) * 1000, run: () => this.rsvpKeepAlive(),
    }, clock, (run, s) => {
      // A keepalive every few seconds would flood the windows: only runs that changed something are told.
      if (run.changed.length) told(s);
    });
    this.schedulers = [this.remoteUpdate, maintenance, keepAlive];
  }

  /** The lab's name of the cluster: stable while its Cluster ID may change. */
  get name(): string {
    return this.store.setting('name') ?? '';
  }

  /** Where this cluster's nodes sit on the lab network. */
  private get site(): string {
    return clusterSite(this.name);
  }

  /** Called after every administration change, once the cluster reacted to it. */
  onAdminChange(listener: (c: AdminChange) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  private adminChanged(change: AdminChange): void {
    if (this.started && change.what === 'config') {
      if (change.kind === 'node') this.serverSync = this.serverSync.then(() => this.syncServers()).catch(() => undefined);
      // A new interval counts from now.
      if (change.kind === 'featureParameters') for (const s of this.schedulers) s.start();
      // A new remote cluster is asked for its services at once, as the Remote Cluster page shows.
      if (change.kind === 'remoteCluster' && change.oldKey === null) void this.updateRemoteClustersNow();
    }
    for (const l of this.changeListeners) l(change);
  }

  /**
   * The Phone page's Log Out: the EM login recorded for the phone is removed, and nothing else.
   * For an EMCC login on a visiting phone the phone stays registered to its home cluster until
   * it resets or the user logs out there (guide, section 6).
   */
  logOutPhone(device: string): { field: string; message: string }[] {
    const phone = this.store.phone(device);
    if (!phone) return [{ field: 'device', message: `no phone named ${device}` }];
    const login = this.store.login(phone.name);
    if (!login) return [{ field: 'device', message: `nobody is logged in on ${phone.name}` }];
    this.store.removeLogin(phone.name);
    this.trace(`Phone page: Log Out of ${login.user_id} on ${phone.name} (database clean-up only; the phone is not reset)`);
    for (const l of this.changeListeners) l({ what: 'config', kind: 'phone', key: phone.name, oldKey: phone.name, deleted: false });
    return [];
  }

  /** Resolves once the node servers match the configured nodes. */
  serversSettled(): Promise<void> {
    return this.serverSync;
  }

  /** "Update Remote Cluster Now": ask every remote cluster for its version and services. */
  async updateRemoteClustersNow(): Promise<void> {
    await this.remoteUpdate.runNow();
    for (const l of this.changeListeners) l({ what: 'config', kind: 'remoteCluster', key: '', oldKey: '', deleted: false });
  }

  /** The schedulers as the lab window shows them. */
  schedulerStates(): SchedulerState[] {
    return this.schedulers.map((s) => this.schedulerState(s));
  }

  private schedulerState(s: Scheduler): SchedulerState {
    return { cluster: this.name, id: s.spec.id, label: s.spec.label, intervalMs: s.spec.intervalMs(), nextRunAt: s.nextRunAt, runs: s.lastRuns() };
  }

  private featureMinutes(key: 'remoteClusterUpdateInterval' | 'expiredDeviceMaintenanceInterval', fallback: number): number {
    return Number(this.store.featureParameter(key) ?? fallback) * 60_000;
  }

  /**
   * The node that runs the remote cluster update: the Default Server For Remote Cluster Update,
   * else the Backup; with neither set, the first node running Extension Mobility. A node that is
   * down or whose EM service is stopped cannot run it.
   */
  private remoteUpdateServer(): string | undefined {
    const running = this.store.nodesRunning(SERVICES.extensionMobility);
    const up = (host: string) => running.some((h) => h.toLowerCase() === host.toLowerCase())
      && !this.faults.node(host, 'emServiceDown') && !this.faults.node(host, 'nodeDown');
    const configured = [this.store.featureParameter('defaultRemoteUpdateServer'), this.store.featureParameter('backupRemoteUpdateServer')].filter((h): h is string => !!h);
    return configured.length ? configured.find(up) : running.find(up);
  }

  private async runRemoteUpdate(): Promise<{ found: string; changed: string[] }> {
    const server = this.remoteUpdateServer();
    if (!server) return { found: 'neither the default nor the backup server for remote cluster update can run it (down, or its EM service stopped)', changed: [] };
    const result = await this.emService.updateRemoteClusters();
    return { found: `on ${server}: ${result.found}`, changed: result.changed };
  }

  /**
   * RSVP SIP trunk keepalive: toward each remote cluster with RSVP Agent enabled, a keepalive
   * that gets through the network path resets the count; two missed in a row release the RSVP
   * resources held toward that cluster, and the next one that gets through restores them.
   */
  private rsvpKeepAlive(): { found: string; changed: string[] } {
    const isp = this.store.serviceProfile();
    if (!isp.rsvp_active) return { found: 'RSVP Agent is not active in the Intercluster Service Profile', changed: [] };
    const remotes = this.store.remoteClusters().filter((r) => r.rsvp_enabled);
    const changed: string[] = [];
    let acknowledged = 0;
    for (const r of remotes) {
      const state = this.rsvp.get(r.cluster_id) ?? { missed: 0, released: false };
      if (this.network.canReach(this.site, r.fqdn)) {
        acknowledged++;
        if (state.released) changed.push(`${r.cluster_id}: keepalive acknowledged again, RSVP resources available`);
        this.rsvp.set(r.cluster_id, { missed: 0, released: false });
        continue;
      }
      const missed = state.missed + 1;
      const release = missed >= 2 && !state.released;
      if (release) {
        changed.push(`${r.cluster_id}: two keepalives missed, RSVP resources toward it released`);
        this.trace(`RSVP keepalive: two keepalives to ${r.cluster_id} missed; RSVP resources released`);
      }
      this.rsvp.set(r.cluster_id, { missed, released: state.released || release });
    }
    return { found: `${acknowledged} of ${remotes.length} remote cluster${remotes.length === 1 ? '' : 's'} acknowledged`, changed };
  }

  identity(): ClusterIdentity {
    const s = this.store;
    return {
      name: s.setting('name') ?? '',
      clusterId: s.setting('clusterId') ?? '',
      version: s.setting('version') ?? '',
      securityMode: s.setting('securityMode') ?? 'non-secure',
    };
  }

  /** Start a server for every node and make its host name reachable on the lab network. */
  async start(): Promise<void> {
    this.started = true;
    await this.syncServers();
    // Logins that end by themselves keep their end across a restart.
    this.emService.armExpiry();
  }

  /** Bulk Certificate Management's page: the SFTP directory and which steps are possible now. */
  async bulkCertificateStatus(): Promise<BulkCertificateStatus> {
    let files: BulkCertificateStatus['files'] = [];
    let filesError: string | null = null;
    try {
      files = await this.pki.files();
    } catch (e) {
      filesError = e instanceof Error ? e.message : String(e);
    }
    const exports = files.filter((f) => f.name !== CONSOLIDATED_FILE);
    const last = this.store.setting('certLastExport');
    return {
      files, filesError, canConsolidate: exports.length >= 2, canImport: files.some((f) => f.name === CONSOLIDATED_FILE),
      exportNeeded: this.pki.exportNeeded(), lastExport: last ? Number(last) : null,
    };
  }

  /** A node's HTTPS server presents its current Tomcat certificate. */
  private presentTomcat(host: string): void {
    const node = this.store.nodes().find((n) => n.host === host);
    const identity = node && this.pki.tomcatIdentity(node.name);
    if (node && identity) this.servers.get(node.name)?.https.setIdentity(identity);
  }

  /** Start a server for each node that has none, and stop the servers of removed nodes. */
  private async syncServers(): Promise<void> {
    const net = this.network.client(this.site);
    const nodes = this.store.nodes();
    for (const [name, server] of this.servers) {
      if (nodes.some((n) => n.name === name)) continue;
      this.servers.delete(name);
      this.network.unregister(name);
      await Promise.all([server.http.close(), server.https.close()]);
    }
    // Every node has its certificates before its HTTPS server starts.
    this.pki.ensureCertificates();
    for (const node of nodes) {
      if (this.servers.has(node.name)) continue;
      const emApp = new EmApp({ store: this.store, net, identity: () => this.identity(), host: node.host, faults: this.faults, trace: this.trace });
      const router = nodeRouter({
        node: node.name, host: node.host, store: this.store, emApp, emService: this.emService, tftp: this.tftp, callManager: this.callManager,
        faults: this.faults, clusterOf: (port, local) => clusterOfSite(this.network.siteOf(port, local)),
      });
      const http = await startHttpServer(router);
      const https = await startHttpsServer(router, this.pki.tomcatIdentity(node.name)!);
      this.servers.set(node.name, { http, https });
      this.network.register({ host: node.host, site: this.site, port: http.port, tlsPort: https.port });
    }
  }

  /**
   * Run the remote cluster update now, then start every scheduler on the lab clock at its
   * interval (EMCC Feature Configuration).
   */
  async startSchedulers(): Promise<void> {
    await this.remoteUpdate.runNow();
    for (const s of this.schedulers) s.start();
  }

  nodes(): ClusterNodeInfo[] {
    return this.store.nodes().map((n) => {
      const server = this.servers.get(n.name);
      return {
        name: n.name, host: n.host, port: server?.http.port ?? 0, url: server?.http.url ?? '',
        services: this.store.nodeServices(n.name).filter((s) => s.activated).map((s) => s.service),
      };
    });
  }

  /** The TFTP host a phone of this cluster gets from DHCP: the first node running Cisco Tftp. */
  tftpHost(): string | undefined {
    return this.store.nodesRunning(SERVICES.tftp)[0];
  }

  async stop(): Promise<void> {
    this.started = false;
    for (const s of this.schedulers) s.stop();
    this.emService.stop();
    await this.admin.bulk.stop();
    await this.serverSync;
    for (const name of this.servers.keys()) this.network.unregister(name);
    await Promise.all([...this.servers.values()].flatMap((s) => [s.http.close(), s.https.close()]));
    this.servers.clear();
    this.callManager.clear();
  }
}
