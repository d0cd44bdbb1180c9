/**
 * Bulk Administration > EMCC > Insert/Update EMCC: choose the default EMCC template for the EMCC
 * devices (Update), and add EMCC devices (Insert). Each Submit starts a job; its ID links to the
 * Job Scheduler.
 */
import { useState, type FormEvent } from 'react';
import { errorsOf } from '../store/admin-draft';
import { useAdmin } from '../store/admin-store';
import { NoticeBanner } from './NoticeBanner';

function FieldErrors({ field }: { field: string }) {
  const errors = errorsOf(useAdmin((s) => s.errors), field);
  if (!errors.length) return null;
  return <div className="admin-field-error" role="alert" data-testid={`error-${field}`}>{errors.map((e) => e.message).join('; ')}</div>;
}

function RunImmediately({ name }: { name: string }) {
  return (
    <div className="admin-field">
      <span className="admin-field-label">Job Information</span>
      <div className="admin-field-control">
        <label className="admin-inline"><input type="radio" name={name} checked readOnly /> Run Immediately</label>
        <div className="admin-field-help">The lab runs a job as soon as it is submitted; follow it in the Job Scheduler.</div>
      </div>
    </div>
  );
}

function UpdateSection() {
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
    <form className="admin-fieldset admin-section" onSubmit={submit} aria-label="Update EMCC Devices" data-testid="update-emcc">
      <h3>Update EMCC Devices</h3>
      <p className="admin-intro">Set the default EMCC template: the EMCC devices take its device pool, common device configuration and security profile.</p>
      <div className="admin-field">
        <span className="admin-field-label">Current default EMCC template</span>
        <div className="admin-field-control" data-testid="default-template">{bulk?.defaultTemplate ?? '< None >'}</div>
      </div>
      <div className="admin-field">
        <label htmlFor="bulk-template" className="admin-field-label">Default EMCC Template<span className="admin-required">*</span></label>
        <div className="admin-field-control">
          <select id="bulk-template" data-testid="input-template" value={template} onChange={(e) => setPicked(e.target.value)}>
            {bulk?.templates.length ? null : <option value="">No EMCC template yet</option>}
            {bulk?.templates.map((t) => <option key={t} value={t}>{t}</option>)}
          </select>
          <FieldErrors field="template" />
        </div>
      </div>
      <RunImmediately name="update-run" />
      <button type="submit" className="admin-button primary" data-testid="update-submit" disabled={busy || !template}>Submit</button>
    </form>
  );
}

function InsertSection() {
  const bulk = useAdmin((s) => s.bulk);
  const busy = useAdmin((s) => s.busy);
  const submitJob = useAdmin((s) => s.submitJob);
  const [count, setCount] = useState('');
  const [countError, setCountError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = /^\s*\d+\s*$/.test(count) ? Number(count) : NaN;
    if (!Number.isInteger(n) || n < 1) {
      setCountError('Number of EMCC Devices to be added must be a whole number of at least 1');
      return;
    }
    setCountError(null);
    void submitJob({ kind: 'insertEmccDevices', count: n });
  };
  return (
    <form className="admin-fieldset admin-section" onSubmit={submit} aria-label="Insert EMCC Devices" data-testid="insert-emcc">
      <h3>Insert EMCC Devices</h3>
      <p className="admin-intro">EMCC devices are the placeholders a visiting phone is bound to while a user from another cluster is logged in on it.</p>
      <div className="admin-field">
        <span className="admin-field-label">Number of EMCC Devices already in database</span>
        <div className="admin-field-control"><strong data-testid="emcc-devices-in-database">{bulk?.devicesInDatabase ?? '…'}</strong></div>
      </div>
      <div className="admin-field">
        <label htmlFor="bulk-count" className="admin-field-label">Number of EMCC Devices to be added<span className="admin-required">*</span></label>
        <div className="admin-field-control">
          <input id="bulk-count" type="text" inputMode="numeric" className="admin-narrow" data-testid="emcc-devices-to-add" value={count}
            onChange={(e) => setCount(e.target.value)} />
          {bulk ? <div className="admin-field-help">At most {bulk.maxInsertable.toLocaleString('en-US')} more (phones + 2 × EMCC devices ≤ 60,000). The next device is {bulk.nextDeviceName}.</div> : null}
          {countError ? <div className="admin-field-error" role="alert" data-testid="error-count">{countError}</div> : <FieldErrors field="count" />}
        </div>
      </div>
      <RunImmediately name="insert-run" />
      <button type="submit" className="admin-button primary" data-testid="insert-submit" disabled={busy}>Submit</button>
    </form>
  );
}

function SubmittedJob() {
  const id = useAdmin((s) => s.submittedJob);
  const job = useAdmin((s) => s.jobs.find((j) => j.id === s.submittedJob));
  const open = useAdmin((s) => s.open);
  if (id === null) return null;
  return (
    <div className="admin-job-link" data-testid="job-submitted">
      Job ID <strong data-testid="job-submitted-id">{id}</strong>{job ? ` · ${job.status} (${job.progress}/${job.total})` : ''} ·{' '}
      <button type="button" className="admin-link-button" data-testid="open-jobs" onClick={() => void open({ type: 'special', page: 'jobs' })}>View it in the Job Scheduler</button>
    </div>
  );
}

/** The Insert/Update EMCC page. */
export function BulkEmccPage() {
  return (
    <section className="admin-page" aria-labelledby="admin-page-title">
      <h2 id="admin-page-title">Insert/Update EMCC</h2>
      <NoticeBanner />
      <SubmittedJob />
      <div className="admin-columns">
        <UpdateSection />
        <InsertSection />
      </div>
    </section>
  );
}
