/**
 * Serviceability > Tools > Service Activation: per node, a checkbox per activatable service
 * (publisher-only services disabled on subscribers) and Save for that node.
 */
import { useTranslation } from 'react-i18next';
import { ACTIVATABLE_SERVICES } from '../../../shared/cluster-services';
import { choiceText, menuText } from '../i18n/admin-text';
import type { ServiceActivation } from '../../../shared/api/admin-contract';
import { useAdmin } from '../store/admin-store';
import { NoticeBanner } from './NoticeBanner';

type Node = ServiceActivation['nodes'][number];

function NodeServices({ node }: { node: Node }) {
  const { t } = useTranslation('admin');
  const draft = useAdmin((s) => s.activationDraft[node.host]) ?? {};
  const busy = useAdmin((s) => s.busy);
  const { setService, saveActivation } = useAdmin.getState();
  const allowed = ACTIVATABLE_SERVICES.filter((s) => !s.publisherOnly || node.role === 'publisher');
  const allOn = allowed.every((s) => draft[s.service]);
  return (
    <section className="admin-node" data-testid={`sa-node-${node.host}`} aria-label={t('activation.nodeAria', { host: node.host })}>
      <div className="admin-node-head">
        <h3>{t('activation.server', { host: node.host })} <span className="admin-badge">{choiceText(t, node.role === 'publisher' ? 'Publisher' : 'Subscriber')}</span></h3>
        <label className="admin-inline">
          <input type="checkbox" checked={allOn} data-testid={`sa-all-${node.host}`} onChange={(e) => allowed.forEach((s) => setService(node.host, s.service, e.target.checked))} />
          {t('activation.checkAll')}
        </label>
      </div>
      <table className="admin-table">
        <thead><tr><th className="admin-check-col" /><th>{t('activation.service')}</th><th>{t('activation.status')}</th></tr></thead>
        <tbody>
          {ACTIVATABLE_SERVICES.map(({ service, publisherOnly }) => {
            const disabled = publisherOnly && node.role !== 'publisher';
            const id = `sa-${node.host}-${service.replace(/\s+/g, '-')}`;
            return (
              <tr key={service} className={disabled ? 'disabled' : ''}>
                <td className="admin-check-col">
                  <input id={id} type="checkbox" checked={!!draft[service]} disabled={disabled} onChange={(e) => setService(node.host, service, e.target.checked)} />
                </td>
                <td>
                  <label htmlFor={id}>{service}</label>
                  {disabled ? <span className="admin-field-help">{t('activation.publisherOnly')}</span> : null}
                </td>
                <td data-testid={`${id}-status`}>{node.services[service] ? t('activation.activated') : t('activation.deactivated')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button type="button" className="admin-button primary" data-testid={`sa-save-${node.host}`} disabled={busy} onClick={() => void saveActivation(node.host)}>{t('button.save')}</button>
    </section>
  );
}

/** The Service Activation page. */
export function ServiceActivationPage() {
  const { t } = useTranslation('admin');
  const activation = useAdmin((s) => s.activation);
  const loading = useAdmin((s) => s.loading);
  return (
    <section className="admin-page" aria-labelledby="admin-page-title">
      <h2 id="admin-page-title">{menuText(t, 'Service Activation')}</h2>
      <p className="admin-intro">{t('activation.intro')}</p>
      <NoticeBanner />
      {loading && !activation ? <div className="admin-empty">{t('activation.loading')}</div> : null}
      {activation?.nodes.map((n) => <NodeServices key={n.host} node={n} />)}
    </section>
  );
}
