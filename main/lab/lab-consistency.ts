/**
 * Consistency of a running lab: its databases (main/cluster/store/consistency.ts) and where its
 * phones are registered. Registrations live in memory in each cluster's CallManager, as in a real
 * one: after a restart every phone boots and registers again, so they are checked on a running
 * lab, once its phones have settled.
 */
import { checkClusters, type ConsistencyReport } from '../cluster/store/consistency';
import type { Lab } from './lab';

/** The lab's databases, checked as a data folder is (pure reads through the open connections). */
export function checkLabDatabases(lab: Lab): ConsistencyReport {
  return checkClusters(lab.clusters.map((c) => ({ name: c.name, db: c.store.db })));
}

/**
 * Where a phone of the lab registers once it has booted, from the databases: with its home cluster
 * when its cluster records an EMCC login that the home still binds; nowhere when the home no
 * longer binds it (the home refuses its REGISTER until Expired EMCC Device Maintenance logs it out
 * of the visiting cluster); otherwise with its own cluster. A Cluster ID, or null.
 */
export function expectedRegistration(lab: Lab, device: string): string | null {
  const own = lab.clusters.find((c) => c.store.phone(device));
  if (!own) return null;
  const login = own.store.login(device);
  if (login?.kind !== 'emcc') return own.identity().clusterId;
  const home = login.home_cluster ? lab.cluster(login.home_cluster) : undefined;
  const bound = home?.store.emccDeviceBoundTo(device);
  return home && bound?.visiting_cluster === own.identity().clusterId ? home.identity().clusterId : null;
}

/**
 * No phone is registered to two clusters: each phone is held by at most one cluster's CallManager,
 * and it is the cluster the phone's own screen (the lab snapshot) says it is registered to.
 * Meaningful once the phones have settled (a reset drops the registration before the phone hears of it).
 */
export function registrationViolations(lab: Lab): string[] {
  const out: string[] = [];
  for (const p of lab.snapshot().phones) {
    const holders = lab.clusters.filter((c) => c.callManager.registration(p.deviceName)).map((c) => c.identity().clusterId);
    if (holders.length > 1) out.push(`${p.deviceName} is registered to ${holders.join(' and ')}`);
    else if ((holders[0] ?? null) !== p.registeredTo) out.push(`${p.deviceName} shows ${p.registeredTo ?? 'unregistered'}, but CallManager of ${holders[0] ?? 'no cluster'} holds it`);
  }
  return out;
}
