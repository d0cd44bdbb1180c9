/**
 * The last login attempts, newest first, live as 'lab.attempt' events arrive: device, action and
 * outcome. Clicking one opens its sequence diagram.
 */
import { timeText } from '../admin/format';
import { useLabWindow } from '../store/lab-window-store';
import { attemptFailed, outcomeText } from '../store/lab-window-model';

const ACTION_WORD = { login: 'Login', logout: 'Logout', open: 'Open EM' } as const;

export function AttemptsPanel() {
  const attempts = useLabWindow((s) => s.attempts);
  const state = useLabWindow((s) => s.attemptsState);
  const reload = useLabWindow((s) => s.loadAttempts);
  const open = useLabWindow((s) => s.openDiagram);
  return (
    <section className="panel attempts-panel" aria-labelledby="attempts-title">
      <div className="panel-bar">
        <h2 id="attempts-title" className="sr-only">Login attempts</h2>
        <p className="panel-intro">Every login and logout a phone tried, newest first. Click one for its sequence diagram.</p>
        <button type="button" className="link-button" data-testid="attempts-refresh" onClick={() => void reload()}>Refresh</button>
      </div>
      {state.error ? <div className="panel-error" role="alert">Could not read the attempts: {state.error}</div> : null}
      {!state.error && attempts.length === 0 ? (
        <p className="muted" data-testid="no-attempts">{state.loading ? 'Loading…' : 'No attempt yet: log in on a phone.'}</p>
      ) : null}
      <ol className="attempt-list">
        {attempts.map((a) => {
          const failed = attemptFailed(a);
          return (
            <li key={a.id}>
              <button type="button" className={`attempt${failed ? ' failed' : ' ok'}`} data-testid={`attempt-${a.id}`} onClick={() => open(a.id)}>
                <span className="attempt-line">
                  <span className={`attempt-outcome ${failed ? 'failed' : 'ok'}`}>{outcomeText(a)}</span>
                  <span className="attempt-action">{ACTION_WORD[a.action]}</span>
                  <code className="attempt-device">{a.device}</code>
                  <time className="attempt-time" dateTime={new Date(a.at).toISOString()}>{timeText(a.at).slice(5)}</time>
                </span>
                <span className="attempt-result">{a.result || '—'} <span className="muted">· {a.messages.length} message{a.messages.length === 1 ? '' : 's'}</span></span>
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
