/**
 * The desktop app's security decisions, as plain functions the shell calls from Electron's hooks
 * (electron-main.ts): the preferences of every window, where a window may go or what it may open,
 * which requests the page may make, which permissions it gets (none), and the Content Security
 * Policy on every response. No electron import, so each decision is tested under Node.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy';
import { DeviceName } from '../../shared/api/device-name';

/**
 * The webPreferences of every window we open (lab, phone, administration). The page gets the
 * preload's named methods and nothing else: no Node, no Electron, its own JavaScript world,
 * Chromium's sandbox, the same-origin policy.
 */
export function secureWebPreferences(preload: string) {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    // Our page never asks for a spelling dictionary: Chromium would download one.
    spellcheck: false,
  } as const;
}

/** What to do with a URL a page tried to open or navigate to. */
export type UrlDecision =
  | { action: 'admin'; cluster: string; page: Record<string, string> }
  | { action: 'phone'; deviceName: string }
  | { action: 'external'; url: string }
  | { action: 'deny'; reason: string };

/** What the shell knows of the open lab, to tell a real cluster or phone from a made-up one. */
export interface KnownLab {
  hasCluster(name: string): boolean;
  hasPhone(deviceName: string): boolean;
}

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** The URL if it is our own page (the built renderer's index.html on disk), else undefined. */
export function ourPage(url: string, rendererIndex: string): URL | undefined {
  const u = parse(url);
  if (!u || u.protocol !== 'file:' || u.host !== '') return undefined;
  let file: string;
  try {
    file = fileURLToPath(u);
  } catch {
    return undefined;
  }
  return path.normalize(file) === path.normalize(rendererIndex) ? u : undefined;
}

/** The admin page a link of the lab window names (`kind`, `key`, `page`; the admin window checks them). */
function linkedPage(q: URLSearchParams): Record<string, string> {
  return Object.fromEntries(['kind', 'key', 'page'].flatMap((k) => {
    const v = q.get(k);
    return v !== null && v.length <= 255 ? [[k, v]] : [];
  }));
}

/** Only the web goes to the system browser; mail, files, custom schemes and the rest are refused. */
function externalOrDeny(u: URL | undefined, url: string): UrlDecision {
  if (u && (u.protocol === 'https:' || u.protocol === 'http:') && u.host !== '') return { action: 'external', url: u.href };
  return { action: 'deny', reason: `not a page of the lab: ${url.slice(0, 100)}` };
}

/**
 * window.open from a page (setWindowOpenHandler): our own page naming a cluster's administration
 * or a phone of the open lab gets one of our windows (opened by the shell, with the preferences
 * above); a web link goes to the system browser; everything else is refused. The page itself
 * never gets a window object back.
 */
export function windowOpenDecision(url: string, rendererIndex: string, lab: KnownLab): UrlDecision {
  const page = ourPage(url, rendererIndex);
  if (!page) return externalOrDeny(parse(url), url);
  const q = page.searchParams;
  const cluster = q.get('cluster') ?? '';
  if (q.get('view') === 'admin') {
    return lab.hasCluster(cluster) ? { action: 'admin', cluster, page: linkedPage(q) } : { action: 'deny', reason: `no cluster named ${cluster.slice(0, 40)}` };
  }
  const phone = q.get('phone') ?? '';
  if (phone) {
    return DeviceName.safeParse(phone).success && lab.hasPhone(phone) ? { action: 'phone', deviceName: phone } : { action: 'deny', reason: `no phone named ${phone.slice(0, 50)}` };
  }
  return { action: 'deny', reason: 'the lab window is already open' };
}

/**
 * will-navigate / will-redirect: a window of ours never leaves its page (a link, a dropped file,
 * a script setting location). A web address goes to the system browser instead. Reloading the
 * page it shows stays allowed (the page reloads itself when another lab opens, and Electron may
 * report a reload as a navigation to the same URL).
 */
export function navigationDecision(url: string, currentUrl: string, rendererIndex: string): Extract<UrlDecision, { action: 'external' | 'deny' }> | { action: 'allow' } {
  const target = ourPage(url, rendererIndex);
  const current = ourPage(currentUrl, rendererIndex);
  if (target && current && target.search === current.search) return { action: 'allow' };
  return externalOrDeny(parse(url), url) as Extract<UrlDecision, { action: 'external' | 'deny' }>;
}

/** Every permission a page asks for (camera, notifications, geolocation, clipboard...) is refused. */
export function permissionDecision(_permission: string): false {
  return false;
}

/**
 * Whether the session may make a request (webRequest.onBeforeRequest): only our own files, the
 * data: images the CSP allows, the blob: URLs a page makes of its own data (a trace or a
 * certificate it saves), and the developer tools. Anything from the network is cancelled, so no
 * remote content is ever loaded, whatever a page or a bug asks for.
 */
export function requestDecision(url: string, rendererDir: string): 'allow' | 'cancel' {
  const u = parse(url);
  if (!u) return 'cancel';
  if (u.protocol === 'data:' || u.protocol === 'devtools:') return 'allow';
  // A blob: URL names data the page already holds; its origin must be our page (file:), not the web.
  // (Chromium writes a file: page's blob URLs as blob:file:///<uuid> or, opaque, blob:null/<uuid>.)
  if (u.protocol === 'blob:') return u.pathname.startsWith('file:///') || u.pathname.startsWith('null/') ? 'allow' : 'cancel';
  if (u.protocol !== 'file:' || u.host !== '') return 'cancel';
  let file: string;
  try {
    file = path.normalize(fileURLToPath(u));
  } catch {
    return 'cancel';
  }
  const root = path.normalize(rendererDir);
  return file === root || file.startsWith(root + path.sep) ? 'allow' : 'cancel';
}

/**
 * Response headers with our Content Security Policy (webRequest.onHeadersReceived). Any policy
 * a response brought is replaced: ours is the one the page runs under.
 */
export function withContentSecurityPolicy(headers: Record<string, string | string[]> | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') continue;
    out[name] = Array.isArray(value) ? value : [value];
  }
  out['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return out;
}
