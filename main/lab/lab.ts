/**
 * The lab: clusters, phones, the network between them and the clock they share. It opens each
 * cluster's database under the data folder (seeding a new one from its definition), starts the
 * node servers and the phones, and tells listeners when a phone's screen or the topology changes.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LabSnapshot, PhoneScreen } from '../../shared/api/contract';
import { LabClock } from '../clock/lab-clock';
import { Cluster, clusterOfSite } from '../cluster/cluster';
import type { AdminChange, LabPeers } from '../cluster/admin/cluster-admin';
import { applyDefinition, type ClusterDefinition } from '../cluster/cluster-definition';
import { ClusterStore } from '../cluster/store/cluster-store';
import { LabNetwork } from '../net/lab-network';
import { DEFAULT_SFTP, type SftpSettings } from '../cluster/pki/cluster-pki';
import { FRESH_KEYS, type KeySource } from '../cluster/pki/key-source';
import { sftpSession } from '../net/sftp-client';
import { startSftpServer, type RunningSftpServer } from '../net/sftp-server';
import { Trace } from './trace';
import { AttemptLog } from './attempts';
import { LabFaults } from './lab-faults';
import { faultDef, type FaultId } from '../../shared/faults';
import type { FieldError } from '../../shared/admin/fields';
import type { SchedulerState } from '../../shared/api/lab-contract';
import { PhoneFirmware } from '../phone/firmware';
import { PHONES_SITE, PhoneEndpoint } from '../phone/phone-endpoint';

/** Set on every cluster once the lab's own certificate exchange (exchangeCertificates) has completed. */
const EXCHANGED_SETTING = 'labCertificateExchange';

export interface LabOptions {
  /** Folder of the cluster databases; omit for an in-memory lab (tests). */
  dataDir?: string;
  /** Definitions of the clusters; a cluster whose database already exists keeps its data. */
  clusters: readonly ClusterDefinition[];
  clock?: LabClock;
  /** Where certificate keys come from (tests pass a pool). */
  keys?: KeySource;
  /**
   * Run Bulk Certificate Management's export, consolidate and import on every cluster when the
   * lab's databases are new, as an administrator would have (the demo lab); a fresh lab starts
   * without cross-cluster trust.
   */
  exchangeCertificates?: boolean;
  /**
   * Called for each cluster whose database was new, right after its definition was applied and
   * before its nodes start: a lab file puts back certificates and trust here. Throwing ends the open.
   */
  afterDefinition?: (cluster: Cluster, definition: ClusterDefinition) => void;
  /**
   * Faults switched on as the lab opens: after the first remote cluster update (which must not
   * wait out a fault's lab-time timeout) and before the phones boot (which must meet them).
   */
  faults?: readonly { fault: FaultId; target: string; value?: number }[];
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
  private readonly adminListeners = new Set<(cluster: string, change: AdminChange) => void>();
  readonly trace: Trace;
  /** The phones' login attempts, each with the messages it caused (the last 200). */
  readonly attempts: AttemptLog;
  private readonly schedulerListeners = new Set<(s: SchedulerState) => void>();
  /** Outside faults switched on for clusters, nodes and links (shared/faults.ts). */
  readonly faults = new LabFaults();
  private sftp: RunningSftpServer | undefined;
  /** The embedded SFTP server's folder when the lab has no data folder (removed at close). */
  private scratchDir: string | undefined;

  private constructor(clock: LabClock) {
    this.clock = clock;
    this.trace = new Trace(() => clock.now());
    this.attempts = new AttemptLog(() => clock.now());
    this.network.observer = this.attempts;
    // A line written while a message of an attempt is served is one of its decisions.
    this.trace.onEntry((e) => {
      if (e.span !== undefined) this.attempts.noteDecision(e.span, e.text);
    });
    this.network.linkState = (from, to) => {
      const a = clusterOfSite(from);
      const b = clusterOfSite(to);
      if (!a || !b) return {};
      const loss = this.faults.linkValue('wanLoss', a, b);
      return {
        down: this.faults.link('wanDown', a, b),
        silent: this.faults.has('noResponse', b) || (loss !== undefined && this.lossRandom() * 100 < loss),
        latencyMs: this.faults.linkValue('wanLatency', a, b),
        ...(this.faults.link('proxy', a, b) ? { via: '1.1 wan-proxy.lab' } : {}),
      };
    };
    this.network.labDelay = (ms, fn) => void clock.setTimer(ms, fn);
    this.network.hostDown = (host) => this.faults.has('nodeDown', host);
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
      await lab.startSftp(options.dataDir);
      for (const def of options.clusters) {
        const file = options.dataDir ? path.join(options.dataDir, `${def.name}.sqlite`) : ':memory:';
        const store = new ClusterStore(file);
        const cluster: Cluster = new Cluster(store, lab.clock, lab.network, {
          peers: lab.peersOf((): Cluster => cluster),
          yieldToOthers: () => new Promise((resolve) => setImmediate(resolve)),
          keys: options.keys ?? FRESH_KEYS,
          openFiles: (settings) => lab.openFiles(settings),
          trace: (text) => lab.trace.add(text, def.name),
          faults: lab.faults.viewFor(() => def.name),
          schedulerRan: (state) => {
            for (const l of lab.schedulerListeners) l(state);
          },
        });
        lab.clusters.push(cluster);
        if (store.isEmpty()) {
          applyDefinition(store, cluster.admin, def);
          options.afterDefinition?.(cluster, def);
        }
      }
      await lab.endpoint.start();
      for (const c of lab.clusters) await c.start();
      // The demo lab's exchange runs until it has completed once on every cluster: a lab that is
      // new, made before certificates existed, or whose first start was killed half-way through
      // the exchange (exported, not yet imported) gets it; after that, the trust is the user's.
      const exchanged = lab.clusters.every((c) => c.store.setting(EXCHANGED_SETTING) === 'done');
      if (options.exchangeCertificates && !exchanged) {
        await lab.exchangeCertificates();
        for (const c of lab.clusters) c.store.setSetting(EXCHANGED_SETTING, 'done');
      }
      await Promise.all(lab.clusters.map((c) => c.startSchedulers()));
      for (const f of options.faults ?? []) {
        const refused = lab.setFault(f.fault, f.target, true, f.value);
        if (refused.length) throw new Error(`fault ${f.fault} on ${f.target}: ${refused[0]!.message}`);
      }
      for (const c of lab.clusters) {
        for (const row of c.store.phones()) lab.addPhone(c, row.name, row.model);
        c.onAdminChange((change) => lab.adminChanged(c, change));
      }
    } catch (e) {
      await lab.close();
      throw e;
    }
    return lab;
  }

  /** Which requests a lossy link drops: a seeded sequence, so a lab with the same faults loses the same requests. */
  private lossState = 0x2545f491;
  private lossRandom(): number {
    // mulberry32
    let t = (this.lossState = (this.lossState + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }



  /** The embedded SFTP server (host "sftp.lab", port 22 in the clusters' settings) over a folder of the lab. */
  private async startSftp(dataDir: string | undefined): Promise<void> {
    const root = dataDir ? path.join(dataDir, 'sftp') : (this.scratchDir = mkdtempSync(path.join(os.tmpdir(), 'emcc-lab-sftp-')));
    this.sftp = await startSftpServer({ root, user: DEFAULT_SFTP.user, password: DEFAULT_SFTP.password });
    this.network.register({ host: DEFAULT_SFTP.host, site: 'lab', port: this.sftp.port });
  }

  /** An SFTP session as a cluster's Bulk Certificate Management opens it; lab host names resolve here. */
  private openFiles(settings: SftpSettings) {
    return sftpSession(settings, {
      // The lab's SFTP host answers on port 22 only; any other name or port is dialled as given.
      connect: (host, port) => {
        const entry = this.network.lookup(host);
        return entry && port === 22 ? { host: '127.0.0.1', port: entry.port } : { host, port };
      },
    });
  }

  /** Export on every cluster, consolidate, import on every cluster: the guide's step 3, done for the demo lab. */
  async exchangeCertificates(): Promise<void> {
    for (const c of this.clusters) c.pki.submitExport();
    await Promise.all(this.clusters.map((c) => c.admin.bulk.idle()));
    this.clusters[0]?.pki.submitConsolidate();
    await this.clusters[0]?.admin.bulk.idle();
    for (const c of this.clusters) c.pki.submitImport();
    await Promise.all(this.clusters.map((c) => c.admin.bulk.idle()));
    const failed = this.clusters.flatMap((c) => c.admin.bulk.jobs().filter((j) => j.status === 'Failed').map((j) => `${c.name}: ${j.result}`));
    if (failed.length) throw new Error(`certificate exchange failed: ${failed.join('; ')}`);
    // The trust arrived after the first remote cluster update: ask again now.
    await Promise.all(this.clusters.map((c) => c.updateRemoteClustersNow()));
  }

  /** What a cluster's administration needs to know of the other clusters. */
  private peersOf(self: () => Cluster): LabPeers {
    const others = () => this.clusters.filter((c) => c !== self());
    return {
      hostTakenElsewhere: (host) => others().some((c) => c.store.nodes().some((n) => n.host.toLowerCase() === host.toLowerCase())),
      deviceNameElsewhere: (name) => others().find((c) => c.store.phone(name))?.name,
    };
  }

  /** A cluster's configuration changed: phones added, removed or renamed come and go here too. */
  private adminChanged(cluster: Cluster, change: AdminChange): void {
    if (change.what === 'config' && change.kind === 'phone' && 'deleted' in change) {
      if (change.oldKey && (change.deleted || change.oldKey.toUpperCase() !== change.key.toUpperCase())) this.removePhone(change.oldKey);
      const row = change.deleted ? undefined : cluster.store.phone(change.key);
      if (row && !this.phones.has(row.name.toUpperCase())) this.addPhone(cluster, row.name, row.model);
    }
    for (const l of this.adminListeners) l(cluster.name, change);
    if (change.what === 'config') this.changed();
  }

  private removePhone(deviceName: string): void {
    const phone = this.phones.get(deviceName.toUpperCase());
    if (!phone) return;
    phone.firmware.shutdown();
    this.phones.delete(deviceName.toUpperCase());
    this.registeredAt.delete(deviceName);
  }

  /** Called after every administration change of any cluster, with the cluster's lab name. */
  onAdminChange(listener: (cluster: string, change: AdminChange) => void): () => void {
    this.adminListeners.add(listener);
    return () => this.adminListeners.delete(listener);
  }

  /** A cluster by its lab name ("home"). */
  /** Every scheduler of every cluster. */
  schedulerStates(): SchedulerState[] {
    return this.clusters.flatMap((c) => c.schedulerStates());
  }

  onSchedulerRun(listener: (s: SchedulerState) => void): () => void {
    this.schedulerListeners.add(listener);
    return () => this.schedulerListeners.delete(listener);
  }

  /**
   * Jump the lab clock forward by `ms`, firing every timer due on the way in order, and letting
   * each scheduler run that a timer started finish before the next timer fires (a run is real
   * network traffic: it must see the lab as it was at its due time).
   */
  async advance(ms: number): Promise<void> {
    const target = this.clock.now() + ms;
    for (let next = this.clock.nextDueAt(); next !== undefined && next <= target; next = this.clock.nextDueAt()) {
      this.clock.advance(Math.max(0, next - this.clock.now()));
      const running = this.schedulerRunsInProgress();
      if (running.length) await Promise.all(running);
    }
    this.clock.advance(Math.max(0, target - this.clock.now()));
    await Promise.all(this.schedulerRunsInProgress());
  }

  private schedulerRunsInProgress(): Promise<void>[] {
    const running: Promise<void>[] = [];
    for (const c of this.clusters) for (const s of c.schedulers) if (s.inProgress) running.push(s.inProgress);
    return running;
  }

  /** A cluster's trace (or the whole lab's) as a text file: one line per entry, lab time first. */
  traceFile(cluster?: string): { fileName: string; text: string } {
    const lines = this.trace.list(cluster).map((e) => `${new Date(e.at).toISOString()}\t${e.cluster ?? 'lab'}\t${e.text}`);
    const stamp = new Date(this.clock.now()).toISOString().replace(/[:.]/g, '-');
    return { fileName: `emcc-lab-trace-${cluster ?? 'lab'}-${stamp}.txt`, text: `${lines.join('\n')}\n` };
  }

  /**
   * Switch an outside fault on or off for a cluster (its lab name), a node (its host name) or
   * the link between two clusters ("a|b"). Answers what is wrong with the target, or nothing.
   */
  setFault(fault: FaultId, target: string, active: boolean, value?: number): FieldError[] {
    const def = faultDef(fault);
    let key = target;
    if (value !== undefined && !def.value) return [{ field: 'value', message: `${def.label} takes no value` }];
    const size = def.value && active ? (value ?? def.value.default) : undefined;
    if (def.value && size !== undefined && !(size >= def.value.min && size <= def.value.max)) {
      return [{ field: 'value', message: `${def.label} must be ${def.value.min} to ${def.value.max} ${def.value.unit}` }];
    }
    if (def.scope === 'cluster' && !this.clusterNamed(target)) return [{ field: 'target', message: `no cluster named ${target}` }];
    if (def.scope === 'node' && !this.clusters.some((c) => c.store.nodes().some((n) => n.host.toLowerCase() === target.toLowerCase()))) {
      return [{ field: 'target', message: `no node with host name ${target}` }];
    }
    if (def.scope === 'link') {
      const ends = target.split('|');
      if (ends.length !== 2 || ends[0] === ends[1] || !ends.every((e) => this.clusterNamed(e))) {
        return [{ field: 'target', message: 'a link is two different cluster names joined by "|"' }];
      }
      key = LabFaults.linkTarget(ends[0]!, ends[1]!);
    }
    this.faults.set(fault, key, active, size);
    this.trace.add(`Fault "${def.label}"${size !== undefined ? ` (${size} ${def.value!.unit})` : ''} ${active ? 'switched on' : 'cleared'} for ${key}: ${def.effect}`);
    this.changed();
    return [];
  }

  clusterNamed(name: string): Cluster | undefined {
    return this.clusters.find((c) => c.name === name);
  }

  /** Boot an emulated phone for a phone record of a cluster. */
  private addPhone(cluster: Cluster, deviceName: string, model: string): void {
    const firmware = new PhoneFirmware({
      deviceName,
      model,
      dhcpTftp: () => cluster.tftpHost(),
      net: this.network.client(PHONES_SITE),
      clock: this.clock,
      contact: this.endpoint.contactOf(deviceName),
      onChange: (screen) => {
        for (const l of this.screenListeners) l(screen);
        // Where a phone is registered is part of the topology too.
        const at = screen.status === 'registered' ? (screen.registration?.clusterId ?? null) : null;
        if (this.registeredAt.get(deviceName) !== at) {
          this.registeredAt.set(deviceName, at);
          this.changed();
        }
      },
    });
    this.phones.set(deviceName.toUpperCase(), { firmware, cluster });
    firmware.boot();
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
          id: c.name, name: c.name, clusterId: id.clusterId, version: id.version, securityMode: id.securityMode,
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
    await this.sftp?.close();
    if (this.scratchDir) rmSync(this.scratchDir, { recursive: true, force: true });
    this.network.close();
    this.clock.dispose();
  }
}
