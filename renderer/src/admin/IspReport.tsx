/**
 * The Validate report of the EMCC Intercluster Service Profile: each check with its mark (pass,
 * fail, or warning for a check that does not block Save), its message and a link to the page
 * that fixes it (data-testid isp-check-<id>, isp-fix-<id>).
 */
import { useTranslation } from 'react-i18next';
import type { ValidationReport } from '../../../shared/api/admin-contract';
import { targetName, targetText } from '../i18n/admin-text';
import { useAdmin } from '../store/admin-store';

type Check = ValidationReport['checks'][number];
type CheckState = 'ok' | 'warning' | 'fail';

/** A failed check the main process marks as a warning does not make the report fail. */
function stateOf(c: Check): CheckState {
  if (c.ok) return 'ok';
  return (c as Check & { warning?: boolean }).warning === true ? 'warning' : 'fail';
}

const MARK: Record<CheckState, string> = { ok: '✔', warning: '⚠', fail: '✖' };

/** The last validation report, when there is one. */
export function IspReport() {
  const { t } = useTranslation('admin');
  const report = useAdmin((s) => s.ispReport);
  const open = useAdmin((s) => s.open);
  if (!report) return null;
  const failed = report.checks.filter((c) => stateOf(c) === 'fail').length;
  const warned = report.checks.filter((c) => stateOf(c) === 'warning').length;
  const warnText = warned ? t('isp.warnings', { count: warned }) : '';
  return (
    <section className={`admin-report ${report.passed ? 'passed' : 'failed'}`} aria-label={t('isp.report')} data-testid="isp-report" data-passed={report.passed}>
      <h3 data-testid="isp-summary">
        {report.passed
          ? t('isp.passed', { warnings: warnText })
          : t('isp.failed', { failed, total: report.checks.length, warnings: warnText })}
      </h3>
      <ul>
        {report.checks.map((c) => {
          const state = stateOf(c);
          return (
            <li key={c.id} className={state} data-testid={`isp-check-${c.id}`} data-state={state}>
              <span className="admin-report-mark" role="img" aria-label={t(`isp.mark.${state}`)}>{MARK[state]}</span>
              <span className="admin-report-title">{t(`isp.check.${c.id}`, { title: c.title, defaultValue: c.title })}</span>
              <span className="admin-report-message">{c.message}</span>
              {state !== 'ok' ? (
                <button type="button" className="admin-link-button admin-report-fix" data-testid={`isp-fix-${c.id}`} title={t('isp.open', { target: targetText(t, c.fix) })} onClick={() => void open(c.fix)}>
                  {t('isp.fixIn', { page: targetName(t, c.fix) })}
                </button>
              ) : <span />}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
