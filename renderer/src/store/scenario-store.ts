/**
 * The scenario library and the open scenario in the lab window: the list of the library, the
 * scenario being played with the state of each step, and the actions (open, play the next step,
 * play all, close). 'scenario.progress' keeps the steps live while they play.
 */
import { create } from 'zustand';
import type { ScenarioState, ScenarioSummary } from '../../../shared/api/file-contract';
import { api } from '../api/binding';

interface ScenarioStore {
  library: ScenarioSummary[] | null;
  open: ScenarioState | null;
  playing: boolean;
  error: string | null;
  filter: string;
  load(): Promise<void>;
  openScenario(id: string): Promise<void>;
  play(all: boolean): Promise<void>;
  close(): Promise<void>;
  setFilter(filter: string): void;
}

export const useScenarios = create<ScenarioStore>((set) => ({
  library: null,
  open: null,
  playing: false,
  error: null,
  filter: '',
  async load() {
    try {
      const [{ scenarios }, { scenario }] = await Promise.all([api.request('scenario.list', {}), api.request('scenario.state', {})]);
      set({ library: scenarios, open: scenario, error: null });
    } catch (e) {
      set({ error: message(e) });
    }
  },
  async openScenario(id) {
    set({ error: null });
    try {
      const opened = await api.request('scenario.open', { id });
      // On success the lab is replaced and the window starts over ('lab.replaced').
      if (!opened.ok) set({ error: opened.errors.map((e) => `${e.field}: ${e.message}`).join('; ') });
    } catch (e) {
      set({ error: message(e) });
    }
  },
  async play(all) {
    set({ playing: true, error: null });
    try {
      set({ open: await api.request('scenario.play', { all }) });
    } catch (e) {
      set({ error: message(e) });
    } finally {
      set({ playing: false });
    }
  },
  async close() {
    await api.request('scenario.close', {});
    set({ open: null });
  },
  setFilter(filter) {
    set({ filter });
  },
}));

/** The library's scenarios that match a filter: words of the title, a code, or the source. */
export function filterScenarios(list: readonly ScenarioSummary[], filter: string): ScenarioSummary[] {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return [...list];
  return list.filter((s) => {
    const hay = `${s.title} ${s.source ?? ''} ${s.id} ${s.reproduces.join(' ')}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

api.on('scenario.progress', (state) => useScenarios.setState({ open: state }));
