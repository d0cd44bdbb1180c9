/**
 * The outside faults a support engineer can switch on to reproduce what a customer saw: the
 * causes of the guide's error codes that no configuration page can produce (a database
 * exception, RIS down, the directory failing, a WAN link down...). One row per fault: where it
 * applies, what it breaks and which codes it leads to. The main process's fault controls, their
 * API and (in #6) their UI all read this table.
 */

/** Where a fault is switched: a whole cluster, one node of it, or the link between two clusters. */
export type FaultScope = 'cluster' | 'node' | 'link';

export interface FaultDef {
  id: string;
  scope: FaultScope;
  label: string;
  /** What breaks, in the words of the guide's cause column. */
  effect: string;
  /** The codes a phone or an EM API application then sees. */
  codes: readonly number[];
  /** A fault with a size (latency, loss): its unit, default and limits. */
  value?: { unit: 'ms' | '%'; default: number; min: number; max: number };
}

export const FAULTS = [
  { id: 'database', scope: 'cluster', label: 'Database exception', codes: [6],
    effect: 'The database throws while the EM service runs a login, logout or query.' },
  { id: 'emCache', scope: 'cluster', label: 'EM cache unreadable', codes: [4],
    effect: 'The EM service cannot read its cache while validating a login or logout (policy validation).' },
  { id: 'deviceState', scope: 'cluster', label: 'Device login state unreadable', codes: [21],
    effect: 'The current login state of a device cannot be read from the cache or the database (hoteling status).' },
  { id: 'directory', scope: 'cluster', label: 'Directory (IMS) failing', codes: [204, 9],
    effect: 'IMS throws when it authenticates a user: the EMApp shows 204 for a local user, the home EM service answers 9 for an EMCC user.' },
  { id: 'ris', scope: 'cluster', label: 'RIS Data Collector down', codes: [29],
    effect: 'The RISDC cache is not initialized and the EM service cannot reach RISDC.' },
  { id: 'unknown', scope: 'cluster', label: 'EM service internal failure', codes: [0],
    effect: 'The EM service fails for a reason it cannot name.' },
  { id: 'noResponse', scope: 'cluster', label: 'EM service never answers other clusters', codes: [40],
    effect: 'The EM service accepts requests from other clusters but never answers; the visiting cluster gives up (40, shown as 23).' },
  { id: 'emServiceDown', scope: 'node', label: 'EM service down', codes: [208],
    effect: 'The Cisco Extension Mobility service of the node is stopped: nothing listens for it.' },
  { id: 'emAppInit', scope: 'node', label: 'EMApp initialization failed', codes: [210],
    effect: 'The EM application of the node could not reach the database when it started.' },
  { id: 'nodeDown', scope: 'node', label: 'Node down', codes: [208],
    effect: 'The node is off: every connection to it is refused (its EMApp, EM service, TFTP and CallManager).' },
  { id: 'tftpDown', scope: 'node', label: 'TFTP service stopped', codes: [],
    effect: 'The Cisco Tftp service of the node is stopped: phones get no configuration file from it.' },
  { id: 'callManagerDown', scope: 'node', label: 'CallManager service stopped', codes: [],
    effect: 'The Cisco CallManager service of the node is stopped: phones cannot register to it.' },
  { id: 'wanDown', scope: 'link', label: 'WAN down', codes: [208],
    effect: 'Nothing crosses the link between the two clusters.' },
  { id: 'wanLatency', scope: 'link', label: 'WAN latency', codes: [], value: { unit: 'ms', default: 200, min: 1, max: 60_000 },
    effect: 'Every request between the two clusters takes this much longer (lab time); beyond the 30 s answer timeout the sender gives up (40).' },
  { id: 'wanLoss', scope: 'link', label: 'WAN packet loss', codes: [40], value: { unit: '%', default: 10, min: 1, max: 100 },
    effect: 'This share of the requests between the two clusters is lost: the sender waits for its timeout (lab time) and gives up.' },
  { id: 'proxy', scope: 'link', label: 'HTTP proxy on the WAN', codes: [30],
    effect: 'Requests between the two clusters pass a proxy that adds a Via header (refused with 30 when EMCC Allow Proxy is False).' },
] as const satisfies readonly FaultDef[];

export type FaultId = (typeof FAULTS)[number]['id'];
export type ClusterFaultId = Extract<(typeof FAULTS)[number], { scope: 'cluster' }>['id'];
export type NodeFaultId = Extract<(typeof FAULTS)[number], { scope: 'node' }>['id'];
export type LinkFaultId = Extract<(typeof FAULTS)[number], { scope: 'link' }>['id'];

export const FAULT_IDS = FAULTS.map((f) => f.id) as [FaultId, ...FaultId[]];

export function faultDef(id: FaultId): FaultDef {
  return FAULTS.find((f) => f.id === id)!;
}
