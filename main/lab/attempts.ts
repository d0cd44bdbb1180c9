/**
 * The login attempts of the lab's phones, each with every message it caused: the data behind
 * the lab window's sequence diagram. An attempt starts when a phone sends a request to a node's
 * EMApp (or its change-credential page) and ends when that request is answered or fails. What
 * the request causes, on any node, travels with it as a W3C traceparent (main/net/trace-context):
 * the lab network asks this log about each request it sends, the node that serves a request
 * runs in its span, and the trace lines it writes there are that message's decisions.
 *
 * A request that belongs to no attempt costs one AsyncLocalStorage read and a string search
 * here. A recorded body is read once, when its message ends: decoded (form fields), masked
 * (PINs, passwords) and shortened into the one string the message keeps.
 */
import { randomUUID } from 'node:crypto';
import type { AttemptMessage, LoginAttempt } from '../../shared/api/lab-contract';
import { CHANGE_CREDENTIAL_PATH, EM_APP_PATH } from '../cluster/em/em-app';
import { maskSecrets } from '../cluster/em/em-support';
import { NetError, type ClientRequest, type ClientResponse, type ObservedRequest, type RequestObserver } from '../net/lab-network';
import { currentSpan, formatTraceparent, spanClosed, spanOpened } from '../net/trace-context';
import { PHONES_SITE } from '../phone/phone-endpoint';

/** How many finished attempts the log keeps (the oldest go first). */
export const ATTEMPTS_KEPT = 200;
/** How much of a body a message keeps. */
export const BODY_CHARS = 2000;

/** A message on its way: where it belongs, and when it left (real time). */
interface InFlight {
  attempt: LoginAttempt;
  message: AttemptMessage;
  started: number;
  /** The phone's request that started the attempt: its end is the attempt's end. */
  root: boolean;
}

export class AttemptLog implements RequestObserver {
  /** Finished attempts, oldest first (trimmed a quarter at a time, as the trace is). */
  private readonly finished: LoginAttempt[] = [];
  /** Messages sent and not yet answered, by span id: where a served request's span leads. */
  private readonly inFlight = new Map<string, InFlight>();
  private readonly listeners = new Set<(a: LoginAttempt) => void>();
  private spans = 0;

  /** `now`: the lab clock (messages and attempts are stamped with lab time). */
  constructor(private readonly now: () => number, private readonly limit = ATTEMPTS_KEPT) {}

  /** The last attempts, newest first. */
  list(): LoginAttempt[] {
    const out: LoginAttempt[] = [];
    const stop = Math.max(0, this.finished.length - this.limit);
    for (let i = this.finished.length - 1; i >= stop; i--) out.push(this.finished[i]!);
    return out;
  }

  /** Called with each attempt as it finishes (the phone has its answer). */
  onAttempt(listener: (a: LoginAttempt) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A trace line written while the request of span `span` was served: one of its message's decisions. */
  noteDecision(span: string, text: string): void {
    this.inFlight.get(span)?.message.decisions.push(text);
  }

  /** The lab network asks about each request it sends (RequestObserver). */
  open(fromSite: string, req: ClientRequest): ObservedRequest | undefined {
    if (fromSite === PHONES_SITE) {
      // Only a phone's request to an EMApp starts an attempt; nothing a phone sends continues one
      // (its TFTP fetch and REGISTER after a reset are its own, not the login's).
      if (!req.url.includes(EM_APP_PATH) && !req.url.includes(CHANGE_CREDENTIAL_PATH)) return undefined;
      const url = splitUrl(req.url);
      if (!url || (url.pathname !== EM_APP_PATH && url.pathname !== CHANGE_CREDENTIAL_PATH)) return undefined;
      const query = new URLSearchParams(url.search);
      const device = query.get('device') ?? '';
      const action: LoginAttempt['action'] = query.get('doLogout') === 'true'
        ? 'logout'
        : url.pathname === CHANGE_CREDENTIAL_PATH || query.has('userid') || query.has('seq') ? 'login' : 'open';
      const at = this.now();
      const attempt: LoginAttempt = { id: randomUUID().replaceAll('-', ''), device, action, at, code: null, result: '', messages: [] };
      return this.send(attempt, `phone ${device}`, url, req, true);
    }
    const parent = currentSpan();
    if (!parent) return undefined;
    const served = this.inFlight.get(parent.spanId);
    // A span the lab did not open (an outside client's own traceparent), or one already answered.
    if (!served || served.attempt.id !== parent.traceId) return undefined;
    const url = splitUrl(req.url);
    if (!url) return undefined;
    // The sender is the node that serves the parent message: the host that message went to.
    return this.send(served.attempt, served.message.to, url, req, false);
  }

  private send(attempt: LoginAttempt, from: string, url: UrlParts, req: ClientRequest, root: boolean): ObservedRequest {
    const spanId = (++this.spans).toString(16).padStart(16, '0');
    const message: AttemptMessage = {
      seq: attempt.messages.length + 1,
      from,
      to: url.hostname,
      method: req.method ?? 'GET',
      path: url.search ? maskSecrets(`${url.pathname}${url.search}`) : url.pathname,
      at: this.now(),
      ms: 0,
      status: null,
      failure: null,
      request: shownBody(req.body, headerOf(req.headers, 'content-type')),
      response: '',
      decisions: [],
    };
    attempt.messages.push(message);
    const entry: InFlight = { attempt, message, started: performance.now(), root };
    this.inFlight.set(spanId, entry);
    spanOpened();
    return {
      traceparent: formatTraceparent({ traceId: attempt.id, spanId }),
      close: (outcome) => this.close(spanId, entry, outcome),
    };
  }

  private close(spanId: string, entry: InFlight, outcome: ClientResponse | NetError): void {
    this.inFlight.delete(spanId);
    spanClosed();
    const { message, attempt } = entry;
    message.ms = Math.round((performance.now() - entry.started) * 100) / 100;
    if (outcome instanceof NetError) {
      message.failure = `${outcome.failure}: ${outcome.message}`;
    } else {
      message.status = outcome.status;
      const type = outcome.headers['content-type'];
      message.response = shownBody(outcome.body, Array.isArray(type) ? type[0] : type);
    }
    if (!entry.root) return;
    // The phone has its answer: the attempt ends with what the phone shows. (A message of it
    // still on its way, which only a timeout leaves behind, is completed in place when it ends.)
    const outcomeOf = phoneOutcome(message, outcome instanceof NetError ? undefined : outcome.body);
    attempt.code = outcomeOf.code;
    attempt.result = outcomeOf.result;
    this.finished.push(attempt);
    if (this.finished.length > this.limit + (this.limit >> 2)) this.finished.splice(0, this.finished.length - this.limit);
    for (const l of this.listeners) l(attempt);
  }
}

interface UrlParts {
  hostname: string;
  pathname: string;
  /** The query with its "?", or "". */
  search: string;
}

/**
 * The parts of an absolute http(s) URL a message shows, read without a full URL parse (this
 * runs for every message; the network parses the URL again to send it). A URL this does not
 * read plainly goes through the URL parser.
 */
const PLAIN_URL = /^https?:\/\/([A-Za-z0-9.-]+)(?::\d+)?(\/[\w\-.~%!$&'()*+,;=:@/]*)?(\?[\w\-.~%!$&'()*+,;=:@/?]*)?$/;

function splitUrl(raw: string): UrlParts | undefined {
  const m = PLAIN_URL.exec(raw);
  if (m) return { hostname: m[1]!.toLowerCase(), pathname: m[2] ?? '/', search: m[3] && m[3].length > 1 ? m[3] : '' };
  try {
    const url = new URL(raw);
    return { hostname: url.hostname, pathname: url.pathname, search: url.search };
  } catch {
    return undefined;
  }
}

function headerOf(headers: Record<string, string> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const direct = headers[name];
  if (direct !== undefined) return direct;
  for (const k in headers) if (k.toLowerCase() === name) return headers[k];
  return undefined;
}

/**
 * A body as a message keeps it: a form's fields decoded (the EM service's `xml` field shown as
 * the XML it carries, so its PIN can be masked), secrets masked, then shortened.
 */
export function shownBody(body: string | undefined, contentType: string | undefined): string {
  if (!body) return '';
  let text = body;
  if (contentType?.includes('application/x-www-form-urlencoded')) text = formFields(body);
  text = maskSecrets(text);
  return text.length > BODY_CHARS ? `${text.slice(0, BODY_CHARS)}…` : text;
}

/** A form's fields, one a line; the `xml` field as its bare value. */
function formFields(body: string): string {
  // The EM service's one field, decoded natively (URLSearchParams parses in JavaScript).
  if (body.startsWith('xml=') && !body.includes('&')) {
    try {
      return decodeURIComponent(body.slice(4).replaceAll('+', ' '));
    } catch {
      // A malformed escape: the general path below keeps what it can.
    }
  }
  const fields: string[] = [];
  for (const [k, v] of new URLSearchParams(body)) fields.push(k === 'xml' ? v : `${k}=${v}`);
  return fields.join('\n');
}

const XML_ENTITY = /&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(s: string): string {
  return s.replace(XML_ENTITY, (_, e: string) => {
    if (e[0] !== '#') return NAMED[e.toLowerCase()] ?? '';
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

const ELEMENT = { Text: /<Text>([^<]*)<\/Text>/, Title: /<Title>([^<]*)<\/Title>/ };

function element(xml: string, name: keyof typeof ELEMENT): string | undefined {
  const m = ELEMENT[name].exec(xml);
  return m ? unescapeXml(m[1]!) : undefined;
}

const ERROR_CODE = /\((\d+)\)\s*$/;

/**
 * What the phone was shown: a CiscoIPPhoneText's text (with the "(N)" of an error display as
 * the code), or the title of the menu or input form it got.
 */
function phoneOutcome(message: AttemptMessage, body: string | undefined): { code: number | null; result: string } {
  if (body === undefined) return { code: null, result: `no answer (${message.failure ?? 'failed'})` };
  if (message.status !== 200) return { code: null, result: `HTTP ${message.status}` };
  const kind = /<CiscoIPPhone(Text|Menu|Input)\b/.exec(body)?.[1];
  if (kind === 'Text') {
    const shown = element(body, 'Text') ?? '';
    const code = ERROR_CODE.exec(shown);
    return { code: code ? Number(code[1]) : null, result: shown };
  }
  if (kind) return { code: null, result: `${element(body, 'Title') ?? ''} (${kind.toLowerCase()})` };
  return { code: null, result: 'not a phone screen' };
}
