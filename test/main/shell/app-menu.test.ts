/**
 * The desktop app's application menu as data (main/shell/app-menu.ts) and what its commands do
 * (main/shell/menu-actions.ts), with the dialogs and windows faked.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appMenu, menuKey, toElectronTemplate, WINDOW_MENU_PHONES, type AppMenuContext, type MenuItemSpec, type TopMenu } from '../../../main/shell/app-menu';
import { runMenuCommand, type MenuActionDeps } from '../../../main/shell/menu-actions';
import type { RequestHandlers } from '../../../shared/api/contract';
import type { MenuCommand } from '../../../shared/menu-commands';

const CTX: AppMenuContext = {
  platform: 'linux',
  development: false,
  locale: 'en-US',
  recent: [{ path: '/labs/customer-42.emcclab', name: 'customer-42', openedAt: 1 }],
  phones: [
    { deviceName: 'SEP001122334455', model: '8845', open: true },
    { deviceName: 'SEP00AA11BB33DD', model: '7965', open: false },
  ],
  clusters: ['home', 'visiting'],
  clockPaused: false,
};

const menu = (menus: TopMenu[], id: TopMenu['id']) => menus.find((m) => m.id === id)!;
const labels = (items: MenuItemSpec[]) => items.map((i) => (i.type === 'separator' ? '-' : i.label));
const item = (items: MenuItemSpec[], label: string) => items.find((i) => i.type !== 'separator' && i.label === label) as Extract<MenuItemSpec, { type: 'command' }>;

describe('the application menu', () => {
  it('has File, Edit, View, Lab, Window and Help, with the application menu first on macOS', () => {
    expect(appMenu(CTX).map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Lab', 'Window', 'Help']);
    expect(appMenu({ ...CTX, platform: 'darwin' }).map((m) => m.id)).toEqual(['app', 'file', 'edit', 'view', 'lab', 'window', 'help']);
  });

  it('File: New, Open… Ctrl/Cmd+O, Recent, Save Ctrl/Cmd+S, Save As… Shift+Ctrl/Cmd+S, Quit', () => {
    const file = menu(appMenu(CTX), 'file').items;
    expect(labels(file)).toEqual(['New Demo Lab', 'New Empty Lab (two clusters as just installed)', '-', 'Open…', 'Open Recent', '-', 'Save', 'Save As…', '-', 'Quit EMCC Lab']);
    expect(item(file, 'Open…')).toMatchObject({ command: { id: 'file.open' }, accelerator: 'CmdOrCtrl+O' });
    expect(item(file, 'Save')).toMatchObject({ command: { id: 'file.save' }, accelerator: 'CmdOrCtrl+S' });
    expect(item(file, 'Save As…')).toMatchObject({ command: { id: 'file.saveAs' }, accelerator: 'Shift+CmdOrCtrl+S' });
    expect(file.find((i) => i.type === 'role')).toEqual({ type: 'role', role: 'quit', label: 'Quit EMCC Lab' });
    const recent = file.find((i) => i.type === 'submenu')!;
    expect(recent).toMatchObject({ label: 'Open Recent', items: [{ label: 'customer-42', command: { id: 'file.openRecent', path: '/labs/customer-42.emcclab' } }] });
    // On macOS Quit lives in the application menu.
    expect(labels(menu(appMenu({ ...CTX, platform: 'darwin' }), 'file').items)).not.toContain('Quit EMCC Lab');
  });

  it('Edit has the standard roles; View offers the developer tools only in development', () => {
    expect(menu(appMenu(CTX), 'edit').items.flatMap((i) => (i.type === 'role' ? [i.role] : []))).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
    const roles = (ctx: AppMenuContext) => menu(appMenu(ctx), 'view').items.flatMap((i) => (i.type === 'role' ? [i.role] : []));
    expect(roles(CTX)).toEqual(['reload', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    expect(roles({ ...CTX, development: true })).toContain('toggleDevTools');
    expect(item(menu(appMenu(CTX), 'view').items, 'Phone Grid')).toMatchObject({ command: { id: 'view.phoneGrid' }, accelerator: 'CmdOrCtrl+Shift+G' });
  });

  it('Lab: the clock item says what it will do; jumps; Update Remote Clusters Now per cluster; the troubleshooter', () => {
    const lab = menu(appMenu(CTX), 'lab').items;
    expect(labels(lab)).toEqual(['Pause Clock', 'Jump 1 Hour Forward', 'Jump 1 Day Forward', '-', 'Update Remote Clusters Now', '-', 'Troubleshooter…']);
    expect(labels(menu(appMenu({ ...CTX, clockPaused: true }), 'lab').items)[0]).toBe('Run Clock');
    expect(lab.find((i) => i.type === 'submenu')).toMatchObject({ items: [{ command: { id: 'lab.updateRemoteClusters', cluster: 'home' } }, { command: { id: 'lab.updateRemoteClusters', cluster: 'visiting' } }] });
  });

  it('Window: tile, open and close all, each phone checked when its window is open, each cluster\'s administration', () => {
    const win = menu(appMenu(CTX), 'window').items;
    expect(labels(win)).toEqual([
      'Tile Phones', 'Open All Phones', 'Close All Phones', '-',
      'SEP001122334455 (8845)', 'SEP00AA11BB33DD (7965)', '-',
      'Administration: home', 'Administration: visiting', '-', 'Minimize', 'Close Window',
    ]);
    expect(item(win, 'SEP001122334455 (8845)')).toMatchObject({ checked: true, command: { id: 'window.phone', deviceName: 'SEP001122334455' } });
    expect(item(win, 'SEP00AA11BB33DD (7965)')).toMatchObject({ checked: false });
    expect(item(win, 'Administration: visiting')).toMatchObject({ command: { id: 'window.admin', cluster: 'visiting' } });
  });

  it('lists at most 25 phones of a big lab and points to the phone grid for all of them', () => {
    const phones = Array.from({ length: 400 }, (_, i) => ({ deviceName: `SEP${String(i).padStart(12, '0')}`, model: '8845', open: false }));
    const win = menu(appMenu({ ...CTX, phones }), 'window').items;
    expect(win.filter((i) => i.type === 'command' && i.command.id === 'window.phone')).toHaveLength(WINDOW_MENU_PHONES);
    expect(item(win, 'All 400 phones in the phone grid…')).toMatchObject({ command: { id: 'view.phoneGrid' } });
  });

  it('Help: the guide (F1) and About EMCC Lab', () => {
    expect(labels(menu(appMenu(CTX), 'help').items)).toEqual(['EMCC Lab Guide', '-', 'About EMCC Lab']);
    expect(item(menu(appMenu(CTX), 'help').items, 'About EMCC Lab')).toMatchObject({ command: { id: 'help.about' } });
    expect(labels(menu(appMenu({ ...CTX, platform: 'darwin' }), 'app').items)[0]).toBe('About EMCC Lab');
  });

  it('speaks Chinese on a Chinese system', () => {
    const zh = appMenu({ ...CTX, locale: 'zh-CN' });
    expect(zh.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '实验室', '窗口', '帮助']);
    expect(labels(menu(zh, 'help').items)).toContain('关于 EMCC 实验室');
    expect(labels(menu(zh, 'edit').items)).toContain('粘贴');
  });

  it('becomes an Electron template whose clicks run the item\'s command', () => {
    const ran: MenuCommand[] = [];
    const template = toElectronTemplate(appMenu(CTX), (c) => ran.push(c));
    const file = template[0]!.submenu!;
    expect(file[0]).toMatchObject({ label: 'New Demo Lab', type: 'normal', accelerator: 'CmdOrCtrl+N', enabled: true });
    expect(file.find((i) => i.role === 'quit')).toEqual({ role: 'quit', label: 'Quit EMCC Lab' });
    file.find((i) => i.label === 'Save As…')!.click!();
    const phone = template[4]!.submenu!.find((i) => i.label === 'SEP001122334455 (8845)')!;
    expect(phone).toMatchObject({ type: 'checkbox', checked: true });
    phone.click!();
    expect(ran).toEqual([{ id: 'file.saveAs' }, { id: 'window.phone', deviceName: 'SEP001122334455' }]);
  });

  it('is rebuilt only when what it shows changes', () => {
    expect(menuKey(CTX)).toBe(menuKey({ ...CTX }));
    expect(menuKey({ ...CTX, clockPaused: true })).not.toBe(menuKey(CTX));
    expect(menuKey({ ...CTX, phones: [{ ...CTX.phones[0]!, open: false }, CTX.phones[1]!] })).not.toBe(menuKey(CTX));
  });
});

/** The app's API, faked: each request answers from `answers`, and every call is recorded. */
function fakeDeps(answers: Partial<Record<string, unknown>>, dialogs: Partial<MenuActionDeps['dialogs']> = {}) {
  const calls: [string, unknown][] = [];
  const shown: string[] = [];
  const toLab: string[] = [];
  const admins: string[] = [];
  const handlers = new Proxy({}, {
    get: (_t, name: string) => (payload: unknown) => {
      calls.push([name, payload]);
      if (!(name in answers)) throw new Error(`unexpected ${name}`);
      return answers[name];
    },
  }) as Partial<RequestHandlers>;
  const deps: MenuActionDeps = {
    handlers,
    dialogs: {
      chooseFileToOpen: async () => undefined,
      chooseSaveTarget: async () => undefined,
      error: (m, d) => void shown.push(`error: ${m}${d ? ` | ${d}` : ''}`),
      info: (m) => void shown.push(`info: ${m}`),
      ...dialogs,
    },
    toLabWindow: (c) => void toLab.push(c),
    openAdmin: (c) => void admins.push(c),
    locale: () => 'en-US',
  };
  return { deps, calls, shown, toLab, admins };
}

describe('what the menu commands do in the desktop app', () => {
  it('File > New and Open Recent go to the lab session; a refused file is shown with its fields', async () => {
    const f = fakeDeps({ 'file.new': { ok: true, lab: {} }, 'file.open': { ok: false, errors: [{ field: 'version', message: 'newer than this app' }] } });
    await runMenuCommand({ id: 'file.newEmpty' }, f.deps);
    await runMenuCommand({ id: 'file.openRecent', path: '/labs/x.emcclab' }, f.deps);
    expect(f.calls).toEqual([['file.new', { kind: 'empty' }], ['file.open', { path: '/labs/x.emcclab' }]]);
    expect(f.shown).toEqual(['error: The file was not opened; the lab that was open is unchanged. | version: newer than this app']);
  });

  it('File > Open… asks for a file: a lab opens by path, a scenario by its text, a cancel does nothing', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'emcc-menu-'));
    try {
      const scenario = path.join(dir, 'story.emccscenario');
      writeFileSync(scenario, '{"format":"emcc-scenario"}');
      let pick: string | undefined = path.join(dir, 'lab.emcclab');
      const f = fakeDeps({ 'file.open': { ok: true }, 'scenario.open': { ok: true } }, { chooseFileToOpen: async () => pick });
      await runMenuCommand({ id: 'file.open' }, f.deps);
      pick = scenario;
      await runMenuCommand({ id: 'file.open' }, f.deps);
      pick = undefined;
      await runMenuCommand({ id: 'file.open' }, f.deps);
      expect(f.calls).toEqual([['file.open', { path: path.join(dir, 'lab.emcclab') }], ['scenario.open', { text: '{"format":"emcc-scenario"}', fileName: 'story.emccscenario' }]]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('File > Save of a lab from no file asks where, as Save As does', async () => {
    const f = fakeDeps({ 'file.save': { fileName: 'Demo lab.emcclab', path: null, text: '{}' }, 'file.current': { name: 'Demo lab' } }, { chooseSaveTarget: async (name) => `/labs/${name}` });
    await runMenuCommand({ id: 'file.save' }, f.deps);
    await runMenuCommand({ id: 'file.saveAs' }, f.deps);
    expect(f.calls).toEqual([
      ['file.save', {}], ['file.save', { path: '/labs/Demo lab.emcclab' }],
      ['file.current', {}], ['file.save', { path: '/labs/Demo lab.emcclab' }],
    ]);
  });

  it('Lab: the clock runs or pauses as it is not, jumps, and Update Remote Clusters Now says when it is done', async () => {
    const f = fakeDeps({ 'lab.snapshot': { clock: { paused: false } }, 'lab.setClock': { now: 0, speed: 1, paused: true }, 'admin.updateRemoteClustersNow': { ok: true } });
    await runMenuCommand({ id: 'lab.toggleClock' }, f.deps);
    await runMenuCommand({ id: 'lab.jump1d' }, f.deps);
    await runMenuCommand({ id: 'lab.updateRemoteClusters', cluster: 'visiting' }, f.deps);
    expect(f.calls).toEqual([['lab.snapshot', {}], ['lab.setClock', { paused: true }], ['lab.setClock', { advanceMs: 86_400_000 }], ['admin.updateRemoteClustersNow', { cluster: 'visiting' }]]);
    expect(f.shown).toEqual(['info: The remote clusters of visiting were updated.']);
  });

  it('Window commands go to the phone windows and the administration windows', async () => {
    const f = fakeDeps({ 'shell.tilePhones': { open: [] }, 'shell.showAllPhones': { open: [] }, 'shell.showPhone': { open: ['SEP1'] } });
    await runMenuCommand({ id: 'window.tilePhones' }, f.deps);
    await runMenuCommand({ id: 'window.closeAllPhones' }, f.deps);
    await runMenuCommand({ id: 'window.phone', deviceName: 'SEP1' }, f.deps);
    await runMenuCommand({ id: 'window.admin', cluster: 'home' }, f.deps);
    expect(f.calls).toEqual([['shell.tilePhones', {}], ['shell.showAllPhones', { open: false }], ['shell.showPhone', { deviceName: 'SEP1', open: true }]]);
    expect(f.admins).toEqual(['home']);
  });

  it('the lab window\'s own commands (views, troubleshooter, About, guide) are sent to the lab window', async () => {
    const f = fakeDeps({});
    for (const id of ['view.phoneGrid', 'view.phones', 'lab.troubleshooter', 'help.about', 'help.guide'] as const) await runMenuCommand({ id }, f.deps);
    expect(f.toLab).toEqual(['view.phoneGrid', 'view.phones', 'lab.troubleshooter', 'help.about', 'help.guide']);
    expect(f.calls).toEqual([]);
  });

  it('a failing request is shown in a dialog, never thrown; a request the contract refuses never reaches its handler', async () => {
    const f = fakeDeps({});
    await runMenuCommand({ id: 'lab.jump1h' }, f.deps);
    expect(f.shown).toEqual(['error: Jump 1 Hour Forward failed: internal error']);
    const g = fakeDeps({ 'shell.showPhone': { open: [] } });
    await runMenuCommand({ id: 'window.phone', deviceName: "x'; DROP TABLE" }, g.deps);
    expect(g.calls).toEqual([]);
    expect(g.shown[0]).toMatch(/^error: x'; DROP TABLE failed: shell\.showPhone: deviceName: /);
  });
});
