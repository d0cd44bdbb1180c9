/**
 * The picture of one login attempt: a lifeline for the phone and for each host in the order they
 * appear, one arrow per HTTP message with its number, method and path, its answer (status or
 * network failure) and how long it took; the rule lines the serving node wrote beside it; the XML
 * exchanged (already masked) on demand. A failed attempt marks the step where it failed and says
 * why, with the code the phone showed.
 */
import { useEffect, useRef, useState } from 'react';
import type { AttemptMessage, LoginAttempt } from '../../../shared/api/lab-contract';
import { preciseTimeText } from '../admin/format';
import { useLab } from '../store/lab-store';
import { useLabWindow } from '../store/lab-window-store';
import { attemptFailed, codeExplanation, failingStep, lifelines, splitFailure, type FailingStep, type Lifeline } from '../store/lab-window-model';

const ACTION_WORD = { login: 'Login', logout: 'Logout', open: 'Extension Mobility opened' } as const;

/** Where a column's centre is, in % of the diagram's width. */
const centre = (i: number, n: number) => ((i + 0.5) * 100) / n;

function answerText(m: AttemptMessage): string {
  const answer = m.failure ? splitFailure(m.failure).kind : m.status == null ? 'no answer yet' : String(m.status);
  return `${answer} · ${Math.round(m.ms)} ms`;
}

function answerClass(m: AttemptMessage): string {
  if (m.failure || m.status == null || m.status >= 400) return 'bad';
  return 'good';
}

function Step({ m, lanes, failing }: { m: AttemptMessage; lanes: Lifeline[]; failing: FailingStep | null }) {
  const [xml, setXml] = useState(false);
  const n = lanes.length;
  const from = Math.max(0, lanes.findIndex((l) => l.id === m.from));
  const to = Math.max(0, lanes.findIndex((l) => l.id === m.to));
  const self = from === to;
  const left = self ? centre(from, n) : centre(Math.min(from, to), n);
  const width = self ? 50 / n : (Math.abs(to - from) * 100) / n;
  // The rule lines sit in the serving node's column, as wide as two columns, kept inside the diagram.
  const boxWidth = Math.min(100, (200 / n) * 0.95);
  const boxLeft = Math.min(100 - boxWidth, Math.max(0, centre(to, n) - boxWidth / 2));
  const isFailing = failing?.seq === m.seq;
  const body = (
    <>
      <div className={`seq-arrow ${self ? 'self' : to > from ? 'rightward' : 'leftward'} ${answerClass(m)}`} style={{ marginLeft: `${left}%`, width: `${width}%` }}>
        <div className="seq-label" title={`${m.from} → ${m.to}, sent at ${preciseTimeText(m.at)} (lab time)`}>
          <span className="seq-no">{m.seq}</span> <span className="seq-method">{m.method}</span> <span className="seq-path">{m.path}</span>
        </div>
        <div className="seq-line" aria-hidden="true" />
        <div className="seq-answer">
          <span className={`seq-status ${answerClass(m)}`} data-testid={`seq-answer-${m.seq}`} title={m.failure ?? undefined}>{answerText(m)}</span>
          <button type="button" className="seq-xml-toggle" data-testid={`seq-xml-${m.seq}`} aria-expanded={xml} onClick={() => setXml(!xml)}>
            {xml ? 'hide XML' : 'XML'}
          </button>
        </div>
      </div>
      {isFailing ? (
        <div className="seq-failed-here" style={{ marginLeft: `${boxLeft}%`, width: `${boxWidth}%` }}>
          ✖ Failed here: {m.failure ?? failing.what}
        </div>
      ) : null}
      {m.decisions.length ? (
        <ul className="seq-decisions" aria-label={`What ${m.to} decided`} style={{ marginLeft: `${boxLeft}%`, width: `${boxWidth}%` }}>
          {m.decisions.map((d, i) => <li key={i}>{d}</li>)}
        </ul>
      ) : null}
      {xml ? (
        <div className="seq-xml" data-testid={`seq-xml-body-${m.seq}`}>
          <div>
            <h4>Request ({m.from} → {m.to})</h4>
            <pre>{m.request || '(empty)'}</pre>
          </div>
          <div>
            <h4>Response ({m.failure ? m.failure : m.status ?? 'none'})</h4>
            <pre>{m.response || (m.failure ? `(no answer: ${m.failure})` : '(empty)')}</pre>
          </div>
        </div>
      ) : null}
    </>
  );
  return (
    <li className={`seq-step${isFailing ? ' failing' : ''}`} data-testid={`seq-step-${m.seq}`} data-from={m.from} data-to={m.to}>
      {isFailing ? <div className="seq-failing-wrap" data-testid="seq-failing-step">{body}</div> : body}
    </li>
  );
}

function Diagram({ attempt }: { attempt: LoginAttempt }) {
  const clusters = useLab((s) => s.snapshot?.clusters);
  const lanes = lifelines(attempt);
  const failing = failingStep(attempt);
  const messages = [...attempt.messages].sort((a, b) => a.seq - b.seq);
  const n = lanes.length;
  const clusterOf = (host: string) => clusters?.find((c) => c.nodes.some((x) => x.host === host))?.name;
  return (
    <div className="seq" data-testid="seq-diagram">
      <div className="seq-heads" style={{ gridTemplateColumns: `repeat(${n}, minmax(0, 1fr))` }}>
        {lanes.map((l) => (
          <div key={l.id} className={`seq-head seq-head-${l.kind}`} data-testid={`lifeline-${l.title}`}>
            <strong>{l.title}</strong>
            <small>{l.kind === 'phone' ? 'phone' : clusterOf(l.id) ?? 'node'}</small>
          </div>
        ))}
      </div>
      <div className="seq-body">
        {lanes.map((l, i) => <div key={l.id} className="seq-lifeline" style={{ left: `${centre(i, n)}%` }} aria-hidden="true" />)}
        <ol className="seq-steps">
          {messages.map((m) => <Step key={m.seq} m={m} lanes={lanes} failing={failing} />)}
        </ol>
        {messages.length === 0 ? <p className="muted seq-empty">This attempt sent no message over the lab network.</p> : null}
      </div>
    </div>
  );
}

function Summary({ attempt }: { attempt: LoginAttempt }) {
  const failing = failingStep(attempt);
  const failed = attemptFailed(attempt);
  const explanation = attempt.code != null ? codeExplanation(attempt.code) : null;
  if (!failed) {
    return <div className="seq-summary ok" data-testid="seq-summary">Succeeded: the phone showed {attempt.result ? `“${attempt.result}”` : 'its next screen'}.</div>;
  }
  return (
    <div className="seq-summary bad" data-testid="seq-summary" role="status">
      <div className="seq-summary-title">
        Failed{attempt.code != null ? <> with code <strong data-testid="seq-code">{attempt.code}</strong></> : null}
        {attempt.result ? <>: the phone showed <q>{attempt.result}</q></> : null}
      </div>
      {failing ? (
        <div>
          At step {failing.seq}: <span data-testid="seq-why">{failing.why}</span>{' '}
          <button type="button" className="link-button" onClick={() => document.querySelector('[data-testid="seq-failing-step"]')?.scrollIntoView({ block: 'center', behavior: 'smooth' })}>
            show the step
          </button>
        </div>
      ) : null}
      {explanation ? <div className="seq-cause">Code {attempt.code}, {explanation.summary}: {explanation.cause}</div> : null}
    </div>
  );
}

/** The sequence diagram of the open attempt, over the lab page. */
export function SequenceDiagramDialog() {
  const id = useLabWindow((s) => s.openAttempt);
  const attempt = useLabWindow((s) => s.attempts.find((a) => a.id === id));
  const openDiagram = useLabWindow((s) => s.openDiagram);
  const close = () => openDiagram(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!id) return;
    closeRef.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') useLabWindow.getState().openDiagram(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [id]);
  if (!id) return null;
  return (
    <div className="modal-backdrop" onClick={(e) => e.target === e.currentTarget && close()}>
      <div className="modal seq-dialog" role="dialog" aria-modal="true" aria-labelledby="seq-title" data-testid="sequence-diagram">
        <header className="modal-head">
          <h2 id="seq-title">
            {attempt ? <>{ACTION_WORD[attempt.action]} on <code>{attempt.device}</code> <span className="muted">at {preciseTimeText(attempt.at)}</span></> : 'Attempt'}
          </h2>
          <button ref={closeRef} type="button" className="modal-close" data-testid="seq-close" onClick={close} aria-label="Close the sequence diagram">✕</button>
        </header>
        {attempt ? (
          <div className="modal-body">
            <Summary attempt={attempt} />
            <Diagram attempt={attempt} />
          </div>
        ) : <div className="modal-body muted">This attempt is no longer kept.</div>}
      </div>
    </div>
  );
}
