/**
 * The lab's topology: each cluster (name, Cluster ID, version, security mode) with its nodes and
 * their activated services, the phones registered to it, the faults that are on for it, and the
 * link between each pair of clusters with its state.
 */
import { useTranslation } from 'react-i18next';
import type { LabSnapshot } from '../../../shared/api/contract';
import { choiceText } from '../i18n/admin-text';
import { useLab } from '../store/lab-store';
import { useLabWindow } from '../store/lab-window-store';
import { usePhoneView } from '../store/phone-view-store';
import { clusterBadges, clusterPairs, linkState, nodeBadges, stoppedServices, type ActiveFault, type ClusterInfo, type FaultBadge } from '../store/lab-window-model';

/** This page's address for a cluster's administration window, keeping the token. */
function adminUrl(cluster: string): string {
  const params = new URLSearchParams();
  const token = new URLSearchParams(location.search).get('token');
  if (token) params.set('token', token);
  params.set('view', 'admin');
  params.set('cluster', cluster);
  return `${location.pathname}?${params.toString()}`;
}

function Badges({ badges, testid }: { badges: FaultBadge[]; testid: string }) {
  const { t } = useTranslation('lab');
  if (!badges.length) return null;
  return (
    <div className="fault-badges" data-testid={testid}>
      {badges.map((b) => <span key={`${b.fault}-${b.side ?? ''}`} className={`fault-badge fault-${b.fault}`} title={t('topology.faultBadge')}>⚠ {b.label}</span>)}
    </div>
  );
}

/** A cluster card lists this many phones; a lab of hundreds shows the rest in the phone grid. */
const CHIPS_SHOWN = 12;

/** "+138 more": the phone grid, filtered to the cluster. */
function MorePhones({ count, filter }: { count: number; filter: string }) {
  const { t } = useTranslation('lab');
  if (count <= 0) return null;
  return (
    <button type="button" className="link-button" data-testid={`more-phones-${filter}`} onClick={() => {
      const view = usePhoneView.getState();
      view.setFilter(filter);
      view.setView('grid');
    }}>
      {t('topology.more', { count })}
    </button>
  );
}

function ClusterCard({ c, phones, faults }: { c: ClusterInfo; phones: LabSnapshot['phones']; faults: ActiveFault[] }) {
  const { t } = useTranslation('lab');
  const exportTrace = useLabWindow((s) => s.exportTrace);
  const badges = clusterBadges(t, faults, c.id);
  // Phones here through EMCC first: they are what the lab is about.
  const registered = phones.filter((p) => p.registeredTo === c.clusterId).sort((a, b) => Number(b.ownClusterId !== c.clusterId) - Number(a.ownClusterId !== c.clusterId));
  return (
    <section className={`cluster${badges.length ? ' has-fault' : ''}`} data-testid={`cluster-${c.clusterId}`} aria-label={t('topology.cluster', { name: c.name })}>
      <div className="cluster-title">
        <h2>{c.name} <code title={t('topology.clusterId')}>{c.clusterId}</code></h2>
        <div className="cluster-actions">
          <button type="button" className="admin-open" data-testid={`export-trace-${c.id}`} title={t('topology.exportTraceTitle', { name: c.name })} onClick={() => void exportTrace(c.id)}>
            {t('topology.exportTrace')}
          </button>
          <button type="button" className="admin-open" data-testid={`open-admin-${c.id}`} onClick={() => window.open(adminUrl(c.id), '_blank')}>
            {t('topology.administration')}
          </button>
        </div>
      </div>
      <div className="cluster-meta">{t('topology.meta', { version: c.version, securityMode: choiceText(t, c.securityMode) })}</div>
      <Badges badges={badges} testid={`cluster-faults-${c.id}`} />
      {c.nodes.map((n) => {
        const nb = nodeBadges(t, faults, n.host);
        const stopped = stoppedServices(faults, n.host, n.services);
        return (
          <div key={n.name} className={`node${nb.length ? ' has-fault' : ''}`} data-testid={`node-${n.host}`}>
            <div className="node-head"><strong>{n.host}</strong> <span className="node-url">{n.url}</span></div>
            <div className="node-services">
              {n.services.length ? n.services.map((s) => (
                <span key={s} className={`chip${stopped.has(s) ? ' stopped' : ''}`} title={stopped.has(s) ? t('topology.stoppedService', { service: s }) : s}>{s.replace('Cisco ', '')}</span>
              )) : <span className="muted">{t('topology.noService')}</span>}
            </div>
            <Badges badges={nb} testid={`node-faults-${n.host}`} />
          </div>
        );
      })}
      <div className="registered-caption">{t('topology.registeredPhones')}</div>
      <div className="registered" title={t('topology.registeredTitle')}>
        {registered.length === 0 ? <span className="muted">{t('topology.none')}</span> : null}
        {registered.slice(0, CHIPS_SHOWN).map((p) => {
          const visiting = p.ownClusterId !== c.clusterId;
          return (
            <span key={p.deviceName} className={`chip phone-chip${visiting ? ' emcc' : ''}`} title={visiting ? t('topology.visitingPhone', { model: p.model, cluster: p.ownClusterId }) : p.model}>
              {p.deviceName}{visiting ? ' · EMCC' : ''}
            </span>
          );
        })}
        <MorePhones count={registered.length - CHIPS_SHOWN} filter={c.clusterId} />
      </div>
    </section>
  );
}

function Link({ a, b, faults }: { a: ClusterInfo; b: ClusterInfo; faults: ActiveFault[] }) {
  const { t } = useTranslation('lab');
  const { state, badges } = linkState(t, faults, a.id, b.id);
  const words = t(`topology.wan.${state}`);
  return (
    <div className={`link link-${state}`} data-testid={`link-${a.id}-${b.id}`} data-state={state} aria-label={t('topology.link', { a: a.name, b: b.name, state: words })}>
      <div className="link-ends">{a.name} ↔ {b.name}</div>
      <div className="link-line" aria-hidden="true"><span /></div>
      <div className="link-state">{words}</div>
      {badges.filter((x) => x.fault !== 'wanDown').map((x) => <div key={`${x.fault}-${x.side ?? ''}`} className="link-fault">⚠ {x.label}</div>)}
    </div>
  );
}

export function Topology() {
  const { t } = useTranslation('lab');
  const snapshot = useLab((s) => s.snapshot);
  const faults = useLabWindow((s) => s.faults);
  if (!snapshot) return null;
  const { clusters, phones } = snapshot;
  // Links between neighbours sit between their cards; the others (three clusters or more) below.
  const neighbours = new Set(clusters.slice(1).map((c, i) => `${clusters[i]!.id}|${c.id}`));
  const others = clusterPairs(clusters).filter((p) => !neighbours.has(`${p.a.id}|${p.b.id}`));
  const unregistered = phones.filter((p) => !p.registeredTo || !clusters.some((c) => c.clusterId === p.registeredTo));
  return (
    <div className="topology" data-testid="topology">
      <div className="clusters">
        {clusters.map((c, i) => (
          <div key={c.id} className="cluster-slot">
            {i > 0 ? <Link a={clusters[i - 1]!} b={c} faults={faults} /> : null}
            <ClusterCard c={c} phones={phones} faults={faults} />
          </div>
        ))}
      </div>
      {others.length ? (
        <div className="other-links">
          {others.map((p) => <Link key={p.target} a={p.a} b={p.b} faults={faults} />)}
        </div>
      ) : null}
      {unregistered.length ? (
        <div className="unregistered" data-testid="unregistered-phones">
          {t('topology.notRegistered')} {unregistered.slice(0, CHIPS_SHOWN).map((p) => <span key={p.deviceName} className="chip">{p.deviceName}</span>)}
          <MorePhones count={unregistered.length - CHIPS_SHOWN} filter="" />
        </div>
      ) : null}
    </div>
  );
}
