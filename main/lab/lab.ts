/**
 * The lab: clusters, phones, the network between them and the clock they share. It opens each
 * cluster's database under the data folder (seeding a new one from its definition), starts the
 * node servers and the phones, and tells listeners when a phone's screen or the topology changes.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { LabSnapshot, PhoneScreen } from '../../shared/api/contract';
import { LabClock } from '../clock/lab-clock';
import { Cluster } from '../cluster/cluster';
import { applyDefinition, type ClusterDefinition } from '../cluster/cluster-definition';
import { ClusterStore } from '../cluster/store/cluster-store';
import { LabNetwork } from '../net/lab-network';
import { PhoneFirmware } from '../phone/firmware';
import { PHONES_SITE, PhoneEndpoint } from '../phone/phone-endpoint';

export interface LabOptions {
  /** Folder of the cluster databases; omit for an in-memory lab (tests). */
  dataDir?: string;
  /** Definitions of the clusters; a cluster whose database already exists keeps its data. */
  clusters: readonly ClusterDefinition[];
  clock?: LabClock;
}

export class Lab {
  readonly clock: LabClock;
  readonly network = new LabNetwork();
  readonly clusters: Cluster[] = [];
  private readonly phones = new Map<string, { firmware: PhoneFirmware; cluster: Cluster }>();
  private readonly endpoint: PhoneEndpoint;
  private readonly screenListeners = new Set<(s: PhoneScreen) => void>();
  private readonly changeListeners = new Set<() => void>();
  private readonly registeredAt = new Map<string, string | null>();

  private constructor(clock: LabClock) {
    this.clock = clock;
    this.endpoint = new PhoneEndpoint((device, event) => {
      const phone = this.phones.get(device.toUpperCase());
      phone?.firmware.notify(event);
      return !!phone;
    });
  }

  /** Open the lab: databases, node servers, remote cluster updates, then boot every phone. */
  static async open(options: LabOptions): Promise<Lab> {
    const lab = new Lab(options.clock ?? new LabClock());
    if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
    try {
      for (const def of options.clusters) {
        const file = options.dataDir ? path.join(options.dataDir, `${def.name}.sqlite`) : ':memory:';
        const store = new ClusterStore(file);
        if (store.isEmpty()) applyDefinition(store, def);
        const cluster = new Cluster(store, lab.clock, lab.network);
        lab.clusters.push(cluster);
      }
      await lab.endpoint.start();
      for (const c of lab.clusters) await c.start();
      await Promise.all(lab.clusters.map((c) => c.startRemoteClusterUpdates()));
      for (const c of lab.clusters) lab.addPhones(c);
    } catch (e) {
      await lab.close();
      throw e;
    }
    return lab;
  }

  private addPhones(cluster: Cluster): void {
    const tftp = cluster.tftpHost() ?? '';
    for (const row of cluster.store.phones()) {
      const firmware = new PhoneFirmware({
        deviceName: row.name,
        model: row.model,
        dhcpTftp: tftp,
        net: this.network.client(PHONES_SITE),
        clock: this.clock,
        contact: this.endpoint.contactOf(row.name),
        onChange: (screen) => {
          for (const l of this.screenListeners) l(screen);
          // Where a phone is registered is part of the topology too.
          const at = screen.status === 'registered' ? (screen.registration?.clusterId ?? null) : null;
          if (this.registeredAt.get(row.name) !== at) {
            this.registeredAt.set(row.name, at);
            this.changed();
          }
        },
      });
      this.phones.set(row.name.toUpperCase(), { firmware, cluster });
      firmware.boot();
    }
  }

  phone(deviceName: string): PhoneFirmware | undefined {
    return this.phones.get(deviceName.toUpperCase())?.firmware;
  }

  cluster(clusterId: string): Cluster | undefined {
    return this.clusters.find((c) => c.identity().clusterId === clusterId);
  }

  /** Called with a phone's new screen whenever it changes. */
  onScreen(listener: (s: PhoneScreen) => void): () => void {
    this.screenListeners.add(listener);
    return () => this.screenListeners.delete(listener);
  }

  /** Called when the topology (registrations, clock) changes. */
  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  private changed(): void {
    for (const l of this.changeListeners) l();
  }

  snapshot(): LabSnapshot {
    return {
      clusters: this.clusters.map((c) => {
        const id = c.identity();
        return {
          id: id.name, name: id.name, clusterId: id.clusterId, version: id.version, securityMode: id.securityMode,
          nodes: c.nodes().map((n) => ({ name: n.name, host: n.host, url: n.url, services: n.services })),
        };
      }),
      phones: [...this.phones.values()].map(({ firmware, cluster }) => {
        const s = firmware.screen();
        return { deviceName: s.deviceName, model: s.model, ownClusterId: cluster.identity().clusterId, registeredTo: s.registration?.clusterId ?? null };
      }),
      clock: { now: this.clock.now(), speed: this.clock.speed, paused: this.clock.paused },
    };
  }

  /** Stop phones, servers and databases. */
  async close(): Promise<void> {
    for (const { firmware } of this.phones.values()) firmware.shutdown();
    for (const c of this.clusters) await c.stop();
    await this.endpoint.stop();
    for (const c of this.clusters) c.store.close();
    this.network.close();
    this.clock.dispose();
  }
}
