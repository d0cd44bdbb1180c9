/**
 * Lab files (`.emcclab`): read one (refused with the field at fault and what is wrong with it),
 * open it as a new lab in a folder of its own, and save the open lab as one. Reading and opening
 * never touch the lab that is open: a refused file leaves it as it was, and a file the
 * administration refuses while it is being opened leaves no half-made folder behind.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { FileProblem } from '../../shared/api/file-contract';
import type { FieldError } from '../../shared/admin/fields';
import { LabFile, LabFileHeader } from '../../shared/lab-file';
import { LabClock } from '../clock/lab-clock';
import type { Cluster } from '../cluster/cluster';
import { DefinitionError } from '../cluster/cluster-definition';
import type { KeySource } from '../cluster/pki/key-source';
import { capped, checkJson, fieldPath, readJson } from '../files/json-file';
import { Lab } from './lab';
import { checkLabFile } from './lab-file-checks';

export { exportLabFile } from './lab-file-export';
export { checkLabFile } from './lab-file-checks';

export type LabFileResult = { ok: true; file: LabFile } | { ok: false; errors: FileProblem[] };

type LabCluster = LabFile['clusters'][number];
type Path = readonly (string | number)[];

/** A lab file that cannot be opened, with every problem found. */
export class LabFileError extends Error {
  constructor(readonly problems: FileProblem[]) {
    super(problems.map((p) => (p.field ? `${p.field}: ${p.message}` : p.message)).join('; '));
    this.name = 'LabFileError';
  }
}

/** A lab file's text, checked: JSON, then what kind and version of file, then its schema and the checks beyond it. */
export function parseLabFile(text: string): LabFileResult {
  const json = readJson(text);
  return json.ok ? validateLabFile(json.value) : { ok: false, errors: json.errors };
}

/** A lab file already read as JSON (a scenario's inline lab), checked as parseLabFile checks it. */
export function validateLabFile(value: unknown): LabFileResult {
  // A file of another kind or a newer version is refused for that alone.
  const header = checkJson(value, LabFileHeader);
  if (!header.ok) return header;
  const parsed = checkJson(value, LabFile);
  if (!parsed.ok) return parsed;
  const problems = checkLabFile(parsed.value);
  return problems.length ? { ok: false, errors: capped(problems) } : { ok: true, file: parsed.value };
}

export interface OpenLabFileOptions {
  /** Where certificate keys come from when the file has no certificates (tests pass a pool). */
  keys?: KeySource;
}

/**
 * Open a lab file as a new lab in `dataDir` (absent or empty): each cluster's definition applied
 * through its administration, certificates and trust put back (or, when the file has none, made
 * and exchanged as the demo lab's are, when they can be: see whyNoExchange), faults switched on,
 * the clock at the file's time, speed and pause. Throws a LabFileError naming the field at fault;
 * `dataDir` is then as it was.
 */
export async function openLabFile(file: LabFile, dataDir: string, options: OpenLabFileOptions = {}): Promise<Lab> {
  const checked = validateLabFile(file);
  if (!checked.ok) throw new LabFileError(checked.errors);
  const f = checked.file;
  const existed = existsSync(dataDir);
  if (existed && readdirSync(dataDir).length) throw new LabFileError([{ field: '', message: `${dataDir} is not an empty folder` }]);

  const noExchange = f.certificates ? null : whyNoExchange(f);
  let applied = 0;
  // Paused while it opens, so the lab starts at exactly the file's time.
  const clock = new LabClock({ start: f.clock.start, speed: f.clock.speed, paused: true });
  let lab: Lab;
  try {
    lab = await Lab.open({
      dataDir,
      clusters: f.clusters.map(firstPass),
      clock,
      keys: options.keys,
      exchangeCertificates: !f.certificates && !noExchange,
      faults: f.faults,
      afterDefinition: (cluster, def) => {
        const i = f.clusters.findIndex((c) => c.name === def.name);
        applied++;
        finishDefinition(cluster, f.clusters[i]!, ['clusters', i]);
        restoreCertificates(cluster, f, f.certificates?.findIndex((c) => c.cluster === def.name) ?? -1);
      },
    });
  } catch (e) {
    removeContents(dataDir, existed);
    if (e instanceof DefinitionError) throw new LabFileError([{ field: fieldPath(['clusters', applied]), message: e.message }]);
    throw e;
  }
  if (noExchange) lab.trace.add(`Lab file ${f.name}: certificates made for each cluster but not exchanged: ${noExchange}. The clusters trust only their own nodes, as in a fresh lab, until Bulk Certificate Management exchanges them.`);
  if (!f.clock.paused) lab.clock.resume();
  return lab;
}

/**
 * Why the bulk certificate exchange of a file without certificates cannot work, or null. Each
 * cluster exports to a file named after its Cluster ID and Consolidate needs the exports of two
 * or more clusters: with one cluster, or two sharing a Cluster ID (one export overwrites the
 * other), a real administrator's exchange cannot consolidate either. The lab then opens without
 * cross-cluster trust instead of refusing the file. Cluster IDs are compared without case, as an
 * SFTP server on a case-insensitive disk names files.
 */
function whyNoExchange(f: LabFile): string | null {
  if (f.clusters.length < 2) return 'the lab has one cluster, and Consolidate needs the exports of two or more';
  const byId = new Map<string, string[]>();
  for (const c of f.clusters) {
    const id = String(c.enterprise.clusterId ?? '');
    byId.set(id.toLowerCase(), [...(byId.get(id.toLowerCase()) ?? []), `${c.name} (${id})`]);
  }
  const shared = [...byId.values()].filter((names) => names.length > 1);
  if (!shared.length) return null;
  return `${shared.map((names) => names.join(' and ')).join('; ')} share a Cluster ID, so their bulk exports have the same file name`;
}

/**
 * A device profile's Login User Id names an end user, and end users name device profiles: the
 * definition's order (profiles before users) cannot give both at once, so the profile is first
 * added without its login user and saved again with it once the users exist.
 */
function firstPass(def: LabCluster): LabCluster {
  const profiles = def.records.deviceProfile;
  if (!profiles?.some((p) => p.loginUserId)) return def;
  return { ...def, records: { ...def.records, deviceProfile: profiles.map((p) => (p.loginUserId ? { ...p, loginUserId: null } : p)) } };
}

/** What the definition's order could not set (see firstPass), saved through the administration. */
function finishDefinition(cluster: Cluster, def: LabCluster, at: Path): void {
  (def.records.deviceProfile ?? []).forEach((p, j) => {
    if (p.loginUserId) must(cluster.admin.save('deviceProfile', String(p.name), p), [...at, 'records', 'deviceProfile', j]);
  });
  // With "Enable All Remote Cluster Services When Adding A New Remote Cluster" True, a remote
  // cluster is added with every service on; the file's own choice is saved over it.
  def.remoteClusters.forEach((r, j) => {
    if (r.emccEnabled !== true || r.pstnEnabled !== true || r.rsvpEnabled !== true) {
      must(cluster.admin.save('remoteCluster', String(r.clusterId), r), [...at, 'remoteClusters', j]);
    }
  });
}

function restoreCertificates(cluster: Cluster, file: LabFile, i: number): void {
  const entry = file.certificates?.[i];
  if (!entry) return;
  const at = ['certificates', i];
  const refused = cluster.pki.restore({
    certificates: entry.certificates,
    trust: entry.trust.map((t) => ({ store: t.store, pem: t.pem, source: t.source ?? `lab file ${file.name}` })),
    lastExport: entry.lastExport,
    exportNeeded: entry.exportNeeded,
  });
  must(refused, [...at, 'certificates']);
  if (entry.sftp) must(cluster.admin.saveForm('sftpSettings', { ...cluster.admin.form('sftpSettings'), ...entry.sftp }), [...at, 'sftp']);
}

function must(result: { ok: true } | { ok: false; errors: FieldError[] } | FieldError[], at: Path): void {
  const errors = Array.isArray(result) ? result : result.ok ? [] : result.errors;
  if (errors.length) throw new LabFileError(errors.map((e) => ({ field: fieldPath(e.field ? [...at, e.field] : at), message: e.message })));
}

/** Leave the folder as it was: gone if it did not exist, else empty. */
function removeContents(dataDir: string, existed: boolean): void {
  if (!existed) {
    rmSync(dataDir, { recursive: true, force: true });
    return;
  }
  for (const name of readdirSync(dataDir)) rmSync(path.join(dataDir, name), { recursive: true, force: true });
}
