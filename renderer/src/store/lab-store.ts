/**
 * The lab slice of the renderer's state: the lab snapshot and every phone's screen, fed by the
 * API's events. Components read through selectors; API calls happen in the actions here.
 */
import { create } from 'zustand';
import type { LabSnapshot, PhoneKey, PhoneScreen } from '../../../shared/api/contract';
import { api } from '../api/binding';
import { rawText, uiKey, type UiText } from '../i18n/text';

interface LabState {
  snapshot: LabSnapshot | null;
  /** Wall time when the snapshot arrived, to advance the lab clock between snapshots. */
  receivedAt: number;
  screens: Record<string, PhoneScreen>;
  error: UiText | null;
  load(): Promise<void>;
  /** Fetch the screens of phones the snapshot lists and no event has drawn yet (a phone just added). */
  loadMissingScreens(): Promise<void>;
  pressKey(deviceName: string, key: PhoneKey): void;
  typeText(deviceName: string, text: string): void;
}

/** Whether this window shows the lab (an admin window never loads it, nor fetches phone screens). */
let showingLab = false;

export const useLab = create<LabState>((set, get) => ({
  snapshot: null,
  receivedAt: 0,
  screens: {},
  error: null,
  async load() {
    showingLab = true;
    try {
      const snapshot = await api.request('lab.snapshot', {});
      set({ snapshot, receivedAt: Date.now() });
      const screens = await Promise.all(snapshot.phones.map((p) => api.request('phone.screen', { deviceName: p.deviceName })));
      set((s) => ({ screens: { ...Object.fromEntries(screens.map((x) => [x.deviceName, x])), ...s.screens } }));
    } catch (e) {
      set({ error: rawText(e instanceof Error ? e.message : String(e)) });
    }
  },
  async loadMissingScreens() {
    const { snapshot, screens } = get();
    if (!showingLab) return;
    const missing = (snapshot?.phones ?? []).filter((p) => !screens[p.deviceName]).map((p) => p.deviceName);
    if (!missing.length) return;
    try {
      const fetched = await Promise.all(missing.map((deviceName) => api.request('phone.screen', { deviceName })));
      set((s) => ({ screens: { ...Object.fromEntries(fetched.map((x) => [x.deviceName, x])), ...s.screens } }));
    } catch (e) {
      set({ error: rawText(e instanceof Error ? e.message : String(e)) });
    }
  },
  pressKey(deviceName, key) {
    api.request('phone.pressKey', { deviceName, key }).catch((e: Error) => set({ error: rawText(e.message) }));
  },
  typeText(deviceName, text) {
    api.request('phone.typeText', { deviceName, text }).catch((e: Error) => set({ error: rawText(e.message) }));
  },
}));

api.on('phone.screen', (screen) => useLab.setState((s) => ({ screens: { ...s.screens, [screen.deviceName]: screen } })));
api.on('lab.changed', (snapshot) => {
  useLab.setState({ snapshot, receivedAt: Date.now() });
  void useLab.getState().loadMissingScreens();
});
api.onDisconnect(() => useLab.setState({ error: uiKey('lab:stopped') }));
