/**
 * The administration window of one cluster, in the spirit of Unified CM Administration: a header
 * with the cluster's name and Cluster ID, the menu bar, and the page the menu opened.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { choiceText, targetText } from '../i18n/admin-text';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { textOf, type Translate } from '../i18n/text';
import { useAdmin, type AdminView } from '../store/admin-store';
import { AdminMenu } from './AdminMenu';
import { BulkCertificatesPage } from './BulkCertificatesPage';
import { BulkEmccPage } from './BulkEmccPage';
import { CertificatesPage } from './CertificatesPage';
import { FormPage } from './FormPage';
import { HomePage } from './HomePage';
import { JobsPage } from './JobsPage';
import { ListPage } from './ListPage';
import { PhoneFeatureListPage } from './PhoneFeatureListPage';
import { RecordPage } from './RecordPage';
import { ServiceActivationPage } from './ServiceActivationPage';
import { TracePage } from './TracePage';
import './admin.css';

function Page({ view }: { view: AdminView }) {
  switch (view.type) {
    case 'home':
      return <HomePage />;
    case 'list':
      return <ListPage kind={view.kind} />;
    case 'record':
      // A new key remounts the form (Add New after editing, a renamed record).
      return <RecordPage key={`${view.kind}:${view.key ?? ''}`} kind={view.kind} recordKey={view.key} />;
    case 'form':
      return <FormPage page={view.page} />;
    case 'special':
      switch (view.page) {
        case 'serviceActivation':
          return <ServiceActivationPage />;
        case 'bulkEmcc':
          return <BulkEmccPage />;
        case 'jobs':
          return <JobsPage />;
        case 'phoneFeatureList':
          return <PhoneFeatureListPage />;
        case 'bulkCertificates':
          return <BulkCertificatesPage />;
        case 'certificates':
          return <CertificatesPage />;
        case 'trace':
          return <TracePage />;
      }
  }
}

function crumbOf(t: Translate, view: AdminView): string {
  if (view.type === 'home') return t('window.overview');
  if (view.type === 'record') return targetText(t, { type: 'list', kind: view.kind });
  return targetText(t, view);
}

/** The whole window for the cluster the store was started with. */
export function AdminWindow() {
  const { t } = useTranslation('admin');
  const cluster = useAdmin((s) => s.cluster);
  const info = useAdmin((s) => s.info);
  const view = useAdmin((s) => s.view);
  const fatal = useAdmin((s) => s.fatal);
  const open = useAdmin((s) => s.open);

  useEffect(() => {
    document.body.classList.add('admin-body');
    return () => document.body.classList.remove('admin-body');
  }, []);
  useEffect(() => {
    document.title = t('window.title', { cluster });
  }, [cluster, t]);

  return (
    <div className="admin">
      <header className="admin-header">
        <button type="button" className="admin-brand" onClick={() => void open({ type: 'home' })} title={t('window.brandTitle')}>
          <span className="admin-logo" aria-hidden="true" />
          <span>{t('window.brand')}</span>
        </button>
        <div className="admin-cluster">
          <span className="admin-cluster-label">{t('window.cluster')}</span>
          <strong data-testid="admin-cluster-name">{info?.name ?? cluster}</strong>
          <span className="admin-cluster-label">{t('window.clusterId')}</span>
          <strong data-testid="admin-cluster-id">{info?.clusterId ?? '…'}</strong>
          {info ? <span className="admin-cluster-version">{t('window.version', { version: info.version, securityMode: choiceText(t, info.securityMode) })}</span> : null}
        </div>
        <LanguageSwitch />
      </header>
      <AdminMenu />
      {fatal ? <div className="admin-fatal" role="alert" data-testid="admin-fatal">{textOf(t, fatal)}</div> : null}
      <main className="admin-main">
        <div className="admin-crumb" data-testid="admin-crumb">{crumbOf(t, view)}</div>
        <Page view={view} />
      </main>
    </div>
  );
}
