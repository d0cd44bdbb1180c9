/**
 * The lab's fault switches (shared/faults.ts): which outside faults are on, per cluster, per node
 * and per link between two clusters. Faults are lab state, not configuration: they live in
 * memory and a restart clears them, as fixing the outside cause would.
 */
import { FAULTS, type FaultId, type LinkFaultId } from '../../shared/faults';
import type { FaultView } from '../cluster/fault-view';

export interface ActiveFault {
  fault: FaultId;
  /** The size of a fault that has one (latency in ms, loss in %). */
  value?: number;
  /** The cluster's lab name, the node's host name, or the two cluster names of a link ("a|b", sorted). */
  target: string;
}


export class LabFaults {
  private readonly on = new Set<string>();
  private readonly values = new Map<string, number>();
  private readonly listeners = new Set<() => void>();

  static linkTarget(a: string, b: string): string {
    return [a.toLowerCase(), b.toLowerCase()].sort().join('|');
  }

  private static key(fault: FaultId, target: string): string {
    return `${fault} ${target.toLowerCase()}`;
  }

  set(fault: FaultId, target: string, active: boolean, value?: number): void {
    const key = LabFaults.key(fault, target);
    if (active === this.on.has(key) && (!active || value === this.values.get(key))) return;
    if (active) this.on.add(key);
    else this.on.delete(key);
    if (active && value !== undefined) this.values.set(key, value);
    else this.values.delete(key);
    for (const l of this.listeners) l();
  }

  /** The size of an active fault on a link (latency ms, loss %), if it is on. */
  linkValue(fault: LinkFaultId, clusterA: string, clusterB: string): number | undefined {
    if (this.on.size === 0) return undefined;
    const key = LabFaults.key(fault, LabFaults.linkTarget(clusterA, clusterB));
    return this.on.has(key) ? this.values.get(key) : undefined;
  }

  has(fault: FaultId, target: string): boolean {
    return this.on.size > 0 && this.on.has(LabFaults.key(fault, target));
  }

  link(fault: LinkFaultId, clusterA: string, clusterB: string): boolean {
    // Asked before every request between clusters: no fault on, no key to build.
    return this.on.size > 0 && this.has(fault, LabFaults.linkTarget(clusterA, clusterB));
  }

  list(): ActiveFault[] {
    return [...this.on].map((k) => {
      const [fault, target] = k.split(' ') as [FaultId, string];
      const value = this.values.get(k);
      return value === undefined ? { fault, target } : { fault, target, value };
    }).sort((a, b) => FAULTS.findIndex((f) => f.id === a.fault) - FAULTS.findIndex((f) => f.id === b.fault) || a.target.localeCompare(b.target));
  }

  clear(): void {
    if (this.on.size === 0) return;
    this.on.clear();
    this.values.clear();
    for (const l of this.listeners) l();
  }

  /** The view a cluster's EM service, EMApp and node routers read. */
  viewFor(clusterName: () => string): FaultView {
    return {
      cluster: (id) => this.has(id, clusterName()),
      node: (host, id) => this.has(id, host),
    };
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
