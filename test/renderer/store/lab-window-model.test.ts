import { describe, expect, it } from 'vitest';
import type { AttemptMessage, LoginAttempt, SchedulerState } from '../../../shared/api/lab-contract';
import {
  activeValue, addAttempt, attemptFailed, carriesCode, clusterBadges, codeExplanation, clusterPairs, diagramRows, durationText, failingStep, faultTargets, faultValueText, isActive, lifelines,
  linkState, linkTarget, mergeScheduler, nodeBadges, outcomeText, relativeText, schedulersByCluster, splitFailure, stoppedServices, targetLabel, validFaultValue,
  type ClusterInfo,
} from '../../../renderer/src/store/lab-window-model';
import { i18n } from '../../../renderer/src/i18n/i18n';

// The model says things in words through a translate function: the UI's English here.
const t = i18n.getFixedT('en-US');
const zh = i18n.getFixedT('zh-CN');

const node = (host: string) => ({ name: host, host, url: 'http://127.0.0.1:1', services: ['Cisco Extension Mobility'] });
const CLUSTERS: ClusterInfo[] = [
  { id: 'home', name: 'home', clusterId: 'HOME', version: '12.0', securityMode: 'non-secure', nodes: [node('home-pub'), node('home-sub')] },
  { id: 'visiting', name: 'visiting', clusterId: 'VISIT', version: '12.0', securityMode: 'non-secure', nodes: [node('visit-pub')] },
  { id: 'Branch', name: 'Branch', clusterId: 'BR', version: '11.5', securityMode: 'mixed', nodes: [] },
];

/**
 * A message sent as event `sent` of its attempt and answered as event `answered` (by default
 * right after: nothing happened in between).
 */
function msg(seq: number, from: string, to: string, extra: Partial<AttemptMessage> = {}): AttemptMessage {
  const sent = extra.sent ?? 2 * seq - 1;
  return {
    seq, from, to, method: 'POST', path: '/emservice/EMServiceServlet', at: 1000 + seq, answeredAt: 1000 + seq, sent, answered: sent + 1, ms: 10, status: 200, failure: null,
    request: '<request/>', response: '<response><success/></response>', decisions: [], afterAnswer: false, ...extra,
  };
}

/** Decisions written when `event` events had happened. */
const wrote = (event: number, ...texts: string[]) => texts.map((text) => ({ text, event }));

function attempt(messages: AttemptMessage[], extra: Partial<LoginAttempt> = {}): LoginAttempt {
  return { id: 'a1', device: 'SEP00AA11BB22CC', action: 'login', at: 1000, code: null, result: 'Login successful.', registeredWith: null, messages, ...extra };
}

/**
 * The WAN-down login as the lab records it: the phone's request, EMApp -> EM service, EM service
 * -> home-pub unreachable; each answered after the one it caused (events 1-3 sent, 4-6 answers).
 */
const WAN_DOWN = attempt([
  msg(1, 'phone SEP00AA11BB22CC', 'visit-pub', { sent: 1, answered: 6, method: 'GET', path: '/emapp/EMAppServlet?device=SEP00AA11BB22CC&userid=alice&seq=****', ms: 43, response: '<CiscoIPPhoneText><Text>Login is unavailable (208)</Text></CiscoIPPhoneText>' }),
  msg(2, 'visit-pub', 'visit-pub', {
    sent: 2, answered: 5, ms: 38, response: '<response><failure><error code="208">EM service connection error</error></failure></response>',
    decisions: [...wrote(2, 'EM service visit-pub: alice is not local'), ...wrote(4, 'EM service visit-pub: no home cluster could be asked -> 208')],
  }),
  msg(3, 'visit-pub', 'home-pub', { sent: 3, answered: 4, ms: 0, status: null, failure: 'unreachable: the WAN link from cluster:visiting to cluster:home is down', response: '' }),
], { code: 208, result: 'Login is unavailable (208)' });

describe('fault targets', () => {
  it('names a link by its two clusters, lower-case and sorted, as the lab does', () => {
    expect(linkTarget('visiting', 'home')).toBe('home|visiting');
    expect(linkTarget('Branch', 'home')).toBe('branch|home');
  });

  it('offers clusters, node hosts or cluster pairs depending on the scope', () => {
    expect(faultTargets('cluster', CLUSTERS).map((t) => t.value)).toEqual(['home', 'visiting', 'Branch']);
    expect(faultTargets('node', CLUSTERS)).toEqual([
      { value: 'home-pub', label: 'home-pub (home)' }, { value: 'home-sub', label: 'home-sub (home)' }, { value: 'visit-pub', label: 'visit-pub (visiting)' },
    ]);
    expect(faultTargets('link', CLUSTERS).map((t) => t.value)).toEqual(['home|visiting', 'branch|home', 'branch|visiting']);
    expect(clusterPairs(CLUSTERS.slice(0, 2)).map((p) => p.target)).toEqual(['home|visiting']);
  });

  it('compares targets without case and reads an active target back as its label', () => {
    const active = [{ fault: 'database' as const, target: 'branch' }];
    expect(isActive(active, 'database', 'Branch')).toBe(true);
    expect(targetLabel('database', 'branch', CLUSTERS)).toBe('Branch (BR)');
    expect(targetLabel('wanDown', 'home|visiting', CLUSTERS)).toBe('home ↔ visiting');
    expect(targetLabel('wanDown', 'gone|home', CLUSTERS)).toBe('gone ↔ home');
  });
});

describe('topology states', () => {
  const active = [
    { fault: 'database' as const, target: 'home' },
    { fault: 'noResponse' as const, target: 'home' },
    { fault: 'emServiceDown' as const, target: 'home-pub' },
    { fault: 'proxy' as const, target: 'home|visiting' },
  ];

  it('puts cluster faults on the cluster box, except noResponse, which shows on its links', () => {
    expect(clusterBadges(t, active, 'home').map((b) => b.fault)).toEqual(['database']);
    expect(clusterBadges(t, active, 'visiting')).toEqual([]);
    expect(nodeBadges(t, active, 'home-pub').map((b) => b.label)).toEqual(['EM service down']);
    expect(nodeBadges(t, active, 'visit-pub')).toEqual([]);
  });

  it('tells a link up, degraded (proxy, an end never answering) or down (WAN down)', () => {
    expect(linkState(t, [], 'home', 'visiting')).toEqual({ state: 'up', badges: [] });
    const degraded = linkState(t, active, 'visiting', 'home');
    expect(degraded.state).toBe('degraded');
    expect(degraded.badges.map((b) => b.label)).toEqual(['HTTP proxy on the WAN', 'home never answers']);
    expect(linkState(t, [{ fault: 'wanDown', target: 'home|visiting' }], 'home', 'visiting').state).toBe('down');
    expect(linkState(t, [{ fault: 'wanDown', target: 'home|visiting' }], 'home', 'Branch').state).toBe('up');
  });

  it('gives a latency or a loss with its size', () => {
    const sized = linkState(t, [{ fault: 'wanLatency', target: 'home|visiting', value: 250 }, { fault: 'wanLoss', target: 'home|visiting' }], 'home', 'visiting');
    expect(sized).toEqual({ state: 'degraded', badges: [{ fault: 'wanLatency', label: 'WAN latency 250 ms' }, { fault: 'wanLoss', label: 'WAN packet loss 10 %' }] });
    expect(faultValueText('database', 3)).toBe('');
    expect(validFaultValue('wanLoss', 100)).toBe(true);
    expect(validFaultValue('wanLoss', 101)).toBe(false);
    expect(validFaultValue('wanLatency', Number(''))).toBe(false);
    expect(validFaultValue('database', 1)).toBe(false);
    expect(activeValue([{ fault: 'wanLatency', target: 'home|visiting', value: 5 }], 'wanLatency', 'HOME|visiting')).toBe(5);
  });
});

describe('schedulers', () => {
  const s = (cluster: string, id: SchedulerState['id'], nextRunAt: number): SchedulerState => ({ cluster, id, label: id, intervalMs: 60_000, nextRunAt, runs: [] });

  it('replaces a scheduler by cluster and id, or adds it', () => {
    const list = [s('home', 'remoteClusterUpdate', 1), s('visiting', 'remoteClusterUpdate', 1)];
    expect(mergeScheduler(list, s('visiting', 'remoteClusterUpdate', 2)).map((x) => x.nextRunAt)).toEqual([1, 2]);
    expect(mergeScheduler(list, s('home', 'rsvpKeepAlive', 3))).toHaveLength(3);
  });

  it('groups by cluster in the snapshot order, unknown clusters last', () => {
    const groups = schedulersByCluster([s('x', 'rsvpKeepAlive', 1), s('visiting', 'rsvpKeepAlive', 1), s('home', 'rsvpKeepAlive', 1)], ['home', 'visiting']);
    expect(groups.map((g) => g.cluster)).toEqual(['home', 'visiting', 'x']);
  });

  it('says intervals and distances in lab time in words', () => {
    expect(durationText(t, 15_000)).toBe('15 s');
    expect(durationText(t, 30 * 60_000)).toBe('30 min');
    expect(durationText(t, 1440 * 60_000)).toBe('1 day');
    expect(durationText(t, 7 * 86_400_000 + 3_600_000)).toBe('7 days 1 h');
    expect(durationText(t, 90 * 60_000)).toBe('1 h 30 min');
    expect(relativeText(t, 10_000 + 12 * 60_000, 10_000)).toBe('in 12 min');
    expect(relativeText(t, 0, 3_600_000)).toBe('1 h ago');
    expect(relativeText(t, 500, 0)).toBe('now');
  });
});

describe('attempts', () => {
  it('keeps the newest first, replaces a repeated one in place and keeps at most the limit', () => {
    let list: LoginAttempt[] = [];
    for (let i = 0; i < 5; i++) list = addAttempt(list, { ...WAN_DOWN, id: `a${i}` }, 3);
    expect(list.map((a) => a.id)).toEqual(['a4', 'a3', 'a2']);
    // Told again (the phone reset and registered after it): replaced where it is, not moved up.
    const again = addAttempt(list, { ...WAN_DOWN, id: 'a3', result: 'again' }, 3);
    expect(again.map((a) => [a.id, a.result])).toEqual([['a4', WAN_DOWN.result], ['a3', 'again'], ['a2', WAN_DOWN.result]]);
  });

  it('draws a message that waited for the requests it caused as its sending, theirs, then its answer, each with the decisions written at that point', () => {
    const rows = diagramRows(WAN_DOWN).map((r) => (r.kind === 'after' ? ['after'] : [r.kind, r.m.seq, r.decisions.map((d) => d.text)]));
    expect(rows).toEqual([
      ['send', 1, []],
      ['send', 2, ['EM service visit-pub: alice is not local']],
      ['exchange', 3, []],
      ['answer', 2, ['EM service visit-pub: no home cluster could be asked -> 208']],
      ['answer', 1, []],
    ]);
  });

  it('marks where the phone had its answer and the reset, TFTP fetch and registration begin', () => {
    const phone = 'phone SEP00AA11BB22CC';
    const login = attempt([
      msg(1, phone, 'visit-pub', { sent: 1, answered: 6 }),
      msg(2, 'visit-pub', 'visit-pub', { sent: 2, answered: 4 }),
      msg(3, 'visit-pub', phone, { sent: 3, answered: 5, path: '/phone/SEP00AA11BB22CC/notify' }),
      msg(4, phone, 'home-pub', { sent: 7, answered: 8, path: '/SEP00AA11BB22CC.cnf.xml', afterAnswer: true }),
      msg(5, phone, 'home-pub', { sent: 9, answered: 10, path: '/ccm/register', afterAnswer: true }),
    ], { registeredWith: 'home-pub' });
    expect(diagramRows(login).map((r) => (r.kind === 'after' ? 'after' : `${r.kind} ${r.m.seq}`))).toEqual([
      'send 1', 'send 2', 'send 3', 'answer 2', 'answer 3', 'answer 1', 'after', 'exchange 4', 'exchange 5',
    ]);
    // The phone's own lifeline takes the notice: no second column for it.
    expect(lifelines(login).map((l) => l.title)).toEqual(['SEP00AA11BB22CC', 'visit-pub', 'home-pub']);
    // What came after the answer is no part of the outcome, even when it failed.
    const unregistered = { ...login, messages: [...login.messages.slice(0, 4), { ...login.messages[4]!, status: null, failure: 'refused' }] };
    expect(failingStep(t, unregistered)).toBeNull();
  });

  it('shows an unanswered message as a sending with every decision', () => {
    const waiting = attempt([msg(1, 'phone SEP1', 'visit-pub', { sent: 1, answered: null, answeredAt: null, status: null, decisions: wrote(1, 'a', 'b') })]);
    expect(diagramRows(waiting)).toEqual([{ kind: 'send', m: waiting.messages[0], decisions: waiting.messages[0]!.decisions }]);
  });

  it('draws the phone first, then each host in order of appearance', () => {
    expect(lifelines(WAN_DOWN).map((l) => [l.kind, l.title])).toEqual([['phone', 'SEP00AA11BB22CC'], ['node', 'visit-pub'], ['node', 'home-pub']]);
  });

  it('finds the code in an EM service failure or on the phone screen, not in other numbers', () => {
    expect(carriesCode('<error code="208">x</error>', 208)).toBe(true);
    expect(carriesCode('Login is unavailable (208)', 208)).toBe(true);
    expect(carriesCode('<error code="2080">', 208)).toBe(false);
    expect(carriesCode('<line>1208</line>', 208)).toBe(false);
  });

  it('marks the network failure inside the innermost message carrying the code (WAN down)', () => {
    expect(failingStep(t, WAN_DOWN)).toEqual({
      seq: 3, what: 'unreachable', why: 'visit-pub → home-pub: unreachable (the WAN link from cluster:visiting to cluster:home is down)',
    });
    expect(attemptFailed(WAN_DOWN)).toBe(true);
    expect(outcomeText(t, WAN_DOWN)).toBe('code 208');
    expect(splitFailure(t, 'refused')).toEqual({ kind: 'refused', detail: 'nothing listens at the other end (the service or the node is down)' });
  });

  it('marks the innermost message whose answer carries the code when nothing failed on the network (wrong PIN)', () => {
    const wrongPin = attempt([
      msg(1, 'phone SEP00AA11BB22CC', 'visit-pub', { sent: 1, answered: 6, ms: 40, response: '<Text>Login is unavailable (2)</Text>' }),
      msg(2, 'visit-pub', 'visit-pub', { sent: 2, answered: 5, ms: 30, response: '<error code="2">Authentication Error</error>' }),
      msg(3, 'visit-pub', 'home-pub', { sent: 3, answered: 4, ms: 12, response: '<emccResponse><failure><error code="2">x</error></failure></emccResponse>', decisions: wrote(3, 'received', 'alice: wrong PIN -> 2') }),
    ], { code: 2, result: 'Login is unavailable (2)' });
    expect(failingStep(t, wrongPin)).toEqual({ seq: 3, what: 'code 2', why: 'home-pub: alice: wrong PIN -> 2' });
  });

  it('keeps to the first chain: a node tried after another failed is not inside it', () => {
    const busy = attempt([
      msg(1, 'phone SEP1', 'visit-pub', { sent: 1, answered: 6, ms: 40, response: '(26)' }),
      msg(2, 'visit-pub', 'visit-pub', { sent: 2, answered: 3, ms: 5, response: '<error code="26"/>' }),
      msg(3, 'visit-pub', 'visit-sub', { sent: 4, answered: 5, ms: 6, at: 1004, response: '<error code="26"/>' }),
    ], { code: 26 });
    expect(failingStep(t, busy)?.seq).toBe(2);
  });

  it('ignores an incidental network failure outside the chain that carries the code', () => {
    const retried = attempt([
      msg(1, 'phone SEP1', 'visit-pub', { sent: 1, answered: 6, ms: 40, response: '(2)' }),
      msg(2, 'visit-pub', 'visit-sub', { sent: 2, answered: 3, ms: 1, status: null, failure: 'refused: nothing listens', response: '' }),
      msg(3, 'visit-pub', 'visit-pub', { sent: 4, answered: 5, ms: 20, response: '<error code="2"/>' }),
    ], { code: 2 });
    expect(failingStep(t, retried)?.seq).toBe(3);
  });

  it('sees no failing step in a success, even with a failover on the way', () => {
    const ok = attempt([
      msg(1, 'phone SEP1', 'visit-pub', { sent: 1, answered: 4, ms: 40, response: '<Text>Login successful</Text>' }),
      msg(2, 'visit-pub', 'visit-sub', { sent: 2, answered: 3, ms: 1, status: null, failure: 'refused', response: '' }),
    ]);
    expect(failingStep(t, ok)).toBeNull();
    expect(outcomeText(t, ok)).toBe('success');
  });

  it('fails a code-less attempt whose phone request got no answer', () => {
    const down = attempt([msg(1, 'phone SEP1', 'visit-pub', { status: null, failure: 'refused: nothing listens', response: '' })], { result: 'no answer (refused)' });
    expect(failingStep(t, down)).toMatchObject({ seq: 1, what: 'refused' });
    expect(outcomeText(t, down)).toBe('failed');
  });
});

describe('in the UI\'s other language', () => {
  it('says durations, link states, outcomes and failures in zh-CN', () => {
    expect(durationText(zh, 7 * 86_400_000 + 3_600_000)).toBe('7 天 1 小时');
    expect(relativeText(zh, 10_000 + 12 * 60_000, 10_000)).toBe('12 分钟后');
    expect(linkState(zh, [{ fault: 'wanLatency', target: 'home|visiting', value: 250 }, { fault: 'noResponse', target: 'home' }], 'home', 'visiting').badges.map((b) => b.label))
      .toEqual(['WAN 延迟 250 ms', 'home 从不应答']);
    expect(outcomeText(zh, WAN_DOWN)).toBe('代码 208');
    expect(failingStep(zh, WAN_DOWN)?.why).toBe('visit-pub → home-pub：unreachable（the WAN link from cluster:visiting to cluster:home is down）');
    expect(splitFailure(zh, 'refused').detail).toBe('另一端无人侦听（服务或节点已关闭）');
  });

  it('explains a code with the catalogue row of the UI\'s language', () => {
    expect(codeExplanation(208, 'en-US')?.summary).toBe('EM service connection error');
    expect(codeExplanation(208, 'zh-CN')?.summary).toBe('EM 服务连接错误');
    expect(codeExplanation(99999, 'zh-CN')).toBeNull();
  });
});

describe('stopped services', () => {
  const services = ['Cisco CallManager', 'Cisco Extension Mobility', 'Cisco Tftp'];
  it('strikes the service a node fault stops, every service of a node that is down', () => {
    expect([...stoppedServices([{ fault: 'emServiceDown', target: 'home-pub' }, { fault: 'tftpDown', target: 'visit-pub' }], 'home-pub', services)]).toEqual(['Cisco Extension Mobility']);
    expect([...stoppedServices([{ fault: 'nodeDown', target: 'HOME-PUB' }], 'home-pub', services)]).toEqual(services);
    expect(stoppedServices([], 'home-pub', services).size).toBe(0);
  });
});
