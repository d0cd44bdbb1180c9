import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LabSnapshot } from '../../../shared/api/contract';
import type { LoginAttempt, SchedulerState } from '../../../shared/api/lab-contract';

/** The API as the store sees it (test/helpers/fake-api). */
const api = await vi.hoisted(async () => (await import('../../helpers/fake-api')).fakeApi());
vi.mock('../../../renderer/src/api/binding', () => ({ api: api.binding }));

const { useLabWindow } = await import('../../../renderer/src/store/lab-window-store');
const { useLab } = await import('../../../renderer/src/store/lab-store');

const SNAPSHOT: LabSnapshot = { clusters: [], phones: [], clock: { now: 1000, speed: 1, paused: false } };
const scheduler = (nextRunAt: number): SchedulerState => ({ cluster: 'home', id: 'remoteClusterUpdate', label: 'Remote Cluster Update', intervalMs: 1_800_000, nextRunAt, runs: [] });
const attempt = (id: string): LoginAttempt => ({ id, device: 'SEP1', action: 'login', at: 1, code: 208, result: 'Login is unavailable (208)', registeredWith: null, messages: [] });

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('the lab window store', () => {
  let faults: { fault: string; target: string }[];

  beforeEach(() => {
    api.calls.length = 0;
    faults = [];
    api.answers['lab.faults'] = () => ({ active: faults });
    api.answers['lab.setFault'] = (p) => {
      const { fault, target, active } = p as { fault: string; target: string; active: boolean };
      faults = active ? [...faults, { fault, target }] : faults.filter((f) => f.fault !== fault || f.target !== target);
      return { ok: true, key: target, warnings: [] };
    };
    api.answers['lab.schedulers'] = () => ({ schedulers: [scheduler(5)] });
    api.answers['lab.attempts'] = () => ({ attempts: [attempt('old')] });
    useLab.setState({ snapshot: SNAPSHOT, receivedAt: 0 });
    // Started once for the whole file (the first test checks the first start's requests).
    useLabWindow.getState().start();
  });

  it('loads faults, schedulers and attempts once when the lab window starts', async () => {
    useLabWindow.getState().start();
    await flush();
    expect(api.calls.map((c) => c.name).sort()).toEqual(['lab.attempts', 'lab.faults', 'lab.schedulers']);
    const s = useLabWindow.getState();
    expect(s.schedulers).toEqual([scheduler(5)]);
    expect(s.attempts.map((a) => a.id)).toEqual(['old']);
    expect(s.faultsState).toEqual({ loading: false, error: null });
  });

  it('moves a fault switch at once, then takes the list the lab answers', async () => {
    const pending = useLabWindow.getState().setFault('wanDown', 'home|visiting', true);
    expect(useLabWindow.getState().faults).toEqual([{ fault: 'wanDown', target: 'home|visiting' }]);
    expect(useLabWindow.getState().faultPending).toBe('wanDown home|visiting');
    await pending;
    expect(api.calls.at(-2)).toEqual({ name: 'lab.setFault', payload: { fault: 'wanDown', target: 'home|visiting', active: true } });
    expect(useLabWindow.getState().faultPending).toBeNull();
    await useLabWindow.getState().setFault('wanDown', 'home|visiting', false);
    expect(useLabWindow.getState().faults).toEqual([]);
  });

  it('sends the size of a fault that has one, and none when it goes off', async () => {
    await useLabWindow.getState().setFault('wanLatency', 'home|visiting', true, 300);
    expect(api.calls.find((c) => c.name === 'lab.setFault')?.payload).toEqual({ fault: 'wanLatency', target: 'home|visiting', active: true, value: 300 });
    api.calls.length = 0;
    await useLabWindow.getState().setFault('wanLatency', 'home|visiting', false);
    expect(api.calls.find((c) => c.name === 'lab.setFault')?.payload).toEqual({ fault: 'wanLatency', target: 'home|visiting', active: false });
  });

  it('puts a refused fault back and says why', async () => {
    api.answers['lab.setFault'] = () => ({ ok: false, errors: [{ field: 'target', message: 'no cluster named x' }] });
    await useLabWindow.getState().setFault('database', 'x', true);
    expect(useLabWindow.getState().faults).toEqual([]);
    expect(useLabWindow.getState().faultError).toBe('no cluster named x');
  });

  it('fetches the faults again when the lab changes', async () => {
    faults = [{ fault: 'ris', target: 'home' }];
    api.emit('lab.changed', SNAPSHOT);
    await flush();
    expect(useLabWindow.getState().faults).toEqual([{ fault: 'ris', target: 'home' }]);
  });

  it('shows the clock the lab answers, and reads the schedulers again after a jump', async () => {
    api.answers['lab.setClock'] = () => ({ now: 3_601_000, speed: 60, paused: true });
    await useLabWindow.getState().setClock({ advanceMs: 3_600_000 });
    expect(useLab.getState().snapshot?.clock).toEqual({ now: 3_601_000, speed: 60, paused: true });
    expect(api.calls.at(-1)?.name).toBe('lab.schedulers');
    api.calls.length = 0;
    await useLabWindow.getState().setClock({ paused: false });
    expect(api.calls.map((c) => c.name)).toEqual(['lab.setClock']);
  });

  it('says why the clock did not change', async () => {
    delete api.answers['lab.setClock'];
    await useLabWindow.getState().setClock({ speed: 60 });
    expect(useLabWindow.getState().clockError).toBe('internal error');
    expect(useLabWindow.getState().clockPending).toBe(false);
  });

  it('adds live scheduler runs and attempts, counting attempts not yet seen', () => {
    useLabWindow.setState({ tab: 'faults', unseenAttempts: 0 });
    api.emit('lab.scheduler', scheduler(9));
    expect(useLabWindow.getState().schedulers).toEqual([scheduler(9)]);
    api.emit('lab.attempt', attempt('new'));
    api.emit('lab.attempt', attempt('newer'));
    expect(useLabWindow.getState().attempts.slice(0, 2).map((a) => a.id)).toEqual(['newer', 'new']);
    expect(useLabWindow.getState().unseenAttempts).toBe(2);
    useLabWindow.getState().setTab('attempts');
    expect(useLabWindow.getState().unseenAttempts).toBe(0);
  });

  it('keeps attempts that arrived while the list was on its way', async () => {
    useLabWindow.setState({ attempts: [attempt('live')] });
    await useLabWindow.getState().loadAttempts();
    expect(useLabWindow.getState().attempts.map((a) => a.id)).toEqual(['live', 'old']);
  });

  it('reports a list the lab cannot give', async () => {
    delete api.answers['lab.schedulers'];
    await useLabWindow.getState().loadSchedulers();
    expect(useLabWindow.getState().schedulersState).toEqual({ loading: false, error: 'internal error' });
  });
});
