/**
 * The desktop app's menu as data: File, Edit, View, Lab, Window, Help (and the application menu
 * first on macOS), in the system's language, built from what the app knows now (recent files,
 * the lab's phones and which have windows, its clusters, whether the clock runs). Each item
 * either names an Electron role (Edit's and View's standard items) or carries a command
 * (shared/menu-commands.ts) that electron-main.ts carries out. No electron import: tests read the
 * template; `toElectronTemplate` turns it into what Menu.buildFromTemplate takes.
 */
import type { RecentFile } from '../../shared/api/file-contract';
import { menuText } from '../../shared/i18n/menu-text';
import type { Locale } from '../../shared/i18n/messages';
import { SHORTCUTS, type MenuCommand, type MenuCommandId } from '../../shared/menu-commands';

/** The Electron roles the menu uses (each does what every desktop app's item of that name does). */
export type MenuRole =
  | 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'selectAll'
  | 'reload' | 'toggleDevTools' | 'resetZoom' | 'zoomIn' | 'zoomOut' | 'togglefullscreen'
  | 'minimize' | 'close' | 'quit' | 'hide' | 'hideOthers' | 'unhide' | 'front';

export type MenuItemSpec =
  | { type: 'command'; label: string; command: MenuCommand; accelerator?: string; checked?: boolean; enabled?: boolean }
  | { type: 'role'; role: MenuRole; label: string }
  | { type: 'separator' }
  | { type: 'submenu'; label: string; items: MenuItemSpec[] };

export interface TopMenu {
  id: 'app' | 'file' | 'edit' | 'view' | 'lab' | 'window' | 'help';
  label: string;
  items: MenuItemSpec[];
}

export interface AppMenuContext {
  platform: NodeJS.Platform;
  /** Not a packaged build: View offers the developer tools. */
  development: boolean;
  locale: Locale;
  recent: readonly RecentFile[];
  /** The lab's phones, and whether each has its window open. */
  phones: readonly { deviceName: string; model: string; open: boolean }[];
  clusters: readonly string[];
  clockPaused: boolean;
}

/** The Window menu lists this many phones; a bigger lab's are in the phone grid. */
export const WINDOW_MENU_PHONES = 25;

const SEPARATOR: MenuItemSpec = { type: 'separator' };

/** The whole menu bar. */
export function appMenu(ctx: AppMenuContext): TopMenu[] {
  const t = (key: string, params?: Record<string, string | number>) => menuText(ctx.locale, key, params);
  const mac = ctx.platform === 'darwin';
  const command = (id: MenuCommandId, extra: Partial<Extract<MenuItemSpec, { type: 'command' }>> = {}): MenuItemSpec => ({
    type: 'command', label: t(`command.${id}`), command: { id }, ...(SHORTCUTS[id] ? { accelerator: SHORTCUTS[id]!.accelerator } : {}), ...extra,
  });
  const role = (r: MenuRole): MenuItemSpec => ({ type: 'role', role: r, label: t(r === 'quit' ? 'quit' : `role.${r}`) });

  const appItems: TopMenu[] = mac
    ? [{ id: 'app', label: t('app'), items: [command('help.about'), SEPARATOR, role('hide'), role('hideOthers'), role('unhide'), SEPARATOR, role('quit')] }]
    : [];

  const recent: MenuItemSpec = {
    type: 'submenu',
    label: t('recent'),
    items: ctx.recent.length
      ? ctx.recent.map((r) => ({ type: 'command', label: r.name, command: { id: 'file.openRecent', path: r.path } }))
      : [{ type: 'command', label: t('noRecent'), command: { id: 'file.open' }, enabled: false }],
  };
  const file: TopMenu = {
    id: 'file',
    label: t('file'),
    items: [
      command('file.newDemo'), command('file.newEmpty'), SEPARATOR,
      command('file.open'), recent, SEPARATOR,
      command('file.save'), command('file.saveAs'),
      ...(mac ? [] : [SEPARATOR, role('quit')]),
    ],
  };

  const edit: TopMenu = { id: 'edit', label: t('edit'), items: [role('undo'), role('redo'), SEPARATOR, role('cut'), role('copy'), role('paste'), role('selectAll')] };

  const view: TopMenu = {
    id: 'view',
    label: t('view'),
    items: [
      command('view.phones'), command('view.phoneGrid'), SEPARATOR,
      role('reload'), ...(ctx.development ? [role('toggleDevTools')] : []), SEPARATOR,
      role('resetZoom'), role('zoomIn'), role('zoomOut'), SEPARATOR, role('togglefullscreen'),
    ],
  };

  const lab: TopMenu = {
    id: 'lab',
    label: t('lab'),
    items: [
      // One item that says what it will do: run a paused clock, pause a running one.
      command('lab.toggleClock', { label: t(ctx.clockPaused ? 'command.lab.run' : 'command.lab.pause') }),
      command('lab.jump1h'), command('lab.jump1d'), SEPARATOR,
      {
        type: 'submenu',
        label: t('updateRemoteClusters'),
        items: ctx.clusters.map((c) => ({ type: 'command', label: c, command: { id: 'lab.updateRemoteClusters', cluster: c } })),
      },
      SEPARATOR,
      command('lab.troubleshooter'),
    ],
  };

  const listed = ctx.phones.slice(0, WINDOW_MENU_PHONES);
  const window: TopMenu = {
    id: 'window',
    label: t('window'),
    items: [
      command('window.tilePhones'), command('window.openAllPhones'), command('window.closeAllPhones'), SEPARATOR,
      ...listed.map((p): MenuItemSpec => ({ type: 'command', label: `${p.deviceName} (${p.model})`, command: { id: 'window.phone', deviceName: p.deviceName }, checked: p.open })),
      ...(ctx.phones.length > listed.length ? [command('view.phoneGrid', { label: t('morePhones', { count: ctx.phones.length }), accelerator: undefined })] : []),
      SEPARATOR,
      ...ctx.clusters.map((c): MenuItemSpec => ({ type: 'command', label: t('adminOf', { cluster: c }), command: { id: 'window.admin', cluster: c } })),
      SEPARATOR,
      role('minimize'), role('close'), ...(mac ? [role('front')] : []),
    ],
  };

  const help: TopMenu = {
    id: 'help',
    label: t('help'),
    items: [command('help.guide'), ...(mac ? [] : [SEPARATOR, command('help.about')])],
  };

  return [...appItems, file, edit, view, lab, window, help];
}

/** What Menu.buildFromTemplate takes (a structural subset of Electron's MenuItemConstructorOptions). */
export interface ElectronMenuItem {
  label?: string;
  role?: MenuRole;
  type?: 'normal' | 'separator' | 'submenu' | 'checkbox';
  accelerator?: string;
  checked?: boolean;
  enabled?: boolean;
  click?: () => void;
  submenu?: ElectronMenuItem[];
}

/** The template Electron builds the menu from; a click runs the item's command through `run`. */
export function toElectronTemplate(menus: readonly TopMenu[], run: (command: MenuCommand) => void): ElectronMenuItem[] {
  const item = (spec: MenuItemSpec): ElectronMenuItem => {
    switch (spec.type) {
      case 'separator':
        return { type: 'separator' };
      case 'role':
        return { role: spec.role, label: spec.label };
      case 'submenu':
        return { label: spec.label, submenu: spec.items.map(item), enabled: spec.items.length > 0 };
      case 'command':
        return {
          label: spec.label,
          type: spec.checked === undefined ? 'normal' : 'checkbox',
          ...(spec.checked !== undefined ? { checked: spec.checked } : {}),
          ...(spec.accelerator ? { accelerator: spec.accelerator } : {}),
          enabled: spec.enabled ?? true,
          click: () => run(spec.command),
        };
    }
  };
  return menus.map((m) => ({ label: m.label, submenu: m.items.map(item) }));
}

/** The parts of the context the menu shows: the shell rebuilds the menu only when this changes. */
export function menuKey(ctx: AppMenuContext): string {
  return JSON.stringify([ctx.locale, ctx.recent.map((r) => r.path), ctx.phones, ctx.clusters, ctx.clockPaused]);
}
