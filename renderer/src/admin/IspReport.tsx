/**
 * The Validate report of the EMCC Intercluster Service Profile: each check with its mark (pass,
 * fail, or warning for a check that does not block Save), its message and a link to the page
 * that fixes it (data-testid isp-check-<id>, isp-fix-<id>).
 */
import type { ValidationReport } from '../../../shared/api/admin-contract';
import { targetTitle } from '../../../shared/admin/pages';
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
  const report = useAdmin((s) => s.ispReport);
  const open = useAdmin((s) => s.open);
  if (!report) return null;
  const failed = report.checks.filter((c) => stateOf(c) === 'fail').length;
  const warned = report.checks.filter((c) => stateOf(c) === 'warning').length;
  const warnText = warned ? ` (${warned} warning${warned === 1 ? '' : 's'})` : '';
  return (
    <section className={`admin-report ${report.passed ? 'passed' : 'failed'}`} aria-label="Validation report" data-testid="isp-report" data-passed={report.passed}>
      <h3 data-testid="isp-summary">
        {report.passed
          ? `Validation passed: no failure${warnText}`
          : `Validation failed: ${failed} of ${report.checks.length} checks failed${warnText}; Save is refused until they pass`}
      </h3>
      <ul>
        {report.checks.map((c) => {
          const state = stateOf(c);
          return (
            <li key={c.id} className={state} data-testid={`isp-check-${c.id}`} data-state={state}>
              <span className="admin-report-mark" role="img" aria-label={state === 'ok' ? 'passed' : state === 'warning' ? 'warning' : 'failed'}>{MARK[state]}</span>
              <span className="admin-report-title">{c.title}</span>
              <span className="admin-report-message">{c.message}</span>
              {state !== 'ok' ? (
                <button type="button" className="admin-link-button admin-report-fix" data-testid={`isp-fix-${c.id}`} title={`Open ${targetTitle(c.fix)}`} onClick={() => void open(c.fix)}>
                  Fix in {targetTitle(c.fix).split(' > ').pop()}
                </button>
              ) : <span />}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
