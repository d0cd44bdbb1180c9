/**
 * The desktop app's security decisions (main/shell/window-policy.ts, ipc-gate.ts), as
 * electron-main.ts applies them to every window, navigation, request and permission.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  navigationDecision, ourPage, permissionDecision, requestDecision, secureWebPreferences, windowOpenDecision, withContentSecurityPolicy,
} from '../../../main/shell/window-policy';
import { ipcSenderAllowed } from '../../../main/shell/ipc-gate';
import { CONTENT_SECURITY_POLICY } from '../../../shared/content-security-policy';

const rendererDir = path.resolve('/opt/EMCC Lab/resources/app/dist/renderer');
const index = path.join(rendererDir, 'index.html');
const page = (query: string) => `${pathToFileURL(index).href}${query}`;
const lab = { hasCluster: (n: string) => n === 'home' || n === 'visiting', hasPhone: (n: string) => n === 'SEP00AA11BB22CC' };

describe('every window\'s webPreferences', () => {
  it('isolate the page: context isolation and the sandbox on, no Node anywhere, web security on, no webviews', () => {
    const prefs = secureWebPreferences('/app/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
  });
});

describe('window.open from a page', () => {
  it('opens our administration window for a cluster of the lab, keeping only the linked page\'s fields', () => {
    expect(windowOpenDecision(page('?view=admin&cluster=home&kind=phone&key=SEP1&evil=1'), index, lab))
      .toEqual({ action: 'admin', cluster: 'home', page: { kind: 'phone', key: 'SEP1' } });
  });

  it('opens a phone window for a phone of the lab, and refuses a made-up cluster or phone', () => {
    expect(windowOpenDecision(page('?phone=SEP00AA11BB22CC'), index, lab)).toEqual({ action: 'phone', deviceName: 'SEP00AA11BB22CC' });
    expect(windowOpenDecision(page('?view=admin&cluster=nowhere'), index, lab)).toMatchObject({ action: 'deny' });
    expect(windowOpenDecision(page('?phone=SEPNOSUCH'), index, lab)).toMatchObject({ action: 'deny' });
    expect(windowOpenDecision(page('?phone=../../etc'), index, lab)).toMatchObject({ action: 'deny' });
    expect(windowOpenDecision(page('?view=lab'), index, lab)).toMatchObject({ action: 'deny' });
  });

  it('sends web links to the system browser and refuses every other scheme or file', () => {
    expect(windowOpenDecision('https://www.cisco.com/c/en/us/support/', index, lab)).toEqual({ action: 'external', url: 'https://www.cisco.com/c/en/us/support/' });
    expect(windowOpenDecision('http://example.com/', index, lab)).toMatchObject({ action: 'external' });
    for (const url of ['file:///etc/passwd', pathToFileURL(path.join(rendererDir, 'other.html')).href, 'javascript:alert(1)', 'mailto:a@b.c', 'smb://host/share', 'ms-settings:', 'data:text/html,<script>1</script>', 'not a url', 'file://evil.example/share/index.html']) {
      expect(windowOpenDecision(url, index, lab), url).toMatchObject({ action: 'deny' });
    }
  });
});

describe('navigation of a window (will-navigate, will-redirect)', () => {
  const current = page('?view=lab');
  it('never leaves our page: a web address opens in the system browser, anything else is refused', () => {
    expect(navigationDecision('https://evil.example/phish', current, index)).toEqual({ action: 'external', url: 'https://evil.example/phish' });
    expect(navigationDecision(page('?view=admin&cluster=home'), current, index)).toMatchObject({ action: 'deny' });
    expect(navigationDecision('file:///home/user/Downloads/dropped.html', current, index)).toMatchObject({ action: 'deny' });
    expect(navigationDecision('javascript:void(0)', current, index)).toMatchObject({ action: 'deny' });
  });

  it('lets the page reload itself (another lab opened), and nothing else of ours', () => {
    expect(navigationDecision(current, current, index)).toEqual({ action: 'allow' });
    expect(navigationDecision(`${current}#top`, current, index)).toEqual({ action: 'allow' });
    expect(navigationDecision(page('?view=lab&x=1'), current, index)).toMatchObject({ action: 'deny' });
    expect(navigationDecision('https://evil.example/', 'https://evil.example/', index)).toMatchObject({ action: 'external' });
  });
});

describe('permissions', () => {
  it('refuses every permission a page asks for', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'midi', 'openExternal', 'fullscreen', 'hid', 'serial', 'usb', 'unknown']) {
      expect(permissionDecision(p), p).toBe(false);
    }
  });
});

describe('no remote content', () => {
  it('lets the session load only our own files, data: images, the page\'s own blobs and the developer tools', () => {
    expect(requestDecision(pathToFileURL(index).href, rendererDir)).toBe('allow');
    expect(requestDecision(pathToFileURL(path.join(rendererDir, 'assets', 'index-1.js')).href, rendererDir)).toBe('allow');
    expect(requestDecision('data:image/png;base64,AAAA', rendererDir)).toBe('allow');
    expect(requestDecision('blob:file:///0b1c2d3e-uuid', rendererDir)).toBe('allow');
    expect(requestDecision('devtools://devtools/bundled/inspector.html', rendererDir)).toBe('allow');
  });

  it('cancels every request to the network, and files outside the renderer', () => {
    for (const url of [
      'https://cdn.example.com/react.js', 'http://127.0.0.1:8080/', 'ws://127.0.0.1:1234/api', 'wss://example.com/', 'ftp://example.com/x',
      'blob:https://evil.example/uuid', pathToFileURL(path.join(rendererDir, '..', 'main', 'shell.cjs')).href, 'file:///etc/passwd',
      pathToFileURL(`${rendererDir}-evil/index.html`).href, 'file://remote-host/share/x.js', 'chrome://settings', 'garbage',
    ]) {
      expect(requestDecision(url, rendererDir), url).toBe('cancel');
    }
  });

  it('puts our Content Security Policy on every response, replacing any the response brought', () => {
    const headers = withContentSecurityPolicy({ 'content-type': 'text/html', 'content-security-policy': "default-src *; script-src 'unsafe-inline'", 'X-Other': ['a', 'b'] });
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(Object.keys(headers).filter((k) => k.toLowerCase() === 'content-security-policy')).toEqual(['Content-Security-Policy']);
    expect(headers['content-type']).toEqual(['text/html']);
    expect(headers['X-Other']).toEqual(['a', 'b']);
    expect(withContentSecurityPolicy(undefined)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});

describe('who may call the API over IPC', () => {
  const trusted = new Set([7]);
  it('only the main frame of one of our windows, showing our page', () => {
    expect(ipcSenderAllowed({ senderId: 7, frameUrl: page('?view=lab'), isMainFrame: true }, trusted, index)).toBe(true);
    expect(ipcSenderAllowed({ senderId: 7, frameUrl: page('?phone=SEP1'), isMainFrame: true }, trusted, index)).toBe(true);
  });

  it('refuses another window, a subframe, a page elsewhere, and a frame that is gone', () => {
    expect(ipcSenderAllowed({ senderId: 8, frameUrl: page(''), isMainFrame: true }, trusted, index)).toBe(false);
    expect(ipcSenderAllowed({ senderId: 7, frameUrl: page(''), isMainFrame: false }, trusted, index)).toBe(false);
    expect(ipcSenderAllowed({ senderId: 7, frameUrl: 'https://evil.example/', isMainFrame: true }, trusted, index)).toBe(false);
    expect(ipcSenderAllowed({ senderId: 7, frameUrl: 'file:///tmp/evil.html', isMainFrame: true }, trusted, index)).toBe(false);
    expect(ipcSenderAllowed({ senderId: 7, frameUrl: null, isMainFrame: true }, trusted, index)).toBe(false);
  });

  it('knows our page by its file, whatever its query', () => {
    expect(ourPage(page('?a=1#x'), index)).toBeDefined();
    expect(ourPage(pathToFileURL(`${index}.evil`).href, index)).toBeUndefined();
  });
});
