/**
 * An EM API request as a third-party application sends it: an HTTP POST of the form field `xml`
 * to a node's EM service, from outside the lab (so it is no phone's login attempt), over the
 * loopback port the lab network maps the node's host name to.
 */
import http from 'node:http';
import type { Lab } from '../lab/lab';
import { attr, child, has, parseXml, text, type XmlValue } from '../xml/xml';

export interface EmApiAnswer {
  status: number;
  body: string;
  /** The failure's code, or null for a success (or an answer without <failure>). */
  code: number | null;
  message: string | null;
}

/** The kind of request an EM API document carries (login, logout, query), for the step's words. */
export function emApiRequestKind(xml: string): string {
  const m = /<(login|logout|deviceUserQuery|userDevicesQuery|query)\b/.exec(xml);
  return m?.[1] ?? 'EM API';
}

export function postEmApi(lab: Lab, host: string, xml: string, timeoutMs = 15_000): Promise<EmApiAnswer> {
  const entry = lab.network.lookup(host);
  if (!entry) return Promise.reject(new Error(`no node ${host}`));
  const body = new URLSearchParams({ xml }).toString();
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1', port: entry.port, method: 'POST', path: '/emservice/EMServiceServlet', timeout: timeoutMs,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body), connection: 'close' },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const answer = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, body: answer, ...failureOf(answer) });
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** The <failure><error code="N">text</error></failure> of an answer, if it has one. */
function failureOf(body: string): { code: number | null; message: string | null } {
  try {
    const doc = parseXml(body);
    const failure = findFailure(doc);
    if (!failure) return { code: null, message: null };
    const error = child(failure, 'error');
    const code = Number(attr(error, 'code'));
    return { code: Number.isInteger(code) ? code : null, message: text(error) ?? null };
  } catch {
    return { code: null, message: null };
  }
}

/** <failure> under <response>, or under a query's per-device/per-user answer. */
function findFailure(node: XmlValue | undefined): XmlValue | undefined {
  if (!node || typeof node === 'string') return undefined;
  if (Array.isArray(node)) {
    for (const n of node) {
      const f = findFailure(n);
      if (f) return f;
    }
    return undefined;
  }
  if (has(node, 'failure')) return child(node, 'failure');
  for (const [k, v] of Object.entries(node)) {
    if (k.startsWith('@') || k === '#text') continue;
    const f = findFailure(v);
    if (f) return f;
  }
  return undefined;
}
