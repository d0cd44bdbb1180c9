/**
 * The lab window's menu bar in browser mode, as data: the commands of the desktop app's menu
 * (shared/menu-commands.ts) that make sense in a page. Edit and the zoom and full-screen items are
 * the browser's own, and Quit is closing the tab, so they are left out; a phone is a panel, so
 * Window opens and closes panels and can show them as tabs. Tested under Node.
 */
import type { RecentFile } from '../../../shared/api/file-contract';
import { acceleratorLabel, SHORTCUTS, type MenuCommand, type MenuCommandId } from '../../../shared/menu-commands';
import { uiKey, rawText, type UiText } from '../i18n/text';
import type { PanelLayout, PhoneView } from '../store/phone-view-store';

export type BarItem =
  | { type: 'command'; command: MenuCommand; label: UiText; testId: string; shortcut?: string; checked?: boolean; disabled?: boolean }
  /** Browser only: the panels one at a time, with a tab each. */
  | { type: 'tabs'; label: UiText; testId: string; checked: boolean }
  | { type: 'separator' }
  | { type: 'heading'; label: UiText };

export interface BarMenu {
  id: 'file' | 'view' | 'lab' | 'window' | 'help';
  testId: string;
  items: BarItem[];
}

export interface BarContext {
  recent: readonly RecentFile[];
  phones: readonly { deviceName: string; model: string; open: boolean }[];
  clusters: readonly string[];
  clockPaused: boolean;
  view: PhoneView;
  layout: PanelLayout;
  mac: boolean;
}

/** The Window menu lists this many phones (as the desktop menu does); a bigger lab's are in the grid. */
export const BAR_MENU_PHONES = 25;

/** File's items keep the test ids the File menu always had. */
const FILE_TEST_IDS: Partial<Record<MenuCommandId, string>> = {
  'file.newDemo': 'file-new-demo', 'file.newEmpty': 'file-new-empty', 'file.open': 'file-open', 'file.save': 'file-save', 'file.saveAs': 'file-save-as',
};

const testIdOf = (id: string) => `menu-item-${id.replace(/\./g, '-')}`;
const SEPARATOR: BarItem = { type: 'separator' };

export function barMenus(ctx: BarContext): BarMenu[] {
  const command = (id: MenuCommandId, extra: Partial<Extract<BarItem, { type: 'command' }>> = {}): BarItem => {
    const shortcut = SHORTCUTS[id];
    return {
      type: 'command', command: { id }, label: uiKey(`menu:command.${id}`), testId: FILE_TEST_IDS[id] ?? testIdOf(id),
      ...(shortcut?.inBrowser ? { shortcut: acceleratorLabel(shortcut.accelerator, ctx.mac) } : {}),
      ...extra,
    };
  };
  const file: BarMenu = {
    id: 'file',
    testId: 'file-menu',
    items: [
      command('file.newDemo'), command('file.newEmpty'), SEPARATOR,
      command('file.open'), command('file.save'), command('file.saveAs'), SEPARATOR,
      { type: 'heading', label: uiKey('menu:recent') },
      ...(ctx.recent.length
        ? ctx.recent.map((r, i): BarItem => ({ type: 'command', command: { id: 'file.openRecent', path: r.path }, label: rawText(r.name), testId: `file-recent-${i}` }))
        : [{ type: 'command', command: { id: 'file.open' }, label: uiKey('menu:noRecent'), testId: 'file-no-recent', disabled: true } as BarItem]),
    ],
  };
  const view: BarMenu = {
    id: 'view',
    testId: 'menu-view',
    items: [command('view.phones', { checked: ctx.view === 'phones' }), command('view.phoneGrid', { checked: ctx.view === 'grid' })],
  };
  const lab: BarMenu = {
    id: 'lab',
    testId: 'menu-lab',
    items: [
      command('lab.toggleClock', { label: uiKey(ctx.clockPaused ? 'menu:command.lab.run' : 'menu:command.lab.pause') }),
      command('lab.jump1h'), command('lab.jump1d'), SEPARATOR,
      { type: 'heading', label: uiKey('menu:updateRemoteClusters') },
      ...ctx.clusters.map((c): BarItem => ({ type: 'command', command: { id: 'lab.updateRemoteClusters', cluster: c }, label: rawText(c), testId: `menu-item-update-remote-${c}` })),
      SEPARATOR,
      command('lab.troubleshooter'),
    ],
  };
  const listed = ctx.phones.slice(0, BAR_MENU_PHONES);
  const window: BarMenu = {
    id: 'window',
    testId: 'menu-window',
    items: [
      command('window.tilePhones', { checked: ctx.layout === 'tiled' }),
      { type: 'tabs', label: uiKey('phones:asTabs'), testId: 'menu-item-window-tabs', checked: ctx.layout === 'tabs' },
      command('window.openAllPhones'), command('window.closeAllPhones'), SEPARATOR,
      { type: 'heading', label: uiKey('menu:phones') },
      ...listed.map((p): BarItem => ({
        type: 'command', command: { id: 'window.phone', deviceName: p.deviceName }, label: rawText(`${p.deviceName} (${p.model})`), testId: `menu-item-phone-${p.deviceName}`, checked: p.open,
      })),
      ...(ctx.phones.length > listed.length ? [command('view.phoneGrid', { label: uiKey('menu:morePhones', { count: ctx.phones.length }), testId: 'menu-item-more-phones' })] : []),
      SEPARATOR,
      ...ctx.clusters.map((c): BarItem => ({ type: 'command', command: { id: 'window.admin', cluster: c }, label: uiKey('menu:adminOf', { cluster: c }), testId: `menu-item-admin-${c}` })),
    ],
  };
  const help: BarMenu = { id: 'help', testId: 'menu-help', items: [command('help.guide'), command('help.about')] };
  return [file, view, lab, window, help];
}
