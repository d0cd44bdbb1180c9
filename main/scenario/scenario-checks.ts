/**
 * What a scenario's schema cannot say: the phones, clusters, servers and fault targets its steps
 * name exist in its lab (or are added by an earlier step), trust stores and certificate purposes
 * are real ones, and each expectation checks something it can check. Each problem names its
 * field by its path in the file ("steps.3.device").
 */
import type { FileProblem } from '../../shared/api/file-contract';
import { PURPOSE_IDS, TRUST_STORES } from '../../shared/certificates';
import type { ClusterDefinition } from '../../shared/cluster-definition';
import { faultDef } from '../../shared/faults';
import type { Scenario, ScenarioStep } from '../../shared/scenario';
import { fieldPath } from '../files/json-file';

/** Names as the lab spells them, found case-insensitively (as the clusters compare them). */
class Names {
  private readonly byLower = new Map<string, string>();
  add(name: unknown): void {
    if (name !== undefined && name !== null) this.byLower.set(lower(name), String(name));
  }
  has(name: string): boolean {
    return this.byLower.has(lower(name));
  }
  /** Spelt exactly so (a fault's cluster is found by its exact lab name). */
  hasExactly(name: string): boolean {
    return this.byLower.get(lower(name)) === name;
  }
  toString(): string {
    return this.byLower.size ? [...this.byLower.values()].join(', ') : 'none';
  }
}

/** The names a lab has: what a step may refer to. */
interface Known {
  clusterNames: Names;
  clusterIds: Names;
  hosts: Names;
  devices: Names;
}

const lower = (v: unknown) => String(v ?? '').toLowerCase();
const list = (s: Names) => s.toString();

function knownOf(clusters: readonly ClusterDefinition[]): Known {
  const k: Known = { clusterNames: new Names(), clusterIds: new Names(), hosts: new Names(), devices: new Names() };
  for (const c of clusters) {
    k.clusterNames.add(c.name);
    k.clusterIds.add(c.enterprise.clusterId);
    for (const n of c.nodes) k.hosts.add(n.record.host);
    for (const p of c.records?.phone ?? []) k.devices.add(p.name);
  }
  return k;
}

/** Names an administration step adds to the lab (a phone, a server, a new Cluster ID). */
function learn(k: Known, step: ScenarioStep): void {
  if (step.do === 'save' && step.kind === 'phone' && typeof step.set.name === 'string') k.devices.add(step.set.name);
  if (step.do === 'save' && step.kind === 'node' && typeof step.set.host === 'string') k.hosts.add(step.set.host);
  if (step.do === 'form' && step.page === 'enterprise' && typeof step.set.clusterId === 'string') k.clusterIds.add(step.set.clusterId);
}

const TRUST_STORE_IDS: readonly string[] = TRUST_STORES.map((t) => t.id);
const PURPOSES: readonly string[] = PURPOSE_IDS;

/**
 * Every problem of a parsed scenario whose lab's clusters are known (`clusters` undefined: the
 * lab could not be read, only the checks that need no lab run).
 */
export function checkScenario(scenario: Scenario, clusters: readonly ClusterDefinition[] | undefined): FileProblem[] {
  const problems: FileProblem[] = [];
  const known = clusters ? knownOf(clusters) : undefined;
  scenario.steps.forEach((step, i) => {
    const add = (field: string, message: string) => problems.push({ field: fieldPath(['steps', i, field]), message });
    checkStep(step, add, known);
    if (known) learn(known, step);
  });
  return problems;
}

function checkStep(step: ScenarioStep, add: (field: string, message: string) => void, k: Known | undefined): void {
  const device = (name: string | undefined, field = 'device') => {
    if (k && name !== undefined && !k.devices.has(name)) add(field, `no phone named "${name}" in this scenario's lab (phones: ${list(k.devices)})`);
  };
  const cluster = (name: string, field = 'cluster') => {
    if (k && !k.clusterNames.has(name) && !k.clusterIds.has(name)) {
      add(field, `no cluster named or with Cluster ID "${name}" in this scenario's lab (clusters: ${list(k.clusterNames)}; Cluster IDs: ${list(k.clusterIds)})`);
    }
  };
  const host = (name: string, field = 'host') => {
    if (k && !k.hosts.has(name)) add(field, `no server "${name}" in this scenario's lab (servers: ${list(k.hosts)})`);
  };
  const purpose = (p: string) => {
    if (!PURPOSES.includes(p)) add('purpose', `must be one of ${PURPOSES.join(', ')}`);
  };
  switch (step.do) {
    case 'press':
      if (step.wait === false && !step.keys.length) add('wait', 'false applies to the last key pressed: give the keys');
      return device(step.device);
    case 'login':
    case 'logout':
      return device(step.device);
    case 'save':
    case 'delete':
    case 'form':
    case 'updateRemoteClusters':
      return cluster(step.cluster);
    case 'services':
      cluster(step.cluster);
      return host(step.host);
    case 'untrust':
      cluster(step.cluster);
      host(step.host);
      if (!TRUST_STORE_IDS.includes(step.store)) add('store', `must be one of ${TRUST_STORE_IDS.join(', ')}`);
      return purpose(step.purpose);
    case 'regenerate':
      cluster(step.cluster);
      host(step.host);
      return purpose(step.purpose);
    case 'emApi':
      return host(step.host);
    case 'adminLogOut':
      cluster(step.cluster);
      return device(step.device);
    case 'clock':
      return;
    case 'fault':
      return checkFaultTarget(step, add, k);
    case 'expect': {
      const onPhone = step.shows !== undefined || step.code !== undefined || step.registeredTo !== undefined || step.loggedIn !== undefined
        || step.emccSecurity !== undefined;
      const onApi = step.apiCode !== undefined || step.apiAnswer !== undefined;
      if (!onPhone && !onApi) add('do', 'an expectation must check something: shows, code, registeredTo, loggedIn, emccSecurity, apiCode or apiAnswer');
      if (onPhone && step.device === undefined) add('device', 'is missing: shows, code, registeredTo, loggedIn and emccSecurity look at a phone');
      device(step.device);
      if (typeof step.registeredTo === 'string') cluster(step.registeredTo, 'registeredTo');
      return;
    }
  }
}

/** A cluster fault names a cluster (its lab name), a node fault a server, a link fault "a|b". */
function checkFaultTarget(step: Extract<ScenarioStep, { do: 'fault' }>, add: (field: string, message: string) => void, k: Known | undefined): void {
  const def = faultDef(step.fault);
  if (step.value !== undefined && !def.value) add('value', `${def.label} takes no value`);
  if (def.value && step.value !== undefined && (step.value < def.value.min || step.value > def.value.max)) {
    add('value', `must be ${def.value.min} to ${def.value.max} ${def.value.unit}`);
  }
  if (!k) return;
  if (def.scope === 'cluster' && !k.clusterNames.hasExactly(step.target)) add('target', `${def.label} is switched for a cluster by its lab name (clusters: ${list(k.clusterNames)})`);
  if (def.scope === 'node' && !k.hosts.has(step.target)) add('target', `${def.label} is switched for a server (servers: ${list(k.hosts)})`);
  if (def.scope === 'link') {
    const ends = step.target.split('|');
    if (ends.length !== 2 || ends[0] === ends[1] || !ends.every((e) => k.clusterNames.hasExactly(e))) {
      add('target', `a link is two different cluster names joined by "|" (clusters: ${list(k.clusterNames)})`);
    }
  }
}
