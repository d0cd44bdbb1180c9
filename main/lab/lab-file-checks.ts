/**
 * What a lab file's schema cannot say: names that must be unique (clusters, servers across the
 * lab, the records of each list), every record checked against the administration's own field
 * tables and one-record rules, references to records the file does not have, certificates that
 * must be readable and belong to their keys and servers, faults naming clusters, servers and
 * links the file has. Each problem names its field by its path in the file. Rules that need a
 * running cluster (capacity, trunk count, Validate) are left to the administration when the
 * file is opened.
 */
import { createPrivateKey, X509Certificate } from 'node:crypto';
import type { FileProblem } from '../../shared/api/file-contract';
import { ENTITIES } from '../../shared/admin/entities';
import { ENTITY_KINDS, type EntityKind, type FieldError } from '../../shared/admin/fields';
import { PAGES, type FormPage } from '../../shared/admin/pages';
import { checkField, checkRecord } from '../../shared/admin/validate';
import { ACTIVATABLE_SERVICES } from '../../shared/cluster-services';
import { DEFINITION_ORDER } from '../../shared/cluster-definition';
import { faultDef } from '../../shared/faults';
import type { LabFile } from '../../shared/lab-file';
import { fieldPath } from '../files/json-file';

type Path = readonly (string | number)[];
type Rec = Record<string, unknown>;
type LabCluster = LabFile['clusters'][number];

const isEntityKind = (r: string | undefined): r is EntityKind => (ENTITY_KINDS as readonly string[]).includes(r ?? '');
const lower = (v: unknown) => String(v).toLowerCase();

/** Every problem of a lab file its schema let through; empty when it can be opened. */
export function checkLabFile(file: LabFile): FileProblem[] {
  const problems: FileProblem[] = [];
  const add = (path: Path, message: string) => problems.push({ field: fieldPath(path), message });
  const addField = (path: Path, e: FieldError) => add(e.field ? [...path, e.field] : path, e.message);

  const clusterNames = new Set<string>();
  const hosts = new Set<string>();
  file.clusters.forEach((c, i) => {
    if (clusterNames.has(c.name)) add(['clusters', i, 'name'], `another cluster of the file is named "${c.name}"`);
    clusterNames.add(c.name);
    c.nodes.forEach((n, j) => {
      const host = n.record.host;
      if (typeof host !== 'string') return;
      if (hosts.has(lower(host))) add(['clusters', i, 'nodes', j, 'record', 'host'], `another server of the lab is named "${host}" (the lab network is one DNS)`);
      hosts.add(lower(host));
    });
    checkCluster(c, ['clusters', i], add, addField);
  });
  checkCertificates(file, add, addField);
  checkFaults(file, add);
  return problems;
}

type Add = (path: Path, message: string) => void;
type AddField = (path: Path, e: FieldError) => void;

/** The lists of a cluster as (kind, records, where they are in the file). */
function listsOf(c: LabCluster, at: Path): { kind: EntityKind; records: Rec[]; path: (j: number) => Path }[] {
  return [
    { kind: 'node', records: c.nodes.map((n) => n.record), path: (j) => [...at, 'nodes', j, 'record'] },
    ...DEFINITION_ORDER.map((kind) => ({ kind, records: c.records[kind] ?? [], path: (j: number): Path => [...at, 'records', kind, j] })),
    { kind: 'remoteCluster', records: c.remoteClusters, path: (j) => [...at, 'remoteClusters', j] },
  ];
}

function checkCluster(c: LabCluster, at: Path, add: Add, addField: AddField): void {
  const forms: [FormPage, Rec | undefined][] = [
    ['enterprise', c.enterprise], ['serviceParameters', c.serviceParameters], ['featureParameters', c.featureParameters], ['isp', c.interclusterServiceProfile],
  ];
  const formKey = { enterprise: 'enterprise', serviceParameters: 'serviceParameters', featureParameters: 'featureParameters', isp: 'interclusterServiceProfile' } as const;
  for (const [page, values] of forms) {
    if (values) checkFormValues(page, values, [...at, formKey[page as keyof typeof formKey]], addField);
  }
  c.nodes.forEach((n, j) => n.services.forEach((s, k) => {
    if (!ACTIVATABLE_SERVICES.some((a) => a.service === s)) add([...at, 'nodes', j, 'services', k], `unknown service "${s.slice(0, 64)}"`);
  }));

  const lists = listsOf(c, at);
  // Names per list as the file has them (case-insensitive, as Unified CM's names are).
  const names = new Map<EntityKind, Set<string>>();
  for (const { kind, records, path } of lists) {
    const key = ENTITIES[kind].key;
    const seen = new Set<string>();
    records.forEach((r, j) => {
      if (r[key] === undefined || r[key] === null) return;
      const name = lower(r[key]);
      if (seen.has(name)) add([...path(j), key], `another ${ENTITIES[kind].title} of this cluster is named "${String(r[key])}"`);
      seen.add(name);
    });
    names.set(kind, seen);
  }
  for (const { kind, records, path } of lists) {
    records.forEach((r, j) => {
      const checked = checkRecord(kind, r);
      if (!checked.ok) {
        for (const e of checked.errors) addField(path(j), e);
        return;
      }
      for (const e of missingReferences(kind, checked.value, names)) addField(path(j), e);
    });
  }
}

/** A form page's values as a cluster definition gives them: only the fields it names, each checked. */
function checkFormValues(page: FormPage, values: Rec, at: Path, addField: AddField): void {
  const fields = PAGES[page].fields;
  for (const [k, v] of Object.entries(values)) {
    const f = fields.find((x) => x.key === k);
    if (!f) addField(at, { field: k.slice(0, 40), message: 'is not a field of this page (unknown key)' });
    else {
      const r = checkField(f, v);
      if (!r.ok) addField(at, { field: k, message: r.message });
    }
  }
}

/** Fields naming records of this cluster that the file does not have. */
function missingReferences(kind: EntityKind, r: Rec, names: Map<EntityKind, Set<string>>): FieldError[] {
  const errors: FieldError[] = [];
  for (const f of ENTITIES[kind].fields) {
    if (!isEntityKind(f.ref) || f.readOnly) continue;
    const values = f.type === 'multiselect' ? ((r[f.key] ?? []) as string[]) : r[f.key] ? [String(r[f.key])] : [];
    const missing = values.filter((v) => !names.get(f.ref as EntityKind)?.has(lower(v)));
    if (missing.length) errors.push({ field: f.key, message: `${f.label}: this cluster has no ${ENTITIES[f.ref].title} named ${missing.map((m) => `"${m}"`).join(', ')}` });
  }
  return errors;
}

function checkCertificates(file: LabFile, add: Add, addField: AddField): void {
  if (!file.certificates) return;
  const covered = new Set<string>();
  file.certificates.forEach((entry, i) => {
    const at = ['certificates', i];
    const cluster = file.clusters.find((c) => c.name === entry.cluster);
    if (!cluster) return add([...at, 'cluster'], `the file has no cluster named "${entry.cluster}"`);
    if (covered.has(entry.cluster)) return add([...at, 'cluster'], `the certificates of cluster "${entry.cluster}" are given twice`);
    covered.add(entry.cluster);
    const hosts = new Set(cluster.nodes.map((n) => lower(n.record.host)));
    const seen = new Set<string>();
    entry.certificates.forEach((cert, j) => {
      const where = [...at, 'certificates', j];
      if (!hosts.has(lower(cert.host))) add([...where, 'host'], `cluster "${entry.cluster}" has no server named "${cert.host}"`);
      const id = `${lower(cert.host)} ${cert.purpose}`;
      if (seen.has(id)) add([...where, 'purpose'], `server "${cert.host}" has two ${cert.purpose} certificates`);
      seen.add(id);
      const problem = certificateProblem(cert.pem, cert.keyPem);
      if (problem) add([...where, problem.field], problem.message);
    });
    const trusted = new Set<string>();
    entry.trust.forEach((t, j) => {
      const x = readCertificate(t.pem);
      if (!x) return add([...at, 'trust', j, 'pem'], 'is not a readable certificate');
      const id = `${t.store} ${x.fingerprint256}`;
      if (trusted.has(id)) add([...at, 'trust', j, 'pem'], `${t.store} holds this certificate twice`);
      trusted.add(id);
    });
    if (entry.sftp) checkFormValues('sftpSettings', entry.sftp, [...at, 'sftp'], addField);
  });
  for (const c of file.clusters) {
    if (!covered.has(c.name)) add(['certificates'], `no certificates for cluster "${c.name}" (give every cluster's, or leave "certificates" out to make new ones)`);
  }
}

function readCertificate(pem: string): X509Certificate | undefined {
  try {
    return new X509Certificate(pem);
  } catch {
    return undefined;
  }
}

/** Whether a certificate reads and its key is the key of that certificate (a node's TLS server needs the pair). */
function certificateProblem(pem: string, keyPem: string): { field: string; message: string } | undefined {
  const x = readCertificate(pem);
  if (!x) return { field: 'pem', message: 'is not a readable certificate' };
  try {
    if (!x.checkPrivateKey(createPrivateKey(keyPem))) return { field: 'keyPem', message: 'is not the private key of this certificate' };
  } catch {
    return { field: 'keyPem', message: 'is not a readable private key' };
  }
  return undefined;
}

/** Faults as Lab.setFault takes them: an existing target of the fault's scope, a value only where the fault has a size. */
function checkFaults(file: LabFile, add: Add): void {
  const clusters = new Set(file.clusters.map((c) => c.name));
  const hosts = new Set(file.clusters.flatMap((c) => c.nodes.map((n) => lower(n.record.host))));
  const seen = new Set<string>();
  file.faults.forEach((f, i) => {
    const at = ['faults', i];
    const def = faultDef(f.fault);
    let target = lower(f.target);
    if (def.scope === 'cluster' && !clusters.has(f.target)) add([...at, 'target'], `the file has no cluster named "${f.target}"`);
    if (def.scope === 'node' && !hosts.has(target)) add([...at, 'target'], `the file has no server named "${f.target}"`);
    if (def.scope === 'link') {
      const ends = f.target.split('|');
      if (ends.length !== 2 || ends[0] === ends[1] || !ends.every((e) => clusters.has(e))) add([...at, 'target'], 'a link is two different cluster names of the file joined by "|"');
      target = [...ends].sort().join('|');
    }
    if (f.value !== undefined && !def.value) add([...at, 'value'], `${def.label} takes no value`);
    if (def.value && f.value !== undefined && !(f.value >= def.value.min && f.value <= def.value.max)) {
      add([...at, 'value'], `${def.label} must be ${def.value.min} to ${def.value.max} ${def.value.unit}`);
    }
    const id = `${f.fault} ${target}`;
    if (seen.has(id)) add(at, `${def.label} on ${f.target} is given twice`);
    seen.add(id);
  });
}
