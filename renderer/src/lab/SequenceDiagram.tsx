/**
 * The picture of one login attempt: a lifeline for the phone and for each host in the order they
 * appear, one arrow per HTTP message with its number, method and path, its answer (status or
 * network failure) and how long it took; the rule lines the serving node wrote beside it; the XML
 * exchanged (already masked) on demand. A failed attempt marks the step where it failed and says
 * why, with the code the phone showed.
 */
import { useEffect, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { AttemptMessage, LoginAttempt } from '../../../shared/api/lab-contract';
import { preciseTimeText } from '../admin/format';
import type { Translate } from '../i18n/text';
import { useLab } from '../store/lab-store';
import { useLabWindow } from '../store/lab-window-store';
import {
  attemptFailed, codeExplanation, diagramRows, durationText, failingStep, lifelines, splitFailure, type DiagramRow, type FailingStep, type Lifeline,
} from '../store/lab-window-model';

/** Where a column's centre is, in % of the diagram's width. */
const centre = (i: number, n: number) => ((i + 0.5) * 100) / n;

function answerText(t: Translate, m: AttemptMessage): string {
  const answer = m.failure ? splitFailure(t, m.failure).kind : m.status == null ? t('sequence.noAnswerYet') : String(m.status);
  return t('sequence.answerMs', { answer, ms: Math.round(m.ms) });
}

function answerClass(m: AttemptMessage): string {
  if (m.failure || m.status == null || m.status >= 400) return 'bad';
  return 'good';
}

/**
 * Lab time between sending and answer, when it says more than the real milliseconds: a second
 * or more (a link's latency, a timeout, or the clock running fast).
 */
function labWait(t: Translate, m: AttemptMessage): string | null {
  if (m.answeredAt == null || m.answeredAt - m.at < 1000) return null;
  return t('sequence.labWait', { duration: durationText(t, m.answeredAt - m.at) });
}

type Drawn = Exclude<DiagramRow, { kind: 'after' }>;

/** One row: a message's arrow (sending, or sending and answer at once) or its answer coming back. */
function Row({ row, lanes, failing }: { row: Drawn; lanes: Lifeline[]; failing: FailingStep | null }) {
  const { t } = useTranslation('lab');
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
  const waited = labWait(t, m);
  const body = (
    <>
      <div
        className={`seq-arrow ${self ? 'self' : to > from ? 'rightward' : 'leftward'} ${showsAnswer ? answerClass(m) : 'good'}${kind === 'answer' ? ' return' : ''}`}
        style={{ marginLeft: `${left}%`, width: `${width}%` }}
      >
        <div className="seq-label" title={t('sequence.sentTitle', { from: m.from, to: m.to, time: preciseTimeText(m.at) })}>
          <span className="seq-no">{m.seq}</span>{' '}
          {kind === 'answer' ? <span className="seq-method">{t('sequence.answer')}</span> : <><span className="seq-method">{m.method}</span> <span className="seq-path">{m.path}</span></>}
        </div>
        <div className="seq-line" aria-hidden="true" />
        <div className="seq-answer">
          {showsAnswer ? (
            <span className={`seq-status ${answerClass(m)}`} data-testid={`seq-answer-${m.seq}`} title={m.failure ?? undefined}>{answerText(t, m)}</span>
          ) : <span className="muted">{t('sequence.waits')}</span>}
          {showsAnswer && waited ? <span className="muted">{waited}</span> : null}
          {showsAnswer ? (
            <button type="button" className="seq-xml-toggle" data-testid={`seq-xml-${m.seq}`} aria-expanded={xml} onClick={() => setXml(!xml)}>
              {xml ? t('sequence.hideXml') : t('sequence.xml')}
            </button>
          ) : null}
        </div>
      </div>
      {isFailing ? (
        <div className="seq-failed-here" style={{ marginLeft: `${boxLeft}%`, width: `${boxWidth}%` }}>
          {t('sequence.failedHere', { what: m.failure ?? failing.what })}
        </div>
      ) : null}
      {row.decisions.length ? (
        <ul className="seq-decisions" aria-label={t('sequence.decided', { host: m.to })} style={{ marginLeft: `${boxLeft}%`, width: `${boxWidth}%` }}>
          {row.decisions.map((d, i) => <li key={i}>{d.text}</li>)}
        </ul>
      ) : null}
      {xml ? (
        <div className="seq-xml" data-testid={`seq-xml-body-${m.seq}`}>
          <div>
            <h4>{t('sequence.request', { from: m.from, to: m.to })}</h4>
            <pre>{m.request || t('sequence.empty')}</pre>
          </div>
          <div>
            <h4>{t('sequence.response', { what: m.failure ? m.failure : m.status ?? t('sequence.none') })}</h4>
            <pre>{m.response || (m.failure ? t('sequence.noAnswer', { failure: m.failure }) : t('sequence.empty'))}</pre>
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
  const { t } = useTranslation('lab');
  const clusters = useLab((s) => s.snapshot?.clusters);
  const lanes = lifelines(attempt);
  const failing = failingStep(t, attempt);
  const rows = diagramRows(attempt);
  const n = lanes.length;
  const clusterOf = (host: string) => clusters?.find((c) => c.nodes.some((x) => x.host === host))?.name;
  return (
    <div className="seq" data-testid="seq-diagram">
      <div className="seq-heads" style={{ gridTemplateColumns: `repeat(${n}, minmax(0, 1fr))` }}>
        {lanes.map((l) => (
          <div key={l.id} className={`seq-head seq-head-${l.kind}`} data-testid={`lifeline-${l.title}`}>
            <strong>{l.title}</strong>
            <small>{l.kind === 'phone' ? t('sequence.phone') : clusterOf(l.id) ?? t('sequence.node')}</small>
          </div>
        ))}
      </div>
      <div className="seq-body">
        {lanes.map((l, i) => <div key={l.id} className="seq-lifeline" style={{ left: `${centre(i, n)}%` }} aria-hidden="true" />)}
        <ol className="seq-steps">
          {rows.map((row) => row.kind === 'after'
            ? <li key="after" className="seq-after" data-testid="seq-after-answer">{t('sequence.after', { action: t(`sequence.actionNoun.${attempt.action}`) })}</li>
            : <Row key={`${row.kind}-${row.m.seq}`} row={row} lanes={lanes} failing={failing} />)}
        </ol>
        {rows.length === 0 ? <p className="muted seq-empty">{t('sequence.noMessage')}</p> : null}
      </div>
    </div>
  );
}

function Summary({ attempt }: { attempt: LoginAttempt }) {
  const { t, i18n } = useTranslation('lab');
  const failing = failingStep(t, attempt);
  const failed = attemptFailed(attempt);
  const explanation = attempt.code != null ? codeExplanation(attempt.code, i18n.language) : null;
  if (!failed) {
    const reset = attempt.messages.some((m) => m.afterAnswer);
    return (
      <div className="seq-summary ok" data-testid="seq-summary">
        {t('sequence.succeeded', { shown: attempt.result ? t('sequence.shownResult', { result: attempt.result }) : t('sequence.shownNext') })}
        {attempt.registeredWith
          ? <Trans t={t} i18nKey="sequence.registered" values={{ host: attempt.registeredWith }} components={{ strong: <strong data-testid="seq-registered-with" /> }} />
          : reset ? t('sequence.resetOnly') : null}
      </div>
    );
  }
  return (
    <div className="seq-summary bad" data-testid="seq-summary" role="status">
      <div className="seq-summary-title">
        {t('sequence.failed')}
        {attempt.code != null ? <Trans t={t} i18nKey="sequence.withCode" values={{ code: attempt.code }} components={{ strong: <strong data-testid="seq-code" /> }} /> : null}
        {attempt.result ? <Trans t={t} i18nKey="sequence.phoneShowed" values={{ result: attempt.result }} components={{ q: <q /> }} /> : null}
      </div>
      {failing ? (
        <div>
          {t('sequence.atStep', { seq: failing.seq })}<span data-testid="seq-why">{failing.why}</span>{' '}
          <button type="button" className="link-button" onClick={() => document.querySelector('[data-testid="seq-failing-step"]')?.scrollIntoView({ block: 'center', behavior: 'smooth' })}>
            {t('sequence.showStep')}
          </button>
        </div>
      ) : null}
      {explanation ? <div className="seq-cause">{t('sequence.cause', { code: attempt.code, summary: explanation.summary, cause: explanation.cause })}</div> : null}
    </div>
  );
}

/** The sequence diagram of the open attempt, over the lab page. */
export function SequenceDiagramDialog() {
  const { t } = useTranslation('lab');
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
            {attempt ? (
              <Trans t={t} i18nKey="sequence.title" values={{ action: t(`sequence.action.${attempt.action}`), device: attempt.device, time: preciseTimeText(attempt.at) }}
                components={{ code: <code />, muted: <span className="muted" /> }} />
            ) : t('sequence.attempt')}
          </h2>
          <button ref={closeRef} type="button" className="modal-close" data-testid="seq-close" onClick={close} aria-label={t('sequence.close')}>✕</button>
        </header>
        {attempt ? (
          <div className="modal-body">
            <Summary attempt={attempt} />
            <Diagram attempt={attempt} />
          </div>
        ) : <div className="modal-body muted">{t('sequence.gone')}</div>}
      </div>
    </div>
  );
}
