/**
 * Bulk Administration > EMCC > Insert/Update EMCC: choose the default EMCC template for the EMCC
 * devices (Update), and add EMCC devices (Insert). Each Submit starts a job; its ID links to the
 * Job Scheduler.
 */
import { useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { menuText } from '../i18n/admin-text';
import { errorsOf } from '../store/admin-draft';
import { useAdmin } from '../store/admin-store';
import { NoticeBanner } from './NoticeBanner';

function FieldErrors({ field }: { field: string }) {
  const errors = errorsOf(useAdmin((s) => s.errors), field);
  if (!errors.length) return null;
  return <div className="admin-field-error" role="alert" data-testid={`error-${field}`}>{errors.map((e) => e.message).join('; ')}</div>;
}

function RunImmediately({ name }: { name: string }) {
  const { t } = useTranslation('admin');
  return (
    <div className="admin-field">
      <span className="admin-field-label">{t('bulkEmcc.jobInformation')}</span>
      <div className="admin-field-control">
        <label className="admin-inline"><input type="radio" name={name} checked readOnly /> {t('bulkEmcc.runImmediately')}</label>
        <div className="admin-field-help">{t('bulkEmcc.runHelp')}</div>
      </div>
    </div>
  );
}

function UpdateSection() {
  const { t } = useTranslation('admin');
  const bulk = useAdmin((s) => s.bulk);
  const busy = useAdmin((s) => s.busy);
  const submitJob = useAdmin((s) => s.submitJob);
  const [picked, setPicked] = useState<string | null>(null);
  const template = picked ?? bulk?.defaultTemplate ?? bulk?.templates[0] ?? '';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void submitJob({ kind: 'updateEmccDevices', template });
  };
  return (
    <form className="admin-fieldset admin-section" onSubmit={submit} aria-label={t('bulkEmcc.update')} data-testid="update-emcc">
      <h3>{t('bulkEmcc.update')}</h3>
      <p className="admin-intro">{t('bulkEmcc.updateIntro')}</p>
      <div className="admin-field">
        <span className="admin-field-label">{t('bulkEmcc.currentDefault')}</span>
        <div className="admin-field-control" data-testid="default-template">{bulk?.defaultTemplate ?? t('bulkEmcc.none')}</div>
      </div>
      <div className="admin-field">
        <label htmlFor="bulk-template" className="admin-field-label">{t('bulkEmcc.defaultTemplate')}<span className="admin-required">*</span></label>
        <div className="admin-field-control">
          <select id="bulk-template" data-testid="input-template" value={template} onChange={(e) => setPicked(e.target.value)}>
            {bulk?.templates.length ? null : <option value="">{t('bulkEmcc.noTemplate')}</option>}
            {bulk?.templates.map((t) => <option key={t} value={t}>{t}</option>)}
          </select>
          <FieldErrors field="template" />
        </div>
      </div>
      <RunImmediately name="update-run" />
      <button type="submit" className="admin-button primary" data-testid="update-submit" disabled={busy || !template}>{t('button.submit')}</button>
    </form>
  );
}

function InsertSection() {
  const { t } = useTranslation('admin');
  const bulk = useAdmin((s) => s.bulk);
  const busy = useAdmin((s) => s.busy);
  const submitJob = useAdmin((s) => s.submitJob);
  const [count, setCount] = useState('');
  const [countError, setCountError] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = /^\s*\d+\s*$/.test(count) ? Number(count) : NaN;
    if (!Number.isInteger(n) || n < 1) {
      setCountError(true);
      return;
    }
    setCountError(false);
    void submitJob({ kind: 'insertEmccDevices', count: n });
  };
  return (
    <form className="admin-fieldset admin-section" onSubmit={submit} aria-label={t('bulkEmcc.insert')} data-testid="insert-emcc">
      <h3>{t('bulkEmcc.insert')}</h3>
      <p className="admin-intro">{t('bulkEmcc.insertIntro')}</p>
      <div className="admin-field">
        <span className="admin-field-label">{t('bulkEmcc.inDatabase')}</span>
        <div className="admin-field-control"><strong data-testid="emcc-devices-in-database">{bulk?.devicesInDatabase ?? '…'}</strong></div>
      </div>
      <div className="admin-field">
        <label htmlFor="bulk-count" className="admin-field-label">{t('bulkEmcc.toAdd')}<span className="admin-required">*</span></label>
        <div className="admin-field-control">
          <input id="bulk-count" type="text" inputMode="numeric" className="admin-narrow" data-testid="emcc-devices-to-add" value={count}
            onChange={(e) => setCount(e.target.value)} />
          {bulk ? <div className="admin-field-help">{t('bulkEmcc.atMost', { max: bulk.maxInsertable.toLocaleString('en-US'), next: bulk.nextDeviceName })}</div> : null}
          {countError ? <div className="admin-field-error" role="alert" data-testid="error-count">{t('bulkEmcc.countError')}</div> : <FieldErrors field="count" />}
        </div>
      </div>
      <RunImmediately name="insert-run" />
      <button type="submit" className="admin-button primary" data-testid="insert-submit" disabled={busy}>{t('button.submit')}</button>
    </form>
  );
}

function SubmittedJob() {
  const { t } = useTranslation('admin');
  const id = useAdmin((s) => s.submittedJob);
  const job = useAdmin((s) => s.jobs.find((j) => j.id === s.submittedJob));
  const open = useAdmin((s) => s.open);
  if (id === null) return null;
  return (
    <div className="admin-job-link" data-testid="job-submitted">
      <Trans t={t} i18nKey="bulkEmcc.jobId" values={{ id }} components={{ strong: <strong data-testid="job-submitted-id" /> }} />
      {job ? t('bulkEmcc.jobState', { status: t(`jobs.state.${job.status}`), progress: job.progress, total: job.total }) : ''} ·{' '}
      <button type="button" className="admin-link-button" data-testid="open-jobs" onClick={() => void open({ type: 'special', page: 'jobs' })}>{t('button.viewJob')}</button>
    </div>
  );
}

/** The Insert/Update EMCC page. */
export function BulkEmccPage() {
  const { t } = useTranslation('admin');
  return (
    <section className="admin-page" aria-labelledby="admin-page-title">
      <h2 id="admin-page-title">{menuText(t, 'Insert/Update EMCC')}</h2>
      <NoticeBanner />
      <SubmittedJob />
      <div className="admin-columns">
        <UpdateSection />
        <InsertSection />
      </div>
    </section>
  );
}
