/**
 * A running lab as a lab file: each cluster's configuration read back through its administration
 * (the reverse of applyDefinition, list by list in the order it applies them), its certificates
 * with their keys and its trust stores, the active faults and the lab clock.
 *
 * What a record shows but nobody sets is left out (a remote cluster's "Remote Activated" flags
 * and version come from the remote cluster update; TFTP is always off), and so is every field at
 * its default, which the administration gives back when the file is opened. Secrets an
 * administrator set (PINs, application user passwords, the SFTP passwords) are kept as they are:
 * a colleague opening the file logs in with the same PINs. Who is logged in where, the jobs, the
 * trace and the SFTP folder's files are the lab's running state, not its configuration.
 */
import { ENTITIES } from '../../shared/admin/entities';
import type { AdminRecord, EntityKind } from '../../shared/admin/fields';
import { defaultOf } from '../../shared/admin/validate';
import { DEFINITION_ORDER } from '../../shared/cluster-definition';
import { LAB_FILE_FORMAT, LAB_FILE_VERSION, type LabClusterCertificates, type LabFile } from '../../shared/lab-file';
import type { Cluster } from '../cluster/cluster';
import { storedSftpSettings } from '../cluster/pki/cluster-pki';
import type { Lab } from './lab';

type LabCluster = LabFile['clusters'][number];

/** The open lab as a lab file named `name`. */
export function exportLabFile(lab: Lab, name: string): LabFile {
  return {
    format: LAB_FILE_FORMAT,
    version: LAB_FILE_VERSION,
    name: name.slice(0, 200) || 'Lab',
    savedAt: new Date().toISOString(),
    clusters: lab.clusters.map(definitionOf),
    certificates: lab.clusters.map(certificatesOf),
    faults: lab.faults.list().map((f) => (f.value === undefined ? { fault: f.fault, target: f.target } : { fault: f.fault, target: f.target, value: f.value })),
    clock: { start: Math.round(lab.clock.now()), speed: lab.clock.speed, paused: lab.clock.paused },
  };
}

/** A cluster's configuration as the definition that makes it again. */
export function definitionOf(cluster: Cluster): LabCluster {
  const { admin } = cluster;
  const bulk = admin.bulk.status();
  const records = Object.fromEntries(DEFINITION_ORDER.map((kind) => [kind, listOf(cluster, kind)]).filter(([, list]) => list!.length));
  return {
    name: cluster.name,
    enterprise: admin.form('enterprise'),
    // Service Activation lists the servers publisher first, as a definition must give them.
    nodes: admin.serviceActivation().nodes.map((n) => ({
      record: settable('node', admin.get('node', n.host)!),
      services: Object.entries(n.services).filter(([, on]) => on).map(([service]) => service),
    })),
    records,
    serviceParameters: admin.form('serviceParameters'),
    featureParameters: admin.form('featureParameters'),
    defaultEmccTemplate: bulk.defaultTemplate,
    emccDevices: bulk.devicesInDatabase,
    remoteClusters: listOf(cluster, 'remoteCluster'),
    interclusterServiceProfile: admin.form('isp'),
  };
}

/** Every record of a list, complete with its lines, subscriptions and controlled profiles. */
function listOf(cluster: Cluster, kind: EntityKind): AdminRecord[] {
  const key = ENTITIES[kind].key;
  // The list page shows records without their child rows; each is read in full.
  return cluster.admin.list(kind)
    .map((r) => cluster.admin.get(kind, String(r[key])))
    .filter((r): r is AdminRecord => r !== undefined)
    .map((r) => settable(kind, r));
}

/** The fields an administrator sets (not those a record only shows), without those at their default. */
function settable(kind: EntityKind, r: AdminRecord): AdminRecord {
  // The record's name first, so a reader of the file finds it.
  const key = ENTITIES[kind].key;
  const out: AdminRecord = { [key]: r[key]! };
  for (const f of ENTITIES[kind].fields) {
    if (f.readOnly || !(f.key in r)) continue;
    const v = r[f.key]!;
    if (f.key === key || JSON.stringify(v) === JSON.stringify(defaultOf(f))) continue;
    out[f.key] = v;
  }
  return out;
}

function certificatesOf(cluster: Cluster): LabClusterCertificates {
  return { cluster: cluster.name, ...cluster.pki.backup(), sftp: storedSftpSettings(cluster.store) };
}
