/**
 * What the troubleshooter's checks share: findings (an i18n key, its values and the admin page
 * that fixes it), and the questions a support engineer asks of the lab before the checks: which
 * clusters take part in EMCC, which remote cluster entry a cluster would call another through,
 * which cluster owns a host name, which Extension Mobility service URLs the phones are given.
 * Everything is read through the clusters' own stores and administration, as the engine reads it.
 */
import type { TroubleshootFinding } from '../../shared/api/file-contract';
import type { EntityKind } from '../../shared/admin/fields';
import type { FormPage, SpecialPage } from '../../shared/admin/pages';
import { EM_SERVICE_PARAMETERS, type EmServiceParamKey } from '../../shared/parameters';
import type { FindingKey } from '../../shared/troubleshoot-findings';
import { clusterOfSite, type Cluster } from '../cluster/cluster';
import { emServiceParameter } from '../cluster/em/em-support';
import type { RemoteClusterRow, UserRow } from '../cluster/store/cluster-store';
import type { Lab } from './lab';

export type Finding = TroubleshootFinding & { key: FindingKey };
export type Fix = NonNullable<TroubleshootFinding['fix']>;
type Params = Record<string, string | number>;

/** One check a support engineer runs on the lab for a code. */
export type Check = (lab: Lab) => Finding[];

export const cause = (key: FindingKey, params: Params, fix: Fix): Finding => ({ status: 'cause', key, params, fix });
export const ok = (key: FindingKey, params: Params = {}): Finding => ({ status: 'ok', key, params, fix: null });
export const info = (key: FindingKey, params: Params = {}, fix: Fix | null = null): Finding => ({ status: 'info', key, params, fix });

/** The admin list of `kind`, or one record of it when `key` is given. */
export const fixRecord = (c: Cluster, kind: EntityKind, key?: string): Fix => ({ cluster: c.name, kind, ...(key !== undefined ? { key } : {}) });
export const fixPage = (c: Cluster, page: FormPage | SpecialPage): Fix => ({ cluster: c.name, page });
/** The lab window's Faults panel (outside faults are switched there, not on an admin page). */
export const fixFaults = (cluster: string): Fix => ({ cluster, lab: 'faults' });
/** The record when exactly one is at fault, else the list to pick from. */
export const fixOneOrList = (c: Cluster, kind: EntityKind, keys: readonly string[]): Fix => fixRecord(c, kind, keys.length === 1 ? keys[0] : undefined);

/** Names for a finding's text: at most five, then an ellipsis (the count goes in its own value). */
export function listOf(items: readonly string[]): string {
  return items.length > 5 ? `${items.slice(0, 5).join(', ')}, …` : items.join(', ');
}

export const idOf = (c: Cluster): string => c.identity().clusterId;

/** The lab cluster whose node has this host name (as the lab network resolves it). */
export function clusterOfHost(lab: Lab, host: string): Cluster | undefined {
  const name = clusterOfSite(lab.network.lookup(host)?.site);
  return name === undefined ? undefined : lab.clusterNamed(name);
}

/** A node of `c` with this host name, if any. */
export function nodeOf(c: Cluster, host: string) {
  return c.store.nodes().find((n) => n.host.toLowerCase() === host.toLowerCase());
}

/**
 * The entry of `visiting`'s Remote Cluster page its EM service would call `home` through: the one
 * whose Fully Qualified Name is a node of home, else the one named by home's Cluster ID.
 */
export function entryTowards(visiting: Cluster, home: Cluster): RemoteClusterRow | undefined {
  const rows = visiting.store.remoteClusters();
  return rows.find((r) => nodeOf(home, r.fqdn)) ?? rows.find((r) => r.cluster_id === idOf(home));
}

/** A visiting cluster, a home cluster, and the remote cluster entry between them. */
export interface Pair {
  visiting: Cluster;
  home: Cluster;
  entry: RemoteClusterRow;
}

/** Every ordered pair of clusters where the first has a remote cluster entry toward the second. */
export function pairs(lab: Lab): Pair[] {
  return lab.clusters.flatMap((visiting) => lab.clusters.flatMap((home) => {
    const entry = home === visiting ? undefined : entryTowards(visiting, home);
    return entry ? [{ visiting, home, entry }] : [];
  }));
}

/** Clusters configured for EMCC at all (at least one remote cluster). */
export function emccClusters(lab: Lab): Cluster[] {
  return lab.clusters.filter((c) => c.store.remoteClusters().length > 0);
}

/** A Cisco Extension Mobility service parameter of a cluster (saved value, else default). */
export function param(c: Cluster, key: EmServiceParamKey): string {
  return emServiceParameter(c.store, key);
}

export function paramDefault(key: EmServiceParamKey): string {
  return String(EM_SERVICE_PARAMETERS.find((p) => p.key === key)!.default);
}

/** Every end user of a cluster (its store row). */
export function users(c: Cluster): UserRow[] {
  return c.admin.list('endUser').map((r) => c.store.user(String(r.userId))).filter((u): u is UserRow => !!u);
}

/** An Extension Mobility phone service as the phones of a cluster get it. */
export interface EmServiceUrl {
  name: string;
  url: string;
  /** The loginType it asks for, or null. */
  loginType: string | null;
  /** The phones subscribed to it (directly or by enterprise subscription). */
  phones: string[];
}

/** The enabled phone services of a cluster that point at an EM application, with the phones that get them. */
export function emServiceUrls(c: Cluster): EmServiceUrl[] {
  const byName = new Map<string, EmServiceUrl>();
  for (const phone of c.store.phones()) {
    for (const s of c.store.phoneServices(phone.name)) {
      if (!/\/emapp\/EMAppServlet/i.test(s.url)) continue;
      const entry = byName.get(s.name) ?? { name: s.name, url: s.url, loginType: queryOf(s.url).get('loginType'), phones: [] };
      entry.phones.push(phone.name);
      byName.set(s.name, entry);
    }
  }
  return [...byName.values()];
}

/** The query of a service URL with its #PLACEHOLDERS# left as written. */
export function queryOf(url: string): URLSearchParams {
  const q = url.indexOf('?');
  return new URLSearchParams(q < 0 ? '' : url.slice(q + 1));
}

/** Users of a cluster logged in somewhere now: a local EM login, or an EMCC device bound for them. */
export function loggedInUsers(c: Cluster): string[] {
  return users(c).filter((u) => c.store.loginsOfUser(u.user_id).length > 0 || c.store.emccDevicesOfUser(u.user_id).some((d) => d.bound_device)).map((u) => u.user_id);
}
