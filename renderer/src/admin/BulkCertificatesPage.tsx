/**
 * OS Administration > Security > Bulk Certificate Management (guide, step 3): the SFTP server
 * every cluster exports to, then Export, Consolidate and Import, each a job of the Job Scheduler
 * whose status shows here live; the files in the SFTP directory (or why they cannot be listed),
 * the last export and whether a regenerated certificate needs a new export.
 */
import type { FormEvent, ReactNode } from 'react';
import { PAGES } from '../../../shared/admin/pages';
import type { BulkCertificateStatus } from '../../../shared/api/admin-contract';
import { useAdmin, type CertAction } from '../store/admin-store';
import { ExportNeededBanner } from './CertificatesPage';
import { FieldList } from './FieldList';
import { sizeText, timeText } from './format';
import { NoticeBanner } from './NoticeBanner';

const SFTP = PAGES.sftpSettings;
const CONSOLIDATED = 'consolidated.p12';

function SftpSettings() {
  const busy = useAdmin((s) => s.busy);
  const loading = useAdmin((s) => s.loading);
  const saveForm = useAdmin((s) => s.saveForm);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void saveForm();
  };
  return (
    <form className="admin-fieldset admin-section" onSubmit={submit} noValidate aria-label="SFTP server" data-testid="sftp-settings">
      <h3>SFTP Server</h3>
      <p className="admin-intro">Every cluster exports to, consolidates in and imports from this one directory.</p>
      <fieldset className="admin-plain-fieldset" disabled={loading}>
        <FieldList fields={SFTP.fields} existing={false} />
      </fieldset>
      <button type="submit" className="admin-button primary" data-testid="sftp-save" disabled={busy || loading}>Save</button>
    </form>
  );
}

function ActionRow({ action, title, disabled, note, children }: { action: CertAction; title: string; disabled: boolean; note: ReactNode; children?: ReactNode }) {
  const busy = useAdmin((s) => s.busy);
  const submit = useAdmin((s) => s.submitCertificateJob);
  return (
    <div className="admin-bulk-action" data-action={action}>
      <div className="admin-bulk-action-head">
        <button type="button" className="admin-button primary" data-testid={`bulk-${action}`} disabled={busy || disabled} onClick={() => void submit(action)}>{title}</button>
        {children}
      </div>
      <div className={`admin-field-help${disabled ? ' admin-why-disabled' : ''}`} data-testid={`bulk-${action}-note`}>{note}</div>
    </div>
  );
}

function Actions({ status }: { status: BulkCertificateStatus | null }) {
  const directory = useAdmin((s) => (typeof s.saved?.directory === 'string' ? s.saved.directory : '')) || 'the SFTP directory';
  const exports = status?.files.filter((f) => f.name !== CONSOLIDATED) ?? [];
  const known = status !== null && status.filesError === null;
  const consolidateNote = !status ? 'Looking at the SFTP directory…'
    : status.canConsolidate ? `Merges the exports of ${exports.length} clusters (${exports.map((f) => f.name.replace(/\.p12$/, '')).join(', ')}) into ${CONSOLIDATED}. Run it on one cluster only.`
      : !known ? 'Not available: the SFTP directory cannot be listed.'
        : `Not available: Consolidate needs the exports of two or more clusters in ${directory}; ${exports.length === 0 ? 'none is there yet' : `only ${exports.map((f) => f.name).join(', ')} is there`}. Export on every cluster first.`;
  const importNote = !status ? 'Looking at the SFTP directory…'
    : status.canImport ? `Adds the certificates of ${CONSOLIDATED} to this cluster's trust stores; new CallManager certificates restart the cluster's phones. Run it on every cluster.`
      : !known ? 'Not available: the SFTP directory cannot be listed.'
        : `Not available: there is no ${CONSOLIDATED} in ${directory} yet. Consolidate on one cluster first.`;
  return (
    <section className="admin-fieldset admin-section" aria-label="Bulk certificate steps" data-testid="bulk-actions">
      <h3>Export, Consolidate, Import</h3>
      <ActionRow action="export" title="Export" disabled={false}
        note={`Writes every server's certificates of this cluster to ${directory} as one PKCS#12 file named after the Cluster ID.`}>
        <label className="admin-inline admin-cert-type">
          Certificate Type
          <select data-testid="bulk-export-type" value="all" disabled aria-label="Certificate Type">
            <option value="all">All</option>
          </select>
        </label>
      </ActionRow>
      <ActionRow action="consolidate" title="Consolidate" disabled={!status?.canConsolidate} note={consolidateNote} />
      <ActionRow action="import" title="Import" disabled={!status?.canImport} note={importNote} />
      <div className="admin-field admin-bulk-last">
        <span className="admin-field-label">Last export of this cluster</span>
        <div className="admin-field-control admin-field-value" data-testid="bulk-last-export">{status ? (status.lastExport ? timeText(status.lastExport) : 'Never') : '…'}</div>
      </div>
    </section>
  );
}

function SubmittedCertJob() {
  const id = useAdmin((s) => s.submittedJob);
  const job = useAdmin((s) => s.jobs.find((j) => j.id === s.submittedJob));
  const open = useAdmin((s) => s.open);
  if (id === null) return null;
  const status = job?.status ?? 'Pending';
  return (
    <div className={`admin-bulk-job ${status.toLowerCase()}`} data-testid="bulk-job" data-job-id={id} data-kind={job?.kind ?? ''}>
      <div className="admin-bulk-job-head">
        <span>Job ID <strong data-testid="bulk-job-id">{id}</strong></span>
        <span className="admin-bulk-job-description">{job?.description ?? ''}</span>
        <span className={`admin-job-status ${status.toLowerCase()}`} data-testid="bulk-job-status" data-kind={job?.kind ?? ''}>{status}</span>
        {job ? (
          <span className="admin-progress-cell">
            <progress max={Math.max(job.total, 1)} value={job.progress} aria-label={`Progress of job ${id}`} />
            <span data-testid="bulk-job-progress">step {job.progress} of {job.total}</span>
          </span>
        ) : null}
        <button type="button" className="admin-link-button admin-bulk-job-link" data-testid="open-jobs" onClick={() => void open({ type: 'special', page: 'jobs' })}>
          View it in the Job Scheduler
        </button>
      </div>
      {job?.result ? <div className="admin-bulk-job-result" data-testid="bulk-job-result">{status === 'Failed' ? '✖ ' : '✔ '}{job.result}</div> : null}
    </div>
  );
}

function Files({ status }: { status: BulkCertificateStatus | null }) {
  const settings = useAdmin((s) => s.saved);
  const where = settings ? `sftp://${String(settings.user ?? '')}@${String(settings.host ?? '')}:${String(settings.port ?? '')}${String(settings.directory ?? '')}` : '';
  return (
    <section className="admin-fieldset admin-section" aria-label="Files in the SFTP directory">
      <h3>Files in the SFTP directory <span className="admin-count-inline" data-testid="bulk-files-where">{where}</span></h3>
      {!status ? <div className="admin-empty">Listing the SFTP directory…</div>
        : status.filesError !== null ? (
          <div className="admin-notice error" role="alert" data-testid="bulk-files-error">
            <div className="admin-notice-text">✖ The SFTP directory cannot be listed</div>
            <div>{status.filesError}</div>
            <div className="admin-field-help">Check the SFTP server settings above (host, port, user, password and directory) and Save.</div>
          </div>
        ) : status.files.length === 0 ? (
          <div className="admin-empty" data-testid="bulk-files">No certificate files yet. Export writes this cluster&apos;s file here.</div>
        ) : (
          <table className="admin-table" data-testid="bulk-files">
            <thead><tr><th scope="col">File Name</th><th scope="col">Size</th><th scope="col">Last Modified</th></tr></thead>
            <tbody>
              {[...status.files].sort((a, b) => a.name.localeCompare(b.name)).map((f) => (
                <tr key={f.name} data-testid={`bulk-file-${f.name}`}>
                  <td><code>{f.name}</code>{f.name === CONSOLIDATED ? <span className="admin-badge">consolidated</span> : null}</td>
                  <td className="admin-nowrap">{sizeText(f.size)}</td>
                  <td className="admin-nowrap">{timeText(f.modifiedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
    </section>
  );
}

/** The Bulk Certificate Management page. */
export function BulkCertificatesPage() {
  const status = useAdmin((s) => s.bulkCertificates);
  const refresh = useAdmin((s) => s.refresh);
  return (
    <section className="admin-page" aria-labelledby="admin-page-title">
      <h2 id="admin-page-title">Bulk Certificate Management</h2>
      <div className="admin-toolbar">
        <button type="button" className="admin-button" data-testid="bulk-refresh" onClick={() => void refresh()}>Refresh</button>
      </div>
      <p className="admin-intro">
        Step 3 of the EMCC configuration: the clusters must trust each other&apos;s Tomcat, CallManager and CAPF certificates. Export
        on every cluster to one SFTP directory; once every cluster has exported, Consolidate there from any one cluster; then
        Import on every cluster. Repeat after regenerating a certificate.
      </p>
      {status?.exportNeeded ? <ExportNeededBanner link={false} /> : null}
      <NoticeBanner fields={SFTP.fields} />
      <SubmittedCertJob />
      <div className="admin-columns">
        <SftpSettings />
        <Actions status={status} />
      </div>
      <Files status={status} />
    </section>
  );
}
