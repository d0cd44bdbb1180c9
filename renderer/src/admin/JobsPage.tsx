/** Bulk Administration > Job Scheduler: the cluster's jobs with their status, progress and result. */
import { useTranslation } from 'react-i18next';
import { menuText } from '../i18n/admin-text';
import { RefreshablePageHeader } from './RefreshablePageHeader';
import type { Job } from '../../../shared/api/admin-contract';
import { useAdmin } from '../store/admin-store';
import { timeText } from './format';
import { NoticeBanner } from './NoticeBanner';

function JobRow({ job }: { job: Job }) {
  const { t } = useTranslation('admin');
  return (
    <tr data-testid={`job-${job.id}`}>
      <td>{job.id}</td>
      <td>{job.description}</td>
      <td><span className={`admin-job-status ${job.status.toLowerCase()}`} data-testid={`job-status-${job.id}`}>{t(`jobs.state.${job.status}`)}</span></td>
      <td className="admin-progress-cell">
        <progress max={Math.max(job.total, 1)} value={job.total ? job.progress : job.status === 'Completed' ? 1 : 0} aria-label={t('jobs.progressAria', { id: job.id })} />
        <span data-testid={`job-progress-${job.id}`}>{job.progress}/{job.total}</span>
      </td>
      <td data-testid={`job-result-${job.id}`}>{job.result}</td>
      <td className="admin-nowrap">{timeText(job.submittedAt)}</td>
      <td className="admin-nowrap">{timeText(job.finishedAt)}</td>
    </tr>
  );
}

/** The Job Scheduler page. */
export function JobsPage() {
  const { t } = useTranslation('admin');
  const jobs = useAdmin((s) => s.jobs);
  const loading = useAdmin((s) => s.loading);
  const newestFirst = [...jobs].sort((a, b) => b.id - a.id);
  return (
    <section className="admin-page" aria-labelledby="admin-page-title">
      <RefreshablePageHeader title={menuText(t, 'Job Scheduler')} refreshTestId="jobs-refresh" />
      <NoticeBanner />
      {!loading && jobs.length === 0 ? <div className="admin-empty" data-testid="jobs-empty">{t('jobs.empty')}</div> : (
        <table className="admin-table" data-testid="jobs-table">
          <thead>
            <tr>
              <th>{t('jobs.id')}</th><th>{t('jobs.description')}</th><th>{t('jobs.status')}</th><th>{t('jobs.progress')}</th>
              <th>{t('jobs.result')}</th><th>{t('jobs.submitted')}</th><th>{t('jobs.finished')}</th>
            </tr>
          </thead>
          <tbody>{newestFirst.map((j) => <JobRow key={j.id} job={j} />)}</tbody>
        </table>
      )}
    </section>
  );
}
