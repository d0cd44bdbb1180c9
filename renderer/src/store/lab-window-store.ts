/**
 * The lab window's own state beside the lab store's snapshot: the faults that are on, the
 * schedulers with their runs, the last login attempts and the one whose sequence diagram is open,
 * and the clock controls. Every API call happens in an action here; the events 'lab.changed',
 * 'lab.scheduler' and 'lab.attempt' keep it live.
 */
import { create } from 'zustand';
import { saveTextFile } from '../admin/save-file';
import type { ClockState, LoginAttempt, SchedulerState } from '../../../shared/api/lab-contract';
import type { FaultId } from '../../../shared/faults';
import { api } from '../api/binding';
import { uiKey, type UiText } from '../i18n/text';
import { useLab } from './lab-store';
import { addAttempt, mergeScheduler, sameTarget, type ActiveFault } from './lab-window-model';

/** The panels of the side column. */
export type LabTab = 'faults' | 'schedulers' | 'attempts' | 'scenarios' | 'troubleshooter';

/** A part of the window whose data comes from one request: what it shows, or why it cannot. */
interface Loaded {
  loading: boolean;
  error: string | null;
}

interface LabWindowState {
  tab: LabTab;
  faults: ActiveFault[];
  faultsState: Loaded;
  /** The fault switch waiting for its answer ("fault target"), to disable it meanwhile. */
  faultPending: string | null;
  faultError: string | null;
  schedulers: SchedulerState[];
  schedulersState: Loaded;
  attempts: LoginAttempt[];
  attemptsState: Loaded;
  /** Attempts that arrived while another panel was shown. */
  unseenAttempts: number;
  /** The attempt whose sequence diagram is open. */
  openAttempt: string | null;
  clockPending: boolean;
  clockError: string | null;
  exportError: UiText | null;

  start(): void;
  setTab(tab: LabTab): void;
  loadFaults(): Promise<void>;
  loadSchedulers(): Promise<void>;
  loadAttempts(): Promise<void>;
  /** Switch a fault on (with its size, for one that has one) or off. */
  setFault(fault: FaultId, target: string, active: boolean, value?: number): Promise<void>;
  setClock(change: { speed?: number; paused?: boolean; advanceMs?: number }): Promise<void>;
  exportTrace(cluster?: string): Promise<void>;
  openDiagram(id: string | null): void;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Whether this window shows the lab (started once; an admin window never is). */
let started = false;

/** The lab store's clock, as the main process just answered it (the snapshot may not follow at once). */
function applyClock(clock: ClockState): void {
  useLab.setState((s) => (s.snapshot ? { snapshot: { ...s.snapshot, clock }, receivedAt: Date.now() } : {}));
}

export const useLabWindow = create<LabWindowState>((set, get) => ({
  tab: 'faults',
  faults: [],
  faultsState: { loading: true, error: null },
  faultPending: null,
  faultError: null,
  schedulers: [],
  schedulersState: { loading: true, error: null },
  attempts: [],
  attemptsState: { loading: true, error: null },
  unseenAttempts: 0,
  openAttempt: null,
  clockPending: false,
  clockError: null,
  exportError: null,

  start() {
    if (started) return;
    started = true;
    void get().loadFaults();
    void get().loadSchedulers();
    void get().loadAttempts();
  },
  setTab(tab) {
    set(tab === 'attempts' ? { tab, unseenAttempts: 0 } : { tab });
  },
  async loadFaults() {
    try {
      const { active } = await api.request('lab.faults', {});
      set({ faults: active, faultsState: { loading: false, error: null } });
    } catch (e) {
      set({ faultsState: { loading: false, error: message(e) } });
    }
  },
  async loadSchedulers() {
    set((s) => ({ schedulersState: { ...s.schedulersState, loading: true } }));
    try {
      const { schedulers } = await api.request('lab.schedulers', {});
      set({ schedulers, schedulersState: { loading: false, error: null } });
    } catch (e) {
      set({ schedulersState: { loading: false, error: message(e) } });
    }
  },
  async loadAttempts() {
    set((s) => ({ attemptsState: { ...s.attemptsState, loading: true } }));
    try {
      const { attempts } = await api.request('lab.attempts', {});
      // Attempts that arrived by event while the list was on its way stay in it.
      set((s) => ({
        attempts: s.attempts.reduceRight((list, a) => (list.some((x) => x.id === a.id) ? list : addAttempt(list, a)), attempts),
        attemptsState: { loading: false, error: null },
      }));
    } catch (e) {
      set({ attemptsState: { loading: false, error: message(e) } });
    }
  },
  async setFault(fault, target, active, value) {
    // The switch moves at once; the list the lab answers next confirms it (or puts it back).
    set((s) => ({
      faultPending: `${fault} ${target}`,
      faultError: null,
      faults: [
        ...s.faults.filter((f) => !(f.fault === fault && sameTarget(f.target, target))),
        ...(active ? [value === undefined ? { fault, target } : { fault, target, value }] : []),
      ],
    }));
    try {
      const result = await api.request('lab.setFault', active && value !== undefined ? { fault, target, active, value } : { fault, target, active });
      if (!result.ok) set({ faultError: result.errors.map((e) => e.message).join('; ') });
      await get().loadFaults();
    } catch (e) {
      set({ faultError: message(e) });
    } finally {
      set({ faultPending: null });
    }
  },
  async setClock(change) {
    set({ clockPending: true, clockError: null });
    try {
      applyClock(await api.request('lab.setClock', change));
      // A jump may have run schedulers (their events come too) and moved every next run.
      if (change.advanceMs) void get().loadSchedulers();
    } catch (e) {
      set({ clockError: message(e) });
    } finally {
      set({ clockPending: false });
    }
  },
  async exportTrace(cluster) {
    set({ exportError: null });
    try {
      const { fileName, text } = await api.request('lab.exportTrace', cluster ? { cluster } : {});
      saveTextFile(fileName, text);
    } catch (e) {
      set({ exportError: cluster ? uiKey('lab:exportFailed', { cluster, error: message(e) }) : uiKey('lab:exportLabFailed', { error: message(e) }) });
    }
  },
  openDiagram(id) {
    set({ openAttempt: id });
  },
}));

api.on('lab.changed', () => {
  if (started) void useLabWindow.getState().loadFaults();
});
api.on('lab.scheduler', (state) => {
  if (started) useLabWindow.setState((s) => ({ schedulers: mergeScheduler(s.schedulers, state) }));
});
api.on('lab.attempt', (attempt) => {
  if (!started) return;
  useLabWindow.setState((s) => ({ attempts: addAttempt(s.attempts, attempt), unseenAttempts: s.tab === 'attempts' ? 0 : s.unseenAttempts + 1 }));
});
