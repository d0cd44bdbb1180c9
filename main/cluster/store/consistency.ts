/**
 * Consistency of the login state of a lab's cluster databases, by reading them only: what must
 * hold after any stop, a SIGKILL in the middle of a storm of logins included, and what may be
 * left behind for a later repair that a real Unified CM also runs.
 *
 * Within one database, every multi-row change runs in one SQLite transaction, so these always
 * hold (a violation is a bug):
 * - integrity: SQLite's quick_check and foreign_key_check find nothing; the schema is the latest.
 * - emccDeviceAllOrNothing: an EMCC device is free (bound_device, user, profile, visiting cluster,
 *   login time, EMCC security, expiry all NULL) or allocated (bound_device, user, profile,
 *   visiting cluster and login time set), never half of each. (The EMCC security state came with
 *   schema 40: a login older than that has none, so it is not required.)
 * - emccDeviceUserProfile: an allocated EMCC device's user and device profile exist.
 * - loginComplete: a local login has its user and device profile (both existing here) and no
 *   home cluster; an EMCC login (the visiting side's record) has its home cluster, the home TFTP
 *   the phone follows and its device profile.
 * - onePerPhone: a phone has at most one login record (the primary key) and is bound to at most
 *   one EMCC device of a cluster (the UNIQUE bound_device).
 * (The administration does not refuse deleting an end user or a device profile someone is logged
 * in with: such a delete, not a stop, would break emccDeviceUserProfile or loginComplete.)
 *
 * Across the clusters of the lab (matched by Cluster ID; skipped for clusters sharing one):
 * - oneHomePerPhone: a phone is bound to EMCC devices of at most one home cluster, so it is never
 *   counted as logged in through EMCC on two homes.
 * - homeAndVisitingAgree: when the visiting cluster records an EMCC login of a phone with home H
 *   and H binds the phone, H binds it for that visiting cluster, for the same user, device profile
 *   and EMCC security (when both record one).
 *
 * An EMCC login lives in two databases, written one after the other (the home binds its EMCC
 * device and answers; then the visiting cluster records the login; a logout frees the device,
 * then tells the visiting cluster). No real Unified CM makes the two one transaction: a stop or a
 * lost message between them leaves one side alone, and Unified CM repairs each case later. The
 * checker reports these as pending repairs, not violations:
 * - visitingWithoutHome: the visiting cluster records an EMCC login its home no longer has (the
 *   home's logout or the end of its maximum login time was not told to the visiting cluster: WAN
 *   down, or the process stopped in between). Expired EMCC Device Maintenance on the visiting
 *   cluster asks the home and logs the phone out.
 * - homeWithoutVisiting: the home binds an EMCC device to a phone the visiting cluster has no
 *   EMCC login of (the visiting cluster's Log Out on its Phone page or its EM API logout, which
 *   clean up only the visiting database, guide section 6; or a stop after the home's commit). The
 *   home ends it at the Inter-cluster Maximum Login Time, and a new EMCC login from that phone
 *   replaces it.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { LATEST_VERSION } from './migrations';

export type Invariant =
  | 'integrity'
  | 'emccDeviceAllOrNothing'
  | 'emccDeviceUserProfile'
  | 'loginComplete'
  | 'onePerPhone'
  | 'oneHomePerPhone'
  | 'homeAndVisitingAgree';

export interface Violation {
  invariant: Invariant;
  /** The cluster's lab name (for a cross-cluster invariant, the home's). */
  cluster: string;
  /** What it is about: a device name, an EMCC device, a table. */
  subject: string;
  detail: string;
}

export interface PendingRepair {
  kind: 'visitingWithoutHome' | 'homeWithoutVisiting';
  /** The phone's device name. */
  device: string;
  user: string;
  /** Cluster IDs. */
  home: string;
  visiting: string;
  /** homeWithoutVisiting: the login the visiting cluster records on the phone instead (a local one), if any. */
  visitingLogin: 'local' | null;
  repairedBy: string;
}

export interface ConsistencyReport {
  violations: Violation[];
  pending: PendingRepair[];
}

/** One cluster database to check: its lab name and an open connection (read only is enough). */
export interface ClusterDb {
  name: string;
  db: Database.Database;
}

interface Binding { name: string; bound_device: string; user_id: string; profile: string; visiting_cluster: string; emcc_security: string | null }
interface EmccLogin { device: string; user_id: string; profile: string | null; home_cluster: string; emcc_security: string | null }

const REPAIRED_BY = {
  visitingWithoutHome: 'Expired EMCC Device Maintenance of the visiting cluster',
  homeWithoutVisiting: "the home's Inter-cluster Maximum Login Time, or the next EMCC login from the phone",
} as const;

/** Check the cluster databases (`*.sqlite`) of a lab's data folder, opened read only. */
export function checkLabFolder(dataDir: string): ConsistencyReport {
  const files = readdirSync(dataDir).filter((f) => f.endsWith('.sqlite')).sort();
  const clusters = files.map((f) => ({ name: path.basename(f, '.sqlite'), db: new Database(path.join(dataDir, f), { readonly: true, fileMustExist: true }) }));
  try {
    return checkClusters(clusters);
  } finally {
    for (const c of clusters) c.db.close();
  }
}

/** Check open cluster databases: each on its own, then across them. */
export function checkClusters(clusters: readonly ClusterDb[]): ConsistencyReport {
  const violations = clusters.flatMap((c) => checkOne(c));
  const cross = checkAcross(clusters);
  return { violations: [...violations, ...cross.violations], pending: cross.pending };
}

function checkOne({ name, db }: ClusterDb): Violation[] {
  const out: Violation[] = [];
  const add = (invariant: Invariant, subject: string, detail: string) => out.push({ invariant, cluster: name, subject, detail });

  const quick = db.pragma('quick_check', { simple: true });
  if (quick !== 'ok') add('integrity', 'database', `quick_check: ${String(quick)}`);
  for (const fk of db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[]) {
    add('integrity', fk.table, `row ${fk.rowid} names a missing ${fk.parent}`);
  }
  const version = db.pragma('user_version', { simple: true });
  if (version !== LATEST_VERSION) add('integrity', 'schema', `user_version ${String(version)}, expected ${LATEST_VERSION}`);

  const half = db.prepare(`
    SELECT name, bound_device FROM emcc_devices
     WHERE (bound_device IS NULL) <> (user_id IS NULL) OR (bound_device IS NULL) <> (profile IS NULL)
        OR (bound_device IS NULL) <> (visiting_cluster IS NULL) OR (bound_device IS NULL) <> (login_at IS NULL)
        OR (bound_device IS NULL AND (emcc_security IS NOT NULL OR expires_at IS NOT NULL))`).all() as { name: string; bound_device: string | null }[];
  for (const d of half) add('emccDeviceAllOrNothing', d.name, `half free, half allocated (bound to ${d.bound_device ?? 'nothing'})`);

  const orphanDevices = db.prepare(`
    SELECT d.name, d.user_id, d.profile,
           EXISTS (SELECT 1 FROM end_users u WHERE u.user_id = d.user_id) AS has_user,
           EXISTS (SELECT 1 FROM device_profiles p WHERE p.name = d.profile) AS has_profile
      FROM emcc_devices d WHERE d.bound_device IS NOT NULL AND d.user_id IS NOT NULL`).all() as { name: string; user_id: string; profile: string | null; has_user: number; has_profile: number }[];
  for (const d of orphanDevices) {
    if (!d.has_user) add('emccDeviceUserProfile', d.name, `allocated to user ${d.user_id}, who does not exist`);
    if (!d.has_profile) add('emccDeviceUserProfile', d.name, `allocated with device profile ${d.profile ?? '(none)'}, which does not exist`);
  }

  const logins = db.prepare(`
    SELECT l.device, l.user_id, l.profile, l.kind, l.home_cluster, l.home_tftp,
           EXISTS (SELECT 1 FROM end_users u WHERE u.user_id = l.user_id) AS has_user,
           EXISTS (SELECT 1 FROM device_profiles p WHERE p.name = l.profile) AS has_profile
      FROM em_logins l`).all() as { device: string; user_id: string; profile: string | null; kind: string; home_cluster: string | null; home_tftp: string | null; has_user: number; has_profile: number }[];
  for (const l of logins) {
    if (l.kind === 'local') {
      if (!l.has_user) add('loginComplete', l.device, `local login of ${l.user_id}, who does not exist`);
      if (!l.has_profile) add('loginComplete', l.device, `local login of ${l.user_id} with device profile ${l.profile ?? '(none)'}, which does not exist`);
      if (l.home_cluster !== null) add('loginComplete', l.device, `local login of ${l.user_id} names a home cluster (${l.home_cluster})`);
    } else {
      const missing = [['home cluster', l.home_cluster], ['home TFTP', l.home_tftp], ['device profile', l.profile]]
        .filter(([, v]) => v === null).map(([what]) => what);
      if (missing.length) add('loginComplete', l.device, `EMCC login of ${l.user_id} without its ${missing.join(', ')}`);
    }
  }

  // The schema's keys already say so; a database made without them (or damaged) would not.
  const twice = db.prepare('SELECT bound_device AS device, count(*) AS n FROM emcc_devices WHERE bound_device IS NOT NULL GROUP BY bound_device COLLATE NOCASE HAVING n > 1').all() as { device: string; n: number }[];
  for (const t of twice) add('onePerPhone', t.device, `bound to ${t.n} EMCC devices`);
  return out;
}

function checkAcross(clusters: readonly ClusterDb[]): ConsistencyReport {
  const violations: Violation[] = [];
  const pending: PendingRepair[] = [];
  const sides = clusters.map(({ name, db }) => ({
    name,
    clusterId: (db.prepare("SELECT value FROM settings WHERE key = 'clusterId'").get() as { value: string } | undefined)?.value ?? '',
    bindings: db.prepare('SELECT name, bound_device, user_id, profile, visiting_cluster, emcc_security FROM emcc_devices WHERE bound_device IS NOT NULL').all() as Binding[],
    emccLogins: db.prepare("SELECT device, user_id, profile, home_cluster, emcc_security FROM em_logins WHERE kind = 'emcc' AND home_cluster IS NOT NULL").all() as EmccLogin[],
    localLogins: new Set((db.prepare("SELECT device FROM em_logins WHERE kind = 'local'").all() as { device: string }[]).map((l) => l.device.toUpperCase())),
  }));
  // Clusters sharing a Cluster ID (two fresh clusters) cannot be told apart by their peers.
  const ids = new Map<string, number>();
  for (const s of sides) ids.set(s.clusterId, (ids.get(s.clusterId) ?? 0) + 1);
  const byId = new Map(sides.filter((s) => ids.get(s.clusterId) === 1).map((s) => [s.clusterId, s]));
  const key = (device: string) => device.toUpperCase();

  const homesOf = new Map<string, string[]>();
  for (const h of sides) for (const b of h.bindings) homesOf.set(key(b.bound_device), [...(homesOf.get(key(b.bound_device)) ?? []), h.name]);
  for (const [device, homes] of homesOf) {
    if (homes.length > 1) violations.push({ invariant: 'oneHomePerPhone', cluster: homes[0]!, subject: device, detail: `bound to EMCC devices of ${homes.join(' and ')}` });
  }

  for (const home of byId.values()) {
    for (const b of home.bindings) {
      const visiting = byId.get(b.visiting_cluster);
      if (!visiting) continue; // a cluster outside the lab: nothing to compare with
      const login = visiting.emccLogins.find((l) => key(l.device) === key(b.bound_device) && l.home_cluster === home.clusterId);
      if (!login) {
        pending.push({
          kind: 'homeWithoutVisiting', device: b.bound_device, user: b.user_id, home: home.clusterId, visiting: visiting.clusterId,
          visitingLogin: visiting.localLogins.has(key(b.bound_device)) ? 'local' : null, repairedBy: REPAIRED_BY.homeWithoutVisiting,
        });
        continue;
      }
      const differs = [
        login.user_id.toLowerCase() !== b.user_id.toLowerCase() && `user ${login.user_id} there, ${b.user_id} here`,
        login.profile !== b.profile && `device profile ${login.profile ?? '(none)'} there, ${b.profile} here`,
        login.emcc_security !== null && b.emcc_security !== null && login.emcc_security !== b.emcc_security && `EMCC security ${login.emcc_security} there, ${b.emcc_security} here`,
      ].filter(Boolean);
      if (differs.length) {
        violations.push({ invariant: 'homeAndVisitingAgree', cluster: home.name, subject: b.bound_device, detail: `${b.name} and ${visiting.name}'s EMCC login disagree: ${differs.join('; ')}` });
      }
    }
  }

  for (const visiting of byId.values()) {
    for (const l of visiting.emccLogins) {
      const home = byId.get(l.home_cluster);
      if (!home) continue;
      const b = home.bindings.find((x) => key(x.bound_device) === key(l.device));
      if (!b) {
        pending.push({ kind: 'visitingWithoutHome', device: l.device, user: l.user_id, home: home.clusterId, visiting: visiting.clusterId, visitingLogin: null, repairedBy: REPAIRED_BY.visitingWithoutHome });
      } else if (b.visiting_cluster !== visiting.clusterId) {
        violations.push({ invariant: 'homeAndVisitingAgree', cluster: home.name, subject: l.device, detail: `${visiting.name} records an EMCC login with home ${home.clusterId}, which binds ${l.device} for cluster ${b.visiting_cluster}` });
      }
    }
  }
  return { violations, pending };
}
