/**
 * The last login attempts, newest first, live as 'lab.attempt' events arrive: device, action and
 * outcome. Clicking one opens its sequence diagram.
 */
import { useTranslation } from 'react-i18next';
import { timeText } from '../admin/format';
import { useLabWindow } from '../store/lab-window-store';
import { PanelHead } from './PanelHead';
import { attemptFailed, outcomeText } from '../store/lab-window-model';

export function AttemptsPanel() {
  const { t } = useTranslation('lab');
  const attempts = useLabWindow((s) => s.attempts);
  const state = useLabWindow((s) => s.attemptsState);
  const reload = useLabWindow((s) => s.loadAttempts);
  const open = useLabWindow((s) => s.openDiagram);
  return (
    <section className="panel attempts-panel" aria-labelledby="attempts-title">
      <PanelHead panel="attempts" state={state} empty={attempts.length === 0} reload={() => void reload()} emptyTestId="no-attempts" />
      <ol className="attempt-list">
        {attempts.map((a) => {
          const failed = attemptFailed(a);
          return (
            <li key={a.id}>
              <button type="button" className={`attempt${failed ? ' failed' : ' ok'}`} data-testid={`attempt-${a.id}`} onClick={() => open(a.id)}>
                <span className="attempt-line">
                  <span className={`attempt-outcome ${failed ? 'failed' : 'ok'}`}>{outcomeText(t, a)}</span>
                  <span className="attempt-action">{t(`attempts.action.${a.action}`)}</span>
                  <code className="attempt-device">{a.device}</code>
                  <time className="attempt-time" dateTime={new Date(a.at).toISOString()}>{timeText(a.at).slice(5)}</time>
                </span>
                <span className="attempt-result">{a.result || '—'} <span className="muted">{t('attempts.messages', { count: a.messages.length })}</span></span>
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
