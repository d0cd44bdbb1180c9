/**
 * The first page of the administration window: the cluster at a glance and the guide's EMCC
 * configuration steps, each linking to the page where it is done.
 */
import { useTranslation } from 'react-i18next';
import type { AdminTarget } from '../../../shared/admin/pages';
import { targetTitle } from '../../../shared/admin/pages';
import { choiceText, targetText } from '../i18n/admin-text';
import { useAdmin } from '../store/admin-store';

/** The guide's steps, each worded by admin:home.steps.<step>. */
const STEPS: { step: string; targets: AdminTarget[] }[] = [
  { step: 'clusterId', targets: [{ type: 'form', page: 'enterprise' }] },
  { step: 'phones', targets: [{ type: 'special', page: 'phoneFeatureList' }] },
  { step: 'em', targets: [
    { type: 'special', page: 'serviceActivation' }, { type: 'list', kind: 'phoneService' }, { type: 'list', kind: 'deviceProfile' },
    { type: 'list', kind: 'endUser' }, { type: 'list', kind: 'phone' }] },
  { step: 'certificates', targets: [
    { type: 'special', page: 'bulkCertificates' }, { type: 'special', page: 'certificates' }] },
  { step: 'devices', targets: [
    { type: 'list', kind: 'commonDeviceConfig' }, { type: 'list', kind: 'emccTemplate' }, { type: 'special', page: 'bulkEmcc' }] },
  { step: 'geolocation', targets: [{ type: 'list', kind: 'geolocationFilter' }] },
  { step: 'features', targets: [{ type: 'form', page: 'featureParameters' }] },
  { step: 'trunk', targets: [{ type: 'list', kind: 'sipTrunk' }] },
  { step: 'isp', targets: [{ type: 'form', page: 'isp' }] },
  { step: 'remote', targets: [{ type: 'list', kind: 'remoteCluster' }] },
];

/** The overview page. */
export function HomePage() {
  const { t } = useTranslation('admin');
  const info = useAdmin((s) => s.info);
  const open = useAdmin((s) => s.open);
  return (
    <section className="admin-page" aria-labelledby="admin-page-title">
      <h2 id="admin-page-title">{t('home.title')}</h2>
      {info ? (
        <table className="admin-table admin-summary">
          <tbody>
            <tr><th scope="row">{t('home.cluster')}</th><td>{info.name}</td></tr>
            <tr><th scope="row">{t('home.clusterId')}</th><td>{info.clusterId}</td></tr>
            <tr><th scope="row">{t('home.version')}</th><td>{t('home.versionValue', { version: info.version, securityMode: choiceText(t, info.securityMode) })}</td></tr>
            {info.nodes.map((n) => (
              <tr key={n.host}>
                <th scope="row">{t('home.node', { host: n.host })}</th>
                <td>{n.services.length ? n.services.join(', ') : t('home.noService')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <h3>{t('home.configuring')}</h3>
      <ol className="admin-steps" start={0}>
        {STEPS.map((s) => (
          <li key={s.step}>
            {t('home.step', { step: t(`home.steps.${s.step}`) })}
            {s.targets.map((target, i) => (
              <span key={targetTitle(target)}>
                {i ? t('common:listSeparator') : ''}
                <button type="button" className="admin-link-button" onClick={() => void open(target)}>{targetText(t, target)}</button>
              </span>
            ))}
          </li>
        ))}
      </ol>
    </section>
  );
}
