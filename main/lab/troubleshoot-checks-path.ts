/**
 * The troubleshooter's checks of the path a login travels: outside faults, the EM services that
 * must answer, the remote cluster entries each visiting cluster calls its home clusters through
 * (and what their last update found), the home clusters' entries for their visitors, and the
 * certificate trust of the HTTPS call between EM services. Each mirrors the rule of the engine
 * (main/cluster/em) that gives the code.
 */
import { EmError } from '../../shared/errors/error-catalogue';
import { FAULTS, faultDef, type FaultId } from '../../shared/faults';
import { SERVICES } from '../../shared/cluster-services';
import { EMCC_ANSWER_TIMEOUT_MS } from '../cluster/em/em-service';
import { pemToDer } from '../cluster/pki/certificate-factory';
import type { Cluster } from '../cluster/cluster';
import type { Lab } from './lab';
import {
  cause, clusterOfHost, emccClusters, fixFaults, fixPage, fixRecord, idOf, info, nodeOf, ok, pairs, param, type Check, type Finding, type Pair,
} from './troubleshoot-context';

/** A fault target as people say it: a cluster or host name, or "a ↔ b" for a link. */
const targetText = (target: string) => target.replace('|', ' ↔ ');

/** The lab cluster a fault target belongs to (for the fix: the Faults panel of the lab window). */
function targetCluster(lab: Lab, fault: FaultId, target: string): string {
  const scope = faultDef(fault).scope;
  if (scope === 'link') return target.split('|')[0]!;
  if (scope === 'node') return clusterOfHost(lab, target)?.name ?? target;
  return target;
}

/** The faults of shared/faults.ts that lead to `code`: each on is a cause, each off was checked. */
export function faultsFor(code: number, except: readonly FaultId[] = []): Check {
  return (lab) => FAULTS.filter((f) => (f.codes as readonly number[]).includes(code) && !except.includes(f.id)).flatMap((f) => {
    const on = lab.faults.list().filter((a) => a.fault === f.id);
    if (!on.length) return [ok('fault.off', { fault: f.id })];
    return on.map((a) => cause('fault.on', { fault: f.id, target: targetText(a.target) }, fixFaults(targetCluster(lab, f.id, a.target))));
  });
}

/** WAN latency beyond the EMCC answer timeout: the sender gives up (40, shown as 23). */
export const latencyOverTimeout: Check = (lab) => lab.faults.list().filter((a) => a.fault === 'wanLatency').map((a) => (
  (a.value ?? 0) >= EMCC_ANSWER_TIMEOUT_MS
    ? cause('fault.latencyOverTimeout', { target: targetText(a.target), ms: a.value ?? 0, timeout: EMCC_ANSWER_TIMEOUT_MS }, fixFaults(targetCluster(lab, 'wanLatency', a.target)))
    : info('fault.latencyUnderTimeout', { target: targetText(a.target), ms: a.value ?? 0, timeout: EMCC_ANSWER_TIMEOUT_MS }, fixFaults(targetCluster(lab, 'wanLatency', a.target)))
));

/** 208 (visiting side): the EMApp reaches no EM service of its own cluster when none is activated. */
export const emServiceActivated: Check = (lab) => lab.clusters.filter((c) => c.store.phones().length > 0).map((c) => {
  const hosts = c.store.nodesRunning(SERVICES.extensionMobility);
  return hosts.length ? ok('em.activated', { cluster: c.name, hosts: hosts.join(', ') }) : cause('em.notActivated', { cluster: c.name }, fixPage(c, 'serviceActivation'));
});

/** 208 (home side): the node the visiting entry names must run Cisco Extension Mobility. */
function homeNodeRunsEm({ visiting, home, entry }: Pair): Finding {
  const node = nodeOf(home, entry.fqdn);
  if (!node) return cause('remote.unresolvable', { visiting: visiting.name, entry: entry.cluster_id, host: entry.fqdn }, fixRecord(visiting, 'remoteCluster', entry.cluster_id));
  const runs = home.store.nodesRunning(SERVICES.extensionMobility).some((h) => h.toLowerCase() === node.host.toLowerCase());
  return runs ? ok('em.homeNodeRuns', { home: home.name, host: node.host }) : cause('em.homeNodeNotRunning', { home: home.name, host: node.host }, fixPage(home, 'serviceActivation'));
}

/**
 * 208: the visiting EM service asks only remote clusters whose EMCC is enabled on its entry and
 * was reported active by the last remote cluster update.
 */
function entryActivated({ visiting, home, entry }: Pair): Finding {
  const p = { visiting: visiting.name, home: home.name, entry: entry.cluster_id };
  if (entry.update_error === EmError.InvalidClusterId) return info('remote.skippedOtherId', p, fixRecord(visiting, 'remoteCluster', entry.cluster_id));
  if (!entry.emcc_enabled) return cause('remote.emccNotEnabled', p, fixRecord(visiting, 'remoteCluster', entry.cluster_id));
  if (entry.remote_emcc_activated) return ok('remote.activated', p);
  if (!home.store.serviceProfile().emcc_active) return cause('remote.notActivatedHomeEmccOff', p, fixPage(home, 'isp'));
  if (entry.update_error !== null) return cause('remote.notActivatedUnreachable', { ...p, error: entry.update_error }, fixRecord(visiting, 'remoteCluster', entry.cluster_id));
  return cause('remote.notActivated', p, fixRecord(visiting, 'remoteCluster', entry.cluster_id));
}

/**
 * 208: the visiting cluster checks the Tomcat certificate the home node presents against its
 * tomcat-trust, as the EM service does before every request (expired, not issued to the host,
 * regenerated and not re-exported, or deleted from the store).
 */
function tomcatTrusted({ visiting, home, entry }: Pair): Finding | undefined {
  const node = nodeOf(home, entry.fqdn);
  const pem = node && home.pki.tomcatIdentity(node.name)?.cert;
  if (!node || !pem) return undefined;
  const why = visiting.pki.verifyPeer(pemToDer(pem), node.host);
  const p = { visiting: visiting.name, home: home.name, host: node.host };
  if (why === null) return ok('cert.trusted', p);
  if (/expired|not valid before/.test(why)) return cause('cert.expired', p, fixPage(home, 'certificates'));
  if (home.pki.exportNeeded()) return cause('cert.notReexported', p, fixPage(home, 'bulkCertificates'));
  return cause('cert.notTrusted', p, fixPage(visiting, 'bulkCertificates'));
}

/** Every check of the path from visiting EM service to home EM service (208). */
export const homeReachable: Check = (lab) => pairs(lab).flatMap((pair) => {
  const findings = [entryActivated(pair), homeNodeRunsEm(pair)];
  const trust = tomcatTrusted(pair);
  return trust ? [...findings, trust] : findings;
});

/** 36: a visiting cluster with phones and no remote cluster at all. */
export const hasRemoteClusters: Check = (lab) => lab.clusters.filter((c) => c.store.phones().length > 0).map((c) => {
  const n = c.store.remoteClusters().length;
  return n ? ok('remote.some', { cluster: c.name, count: n }) : cause('remote.none', { cluster: c.name }, fixRecord(c, 'remoteCluster'));
});

/** 23: a cluster with remote clusters but none toward a cluster that has end users (they are never found). */
export const everyHomeListed: Check = (lab) => emccClusters(lab).flatMap((visiting) => lab.clusters
  .filter((home) => home !== visiting && home.admin.list('endUser').length > 0)
  .map((home) => (pairs(lab).some((p) => p.visiting === visiting && p.home === home)
    ? ok('remote.listed', { visiting: visiting.name, home: home.name })
    : cause('remote.homeNotListed', { visiting: visiting.name, home: home.name, homeId: idOf(home) }, fixRecord(visiting, 'remoteCluster')))));

/** 35: the home cluster must have an entry for the visiting cluster's Cluster ID. */
export const homeKnowsVisitor: Check = (lab) => pairs(lab).map(({ visiting, home }) => {
  const p = { visiting: visiting.name, home: home.name, visitingId: idOf(visiting) };
  return home.store.remoteCluster(idOf(visiting)) ? ok('remote.visitorKnown', p) : cause('remote.visitorUnknown', p, fixRecord(home, 'remoteCluster'));
});

/** 38 (and 208 after the next update): the home cluster's EMCC must be active in its Intercluster Service Profile. */
export const homeAllowsEmcc: Check = (lab) => uniqueHomes(lab).map((home) => (home.store.serviceProfile().emcc_active
  ? ok('isp.homeEmccActive', { home: home.name })
  : cause('isp.homeEmccInactive', { home: home.name }, fixPage(home, 'isp'))));

function uniqueHomes(lab: Lab): Cluster[] {
  return [...new Set(pairs(lab).map((p) => p.home))];
}

/**
 * 42 / 212: each entry's Cluster Id must be the Cluster ID of the cluster its Fully Qualified Name
 * reaches. Before the next remote cluster update the login gets 42; once the update found it, 212.
 */
export function entryClusterIds(code: 42 | 212): Check {
  return (lab) => emccClusters(lab).flatMap((visiting) => {
    const findings: Finding[] = [];
    for (const entry of visiting.store.remoteClusters()) {
      const owner = clusterOfHost(lab, entry.fqdn);
      const p = { visiting: visiting.name, entry: entry.cluster_id, host: entry.fqdn };
      const fix = fixRecord(visiting, 'remoteCluster', entry.cluster_id);
      if (code === 212 && entry.update_error === EmError.InvalidClusterId) findings.push(cause('remote.updateFoundOtherId', p, fix));
      if (owner && owner !== visiting && idOf(owner) !== entry.cluster_id) {
        findings.push(cause('remote.wrongClusterId', { ...p, owner: owner.name, ownerId: idOf(owner) }, fix));
      }
    }
    return findings.length ? findings : [ok('remote.clusterIdsMatch', { cluster: visiting.name })];
  });
}

/**
 * 44 (shown as 201): the requesting cluster has the home cluster's own Cluster ID, or the home
 * cluster's entry for the visitor names a host that is not a node of the visitor.
 */
export const homeEntryPointsAtVisitor: Check = (lab) => {
  const findings: Finding[] = [];
  for (const [i, a] of lab.clusters.entries()) {
    for (const b of lab.clusters.slice(i + 1)) {
      if (idOf(a) === idOf(b)) findings.push(cause('cluster.sameId', { a: a.name, b: b.name, clusterId: idOf(a) }, fixPage(b, 'enterprise')));
    }
  }
  for (const { visiting, home } of pairs(lab)) {
    const entry = home.store.remoteCluster(idOf(visiting));
    if (!entry) continue; // 35, not 44
    const owner = clusterOfHost(lab, entry.fqdn);
    const p = { home: home.name, visiting: visiting.name, visitingId: idOf(visiting), host: entry.fqdn };
    findings.push(owner === visiting
      ? ok('remote.homeEntryPointsAtVisitor', p)
      : cause('remote.homeEntryPointsElsewhere', { ...p, owner: owner?.name ?? '—' }, fixRecord(home, 'remoteCluster', entry.cluster_id)));
  }
  return findings;
};

/**
 * 30: an EMCC request that crossed a proxy (Via) is refused when the receiving cluster's EMCC
 * Allow Proxy is False; an EM API request, when Allow Proxy is False.
 */
export const proxyAllowed: Check = (lab) => lab.clusters.flatMap((c) => {
  const proxied = lab.faults.list().some((a) => a.fault === 'proxy' && a.target.split('|').includes(c.name.toLowerCase()));
  const findings: Finding[] = [];
  if (param(c, 'emccAllowProxy') !== 'true') {
    findings.push(proxied
      ? cause('param.emccProxyRefused', { cluster: c.name }, fixPage(c, 'serviceParameters'))
      : info('param.emccAllowProxyOff', { cluster: c.name }, fixPage(c, 'serviceParameters')));
  } else {
    findings.push(ok('param.emccAllowProxyOn', { cluster: c.name }));
  }
  if (param(c, 'allowProxy') !== 'true') findings.push(info('param.allowProxyOff', { cluster: c.name }, fixPage(c, 'serviceParameters')));
  return findings;
});
