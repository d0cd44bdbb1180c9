/**
 * Reports > Trace: the lab's trace, newest first, stamped with lab time and live (a `lab.trace`
 * event adds each new line): why a login failed, which certificate was not trusted, what a bulk
 * job did. The filter keeps the lines that contain its text.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { menuText } from '../i18n/admin-text';
import { useAdmin } from '../store/admin-store';
import { preciseTimeText } from './format';
import { NoticeBanner } from './NoticeBanner';

/** A line that tells of something that went wrong, drawn in the error colour. */
const PROBLEM = /\b(failed|refused|not in|not trusted|expired|error)\b/i;

/** The Trace page. */
export function TracePage() {
  const { t } = useTranslation('admin');
  const trace = useAdmin((s) => s.trace);
  const loading = useAdmin((s) => s.loading);
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  const lines = trace.map((e, i) => ({ ...e, i })).filter((e) => !needle || e.text.toLowerCase().includes(needle)).reverse();
  return (
    <section className="admin-page" aria-labelledby="admin-page-title">
      <h2 id="admin-page-title">{menuText(t, 'Trace')}</h2>
      <p className="admin-intro">{t('trace.intro')}</p>
      <NoticeBanner />
      <form className="admin-search" role="search" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="trace-filter">{t('trace.filter')}</label>
        <input id="trace-filter" type="search" data-testid="trace-filter" value={filter} maxLength={100} onChange={(e) => setFilter(e.target.value)} />
        <span className="admin-count-inline" data-testid="trace-count">
          {loading && trace.length === 0 ? t('trace.loading') : needle ? t('trace.some', { shown: lines.length, total: trace.length }) : t('trace.lines', { count: trace.length })}
        </span>
      </form>
      {!loading && lines.length === 0 ? (
        <div className="admin-empty" data-testid="trace-empty">{needle ? t('trace.noMatch', { filter: filter.trim() }) : t('trace.empty')}</div>
      ) : (
        <ol className="admin-trace" data-testid="trace-list" aria-label={t('trace.aria')}>
          {lines.map((e) => (
            <li key={e.i} className={`admin-trace-line${PROBLEM.test(e.text) ? ' problem' : ''}`} data-testid="trace-line">
              <time className="admin-trace-time" dateTime={new Date(e.at).toISOString()}>{preciseTimeText(e.at)}</time>
              <span className="admin-trace-text">{e.text}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
