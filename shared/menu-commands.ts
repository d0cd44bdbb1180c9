/**
 * The commands of the application menu (desktop) and of the lab window's menu bar (browser
 * mode), with their keyboard shortcuts. One table, so the two menus offer the same commands
 * under the same keys; the desktop shell maps each to the lab's API or to its windows, the page
 * to its own stores.
 */

/** Commands without an argument. */
export const MENU_COMMANDS = [
  'file.newDemo', 'file.newEmpty', 'file.open', 'file.save', 'file.saveAs',
  'view.phones', 'view.phoneGrid',
  'lab.toggleClock', 'lab.jump1h', 'lab.jump1d', 'lab.troubleshooter',
  'window.tilePhones', 'window.openAllPhones', 'window.closeAllPhones',
  'help.guide', 'help.about',
] as const;
export type MenuCommandId = (typeof MENU_COMMANDS)[number];

/** A command as a menu item carries it: the argument-taking ones name their phone, cluster or file. */
export type MenuCommand =
  | { id: MenuCommandId }
  | { id: 'file.openRecent'; path: string }
  | { id: 'window.phone'; deviceName: string }
  | { id: 'window.admin'; cluster: string }
  | { id: 'lab.updateRemoteClusters'; cluster: string };

/**
 * Commands the lab window itself carries out (its views, side panels and dialogs): in the
 * desktop app the shell sends them to the lab window (`shell.menuCommand`).
 */
export const LAB_WINDOW_COMMANDS = ['view.phones', 'view.phoneGrid', 'lab.troubleshooter', 'help.guide', 'help.about'] as const;
export type LabWindowCommand = (typeof LAB_WINDOW_COMMANDS)[number];

export function isLabWindowCommand(id: string): id is LabWindowCommand {
  return (LAB_WINDOW_COMMANDS as readonly string[]).includes(id);
}

/** How far Lab > Jump moves the lab clock. */
export const JUMPS: Partial<Record<MenuCommandId, number>> = { 'lab.jump1h': 3_600_000, 'lab.jump1d': 86_400_000 };

export interface Shortcut {
  /** In Electron's accelerator syntax ("CmdOrCtrl+Shift+S"). */
  accelerator: string;
  /**
   * Whether a web page may take the key for itself. Browsers keep some keys (Ctrl+N, Ctrl+T,
   * Ctrl+W, Ctrl+Q) whatever the page does: those work in the desktop app only.
   */
  inBrowser: boolean;
}

/** The usual keys: New, Open, Save, Save As as every desktop app has them, F1 for help. */
export const SHORTCUTS: Partial<Record<MenuCommandId, Shortcut>> = {
  'file.newDemo': { accelerator: 'CmdOrCtrl+N', inBrowser: false },
  'file.open': { accelerator: 'CmdOrCtrl+O', inBrowser: true },
  'file.save': { accelerator: 'CmdOrCtrl+S', inBrowser: true },
  'file.saveAs': { accelerator: 'Shift+CmdOrCtrl+S', inBrowser: true },
  'view.phoneGrid': { accelerator: 'CmdOrCtrl+Shift+G', inBrowser: true },
  // F8 runs and pauses as a debugger's continue/pause key does.
  'lab.toggleClock': { accelerator: 'F8', inBrowser: true },
  'window.tilePhones': { accelerator: 'CmdOrCtrl+Alt+T', inBrowser: false },
  'help.guide': { accelerator: 'F1', inBrowser: true },
};

/** The key event fields a shortcut is matched against (a DOM KeyboardEvent has them). */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** Whether a key press is the accelerator, on a Mac (Cmd) or elsewhere (Ctrl). */
export function matchesAccelerator(accelerator: string, e: KeyPress, mac: boolean): boolean {
  const parts = accelerator.split('+');
  const key = parts.pop()!.toLowerCase();
  const mods = new Set(parts.map((p) => p.toLowerCase()));
  const wantCtrl = mods.has('ctrl') || (!mac && mods.has('cmdorctrl'));
  const wantMeta = mods.has('cmd') || mods.has('command') || (mac && mods.has('cmdorctrl'));
  return e.key.toLowerCase() === key
    && e.ctrlKey === wantCtrl && e.metaKey === wantMeta
    && e.shiftKey === mods.has('shift') && e.altKey === (mods.has('alt') || mods.has('option'));
}

/** The accelerator as a menu shows it: "Ctrl+Shift+S", or "⇧⌘S" on a Mac. */
export function acceleratorLabel(accelerator: string, mac: boolean): string {
  const parts = accelerator.split('+');
  const key = parts.pop()!;
  if (!mac) return [...parts.map((p) => (p === 'CmdOrCtrl' || p === 'Cmd' ? 'Ctrl' : p)), key].join('+');
  const symbol: Record<string, string> = { Shift: '⇧', Alt: '⌥', Option: '⌥', Ctrl: '⌃', CmdOrCtrl: '⌘', Cmd: '⌘', Command: '⌘' };
  // A Mac menu lists modifiers in the order ⌃⌥⇧⌘.
  const order = ['⌃', '⌥', '⇧', '⌘'];
  return [...parts.map((p) => symbol[p] ?? p).sort((a, b) => order.indexOf(a) - order.indexOf(b)), key].join('');
}

/** Which command, if any, a key press asks for in the page (only the keys a browser lets it have). */
export function shortcutCommand(e: KeyPress, mac: boolean): MenuCommandId | undefined {
  for (const [id, s] of Object.entries(SHORTCUTS) as [MenuCommandId, Shortcut][]) {
    if (s.inBrowser && matchesAccelerator(s.accelerator, e, mac)) return id;
  }
  return undefined;
}
