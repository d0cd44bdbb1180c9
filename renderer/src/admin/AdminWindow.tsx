/**
 * The administration window of one cluster, in the spirit of Unified CM Administration: a header
 * with the cluster's name and Cluster ID, the menu bar, and the page the menu opened.
 */
import { useEffect } from 'react';
import { targetTitle } from '../../../shared/admin/pages';
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

function crumbOf(view: AdminView): string {
  if (view.type === 'home') return 'Overview';
  if (view.type === 'record') return targetTitle({ type: 'list', kind: view.kind });
  return targetTitle(view);
}

/** The whole window for the cluster the store was started with. */
export function AdminWindow() {
  const cluster = useAdmin((s) => s.cluster);
  const info = useAdmin((s) => s.info);
  const view = useAdmin((s) => s.view);
  const fatal = useAdmin((s) => s.fatal);
  const open = useAdmin((s) => s.open);

  useEffect(() => {
    document.body.classList.add('admin-body');
    document.title = `EMCC Lab Administration · ${cluster}`;
    return () => document.body.classList.remove('admin-body');
  }, [cluster]);

  return (
    <div className="admin">
      <header className="admin-header">
        <button type="button" className="admin-brand" onClick={() => void open({ type: 'home' })} title="Cluster overview">
          <span className="admin-logo" aria-hidden="true" />
          <span>EMCC Lab Administration</span>
        </button>
        <div className="admin-cluster">
          <span className="admin-cluster-label">Cluster</span>
          <strong data-testid="admin-cluster-name">{info?.name ?? cluster}</strong>
          <span className="admin-cluster-label">Cluster ID</span>
          <strong data-testid="admin-cluster-id">{info?.clusterId ?? '…'}</strong>
          {info ? <span className="admin-cluster-version">Unified CM {info.version} · {info.securityMode}</span> : null}
        </div>
      </header>
      <AdminMenu />
      {fatal ? <div className="admin-fatal" role="alert" data-testid="admin-fatal">{fatal}</div> : null}
      <main className="admin-main">
        <div className="admin-crumb" data-testid="admin-crumb">{crumbOf(view)}</div>
        <Page view={view} />
      </main>
    </div>
  );
}
