/**
 * The lab slice of the renderer's state: the lab snapshot and every phone's screen, fed by the
 * API's events. Components read through selectors; API calls happen in the actions here.
 */
import { create } from 'zustand';
import type { LabSnapshot, PhoneKey, PhoneScreen } from '../../../shared/api/contract';
import { api } from '../api/binding';

interface LabState {
  snapshot: LabSnapshot | null;
  /** Wall time when the snapshot arrived, to advance the lab clock between snapshots. */
  receivedAt: number;
  screens: Record<string, PhoneScreen>;
  error: string | null;
  load(): Promise<void>;
  pressKey(deviceName: string, key: PhoneKey): void;
  typeText(deviceName: string, text: string): void;
}

export const useLab = create<LabState>((set) => ({
  snapshot: null,
  receivedAt: 0,
  screens: {},
  error: null,
  async load() {
    try {
      const snapshot = await api.request('lab.snapshot', {});
      set({ snapshot, receivedAt: Date.now() });
      const screens = await Promise.all(snapshot.phones.map((p) => api.request('phone.screen', { deviceName: p.deviceName })));
      set((s) => ({ screens: { ...Object.fromEntries(screens.map((x) => [x.deviceName, x])), ...s.screens } }));
    } catch (e) {
      set({ error: e instanceof Error ? e.message : String(e) });
    }
  },
  pressKey(deviceName, key) {
    api.request('phone.pressKey', { deviceName, key }).catch((e: Error) => set({ error: e.message }));
  },
  typeText(deviceName, text) {
    api.request('phone.typeText', { deviceName, text }).catch((e: Error) => set({ error: e.message }));
  },
}));

api.on('phone.screen', (screen) => useLab.setState((s) => ({ screens: { ...s.screens, [screen.deviceName]: screen } })));
api.on('lab.changed', (snapshot) => useLab.setState({ snapshot, receivedAt: Date.now() }));
api.onDisconnect(() => useLab.setState({ error: 'The lab has stopped: start it again and reload this page.' }));
