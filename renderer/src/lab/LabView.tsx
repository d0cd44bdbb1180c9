/**
 * The lab overview: the clusters with their nodes and services, and the phones. In browser mode
 * each phone is a panel here; in the desktop app each phone also has its own window.
 */
import { useLab } from '../store/lab-store';
import { PhoneFace } from '../phone/PhoneFace';

/** This page's address for a cluster's administration window, keeping the token. */
function adminUrl(cluster: string): string {
  const params = new URLSearchParams();
  const token = new URLSearchParams(location.search).get('token');
  if (token) params.set('token', token);
  params.set('view', 'admin');
  params.set('cluster', cluster);
  return `${location.pathname}?${params.toString()}`;
}

export function LabView({ showPhones }: { showPhones: boolean }) {
  const snapshot = useLab((s) => s.snapshot);
  const error = useLab((s) => s.error);
  if (!snapshot) return <div className="lab-loading">{error ?? 'Connecting to the lab…'}</div>;
  return (
    <div className="lab">
      <header className="lab-header">
        <h1>EMCC Lab</h1>
        <div className="clusters">
          {snapshot.clusters.map((c) => (
            <section key={c.id} className="cluster" data-testid={`cluster-${c.clusterId}`}>
              <div className="cluster-title">
                <h2>{c.name} <code>{c.clusterId}</code></h2>
                <button type="button" className="admin-open" data-testid={`open-admin-${c.id}`} onClick={() => window.open(adminUrl(c.id), '_blank')}>
                  Administration
                </button>
              </div>
              <div className="cluster-meta">Unified CM {c.version} · {c.securityMode}</div>
              {c.nodes.map((n) => (
                <div key={n.name} className="node">
                  <strong>{n.host}</strong> <span className="node-url">{n.url}</span>
                  <div className="node-services">{n.services.map((s) => <span key={s} className="chip">{s.replace('Cisco ', '')}</span>)}</div>
                </div>
              ))}
              <div className="registered" title="Phones registered to this cluster">
                {snapshot.phones.filter((p) => p.registeredTo === c.clusterId).map((p) => <span key={p.deviceName} className="chip phone-chip">{p.deviceName}</span>)}
              </div>
            </section>
          ))}
        </div>
        {error ? <div className="lab-error" role="alert">{error}</div> : null}
      </header>
      {showPhones ? (
        <main className="phones">
          {snapshot.phones.map((p) => <PhoneFace key={p.deviceName} deviceName={p.deviceName} />)}
        </main>
      ) : (
        <main className="phone-table">
          <table>
            <thead>
              <tr><th>Phone</th><th>Model</th><th>Own cluster</th><th>Registered to</th></tr>
            </thead>
            <tbody>
              {snapshot.phones.map((p) => (
                <tr key={p.deviceName}>
                  <td><code>{p.deviceName}</code></td>
                  <td>{p.model}</td>
                  <td>{p.ownClusterId}</td>
                  <td className={p.registeredTo && p.registeredTo !== p.ownClusterId ? 'emcc' : ''}>{p.registeredTo ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </main>
      )}
    </div>
  );
}
