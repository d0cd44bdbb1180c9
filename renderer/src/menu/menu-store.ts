/**
 * The menus' own state in the lab window: the dialog a Help command opened (About, the guide),
 * and the outcome of a command that has no other place to show it (Update Remote Clusters Now).
 */
import { create } from 'zustand';
import { api } from '../api/binding';
import { rawText, uiKey, type UiText } from '../i18n/text';

export type MenuDialog = 'about' | 'guide';

interface MenuState {
  dialog: MenuDialog | null;
  /** What the last command did, or why it failed (shown under the menu bar until dismissed). */
  notice: { text: UiText; error: boolean } | null;
  openDialog(dialog: MenuDialog): void;
  closeDialog(): void;
  dismissNotice(): void;
  updateRemoteClusters(cluster: string): Promise<void>;
}

export const useMenu = create<MenuState>((set) => ({
  dialog: null,
  notice: null,
  openDialog(dialog) {
    set({ dialog });
  },
  closeDialog() {
    set({ dialog: null });
  },
  dismissNotice() {
    set({ notice: null });
  },
  async updateRemoteClusters(cluster) {
    try {
      await api.request('admin.updateRemoteClustersNow', { cluster });
      set({ notice: { text: uiKey('menu:dialog.updated', { cluster }), error: false } });
    } catch (e) {
      const error = rawText(e instanceof Error ? e.message : String(e));
      set({ notice: { text: uiKey('menu:dialog.failed', { what: uiKey('menu:updateRemoteClusters'), error }), error: true } });
    }
  },
}));
