/**
 * The Scenarios tab of the lab window: the library (filtered by words, a code or a table), and
 * the open scenario step by step: what each step does, whether it passed, the codes the phones
 * and applications showed; Play next step / Play all, the phones acting it out beside.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Said, ScenarioState } from '../../../shared/api/file-contract';
import { filterScenarios, useScenarios } from '../store/scenario-store';

function useSaid() {
  const { t } = useTranslation('scenario');
  return (said: Said) => t(said.key, said.params);
}

const MARK = { pending: '·', passed: '✓', failed: '✗' } as const;

function OpenScenario({ scenario }: { scenario: ScenarioState }) {
  const { t } = useTranslation('scenarioPanel');
  const say = useSaid();
  const playing = useScenarios((s) => s.playing);
  const { play, close } = useScenarios.getState();
  const done = scenario.next >= scenario.steps;
  return (
    <section className="scenario-open" data-testid="scenario-open" aria-label={scenario.title}>
      <header>
        <h3 data-testid="scenario-title">{scenario.title}</h3>
        {scenario.reproduces.length ? <div className="scenario-codes">{scenario.reproduces.map((c) => <span key={c} className="code-chip">{c}</span>)}</div> : null}
      </header>
      {scenario.description ? <p className="scenario-description">{scenario.description}</p> : null}
      <div className="scenario-actions">
        <button type="button" className="admin-open" data-testid="scenario-step" disabled={playing || done} onClick={() => void play(false)}>{t('step')}</button>
        <button type="button" className="admin-open" data-testid="scenario-play-all" disabled={playing || done} onClick={() => void play(true)}>{t('playAll')}</button>
        <button type="button" className="admin-open" data-testid="scenario-close" disabled={playing} onClick={() => void close()}>{t('close')}</button>
      </div>
      {scenario.passed !== null ? (
        <div className={`scenario-result ${scenario.passed ? 'ok' : 'bad'}`} data-testid="scenario-result" data-passed={scenario.passed}>
          {scenario.passed ? t('passed') : t('failed')}
          {scenario.codes.length ? <> · {t('codes', { codes: scenario.codes.join(', ') })}</> : null}
        </div>
      ) : null}
      <ol className="scenario-steps">
        {scenario.stepStates.map((s) => (
          <li key={s.index} className={`scenario-step ${s.status}${s.index === scenario.next ? ' next' : ''}`} data-testid={`scenario-step-${s.index}`} data-status={s.status}>
            <span className="scenario-mark" aria-hidden="true">{MARK[s.status]}</span>
            <div>
              <div>{say(s.text)}</div>
              {s.note ? <div className="muted">{s.note}</div> : null}
              {s.message ? <div className={s.status === 'failed' ? 'scenario-why' : 'muted'}>{say(s.message)}</div> : null}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

export function ScenarioPanel() {
  const { t } = useTranslation('scenarioPanel');
  const library = useScenarios((s) => s.library);
  const open = useScenarios((s) => s.open);
  const error = useScenarios((s) => s.error);
  const filter = useScenarios((s) => s.filter);
  useEffect(() => {
    void useScenarios.getState().load();
  }, []);
  return (
    <div className="scenario-panel">
      {error ? <div className="lab-error" role="alert">{error}</div> : null}
      {open ? <OpenScenario scenario={open} /> : null}
      <section aria-label={t('library')}>
        <h3>{t('library')}</h3>
        <input
          type="search"
          className="scenario-filter"
          data-testid="scenario-filter"
          placeholder={t('filter')}
          value={filter}
          onChange={(e) => useScenarios.getState().setFilter(e.target.value)}
        />
        {library === null ? <p className="muted">{t('loading')}</p> : (
          <ul className="scenario-library">
            {filterScenarios(library, filter).map((s) => (
              <li key={s.id} data-testid={`scenario-${s.id}`}>
                <div className="scenario-summary">
                  <strong>{s.title}</strong>
                  <span className="muted">{s.source ?? ''}{s.reproduces.length ? ` · ${t('codes', { codes: s.reproduces.join(', ') })}` : ''}</span>
                </div>
                <button type="button" className="admin-open" data-testid={`scenario-open-${s.id}`} onClick={() => void useScenarios.getState().openScenario(s.id)}>{t('open')}</button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
