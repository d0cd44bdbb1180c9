/**
 * The troubleshooter's state in the renderer: the code typed or picked, the last answer of
 * `lab.troubleshoot` for it, and the scenario being opened from it. While an answer is shown it
 * is asked for again whenever the lab changes (a fault switched, a page saved, another lab), so
 * a fix made in an admin window shows here at once. A phone's troubleshoot control opens it on
 * the code the phone shows: in the lab window's Troubleshooter tab, or in a dialog over a phone
 * window of its own (desktop).
 */
import { create } from 'zustand';
import { FILE_REQUESTS, type Troubleshooting } from '../../../shared/api/file-contract';
import { api } from '../api/binding';
import { useLabWindow } from './lab-window-store';

interface TroubleshooterState {
  /** What the code field holds. */
  input: string;
  /** The input is not a code (0-999). */
  invalid: boolean;
  result: Troubleshooting | null;
  loading: boolean;
  /** Why the lab could not be asked (its words). */
  error: string | null;
  /** The scenario being opened, and why the last one could not be. */
  scenarioPending: string | null;
  scenarioError: string | null;
  /** A phone window of its own shows the troubleshooter in a dialog. */
  dialog: boolean;

  setInput(input: string): void;
  /** Check the code in the field. */
  check(): Promise<void>;
  checkCode(code: number): Promise<void>;
  /** A phone's control: the code it shows, in the Troubleshooter tab (or the dialog). */
  openFromPhone(code: number, inDialog: boolean): void;
  closeDialog(): void;
  openScenario(id: string): Promise<void>;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
const parseCode = (input: string) => FILE_REQUESTS['lab.troubleshoot'].request.safeParse({ code: /^\s*\d{1,3}\s*$/.test(input) ? Number(input) : NaN });

/** The code of the request whose answer is awaited: an answer for another is dropped. */
let asked: number | null = null;
/** A refresh asked while one is on its way runs once more after it. */
let refreshing = false;
let refreshAgain = false;

export const useTroubleshooter = create<TroubleshooterState>((set, get) => ({
  input: '',
  invalid: false,
  result: null,
  loading: false,
  error: null,
  scenarioPending: null,
  scenarioError: null,
  dialog: false,

  setInput(input) {
    set({ input, invalid: false });
  },
  async check() {
    const parsed = parseCode(get().input);
    if (!parsed.success) {
      set({ invalid: true });
      return;
    }
    await get().checkCode(parsed.data.code);
  },
  async checkCode(code) {
    asked = code;
    set({ input: String(code), invalid: false, loading: true, error: null, scenarioError: null });
    try {
      const result = await api.request('lab.troubleshoot', { code });
      if (asked === code) set({ result, loading: false });
    } catch (e) {
      if (asked === code) set({ error: message(e), loading: false, result: null });
    }
  },
  openFromPhone(code, inDialog) {
    if (inDialog) set({ dialog: true });
    else useLabWindow.getState().setTab('troubleshooter');
    void get().checkCode(code);
  },
  closeDialog() {
    set({ dialog: false });
  },
  async openScenario(id) {
    set({ scenarioPending: id, scenarioError: null });
    try {
      const opened = await api.request('scenario.open', { id });
      if (!opened.ok) set({ scenarioError: opened.errors.map((e) => `${e.field}: ${e.message}`).join('; ') });
      // Its lab replaced the open one: the Scenarios tab plays it step by step.
      else if (!get().dialog) useLabWindow.getState().setTab('scenarios');
    } catch (e) {
      set({ scenarioError: message(e) });
    } finally {
      set({ scenarioPending: null });
    }
  },
}));

/** Ask again for the code shown, quietly (the answer replaces the old one when it comes). */
async function refresh(): Promise<void> {
  const shown = useTroubleshooter.getState().result;
  if (!shown || useTroubleshooter.getState().loading) return;
  if (refreshing) {
    refreshAgain = true;
    return;
  }
  refreshing = true;
  try {
    const result = await api.request('lab.troubleshoot', { code: shown.code });
    if (asked === shown.code) useTroubleshooter.setState({ result, error: null });
  } catch (e) {
    useTroubleshooter.setState({ error: message(e) });
  } finally {
    refreshing = false;
    if (refreshAgain) {
      refreshAgain = false;
      void refresh();
    }
  }
}

api.on('lab.changed', () => void refresh());
api.on('admin.changed', () => void refresh());
api.on('lab.replaced', () => void refresh());
