import { describe, expect, it } from 'vitest';
import { acceleratorLabel, LAB_WINDOW_COMMANDS, matchesAccelerator, MENU_COMMANDS, shortcutCommand, SHORTCUTS } from '../../shared/menu-commands';
import { menuText, MENU_TEXT } from '../../shared/i18n/menu-text';

const key = (k: string, mods: Partial<{ ctrl: boolean; meta: boolean; shift: boolean; alt: boolean }> = {}) =>
  ({ key: k, ctrlKey: !!mods.ctrl, metaKey: !!mods.meta, shiftKey: !!mods.shift, altKey: !!mods.alt });

describe('menu shortcuts', () => {
  it('match Ctrl on Windows and Linux, Cmd on a Mac, with exactly the modifiers named', () => {
    expect(matchesAccelerator('CmdOrCtrl+S', key('s', { ctrl: true }), false)).toBe(true);
    expect(matchesAccelerator('CmdOrCtrl+S', key('s', { meta: true }), true)).toBe(true);
    expect(matchesAccelerator('CmdOrCtrl+S', key('s', { meta: true }), false)).toBe(false);
    expect(matchesAccelerator('CmdOrCtrl+S', key('S', { ctrl: true, shift: true }), false)).toBe(false);
    expect(matchesAccelerator('Shift+CmdOrCtrl+S', key('S', { ctrl: true, shift: true }), false)).toBe(true);
    expect(matchesAccelerator('F8', key('F8'), false)).toBe(true);
    expect(matchesAccelerator('F8', key('F8', { ctrl: true }), false)).toBe(false);
  });

  it('give the page only the keys a browser lets it have', () => {
    expect(shortcutCommand(key('o', { ctrl: true }), false)).toBe('file.open');
    expect(shortcutCommand(key('S', { ctrl: true, shift: true }), false)).toBe('file.saveAs');
    expect(shortcutCommand(key('F1'), false)).toBe('help.guide');
    // Ctrl+N is the browser's (a new window) whatever the page does: the desktop menu has it.
    expect(SHORTCUTS['file.newDemo']).toEqual({ accelerator: 'CmdOrCtrl+N', inBrowser: false });
    expect(shortcutCommand(key('n', { ctrl: true }), false)).toBeUndefined();
    expect(shortcutCommand(key('x'), false)).toBeUndefined();
  });

  it('are shown as the platform writes them', () => {
    expect(acceleratorLabel('Shift+CmdOrCtrl+S', false)).toBe('Shift+Ctrl+S');
    expect(acceleratorLabel('Shift+CmdOrCtrl+S', true)).toBe('⇧⌘S');
    expect(acceleratorLabel('CmdOrCtrl+Alt+T', true)).toBe('⌥⌘T');
    expect(acceleratorLabel('F1', true)).toBe('F1');
  });

  it('belong to commands that exist, and every command has its menu label in both languages', () => {
    for (const id of Object.keys(SHORTCUTS)) expect(MENU_COMMANDS).toContain(id);
    for (const id of LAB_WINDOW_COMMANDS) expect(MENU_COMMANDS).toContain(id);
    for (const id of MENU_COMMANDS) {
      expect(menuText('en-US', `command.${id}`), id).not.toBe(`command.${id}`);
      expect(menuText('zh-CN', `command.${id}`), id).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(Object.keys(MENU_TEXT['zh-CN']).sort()).toEqual(Object.keys(MENU_TEXT['en-US']).sort());
    expect(menuText('en-US', 'adminOf', { cluster: 'home' })).toBe('Administration: home');
  });
});
