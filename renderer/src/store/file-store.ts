/**
 * File > New / Open / Save / Save As / Recent in the window: the open lab's name, the last
 * refusal (the field at fault and why), and the actions. A lab file the user picks or drops is
 * read here and sent as its text, the same in the browser and in the desktop app; Save writes back
 * to the file the lab came from when the main process knows it, otherwise the window saves the
 * text where the user chooses. When another lab replaces the open one, every window starts over.
 */
import { create } from 'zustand';
import type { CurrentLab, FileProblem } from '../../../shared/api/file-contract';
import { LAB_FILE_MAX_BYTES } from '../../../shared/lab-file';
import { SCENARIO_EXTENSION } from '../../../shared/scenario';
import { api } from '../api/binding';
import { saveTextFile } from '../admin/save-file';

interface FileState {
  current: CurrentLab | null;
  /** Opening or saving right now (a lab takes a moment to start). */
  busy: boolean;
  /** Why the last file was refused: one line per problem, the lab that was open stays. */
  problems: FileProblem[] | null;
  refresh(): Promise<void>;
  newLab(kind: 'demo' | 'empty'): Promise<void>;
  /** A lab or scenario file the user picked or dropped. */
  openPicked(file: File): Promise<void>;
  openRecent(path: string): Promise<void>;
  save(saveAs: boolean): Promise<void>;
  dismiss(): void;
}

export const useFiles = create<FileState>((set, get) => ({
  current: null,
  busy: false,
  problems: null,
  async refresh() {
    set({ current: await api.request('file.current', {}) });
  },
  async newLab(kind) {
    await run(set, () => api.request('file.new', { kind }));
  },
  async openPicked(file) {
    if (file.size > LAB_FILE_MAX_BYTES) {
      set({ problems: [{ field: file.name, message: `the file is ${Math.ceil(file.size / 1048576)} MiB; a lab file is at most ${LAB_FILE_MAX_BYTES / 1048576} MiB` }] });
      return;
    }
    const text = await file.text();
    if (file.name.endsWith(SCENARIO_EXTENSION)) {
      await run(set, async () => {
        const opened = await api.request('scenario.open', { text, fileName: file.name });
        return opened.ok ? { ok: true as const } : opened;
      });
      return;
    }
    await run(set, () => api.request('file.open', { text, fileName: file.name }));
  },
  async openRecent(path) {
    await run(set, () => api.request('file.open', { path }));
  },
  async save(saveAs) {
    set({ busy: true, problems: null });
    try {
      const saved = await api.request('file.save', saveAs ? { download: true } : {});
      if (saved.text !== null) saveTextFile(saved.fileName, saved.text);
      await get().refresh();
    } catch (e) {
      set({ problems: [{ field: 'save', message: e instanceof Error ? e.message : String(e) }] });
    } finally {
      set({ busy: false });
    }
  },
  dismiss() {
    set({ problems: null });
  },
}));

async function run(set: (s: Partial<FileState>) => void, action: () => Promise<{ ok: true } | { ok: false; errors: FileProblem[] }>): Promise<void> {
  set({ busy: true, problems: null });
  try {
    const result = await action();
    if (!result.ok) set({ problems: result.errors });
  } catch (e) {
    set({ problems: [{ field: 'file', message: e instanceof Error ? e.message : String(e) }] });
  } finally {
    set({ busy: false });
  }
}

// Another lab is open now: everything this window shows belongs to the old one.
api.on('lab.replaced', () => location.reload());
