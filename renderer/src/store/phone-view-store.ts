/**
 * The lab window's phones: the phone list or the phone grid, the filter, and which phones are
 * open. In the desktop app an open phone is a window of its own, opened, closed and tiled by the
 * shell (`shell.*` requests, `shell.phoneWindows` events). In browser mode it is a panel of this
 * page, shown side by side (tiled) or one at a time (tabs); which panels are open, the view and
 * the layout are kept for this tab, so they survive the reload another lab causes.
 */
import { create } from 'zustand';
import { z } from 'zod';
import { api, isDesktop } from '../api/binding';
import { rawText, type UiText } from '../i18n/text';
import { useLab } from './lab-store';
import { openPhoneNames, panelOpen } from './phone-view-model';

export type PhoneView = 'phones' | 'grid';
export type PanelLayout = 'tiled' | 'tabs';

const STORAGE_KEY = 'emcc-lab.phone-view';
const Saved = z.object({
  view: z.enum(['phones', 'grid']).catch('phones'),
  layout: z.enum(['tiled', 'tabs']).catch('tiled'),
  choices: z.record(z.string().max(50), z.boolean()).catch({}),
});

interface PhoneViewState {
  /** Phones are windows (desktop app) or panels (browser mode). */
  desktop: boolean;
  view: PhoneView;
  layout: PanelLayout;
  /** Tabs layout: the phone whose panel is shown. */
  activeTab: string | null;
  /** Browser mode: panels the user opened (true) or closed (false); the others follow the lab's size. */
  choices: Record<string, boolean>;
  /** Desktop: the phones whose windows are open. */
  windows: string[];
  filter: string;
  /** A phone just opened from the grid or the menu: its panel is scrolled to and focused. */
  focusRequest: string | null;
  error: UiText | null;
  start(): void;
  setView(view: PhoneView): void;
  setLayout(layout: PanelLayout): void;
  setActiveTab(deviceName: string): void;
  setFilter(filter: string): void;
  /** Open (bringing it forward) or close one phone. */
  show(deviceName: string, open: boolean): Promise<void>;
  showAll(open: boolean): Promise<void>;
  /** Desktop: arrange the windows; browser: panels side by side. */
  tile(): Promise<void>;
  /** A phone clicked in the grid or picked in the Window menu: open it and go to it. */
  openAndGo(deviceName: string): Promise<void>;
  focusDone(): void;
}

function loadSaved(): z.infer<typeof Saved> {
  try {
    const parsed = Saved.safeParse(JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? '{}'));
    if (parsed.success) return parsed.data;
  } catch {
    // storage unavailable or not ours: start afresh
  }
  return { view: 'phones', layout: 'tiled', choices: {} };
}

const message = (e: unknown) => rawText(e instanceof Error ? e.message : String(e));

let started = false;

export const usePhoneView = create<PhoneViewState>((set, get) => {
  const save = () => {
    const { view, layout, choices } = get();
    try {
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ view, layout, choices }));
    } catch {
      // private mode: kept for this page only
    }
  };
  /** Desktop: run a shell request and take the windows it answers with. */
  const shell = async (request: () => Promise<{ open: string[] }>) => {
    try {
      set({ windows: (await request()).open, error: null });
    } catch (e) {
      set({ error: message(e) });
    }
  };
  const phones = () => useLab.getState().snapshot?.phones ?? [];
  return {
    desktop: isDesktop,
    ...loadSaved(),
    activeTab: null,
    windows: [],
    filter: '',
    focusRequest: null,
    error: null,
    start() {
      if (started || !isDesktop) return;
      started = true;
      api.on('shell.phoneWindows', ({ open }) => set({ windows: open }));
      void shell(() => api.request('shell.phoneWindows', {}));
    },
    setView(view) {
      set({ view });
      save();
    },
    setLayout(layout) {
      set({ layout });
      save();
    },
    setActiveTab(deviceName) {
      set({ activeTab: deviceName });
    },
    setFilter(filter) {
      set({ filter });
    },
    async show(deviceName, open) {
      if (get().desktop) return shell(() => api.request('shell.showPhone', { deviceName, open }));
      set((s) => ({ choices: { ...s.choices, [deviceName]: open }, ...(open ? { activeTab: deviceName } : {}) }));
      save();
    },
    async showAll(open) {
      if (get().desktop) return shell(() => api.request('shell.showAllPhones', { open }));
      set({ choices: Object.fromEntries(phones().map((p) => [p.deviceName, open])) });
      save();
    },
    async tile() {
      if (get().desktop) return shell(() => api.request('shell.tilePhones', {}));
      set({ layout: 'tiled', view: 'phones' });
      save();
    },
    async openAndGo(deviceName) {
      await get().show(deviceName, true);
      // In the desktop app the shell brings the window forward; the page stays as it is.
      if (!get().desktop) {
        set({ view: 'phones', focusRequest: deviceName });
        save();
      }
    },
    focusDone() {
      set({ focusRequest: null });
    },
  };
});

/** The open phones, in the lab's order: a selector over both stores. */
export function useOpenPhones(): string[] {
  const all = useLab((s) => s.snapshot?.phones);
  const desktop = usePhoneView((s) => s.desktop);
  const windows = usePhoneView((s) => s.windows);
  const choices = usePhoneView((s) => s.choices);
  if (!all) return [];
  return desktop ? openPhoneNames(all, (n) => windows.includes(n)) : openPhoneNames(all, (n) => panelOpen(choices, n, all.length));
}
