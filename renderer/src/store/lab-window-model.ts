/**
 * What the lab window computes from the API's answers, with no API or React in it: fault targets
 * and link states for the topology and the faults panel, merging live scheduler runs and login
 * attempts into what was fetched, and the sequence diagram of an attempt (its lifelines and the
 * step where it failed). What it says in words goes through the translate function `t` it is given
 * (the UI's language; `i18n.getFixedT('en-US')` in tests).
 */
import type { LabSnapshot } from '../../../shared/api/contract';
import type { AttemptDecision, AttemptMessage, LoginAttempt, SchedulerState } from '../../../shared/api/lab-contract';
import { ERROR_CATALOGUE } from '../../../shared/errors/error-catalogue';
import { FAULTS, type FaultDef, type FaultId, type FaultScope } from '../../../shared/faults';
import { asLocale } from '../../../shared/i18n/messages';
import type { Translate } from '../i18n/text';

/** A fault that is on, as 'lab.faults' lists it. */
export interface ActiveFault {
  fault: FaultId;
  target: string;
  /** The size of a fault that has one (latency in ms, loss in %). */
  value?: number;
}

/** The size a fault takes (unit, default, limits), if it takes one. */
export function faultValueDef(fault: FaultId): FaultDef['value'] {
  return (FAULTS as readonly FaultDef[]).find((f) => f.id === fault)?.value;
}

/** "200 ms", "10 %": an active fault's size, or '' for a fault without one. */
export function faultValueText(fault: FaultId, value: number | undefined): string {
  const def = faultValueDef(fault);
  if (!def) return '';
  return `${value ?? def.default} ${def.unit}`;
}

/** Whether a size is one the fault accepts. */
export function validFaultValue(fault: FaultId, value: number): boolean {
  const def = faultValueDef(fault);
  return !!def && Number.isFinite(value) && value >= def.min && value <= def.max;
}

/** The size a fault has on a target now, if it is on there. */
export function activeValue(active: readonly ActiveFault[], fault: FaultId, target: string): number | undefined {
  return active.find((f) => f.fault === fault && sameTarget(f.target, target))?.value;
}

export type ClusterInfo = LabSnapshot['clusters'][number];

/** A fault's target as 'lab.setFault' names a link: the two clusters' lab names, sorted, joined by "|". */
export function linkTarget(a: string, b: string): string {
  return [a.toLowerCase(), b.toLowerCase()].sort().join('|');
}

/** Every pair of clusters (each link of the lab), in the order the snapshot lists them. */
export function clusterPairs(clusters: readonly ClusterInfo[]): { a: ClusterInfo; b: ClusterInfo; target: string }[] {
  const out: { a: ClusterInfo; b: ClusterInfo; target: string }[] = [];
  for (let i = 0; i < clusters.length; i++) {
    for (let j = i + 1; j < clusters.length; j++) out.push({ a: clusters[i]!, b: clusters[j]!, target: linkTarget(clusters[i]!.id, clusters[j]!.id) });
  }
  return out;
}

/** A place a fault can be switched on, as the target chooser offers it. */
export interface FaultTarget {
  value: string;
  label: string;
}

/** The targets that fit a fault's scope: clusters by lab name, nodes by host name, links by pair. */
export function faultTargets(scope: FaultScope, clusters: readonly ClusterInfo[]): FaultTarget[] {
  switch (scope) {
    case 'cluster':
      return clusters.map((c) => ({ value: c.id, label: `${c.name} (${c.clusterId})` }));
    case 'node':
      return clusters.flatMap((c) => c.nodes.map((n) => ({ value: n.host, label: `${n.host} (${c.name})` })));
    case 'link':
      return clusterPairs(clusters).map((p) => ({ value: p.target, label: `${p.a.name} ↔ ${p.b.name}` }));
  }
}

/** How a target reads in the list of active faults (the chooser's label when it still exists). */
export function targetLabel(fault: FaultId, target: string, clusters: readonly ClusterInfo[]): string {
  const scope = FAULTS.find((f) => f.id === fault)?.scope ?? 'cluster';
  return faultTargets(scope, clusters).find((t) => sameTarget(t.value, target))?.label ?? target.replace('|', ' ↔ ');
}

/** Targets compare without case (the lab keeps them lower-case). */
export function sameTarget(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

export function isActive(active: readonly ActiveFault[], fault: FaultId, target: string): boolean {
  return active.some((f) => f.fault === fault && sameTarget(f.target, target));
}

/** A fault shown on a box or a link of the topology. */
export interface FaultBadge {
  fault: FaultId;
  label: string;
  /** Which end of a link it concerns, for a cluster fault shown on the link. */
  side?: string;
}

/** A fault's label in the UI's language. */
export function faultLabel(t: Translate, fault: FaultId): string {
  return t(`faults:${fault}.label`, { defaultValue: FAULTS.find((f) => f.id === fault)?.label ?? fault });
}

/** The faults on a cluster's own box (every cluster-scope fault but noResponse, which shows on its links). */
export function clusterBadges(t: Translate, active: readonly ActiveFault[], cluster: string): FaultBadge[] {
  return active
    .filter((f) => FAULTS.find((d) => d.id === f.fault)?.scope === 'cluster' && f.fault !== 'noResponse' && sameTarget(f.target, cluster))
    .map((f) => ({ fault: f.fault, label: faultLabel(t, f.fault) }));
}

/** The faults on a node's box. */
export function nodeBadges(t: Translate, active: readonly ActiveFault[], host: string): FaultBadge[] {
  return active
    .filter((f) => FAULTS.find((d) => d.id === f.fault)?.scope === 'node' && sameTarget(f.target, host))
    .map((f) => ({ fault: f.fault, label: faultLabel(t, f.fault) }));
}

/** The services of a node that a fault has stopped (all of them when the node is down). */
export function stoppedServices(active: readonly ActiveFault[], host: string, services: readonly string[]): Set<string> {
  const on = (fault: FaultId) => isActive(active, fault, host);
  if (on('nodeDown')) return new Set(services);
  const stopped = new Set<string>();
  const byFault: [FaultId, string][] = [['emServiceDown', 'Cisco Extension Mobility'], ['tftpDown', 'Cisco Tftp'], ['callManagerDown', 'Cisco CallManager']];
  for (const [fault, service] of byFault) if (on(fault) && services.includes(service)) stopped.add(service);
  return stopped;
}

/** The state of the link between two clusters: its own faults, and either end never answering. */
export function linkState(t: Translate, active: readonly ActiveFault[], a: string, b: string): { state: 'up' | 'down' | 'degraded'; badges: FaultBadge[] } {
  const target = linkTarget(a, b);
  const badges: FaultBadge[] = active
    .filter((f) => FAULTS.find((d) => d.id === f.fault)?.scope === 'link' && sameTarget(f.target, target))
    .map((f) => ({ fault: f.fault, label: [faultLabel(t, f.fault), faultValueText(f.fault, f.value)].filter(Boolean).join(' ') }));
  for (const end of [a, b]) {
    if (isActive(active, 'noResponse', end)) badges.push({ fault: 'noResponse', label: t('lab:topology.neverAnswers', { cluster: end }), side: end });
  }
  const state = badges.some((x) => x.fault === 'wanDown') ? 'down' : badges.length ? 'degraded' : 'up';
  return { state, badges };
}

/** A scheduler's state replacing the one of the same cluster and id (or added at the end). */
export function mergeScheduler(list: readonly SchedulerState[], next: SchedulerState): SchedulerState[] {
  const i = list.findIndex((s) => s.cluster === next.cluster && s.id === next.id);
  if (i < 0) return [...list, next];
  const out = [...list];
  out[i] = next;
  return out;
}

/** The schedulers grouped by cluster, clusters in the snapshot's order first. */
export function schedulersByCluster(list: readonly SchedulerState[], clusterOrder: readonly string[]): { cluster: string; schedulers: SchedulerState[] }[] {
  const names = [...new Set([...clusterOrder.filter((c) => list.some((s) => s.cluster === c)), ...list.map((s) => s.cluster)])];
  return names.map((cluster) => ({ cluster, schedulers: list.filter((s) => s.cluster === cluster) }));
}

/** At most this many attempts are kept in the window. */
export const ATTEMPT_LIMIT = 100;

/**
 * An attempt told by the lab: a new one goes on top (newest first); one already listed (told
 * again because it changed: the phone reset and registered) is replaced where it is.
 */
export function addAttempt(list: readonly LoginAttempt[], attempt: LoginAttempt, limit = ATTEMPT_LIMIT): LoginAttempt[] {
  const i = list.findIndex((a) => a.id === attempt.id);
  if (i >= 0) return list.map((a, j) => (j === i ? attempt : a));
  return [attempt, ...list].slice(0, limit);
}

/** "1 s", "30 min", "1 h 30 min", "1 day"... for an interval. */
export function durationText(t: Translate, ms: number): string {
  if (ms < 1000) return t('lab:time.ms', { count: Math.round(ms) });
  const units: [number, 'day' | 'h' | 'min' | 's'][] = [[86_400_000, 'day'], [3_600_000, 'h'], [60_000, 'min'], [1000, 's']];
  const parts: string[] = [];
  let rest = Math.round(ms / 1000) * 1000;
  for (const [size, name] of units) {
    const n = Math.floor(rest / size);
    if (!n) continue;
    parts.push(t(`lab:time.${name}`, { count: n }));
    rest -= n * size;
    if (parts.length === 2) break;
  }
  return parts.join(' ');
}

/** "in 12 min" / "12 min ago" / "now" from lab time `now` to `at`. */
export function relativeText(t: Translate, at: number, now: number): string {
  const d = at - now;
  if (Math.abs(d) < 1000) return t('lab:time.now');
  return d > 0 ? t('lab:time.in', { duration: durationText(t, d) }) : t('lab:time.ago', { duration: durationText(t, -d) });
}

/** A participant of a sequence diagram. */
export interface Lifeline {
  id: string;
  /** The phone, or a node of the lab. */
  kind: 'phone' | 'node';
  title: string;
}

/** The lifelines of an attempt: the phone first, then every host in order of appearance. */
export function lifelines(attempt: LoginAttempt): Lifeline[] {
  const seen = new Set<string>();
  const names: string[] = [];
  const add = (n: string) => {
    if (!seen.has(n)) {
      seen.add(n);
      names.push(n);
    }
  };
  const messages = [...attempt.messages].sort((x, y) => x.seq - y.seq);
  const phone = messages.map((m) => m.from).find(isPhone) ?? `phone ${attempt.device}`;
  add(phone);
  for (const m of messages) {
    add(m.from);
    add(m.to);
  }
  return names.map((id) => (isPhone(id) ? { id, kind: 'phone', title: id.replace(/^phone\s+/i, '') } : { id, kind: 'node', title: id }));
}

function isPhone(name: string): boolean {
  return /^phone\b/i.test(name);
}

/** Whether an answer carries error `code`: `code="208"` in an EM service failure, "(208)" on a phone's screen. */
export function carriesCode(text: string, code: number): boolean {
  return new RegExp(`\\bcode\\s*=\\s*["']?${code}\\b|\\(${code}\\)|<code>\\s*${code}\\s*</code>`).test(text);
}

/** The kinds of network failure a message can carry ("unreachable: ..."), each explained in lab:failure. */
export const FAILURE_KINDS = ['unreachable', 'refused', 'timeout', 'reset', 'untrusted', 'unknown-host'] as const;

/**
 * One row of a sequence diagram, in the order things happened. A message answered before
 * anything else happened is one row (its arrow and its answer); one that waited for the requests
 * it caused is two, its sending and, after theirs, its answer, each with the decisions its node
 * wrote at that point. `after` marks where the phone had its answer and what the login caused
 * next (the reset, the phone's TFTP fetches and REGISTER) begins.
 */
export type DiagramRow =
  | { kind: 'exchange'; m: AttemptMessage; decisions: AttemptDecision[] }
  | { kind: 'send'; m: AttemptMessage; decisions: AttemptDecision[] }
  | { kind: 'answer'; m: AttemptMessage; decisions: AttemptDecision[] }
  | { kind: 'after' };

export function diagramRows(attempt: LoginAttempt): DiagramRow[] {
  type Event = { at: number; m: AttemptMessage; answer: boolean };
  const events: Event[] = [];
  for (const m of attempt.messages) {
    events.push({ at: m.sent, m, answer: false });
    if (m.answered !== null) events.push({ at: m.answered, m, answer: true });
  }
  events.sort((a, b) => a.at - b.at);
  const rows: DiagramRow[] = [];
  let after = false;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    const { m } = e;
    if (e.answer) {
      rows.push({ kind: 'answer', m, decisions: m.decisions.filter((d) => d.event > m.sent) });
      continue;
    }
    if (m.afterAnswer && !after) {
      after = true;
      rows.push({ kind: 'after' });
    }
    const next = events[i + 1];
    if (next?.answer && next.m === m) {
      rows.push({ kind: 'exchange', m, decisions: m.decisions });
      i++;
    } else {
      rows.push({ kind: 'send', m, decisions: m.answered === null ? m.decisions : m.decisions.filter((d) => d.event <= m.sent) });
    }
  }
  return rows;
}

/** The failing step of an attempt and why, or null when nothing failed. */
export interface FailingStep {
  seq: number;
  /** The network failure or the code the answer carries. */
  what: string;
  why: string;
}

/** Whether message `inner` went out while `outer` waited for its answer: a request it caused. */
function nestedIn(inner: AttemptMessage, outer: AttemptMessage): boolean {
  return inner.sent > outer.sent && (outer.answered === null || (inner.answered !== null && inner.answered < outer.answered));
}

/**
 * A network failure as messages carry it ("unreachable: the WAN link ... is down"): its kind and
 * its words (the lab's, which are English; a failure without words gets the UI's explanation).
 */
export function splitFailure(t: Translate, failure: string): { kind: string; detail: string } {
  const i = failure.indexOf(':');
  const kind = (i < 0 ? failure : failure.slice(0, i)).trim();
  const detail = i < 0 ? '' : failure.slice(i + 1).trim();
  const known = (FAILURE_KINDS as readonly string[]).includes(kind);
  return { kind, detail: detail || (known ? t(`lab:failure.${kind}`) : '') };
}

/** Where an attempt failed, before it is put in words: a network failure, an HTTP error or the code's answer. */
type Failing = { type: 'network'; m: AttemptMessage } | { type: 'http'; m: AttemptMessage } | { type: 'code'; m: AttemptMessage; code: number; decided: string | undefined };

function networkStep(t: Translate, m: AttemptMessage): FailingStep {
  const { kind, detail } = splitFailure(t, m.failure!);
  const values = { from: m.from, to: m.to, kind, detail };
  return { seq: m.seq, what: kind, why: detail ? t('lab:step.networkDetail', values) : t('lab:step.network', values) };
}

function httpStep(t: Translate, m: AttemptMessage): FailingStep {
  return {
    seq: m.seq,
    what: m.status == null ? t('lab:step.noAnswer') : t('lab:step.http', { status: m.status }),
    why: m.status == null ? t('lab:step.answeredNothing', { to: m.to }) : t('lab:step.answered', { to: m.to, status: m.status }),
  };
}

const httpError = (m: AttemptMessage) => m.status != null && m.status >= 400;

/**
 * Where a failed attempt failed. With a code: the innermost message whose answer carries it (the
 * chain of requests each caused by the one before, from the phone's own), or a network failure
 * among the requests that one caused; with no message carrying the code, the first network
 * failure or HTTP error. Without a code, the attempt failed only if the phone's own request got
 * no answer or an HTTP error: then the first network failure or HTTP error.
 */
function findFailing(attempt: LoginAttempt): Failing | null {
  // What came after the phone's answer (the reset, TFTP, REGISTER) is no part of the login's outcome.
  const messages = attempt.messages.filter((m) => !m.afterAnswer).sort((x, y) => x.seq - y.seq);
  const network = messages.find((m) => m.failure);
  if (attempt.code == null) {
    const root = messages[0];
    if (!root || !isPhone(root.from) || !(root.failure || httpError(root))) return null;
    if (network) return { type: 'network', m: network };
    const http = messages.find(httpError);
    return http ? { type: 'http', m: http } : null;
  }
  const code = attempt.code;
  const carrying = messages.filter((m) => carriesCode(m.response, code));
  let step: AttemptMessage | undefined = carrying[0];
  for (const m of carrying.slice(1)) {
    if (step && nestedIn(m, step)) step = m;
    else break;
  }
  if (step) {
    const inner = messages.find((m) => m.failure && nestedIn(m, step!));
    if (inner) return { type: 'network', m: inner };
  } else {
    if (network) return { type: 'network', m: network };
    step = messages.find(httpError) ?? messages.at(-1);
    if (!step) return null;
  }
  const texts = step.decisions.map((d) => d.text);
  // The rule that decided ("... -> 2"), else the last line naming the code, else the last line.
  const rule = new RegExp(`->\\s*${code}$`);
  const decided = texts.find((d) => rule.test(d)) ?? [...texts].reverse().find((d) => d.includes(String(code))) ?? texts.at(-1);
  return { type: 'code', m: step, code, decided };
}

/** The failing step of a failed attempt, with what failed and why in words (see findFailing). */
export function failingStep(t: Translate, attempt: LoginAttempt): FailingStep | null {
  const f = findFailing(attempt);
  if (!f) return null;
  if (f.type === 'network') return networkStep(t, f.m);
  if (f.type === 'http') return httpStep(t, f.m);
  const { m, code, decided } = f;
  return {
    seq: m.seq,
    what: t('lab:step.code', { code }),
    why: decided ? t('lab:step.decided', { to: m.to, decision: decided }) : t('lab:step.answeredCode', { to: m.to, code }),
  };
}

/** The guide's summary and cause of an error code in `locale` (the catalogue has en-US and zh-CN), if it has the code. */
export function codeExplanation(code: number, locale: string): { summary: string; cause: string } | null {
  const row = ERROR_CATALOGUE.find((e) => e.code === code);
  const l = asLocale(locale);
  return row ? { summary: row.summary[l], cause: row.cause[l] } : null;
}

/** An attempt's outcome in a word: success, or the code shown. */
export function outcomeText(t: Translate, attempt: LoginAttempt): string {
  if (attempt.code != null) return t('lab:attempts.outcome.code', { code: attempt.code });
  return findFailing(attempt) ? t('lab:attempts.outcome.failed') : t('lab:attempts.outcome.success');
}

/** Whether an attempt failed: a code was shown, or the phone's own request went unanswered. */
export function attemptFailed(attempt: LoginAttempt): boolean {
  return attempt.code != null || findFailing(attempt) != null;
}
