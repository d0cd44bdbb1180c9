/**
 * The first page of the administration window: the cluster at a glance and the guide's EMCC
 * configuration steps, each linking to the page where it is done.
 */
import type { AdminTarget } from '../../../shared/admin/pages';
import { targetTitle } from '../../../shared/admin/pages';
import { useAdmin } from '../store/admin-store';

const STEPS: { step: string; targets: AdminTarget[] }[] = [
  { step: 'Give each cluster its own Cluster ID', targets: [{ type: 'form', page: 'enterprise' }] },
  { step: 'Check that the phones support EMCC', targets: [{ type: 'special', page: 'phoneFeatureList' }] },
  { step: 'Activate the services; set up Extension Mobility (phone service, device profiles, users, phones)', targets: [
    { type: 'special', page: 'serviceActivation' }, { type: 'list', kind: 'phoneService' }, { type: 'list', kind: 'deviceProfile' },
    { type: 'list', kind: 'endUser' }, { type: 'list', kind: 'phone' }] },
  { step: 'Exchange the certificates (export on every cluster, consolidate on one, import on every cluster)', targets: [
    { type: 'special', page: 'bulkCertificates' }, { type: 'special', page: 'certificates' }] },
  { step: 'Add EMCC devices through an EMCC template', targets: [
    { type: 'list', kind: 'commonDeviceConfig' }, { type: 'list', kind: 'emccTemplate' }, { type: 'special', page: 'bulkEmcc' }] },
  { step: 'Add a geolocation filter', targets: [{ type: 'list', kind: 'geolocationFilter' }] },
  { step: 'Set the EMCC feature parameters', targets: [{ type: 'form', page: 'featureParameters' }] },
  { step: 'Add the EMCC SIP trunk', targets: [{ type: 'list', kind: 'sipTrunk' }] },
  { step: 'Set the Intercluster Service Profile and validate it', targets: [{ type: 'form', page: 'isp' }] },
  { step: 'Add the remote clusters', targets: [{ type: 'list', kind: 'remoteCluster' }] },
];

/** The overview page. */
export function HomePage() {
  const info = useAdmin((s) => s.info);
  const open = useAdmin((s) => s.open);
  return (
    <section className="admin-page" aria-labelledby="admin-page-title">
      <h2 id="admin-page-title">Cluster Overview</h2>
      {info ? (
        <table className="admin-table admin-summary">
          <tbody>
            <tr><th scope="row">Cluster</th><td>{info.name}</td></tr>
            <tr><th scope="row">Cluster ID</th><td>{info.clusterId}</td></tr>
            <tr><th scope="row">Unified CM version</th><td>{info.version} ({info.securityMode})</td></tr>
            {info.nodes.map((n) => (
              <tr key={n.host}>
                <th scope="row">Node {n.host}</th>
                <td>{n.services.length ? n.services.join(', ') : 'no service activated'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <h3>Configuring Extension Mobility Cross Cluster</h3>
      <ol className="admin-steps" start={0}>
        {STEPS.map((s) => (
          <li key={s.step}>
            {s.step}:{' '}
            {s.targets.map((t, i) => (
              <span key={targetTitle(t)}>
                {i ? ', ' : ''}
                <button type="button" className="admin-link-button" onClick={() => void open(t)}>{targetTitle(t)}</button>
              </span>
            ))}
          </li>
        ))}
      </ol>
    </section>
  );
}
