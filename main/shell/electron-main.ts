/**
 * The desktop shell: the only code that imports electron. It opens the lab, registers the IPC
 * handlers, then opens the lab window, the phone windows (phone-windows.ts decides which, each
 * sized like its phone and where it was last time) and, on request, one administration window per
 * cluster; it sets the application menu (app-menu.ts) and carries out its commands
 * (menu-actions.ts). Every decision about security is made in window-policy.ts: windows run
 * sandboxed with context isolation and no Node, navigation and unknown windows are refused (web
 * links go to the system browser), permissions are denied, nothing is fetched from the network
 * and every response carries the Content Security Policy.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, Menu, screen, session, shell } from 'electron';
import { LabSession } from '../lab/lab-session';
import { sessionApi } from '../lab/session-api';
import { ScenarioDesk } from '../lab/scenario-desk';
import { dispatch } from '../lab/lab-api';
import { libraryDir } from '../scenario';
import type { Lab } from '../lab/lab';
import type { EventName, LabSnapshot, RequestHandlers } from '../../shared/api/contract';
import { LAB_FILE_EXTENSION } from '../../shared/lab-file';
import { SCENARIO_EXTENSION } from '../../shared/scenario';
import { menuText } from '../../shared/i18n/menu-text';
import type { Locale } from '../../shared/i18n/messages';
import type { LabWindowCommand, MenuCommand } from '../../shared/menu-commands';
import { broadcast, sendTo, setupIpc, trustWindow } from './ipc';
import { navigationDecision, permissionDecision, requestDecision, secureWebPreferences, windowOpenDecision, withContentSecurityPolicy, type UrlDecision } from './window-policy';
import { WindowStateStore } from './window-state';
import { PhoneWindowManager, type WindowHost } from './phone-windows';
import { phoneWindowQuery } from './phone-window';
import { appMenu, menuKey, toElectronTemplate, type AppMenuContext } from './app-menu';
import { problemsText, runMenuCommand, type ShellDialogs } from './menu-actions';

const rendererDir = path.join(__dirname, '..', 'renderer');
const rendererIndex = path.join(rendererDir, 'index.html');
const preload = path.join(__dirname, 'preload.cjs');

const windows = new Set<BrowserWindow>();
let labWindow: BrowserWindow | undefined;
/** One administration window per cluster. */
const adminWindows = new Map<string, BrowserWindow>();
let labSession: LabSession | undefined;
let phoneWindows: PhoneWindowManager | undefined;
let handlers: RequestHandlers | undefined;
/** A lab file the OS asked us to open before the session was up (double-click on macOS). */
let pendingFile: string | undefined;

/** The native menu and dialogs speak the system's language (the pages have their own switch). */
const locale = (): Locale => (app.getLocale().toLowerCase().startsWith('zh') ? 'zh-CN' : 'en-US');
const t = (key: string, params?: Record<string, string | number>) => menuText(locale(), key, params);

function createWindow(query: Record<string, string>, size: { width: number; height: number }, title: string): BrowserWindow {
  const win = new BrowserWindow({
    ...size,
    useContentSize: true,
    title,
    show: false,
    backgroundColor: '#151a22',
    webPreferences: secureWebPreferences(preload),
  });
  trustWindow(win);
  windows.add(win);
  win.once('ready-to-show', () => win.show());
  // The window keeps the title we gave it ("SEP… (Cisco 8845)"), not the page's <title>.
  win.on('page-title-updated', (e) => e.preventDefault());
  win.on('closed', () => windows.delete(win));
  void win.loadFile(rendererIndex, { query });
  return win;
}

function focus(win: BrowserWindow): void {
  if (win.isMinimized()) win.restore();
  win.focus();
}

/** A cluster's administration: its own window, brought forward (and sent to the linked page) if already open. */
function openAdminWindow(cluster: string, page: Record<string, string> = {}): void {
  const query = { view: 'admin', cluster, ...page };
  const open = adminWindows.get(cluster);
  if (open && !open.isDestroyed()) {
    if (Object.keys(page).length) void open.loadFile(rendererIndex, { query });
    focus(open);
    return;
  }
  const win = createWindow(query, { width: 1280, height: 800 }, `${t('adminOf', { cluster })} · EMCC Lab`);
  adminWindows.set(cluster, win);
  win.on('closed', () => {
    if (adminWindows.get(cluster) === win) adminWindows.delete(cluster);
  });
}

/** Do what window-policy decided for a URL a page tried to open or go to. */
function follow(decision: UrlDecision | { action: 'allow' }): void {
  switch (decision.action) {
    case 'allow':
      return;
    case 'admin':
      openAdminWindow(decision.cluster, decision.page);
      return;
    case 'phone':
      phoneWindows?.show(decision.deviceName, true);
      return;
    case 'external':
      void shell.openExternal(decision.url);
      return;
    case 'deny':
      return;
  }
}

// Every web contents, including any we did not create ourselves (the developer tools), may not
// navigate away, attach a webview, or open a window of its own.
app.on('web-contents-created', (_e, contents) => {
  const onNavigate = (e: { url: string; preventDefault(): void }) => {
    const decision = navigationDecision(e.url, contents.getURL(), rendererIndex);
    if (decision.action === 'allow') return;
    e.preventDefault();
    follow(decision);
  };
  contents.on('will-navigate', onNavigate);
  contents.on('will-redirect', onNavigate);
  contents.on('will-attach-webview', (e) => e.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const lab = labSession?.lab;
    follow(windowOpenDecision(url, rendererIndex, {
      hasCluster: (name) => !!lab?.clusterNamed(name),
      hasPhone: (name) => !!lab?.phone(name),
    }));
    return { action: 'deny' };
  });
});

function lockDownSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, permission, callback) => callback(permissionDecision(permission)));
  ses.setPermissionCheckHandler((_wc, permission) => permissionDecision(permission));
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: requestDecision(details.url, rendererDir) === 'cancel' }));
  ses.webRequest.onHeadersReceived((details, callback) => callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) }));
}

/** The phone windows are BrowserWindows sized to their content (the phone face). */
const windowHost: WindowHost = {
  openPhone(spec, events) {
    const win = createWindow(phoneWindowQuery(spec.deviceName), spec.size, spec.title);
    if (spec.bounds) win.setContentBounds(spec.bounds);
    let last = win.getContentBounds();
    const moved = () => {
      if (win.isDestroyed()) return;
      last = win.getContentBounds();
      events.moved(last);
    };
    win.on('move', moved);
    win.on('resize', moved);
    win.on('close', () => {
      last = win.getContentBounds();
    });
    win.on('closed', () => events.closed(last));
    return {
      close: () => !win.isDestroyed() && win.close(),
      focus: () => !win.isDestroyed() && focus(win),
      setBounds: (b) => !win.isDestroyed() && win.setContentBounds(b),
    };
  },
  workAreas() {
    const primary = screen.getPrimaryDisplay();
    return [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => d.workArea);
  },
};

function parentWindow(): BrowserWindow | undefined {
  return BrowserWindow.getFocusedWindow() ?? labWindow;
}

const dialogs: ShellDialogs = {
  async chooseFileToOpen() {
    const options = {
      title: t('dialog.openTitle'),
      properties: ['openFile' as const],
      filters: [
        { name: t('dialog.labFiles'), extensions: [LAB_FILE_EXTENSION.slice(1)] },
        { name: t('dialog.scenarioFiles'), extensions: [SCENARIO_EXTENSION.slice(1)] },
      ],
    };
    const parent = parentWindow();
    const r = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
    return r.canceled ? undefined : r.filePaths[0];
  },
  async chooseSaveTarget(defaultName) {
    const options = {
      title: t('dialog.saveTitle'),
      defaultPath: path.join(app.getPath('documents'), defaultName),
      filters: [{ name: t('dialog.labFiles'), extensions: [LAB_FILE_EXTENSION.slice(1)] }],
    };
    const parent = parentWindow();
    const r = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
    return r.canceled ? undefined : r.filePath;
  },
  error(message, detail) {
    const parent = parentWindow();
    const options = { type: 'error' as const, title: 'EMCC Lab', message, detail };
    void (parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options));
  },
  info(message) {
    const parent = parentWindow();
    const options = { type: 'info' as const, title: 'EMCC Lab', message };
    void (parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options));
  },
};

function toLabWindow(command: LabWindowCommand): void {
  if (!labWindow || labWindow.isDestroyed()) return;
  focus(labWindow);
  sendTo(labWindow, 'shell.menuCommand', { command });
}

function runCommand(command: MenuCommand): void {
  if (!handlers) return;
  void runMenuCommand(command, { handlers, dialogs, toLabWindow, openAdmin: (c) => openAdminWindow(c), locale }).finally(() => refreshMenu());
}

let shownMenu = '';
/** Rebuild the application menu when what it shows changed (phones, their windows, the clock, recent files). */
function refreshMenu(snapshot?: LabSnapshot): void {
  if (!labSession) return;
  const snap = snapshot ?? labSession.lab.snapshot();
  const open = new Set(phoneWindows?.list().open ?? []);
  const ctx: AppMenuContext = {
    platform: process.platform,
    development: !app.isPackaged,
    locale: locale(),
    recent: labSession.info().recent,
    phones: snap.phones.map((p) => ({ deviceName: p.deviceName, model: p.model, open: open.has(p.deviceName) })),
    clusters: snap.clusters.map((c) => c.name),
    clockPaused: snap.clock.paused,
  };
  const key = menuKey(ctx);
  if (key === shownMenu) return;
  shownMenu = key;
  Menu.setApplicationMenu(Menu.buildFromTemplate(toElectronTemplate(appMenu(ctx), runCommand)));
}

/** A lab file the OS handed us (double-click, a second launch): opened, or why not in a dialog. */
async function openFromOs(file: string): Promise<void> {
  if (!handlers) return;
  const r = await dispatch(handlers, 'file.open', { path: file });
  const result = r.ok ? (r.result as { ok: boolean; errors?: { field: string; message: string }[] }) : { ok: false, errors: [{ field: 'path', message: r.error }] };
  if (!result.ok) dialogs.error(t('dialog.refused'), problemsText(result.errors ?? []));
  if (labWindow && !labWindow.isDestroyed()) focus(labWindow);
}

function labPhones(lab: Lab) {
  return lab.snapshot().phones.map((p) => ({ deviceName: p.deviceName, model: p.model }));
}

async function main(): Promise<void> {
  await app.whenReady();
  lockDownSession();
  // `--empty`: the fresh two-cluster lab; a .emcclab path (a double-clicked file): that lab.
  const fileArg = pendingFile ?? labFileArgument(process.argv);
  const dataDir = path.join(app.getPath('userData'), 'lab');
  const initial = process.argv.includes('--empty') ? 'empty' : 'demo';
  const opened = await LabSession.open({ dataDir, initial: fileArg ? { path: fileArg } : initial }).catch((e: unknown) => {
    // A lab file that cannot be opened: say why and open the usual lab instead of quitting.
    dialog.showErrorBox('EMCC Lab', `${t('dialog.refused')}\n${e instanceof Error ? e.message : String(e)}`);
    return LabSession.open({ dataDir, initial });
  });
  labSession = opened;

  const state = WindowStateStore.load(path.join(app.getPath('userData'), 'phone-windows.json'));
  if (state.problem) console.warn(`phone-windows.json was not used: ${state.problem}`);
  const sendPhoneWindows = (list: { open: string[] }) => {
    broadcast(() => [...windows], 'shell.phoneWindows', list);
    refreshMenu();
  };
  phoneWindows = new PhoneWindowManager(windowHost, state, sendPhoneWindows);

  const api = sessionApi(opened, new ScenarioDesk(opened, libraryDir(__dirname)));
  const all: RequestHandlers = { ...api.handlers, ...phoneWindows.handlers() };
  // Saving changes the recent files, the clock requests the clock: the menu shows both.
  const withMenuRefresh = <N extends 'file.save' | 'lab.setClock'>(name: N) => {
    const base = all[name] as (p: unknown) => unknown;
    return (async (p: unknown) => {
      try {
        return await base(p);
      } finally {
        refreshMenu();
      }
    }) as RequestHandlers[N];
  };
  handlers = { ...all, 'file.save': withMenuRefresh('file.save'), 'lab.setClock': withMenuRefresh('lab.setClock') };
  setupIpc(handlers, rendererIndex);
  api.forward((name: EventName, payload) => {
    broadcast(() => [...windows], name, payload);
    if (name === 'lab.changed') {
      const snap = payload as LabSnapshot;
      phoneWindows?.syncPhones(snap.phones);
      refreshMenu(snap);
    }
  });
  opened.onReplaced((lab) => {
    // Another lab: the old lab's administration windows go, the phones get the new lab's windows.
    for (const w of adminWindows.values()) if (!w.isDestroyed()) w.close();
    phoneWindows?.setLab(labPhones(lab));
    refreshMenu();
  });

  labWindow = createWindow({ view: 'lab' }, { width: 1180, height: 780 }, 'EMCC Lab');
  // The lab window is the app: closing it quits (the phone windows stay open for the next start).
  labWindow.on('closed', () => {
    labWindow = undefined;
    app.quit();
  });
  phoneWindows.setLab(labPhones(opened.lab));
  refreshMenu();
}

/** The lab file named on the command line (how Windows and Linux pass a double-clicked file). */
function labFileArgument(argv: string[]): string | undefined {
  return argv.slice(1).find((a) => a.endsWith(LAB_FILE_EXTENSION));
}

// Enforced for every renderer, whatever a window's own preferences say.
app.enableSandbox();

// One app per user: a second launch (a double-clicked lab file) hands its file to the first,
// which owns the lab's databases.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_e, argv) => {
    const file = labFileArgument(argv);
    if (file) void openFromOs(file);
    else if (labWindow && !labWindow.isDestroyed()) focus(labWindow);
  });

  // macOS passes a double-clicked file here, before or after the app is ready.
  app.on('open-file', (e, file) => {
    e.preventDefault();
    if (labSession) void openFromOs(file);
    else pendingFile = file;
  });

  let sessionClosed = false;
  let closing = false;
  app.on('before-quit', (e) => {
    // Windows the app closes from here on were open: they open again at the next start.
    phoneWindows?.quit();
    if (sessionClosed || !labSession) return;
    e.preventDefault();
    if (closing) return;
    closing = true;
    void labSession.close().catch((err: unknown) => console.error(err)).finally(() => {
      sessionClosed = true;
      app.quit();
    });
  });
  app.on('window-all-closed', () => app.quit());

  main().catch((e: unknown) => {
    console.error(e);
    app.exit(1);
  });
}
