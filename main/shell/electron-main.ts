/**
 * The desktop shell: the only code that imports electron. It opens the lab, registers the IPC
 * handlers, then opens the lab window and one window per phone, sized like the phone. Windows
 * run sandboxed with context isolation and no Node; navigation and new windows are refused.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, session, shell } from 'electron';
import { openDemoLab, openFreshLab } from '../lab/lab-runtime';
import { forwardEvents, labHandlers } from '../lab/lab-api';
import type { Lab } from '../lab/lab';
import { CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy';
import { broadcast, setupIpc, trustWindow } from './ipc';

const rendererIndex = path.join(__dirname, '..', 'renderer', 'index.html');
const windows = new Set<BrowserWindow>();
let lab: Lab | undefined;

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
    if (admin) createWindow({ view: 'admin', cluster: admin }, { width: 1280, height: 800 }, `EMCC Lab Administration: ${admin}`);
    else if (/^https?:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
});

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
  return u.searchParams.get('view') === 'admin' && lab?.clusterNamed(cluster) ? cluster : undefined;
}

async function main(): Promise<void> {
  await app.whenReady();
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  // `--empty`: the fresh two-cluster lab, to configure from scratch in the admin windows.
  const fresh = process.argv.includes('--empty');
  lab = await (fresh ? openFreshLab(path.join(app.getPath('userData'), 'fresh-lab')) : openDemoLab(path.join(app.getPath('userData'), 'lab')));
  setupIpc(labHandlers(lab));
  forwardEvents(lab, (name, payload) => broadcast(() => [...windows], name, payload));

  createWindow({ view: 'lab' }, { width: 900, height: 640 }, 'EMCC Lab');
  for (const phone of lab.snapshot().phones) {
    createWindow({ phone: phone.deviceName }, { width: 560, height: 820 }, `${phone.deviceName} (Cisco ${phone.model})`);
  }
}

app.on('window-all-closed', () => {
  void (lab?.close() ?? Promise.resolve()).finally(() => app.quit());
});

main().catch((e: unknown) => {
  console.error(e);
  app.exit(1);
});
