/**
 * OS Administration > Security > Bulk Certificate Management (guide, step 3): the SFTP server
 * every cluster exports to, then Export, Consolidate and Import, each a job of the Job Scheduler
 * whose status shows here live; the files in the SFTP directory (or why they cannot be listed),
 * the last export and whether a regenerated certificate needs a new export.
 */
import type { FormEvent, ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { PAGES } from '../../../shared/admin/pages';
import type { BulkCertificateStatus } from '../../../shared/api/admin-contract';
import { menuText } from '../i18n/admin-text';
import { useAdmin, type CertAction } from '../store/admin-store';
import { ExportNeededBanner } from './CertificatesPage';
import { FieldList } from './FieldList';
import { sizeText, timeText } from './format';
import { NoticeBanner } from './NoticeBanner';

const SFTP = PAGES.sftpSettings;
const CONSOLIDATED = 'consolidated.p12';

function SftpSettings() {
  const { t } = useTranslation('admin');
  const busy = useAdmin((s) => s.busy);
  const loading = useAdmin((s) => s.loading);
  const saveForm = useAdmin((s) => s.saveForm);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void saveForm();
  };
  return (
    <form className="admin-fieldset admin-section" onSubmit={submit} noValidate aria-label={t('bulkCerts.sftp')} data-testid="sftp-settings">
      <h3>{t('bulkCerts.sftp')}</h3>
      <p className="admin-intro">{t('bulkCerts.sftpIntro')}</p>
      <fieldset className="admin-plain-fieldset" disabled={loading}>
        <FieldList scope={{ page: 'sftpSettings' }} fields={SFTP.fields} existing={false} />
      </fieldset>
      <button type="submit" className="admin-button primary" data-testid="sftp-save" disabled={busy || loading}>{t('button.save')}</button>
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
  const { t } = useTranslation('admin');
  const directory = useAdmin((s) => (typeof s.saved?.directory === 'string' ? s.saved.directory : '')) || t('bulkCerts.theDirectory');
  const exports = status?.files.filter((f) => f.name !== CONSOLIDATED) ?? [];
  const known = status !== null && status.filesError === null;
  const list = (names: string[]) => names.join(', ');
  const consolidateNote = !status ? t('bulkCerts.looking')
    : status.canConsolidate ? t('bulkCerts.consolidateNote', { count: exports.length, clusters: list(exports.map((f) => f.name.replace(/\.p12$/, ''))), file: CONSOLIDATED })
      : !known ? t('bulkCerts.cannotList')
        : t('bulkCerts.consolidateNeeds', {
          directory,
          there: exports.length === 0 ? t('bulkCerts.noneThere') : t('bulkCerts.onlyThere', { files: list(exports.map((f) => f.name)) }),
        });
  const importNote = !status ? t('bulkCerts.looking')
    : status.canImport ? t('bulkCerts.importNote', { file: CONSOLIDATED })
      : !known ? t('bulkCerts.cannotList')
        : t('bulkCerts.importNeeds', { file: CONSOLIDATED, directory });
  return (
    <section className="admin-fieldset admin-section" aria-label={t('bulkCerts.stepsAria')} data-testid="bulk-actions">
      <h3>{t('bulkCerts.steps')}</h3>
      <ActionRow action="export" title={t('bulkCerts.export')} disabled={false} note={t('bulkCerts.exportNote', { directory })}>
        <label className="admin-inline admin-cert-type">
          {t('bulkCerts.certificateType')}
          <select data-testid="bulk-export-type" value="all" disabled aria-label={t('bulkCerts.certificateType')}>
            <option value="all">{t('bulkCerts.all')}</option>
          </select>
        </label>
      </ActionRow>
      <ActionRow action="consolidate" title={t('bulkCerts.consolidate')} disabled={!status?.canConsolidate} note={consolidateNote} />
      <ActionRow action="import" title={t('bulkCerts.import')} disabled={!status?.canImport} note={importNote} />
      <div className="admin-field admin-bulk-last">
        <span className="admin-field-label">{t('bulkCerts.lastExport')}</span>
        <div className="admin-field-control admin-field-value" data-testid="bulk-last-export">{status ? (status.lastExport ? timeText(status.lastExport) : t('bulkCerts.never')) : '…'}</div>
      </div>
    </section>
  );
}

function SubmittedCertJob() {
  const { t } = useTranslation('admin');
  const id = useAdmin((s) => s.submittedJob);
  const job = useAdmin((s) => s.jobs.find((j) => j.id === s.submittedJob));
  const open = useAdmin((s) => s.open);
  if (id === null) return null;
  const status = job?.status ?? 'Pending';
  return (
    <div className={`admin-bulk-job ${status.toLowerCase()}`} data-testid="bulk-job" data-job-id={id} data-kind={job?.kind ?? ''}>
      <div className="admin-bulk-job-head">
        <span><Trans t={t} i18nKey="bulkCerts.jobId" values={{ id }} components={{ strong: <strong data-testid="bulk-job-id" /> }} /></span>
        <span className="admin-bulk-job-description">{job?.description ?? ''}</span>
        <span className={`admin-job-status ${status.toLowerCase()}`} data-testid="bulk-job-status" data-kind={job?.kind ?? ''}>{t(`jobs.state.${status}`)}</span>
        {job ? (
          <span className="admin-progress-cell">
            <progress max={Math.max(job.total, 1)} value={job.progress} aria-label={t('bulkCerts.progressAria', { id })} />
            <span data-testid="bulk-job-progress">{t('bulkCerts.step', { progress: job.progress, total: job.total })}</span>
          </span>
        ) : null}
        <button type="button" className="admin-link-button admin-bulk-job-link" data-testid="open-jobs" onClick={() => void open({ type: 'special', page: 'jobs' })}>
          {t('button.viewJob')}
        </button>
      </div>
      {job?.result ? <div className="admin-bulk-job-result" data-testid="bulk-job-result">{status === 'Failed' ? '✖ ' : '✔ '}{job.result}</div> : null}
    </div>
  );
}

function Files({ status }: { status: BulkCertificateStatus | null }) {
  const { t } = useTranslation('admin');
  const settings = useAdmin((s) => s.saved);
  const where = settings ? `sftp://${String(settings.user ?? '')}@${String(settings.host ?? '')}:${String(settings.port ?? '')}${String(settings.directory ?? '')}` : '';
  return (
    <section className="admin-fieldset admin-section" aria-label={t('bulkCerts.files')}>
      <h3>{t('bulkCerts.files')} <span className="admin-count-inline" data-testid="bulk-files-where">{where}</span></h3>
      {!status ? <div className="admin-empty">{t('bulkCerts.listing')}</div>
        : status.filesError !== null ? (
          <div className="admin-notice error" role="alert" data-testid="bulk-files-error">
            <div className="admin-notice-text">✖ {t('bulkCerts.filesError')}</div>
            <div>{status.filesError}</div>
            <div className="admin-field-help">{t('bulkCerts.filesErrorHelp')}</div>
          </div>
        ) : status.files.length === 0 ? (
          <div className="admin-empty" data-testid="bulk-files">{t('bulkCerts.noFiles')}</div>
        ) : (
          <table className="admin-table" data-testid="bulk-files">
            <thead><tr><th scope="col">{t('bulkCerts.fileName')}</th><th scope="col">{t('bulkCerts.size')}</th><th scope="col">{t('bulkCerts.modified')}</th></tr></thead>
            <tbody>
              {[...status.files].sort((a, b) => a.name.localeCompare(b.name)).map((f) => (
                <tr key={f.name} data-testid={`bulk-file-${f.name}`}>
                  <td><code>{f.name}</code>{f.name === CONSOLIDATED ? <span className="admin-badge">{t('bulkCerts.consolidated')}</span> : null}</td>
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
  const { t } = useTranslation('admin');
  const status = useAdmin((s) => s.bulkCertificates);
  const refresh = useAdmin((s) => s.refresh);
  return (
    <section className="admin-page" aria-labelledby="admin-page-title">
      <h2 id="admin-page-title">{menuText(t, 'Bulk Certificate Management')}</h2>
      <div className="admin-toolbar">
        <button type="button" className="admin-button" data-testid="bulk-refresh" onClick={() => void refresh()}>{t('button.refresh')}</button>
      </div>
      <p className="admin-intro">{t('bulkCerts.intro')}</p>
      {status?.exportNeeded ? <ExportNeededBanner link={false} /> : null}
      <NoticeBanner scope={{ page: 'sftpSettings' }} fields={SFTP.fields} />
      <SubmittedCertJob />
      <div className="admin-columns">
        <SftpSettings />
        <Actions status={status} />
      </div>
      <Files status={status} />
    </section>
  );
}
