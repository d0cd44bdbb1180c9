/**
 * One simulated Unified CM cluster: its database, its services (EMApp, EM service, TFTP,
 * CallManager) and one HTTP server per node on loopback, registered on the lab network under
 * the node's host name. Built from plain parts: a store, a clock and a network.
 */
import type { Clock, TimerHandle } from '../clock/lab-clock';
import type { LabNetwork } from '../net/lab-network';
import { startHttpServer, type RunningServer } from '../net/http-server';
import { CallManager } from './call-manager';
import type { ClusterIdentity } from './cluster-identity';
import { SERVICES } from './cluster-identity';
import { EmApp } from './em-app';
import { EmService } from './em-service';
import { nodeRouter } from './node-router';
import type { ClusterStore } from './store/cluster-store';
import { Tftp } from './tftp';

export interface ClusterNodeInfo {
  name: string;
  host: string;
  port: number;
  url: string;
  services: string[];
}

export class Cluster {
  readonly callManager: CallManager;
  readonly emService: EmService;
  readonly tftp: Tftp;
  private readonly servers = new Map<string, RunningServer>();
  private updateTimer: TimerHandle | undefined;

  constructor(
    readonly store: ClusterStore,
    private readonly clock: Clock,
    private readonly network: LabNetwork,
  ) {
    const net = network.client(this.identity().clusterId);
    this.callManager = new CallManager({ store, clock, net });
    this.tftp = new Tftp(store, () => this.identity());
    this.emService = new EmService({
      store, clock, net, identity: () => this.identity(),
      resetPhone: (device) => this.callManager.reset(device),
    });
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
    const net = this.network.client(this.identity().clusterId);
    for (const node of this.store.nodes()) {
      const emApp = new EmApp({ store: this.store, net, identity: () => this.identity(), host: node.host });
      const server = await startHttpServer(nodeRouter({
        node: node.name, store: this.store, emApp, emService: this.emService, tftp: this.tftp, callManager: this.callManager,
      }));
      this.servers.set(node.name, server);
      this.network.register({ host: node.host, site: this.identity().clusterId, port: server.port });
    }
  }

  /**
   * Run the remote cluster update now and then every Remote Cluster Update Interval on the lab
   * clock (EMCC Feature Configuration, default 30 minutes).
   */
  async startRemoteClusterUpdates(): Promise<void> {
    await this.emService.updateRemoteClusters();
    this.scheduleRemoteUpdate();
  }

  private scheduleRemoteUpdate(): void {
    const minutes = Number(this.store.featureParameter('remoteClusterUpdateInterval') ?? 30);
    this.updateTimer = this.clock.setTimer(minutes * 60_000, () => {
      void this.emService.updateRemoteClusters().finally(() => this.scheduleRemoteUpdate());
    });
  }

  nodes(): ClusterNodeInfo[] {
    return this.store.nodes().map((n) => {
      const server = this.servers.get(n.name);
      return {
        name: n.name, host: n.host, port: server?.port ?? 0, url: server?.url ?? '',
        services: this.store.nodeServices(n.name).filter((s) => s.activated).map((s) => s.service),
      };
    });
  }

  /** The TFTP host a phone of this cluster gets from DHCP: the first node running Cisco Tftp. */
  tftpHost(): string | undefined {
    return this.store.nodesRunning(SERVICES.tftp)[0];
  }

  async stop(): Promise<void> {
    this.clock.clearTimer(this.updateTimer);
    for (const node of this.store.nodes()) this.network.unregister(node.host);
    await Promise.all([...this.servers.values()].map((s) => s.close()));
    this.servers.clear();
    this.callManager.clear();
  }
}
