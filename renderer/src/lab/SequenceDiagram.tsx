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
import {
  attemptFailed, codeExplanation, diagramRows, durationText, failingStep, lifelines, splitFailure, type DiagramRow, type FailingStep, type Lifeline,
} from '../store/lab-window-model';

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

/**
 * Lab time between sending and answer, when it says more than the real milliseconds: a second
 * or more (a link's latency, a timeout, or the clock running fast).
 */
function labWait(m: AttemptMessage): string | null {
  if (m.answeredAt == null || m.answeredAt - m.at < 1000) return null;
  return `${durationText(m.answeredAt - m.at)} of lab time`;
}

type Drawn = Exclude<DiagramRow, { kind: 'after' }>;

/** One row: a message's arrow (sending, or sending and answer at once) or its answer coming back. */
function Row({ row, lanes, failing }: { row: Drawn; lanes: Lifeline[]; failing: FailingStep | null }) {
  const [xml, setXml] = useState(false);
  const { m, kind } = row;
  const n = lanes.length;
  const sender = Math.max(0, lanes.findIndex((l) => l.id === m.from));
  const receiver = Math.max(0, lanes.findIndex((l) => l.id === m.to));
  // An answer goes back from the receiver to the sender.
  const [from, to] = kind === 'answer' ? [receiver, sender] : [sender, receiver];
  const self = from === to;
  const left = self ? centre(from, n) : centre(Math.min(from, to), n);
  const width = self ? 50 / n : (Math.abs(to - from) * 100) / n;
  // The rule lines sit in the serving node's column, as wide as two columns, kept inside the diagram.
  const boxWidth = Math.min(100, (200 / n) * 0.95);
  const boxLeft = Math.min(100 - boxWidth, Math.max(0, centre(receiver, n) - boxWidth / 2));
  const showsAnswer = kind !== 'send' || m.answered === null;
  const isFailing = failing?.seq === m.seq && showsAnswer;
  const waited = labWait(m);
  const body = (
    <>
      <div
        className={`seq-arrow ${self ? 'self' : to > from ? 'rightward' : 'leftward'} ${showsAnswer ? answerClass(m) : 'good'}${kind === 'answer' ? ' return' : ''}`}
        style={{ marginLeft: `${left}%`, width: `${width}%` }}
      >
        <div className="seq-label" title={`${m.from} → ${m.to}, sent at ${preciseTimeText(m.at)} (lab time)`}>
          <span className="seq-no">{m.seq}</span>{' '}
          {kind === 'answer' ? <span className="seq-method">answer</span> : <><span className="seq-method">{m.method}</span> <span className="seq-path">{m.path}</span></>}
        </div>
        <div className="seq-line" aria-hidden="true" />
        <div className="seq-answer">
          {showsAnswer ? (
            <span className={`seq-status ${answerClass(m)}`} data-testid={`seq-answer-${m.seq}`} title={m.failure ?? undefined}>{answerText(m)}</span>
          ) : <span className="muted">waits for its answer…</span>}
          {showsAnswer && waited ? <span className="muted">{waited}</span> : null}
          {showsAnswer ? (
            <button type="button" className="seq-xml-toggle" data-testid={`seq-xml-${m.seq}`} aria-expanded={xml} onClick={() => setXml(!xml)}>
              {xml ? 'hide XML' : 'XML'}
            </button>
          ) : null}
        </div>
      </div>
      {isFailing ? (
        <div className="seq-failed-here" style={{ marginLeft: `${boxLeft}%`, width: `${boxWidth}%` }}>
          ✖ Failed here: {m.failure ?? failing.what}
        </div>
      ) : null}
      {row.decisions.length ? (
        <ul className="seq-decisions" aria-label={`What ${m.to} decided`} style={{ marginLeft: `${boxLeft}%`, width: `${boxWidth}%` }}>
          {row.decisions.map((d, i) => <li key={i}>{d.text}</li>)}
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
  const testId = kind === 'answer' ? `seq-return-${m.seq}` : `seq-step-${m.seq}`;
  return (
    <li className={`seq-step${isFailing ? ' failing' : ''}${m.afterAnswer ? ' after' : ''}`} data-testid={testId} data-from={m.from} data-to={m.to}>
      {isFailing ? <div className="seq-failing-wrap" data-testid="seq-failing-step">{body}</div> : body}
    </li>
  );
}

function Diagram({ attempt }: { attempt: LoginAttempt }) {
  const clusters = useLab((s) => s.snapshot?.clusters);
  const lanes = lifelines(attempt);
  const failing = failingStep(attempt);
  const rows = diagramRows(attempt);
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
          {rows.map((row) => row.kind === 'after'
            ? <li key="after" className="seq-after" data-testid="seq-after-answer">The phone has its answer. What the {attempt.action} caused next: the reset, the phone's TFTP fetch and registration.</li>
            : <Row key={`${row.kind}-${row.m.seq}`} row={row} lanes={lanes} failing={failing} />)}
        </ol>
        {rows.length === 0 ? <p className="muted seq-empty">This attempt sent no message over the lab network.</p> : null}
      </div>
    </div>
  );
}

function Summary({ attempt }: { attempt: LoginAttempt }) {
  const failing = failingStep(attempt);
  const failed = attemptFailed(attempt);
  const explanation = attempt.code != null ? codeExplanation(attempt.code) : null;
  if (!failed) {
    const reset = attempt.messages.some((m) => m.afterAnswer);
    return (
      <div className="seq-summary ok" data-testid="seq-summary">
        Succeeded: the phone showed {attempt.result ? `“${attempt.result}”` : 'its next screen'}.
        {attempt.registeredWith
          ? <> Then it reset and registered with <strong data-testid="seq-registered-with">{attempt.registeredWith}</strong>.</>
          : reset ? ' Then it reset; it has not registered again yet.' : null}
      </div>
    );
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
