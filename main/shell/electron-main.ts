/**
 * The desktop shell: the only code that imports electron. It opens the lab, registers the IPC
 * handlers, then opens the lab window and one window per phone, sized like the phone. Windows
 * run sandboxed with context isolation and no Node; navigation and new windows are refused.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, session, shell } from 'electron';
import { LabSession } from '../lab/lab-session';
import { sessionApi } from '../lab/session-api';
import { ScenarioDesk } from '../lab/scenario-desk';
import { libraryDir } from '../scenario';
import type { Lab } from '../lab/lab';
import { LAB_FILE_EXTENSION } from '../../shared/lab-file';
import { CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy';
import { broadcast, setupIpc, trustWindow } from './ipc';

const rendererIndex = path.join(__dirname, '..', 'renderer', 'index.html');
const windows = new Set<BrowserWindow>();
/** The phone windows of the open lab (replaced with it). */
const phoneWindows = new Set<BrowserWindow>();
let labSession: LabSession | undefined;
/** A lab file the OS asked us to open before the session was up (double-click on macOS). */
let pendingFile: string | undefined;

function createWindow(query: Record<string, string>, size: { width: number; height: number }, title: string): BrowserWindow {
  const win = new BrowserWindow({
    ...size,
    title,
    show: true,
    backgroundColor: '#1d2430',
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  trustWindow(win);
  windows.add(win);
  win.on('closed', () => windows.delete(win));
  void win.loadFile(rendererIndex, { query });
  return win;
}

// Every web contents, including any we did not create ourselves, may not navigate away or open
// windows: links to the web go to the system browser.
app.on('web-contents-created', (_e, contents) => {
  contents.on('will-navigate', (e) => e.preventDefault());
  contents.on('will-attach-webview', (e) => e.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const admin = adminWindowRequest(url);
    if (admin) createWindow({ view: 'admin', cluster: admin, ...linkedPage(url) }, { width: 1280, height: 800 }, `EMCC Lab Administration: ${admin}`);
    else if (/^https?:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
});

/** The admin page a link of the lab window names (`kind`, `key`, `page`; the admin window checks them). */
function linkedPage(url: string): Record<string, string> {
  const q = new URL(url).searchParams;
  return Object.fromEntries(['kind', 'key', 'page'].flatMap((k) => {
    const v = q.get(k);
    return v !== null && v.length <= 255 ? [[k, v]] : [];
  }));
}

/**
 * The lab window asks for a cluster's administration with window.open on our own page
 * (`?view=admin&cluster=NAME`); we open that window ourselves, with the same locked-down
 * preferences, and refuse every other window.
 */
function adminWindowRequest(url: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'file:' || path.normalize(fileURLToPath(u)) !== path.normalize(rendererIndex)) return undefined;
  const cluster = u.searchParams.get('cluster') ?? '';
  return u.searchParams.get('view') === 'admin' && labSession?.lab.clusterNamed(cluster) ? cluster : undefined;
}

async function main(): Promise<void> {
  await app.whenReady();
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  // `--empty`: the fresh two-cluster lab; a .emcclab path (a double-clicked file): that lab.
  const fileArg = pendingFile ?? labFileArgument(process.argv);
  const dataDir = path.join(app.getPath('userData'), 'lab');
  const initial = process.argv.includes('--empty') ? 'empty' : 'demo';
  const opened = await LabSession.open({ dataDir, initial: fileArg ? { path: fileArg } : initial }).catch((e: unknown) => {
    // A lab file that cannot be opened: say why and open the usual lab instead of quitting.
    dialog.showErrorBox('EMCC Lab', `The lab file was not opened:\n${e instanceof Error ? e.message : String(e)}`);
    return LabSession.open({ dataDir, initial });
  });
  labSession = opened;
  const api = sessionApi(opened, new ScenarioDesk(opened, libraryDir(__dirname)));
  setupIpc(api.handlers);
  api.forward((name, payload) => broadcast(() => [...windows], name, payload));
  opened.onReplaced((lab) => {
    // Another lab: the old lab's phone and admin windows go, the new lab's phones get theirs.
    for (const w of windows) if (phoneWindows.has(w) || isAdminWindow(w)) w.close();
    openPhoneWindows(lab);
  });

  createWindow({ view: 'lab' }, { width: 900, height: 640 }, 'EMCC Lab');
  openPhoneWindows(opened.lab);
}

function openPhoneWindows(lab: Lab): void {
  for (const phone of lab.snapshot().phones) {
    const win = createWindow({ phone: phone.deviceName }, { width: 560, height: 820 }, `${phone.deviceName} (Cisco ${phone.model})`);
    phoneWindows.add(win);
    win.on('closed', () => phoneWindows.delete(win));
  }
}

function isAdminWindow(win: BrowserWindow): boolean {
  return !win.isDestroyed() && new URL(win.webContents.getURL() || 'file:///').searchParams.get('view') === 'admin';
}

/** The lab file named on the command line (how Windows and Linux pass a double-clicked file). */
function labFileArgument(argv: string[]): string | undefined {
  return argv.slice(1).find((a) => a.endsWith(LAB_FILE_EXTENSION));
}

// macOS passes a double-clicked file here, before or after the app is ready.
app.on('open-file', (e, file) => {
  e.preventDefault();
  if (labSession) void labSession.openFile({ path: file });
  else pendingFile = file;
});

app.on('window-all-closed', () => {
  void (labSession?.close() ?? Promise.resolve()).finally(() => app.quit());
});

main().catch((e: unknown) => {
  console.error(e);
  app.exit(1);
});
