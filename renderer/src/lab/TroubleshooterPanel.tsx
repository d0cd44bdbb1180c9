/**
 * The Troubleshooter tab of the lab window (issue #7): a code typed or picked from the guide's
 * catalogue, what the guide says about it (summary, cause, what the phone shows) in the UI's
 * language, what the open lab has that causes it (causes first, each with a button to the admin
 * page that fixes it), the checks that passed, and the scenarios of the library that reproduce it.
 * In a phone window of its own it is shown in a dialog (no lab window there: no Faults panel).
 */
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Troubleshooting } from '../../../shared/api/file-contract';
import { ERROR_CATALOGUE } from '../../../shared/errors/error-catalogue';
import { asLocale } from '../../../shared/i18n/messages';
import { useLabWindow } from '../store/lab-window-store';
import { useTroubleshooter } from '../store/troubleshooter-store';
import { adminPageUrl, type Fix } from './admin-link';
import { findingText, fixPageText } from './troubleshoot-text';

type Finding = Troubleshooting['findings'][number];

const TABLES = [
  { id: 'table9', source: 'emapp' },
  { id: 'table10', source: 'emservice' },
] as const;

function FixButton({ fix, inDialog }: { fix: Fix; inDialog: boolean }) {
  const { t } = useTranslation('troubleshooter');
  const setTab = useLabWindow((s) => s.setTab);
  if (fix.lab === 'faults') {
    if (inDialog) return null;
    return <button type="button" className="ts-fix" data-testid="troubleshoot-fix" data-fix="lab:faults" onClick={() => setTab('faults')}>{t('fixFaults')} →</button>;
  }
  return (
    <button type="button" className="ts-fix" data-testid="troubleshoot-fix" data-fix={`${fix.cluster}:${fix.kind ?? fix.page ?? ''}${fix.key ? `:${fix.key}` : ''}`}
      onClick={() => window.open(adminPageUrl(fix), '_blank')}>
      {t('fix', { cluster: fix.cluster, page: fixPageText(t, fix) })} ↗
    </button>
  );
}

function FindingRow({ f, inDialog }: { f: Finding; inDialog: boolean }) {
  const { t } = useTranslation('troubleshooter');
  return (
    <li className={`ts-finding ${f.status}`} data-testid="troubleshoot-finding" data-status={f.status} data-key={f.key}>
      <span className="ts-status">{t(`status.${f.status}`)}</span>
      <div className="ts-finding-body">
        <p>
          {findingText(t, f)}
          {f.params.via !== undefined ? <span className="ts-via">{t('via', { code: f.params.via })}</span> : null}
        </p>
        {f.fix ? <FixButton fix={f.fix} inDialog={inDialog} /> : null}
      </div>
    </li>
  );
}

function Result({ result, inDialog }: { result: Troubleshooting; inDialog: boolean }) {
  const { t, i18n } = useTranslation('troubleshooter');
  const lang = asLocale(i18n.resolvedLanguage ?? i18n.language);
  const scenarioPending = useTroubleshooter((s) => s.scenarioPending);
  const scenarioError = useTroubleshooter((s) => s.scenarioError);
  const openScenario = useTroubleshooter((s) => s.openScenario);
  const entry = ERROR_CATALOGUE.find((e) => e.code === result.code);
  const causes = result.findings.filter((f) => f.status === 'cause');
  const notes = result.findings.filter((f) => f.status === 'info');
  const passed = result.findings.filter((f) => f.status === 'ok');
  return (
    <section className={`ts-result${causes.length ? ' has-cause' : ''}`} data-testid="troubleshoot-result" data-code={result.code} aria-live="polite">
      <header className="ts-head">
        <span className="ts-code">{result.code}</span>
        <h3 data-testid="troubleshoot-summary">{result.summary[lang]}</h3>
        {!result.known ? <span className="ts-tag">{t('unknown')}</span> : entry?.internal ? <span className="ts-tag">{t('internal')}</span> : null}
      </header>
      {result.shows[lang] ? (
        <div className="ts-shows">
          <span className="ts-label">{t('shows')}</span>
          <span className="ts-screen" data-testid="troubleshoot-shows" lang={lang}>{result.shows[lang]}</span>
        </div>
      ) : null}
      <div className="ts-guide">
        <span className="ts-label">{t('cause')}</span>
        <p data-testid="troubleshoot-cause">{result.cause[lang]}</p>
      </div>

      <h4 className="ts-section">
        {t('inLab')}
        <span className={`ts-verdict${causes.length ? ' bad' : ' good'}`} data-testid="troubleshoot-verdict">
          {causes.length ? t('causes', { count: causes.length }) : t('noCause')}
        </span>
      </h4>
      {causes.length + notes.length ? (
        <ul className="ts-findings">
          {[...causes, ...notes].map((f, i) => <FindingRow key={`${f.key}-${i}`} f={f} inDialog={inDialog} />)}
        </ul>
      ) : null}
      {passed.length ? (
        <details className="ts-passed" data-testid="troubleshoot-passed">
          <summary>{t('passed', { count: passed.length })}</summary>
          <ul className="ts-findings">{passed.map((f, i) => <FindingRow key={`${f.key}-${i}`} f={f} inDialog={inDialog} />)}</ul>
        </details>
      ) : null}

      <h4 className="ts-section">{t('scenarios')}</h4>
      {scenarioError ? <div className="panel-error" role="alert">{t('scenarioFailed', { error: scenarioError })}</div> : null}
      {result.scenarios.length ? (
        <ul className="ts-scenarios" data-testid="troubleshoot-scenarios">
          {result.scenarios.map((s) => (
            <li key={s.id}>
              <span className="ts-scenario-title">{s.title}</span>
              <button type="button" className="admin-open" data-testid={`troubleshoot-open-scenario-${s.id}`} disabled={scenarioPending !== null}
                onClick={() => void openScenario(s.id)}>
                {t('openScenario')}
              </button>
            </li>
          ))}
        </ul>
      ) : <p className="muted ts-none">{t('noScenario')}</p>}
    </section>
  );
}

export function TroubleshooterPanel({ inDialog = false }: { inDialog?: boolean }) {
  const { t, i18n } = useTranslation('troubleshooter');
  const lang = asLocale(i18n.resolvedLanguage ?? i18n.language);
  const input = useTroubleshooter((s) => s.input);
  const invalid = useTroubleshooter((s) => s.invalid);
  const result = useTroubleshooter((s) => s.result);
  const loading = useTroubleshooter((s) => s.loading);
  const error = useTroubleshooter((s) => s.error);
  const { setInput, check, checkCode } = useTroubleshooter.getState();
  const picked = result && ERROR_CATALOGUE.some((e) => e.code === result.code) ? String(result.code) : '';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void check();
  };
  return (
    <section className="panel troubleshooter-panel" aria-labelledby="troubleshooter-title" data-testid="troubleshooter">
      <h2 id="troubleshooter-title" className="sr-only">{t('tab')}</h2>
      <p className="panel-intro">{t('intro')}</p>
      <form className="ts-ask" onSubmit={submit}>
        <label className="ts-code-field">
          <span>{t('code')}</span>
          <input data-testid="troubleshoot-code" inputMode="numeric" maxLength={3} value={input} aria-invalid={invalid}
            onChange={(e) => setInput(e.target.value)} />
        </label>
        <button type="submit" className="admin-open" data-testid="troubleshoot-check" disabled={loading}>{t('check')}</button>
        <select data-testid="troubleshoot-pick" aria-label={t('pick')} value={picked} onChange={(e) => e.target.value && void checkCode(Number(e.target.value))}>
          <option value="">{t('pick')}</option>
          {TABLES.map((table) => (
            <optgroup key={table.id} label={t(table.id)}>
              {ERROR_CATALOGUE.filter((e) => e.source === table.source).map((e) => (
                <option key={e.code} value={e.code}>{`${e.code} · ${e.summary[lang]}`}</option>
              ))}
            </optgroup>
          ))}
        </select>
      </form>
      {invalid ? <div className="panel-error" role="alert">{t('invalid')}</div> : null}
      {error ? <div className="panel-error" role="alert">{t('failed', { error })}</div> : null}
      {loading && !result ? <p className="muted">{t('loading')}</p> : null}
      {result ? <Result result={result} inDialog={inDialog} /> : null}
    </section>
  );
}
