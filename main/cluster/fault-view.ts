/**
 * How a cluster's parts ask whether an outside fault is on (the lab's fault switches implement
 * it; see shared/faults.ts for the faults themselves).
 */
import type { ClusterFaultId, NodeFaultId } from '../../shared/faults';

export interface FaultView {
  /** Is this cluster-wide fault on for the asking cluster? */
  cluster(id: ClusterFaultId): boolean;
  /** Is this fault on for the node with host name `host`? */
  node(host: string, id: NodeFaultId): boolean;
}
