/**
 * The login attempts of the lab's phones, each with every message it caused: the data behind
 * the lab window's sequence diagram. An attempt starts when a phone sends a request to a node's
 * EMApp (or its change-credential page) and the phone has its answer when that request ends.
 * What the request causes, on any node, travels with it as a W3C traceparent
 * (main/net/trace-context): the lab network asks this log about each request it sends, the node
 * that serves a request runs in its span, and the trace lines it writes there are that message's
 * decisions.
 *
 * A login or logout that works resets the phone, and the reset comes from a lab-clock timer,
 * outside any span: so the log follows the attempt's device for a while (FOLLOW_MS of lab time
 * after the phone's answer, until the phone registers again) and adds the reset notification a
 * CallManager sends to that device, and the phone's TFTP fetches and REGISTER, to the attempt.
 * An attempt that changes after the phone had its answer (those messages, or one of its own
 * answered late) is told to the listeners again, the same object with the same id.
 *
 * A request that belongs to no attempt costs one AsyncLocalStorage read and a string search
 * here (and, while a device is followed, a map lookup). A recorded body is read once, when its
 * message ends: decoded (form fields), masked (PINs, passwords) and shortened into the one
 * string the message keeps.
 */
import { randomUUID } from 'node:crypto';
import type { AttemptMessage, LoginAttempt } from '../../shared/api/lab-contract';
import { REGISTER_PATH } from '../cluster/call-manager';
import { CHANGE_CREDENTIAL_PATH, EM_APP_PATH } from '../cluster/em/em-app';
import { maskSecrets } from '../cluster/em/em-support';
import { CONFIG_FILE_PATH } from '../cluster/tftp';
import { NetError, type ClientRequest, type ClientResponse, type ObservedRequest, type RequestObserver } from '../net/lab-network';
import { currentSpan, formatTraceparent, spanClosed, spanOpened } from '../net/trace-context';
import { NOTIFY_PATH, PHONES_SITE } from '../phone/phone-endpoint';
import { parseIpPhoneXml } from '../xml/cisco-ip-phone';
import { child, parseXml, text } from '../xml/xml';

/** How many finished attempts the log keeps (the oldest go first). */
export const ATTEMPTS_KEPT = 200;
/** How much of a body a message keeps. */
export const BODY_CHARS = 2000;
/**
 * How long (lab time) after the phone's answer its device is followed: long enough for a reset
 * (RESET_MS) and a few of the phone's retries (RETRY_MS) when its TFTP or CallManager is down.
 */
export const FOLLOW_MS = 2 * 60_000;
/** Past this many followed devices, those whose window has passed are forgotten. */
const FOLLOWED_DEVICES = 1000;
/** At most this many messages are added to an attempt after the phone's answer (a phone retrying for ever). */
export const FOLLOW_MESSAGES = 24;

/** An attempt as the log keeps it: the record, and its count of events (sendings and answers). */
interface Recorded {
  attempt: LoginAttempt;
  events: number;
  /** The phone has its answer (the attempt is in the finished list). */
  answered: boolean;
  /** Messages added after the phone's answer. */
  followed: number;
}

/** A message on its way: where it belongs, and when it left (real time). */
interface InFlight {
  rec: Recorded;
  message: AttemptMessage;
  started: number;
  /** The phone's request that started the attempt: its end is the phone's answer. */
  root: boolean;
}

/** A device whose reset and registration belong to an attempt, until lab time `until`. */
interface Followed {
  rec: Recorded;
  until: number;
}

export class AttemptLog implements RequestObserver {
  /** Finished attempts, oldest first (trimmed a quarter at a time, as the trace is). */
  private readonly finished: LoginAttempt[] = [];
  /** Messages sent and not yet answered, by span id: where a served request's span leads. */
  private readonly inFlight = new Map<string, InFlight>();
  /** Devices followed after a login or logout, by upper-case device name. */
  private readonly following = new Map<string, Followed>();
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

  /** Called with each attempt as it finishes (the phone has its answer), and again whenever it changes after that. */
  onAttempt(listener: (a: LoginAttempt) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A trace line written while the request of span `span` was served: one of its message's decisions. */
  noteDecision(span: string, text: string): void {
    const entry = this.inFlight.get(span);
    entry?.message.decisions.push({ text, event: entry.rec.events });
  }

  /** The lab network asks about each request it sends (RequestObserver). */
  open(fromSite: string, req: ClientRequest): ObservedRequest | undefined {
    if (fromSite === PHONES_SITE) {
      if (req.url.includes(EM_APP_PATH) || req.url.includes(CHANGE_CREDENTIAL_PATH)) {
        const started = this.startAttempt(req);
        if (started) return started;
      }
      // The phone's TFTP fetch or REGISTER after a reset its attempt caused.
      return this.following.size ? this.followPhone(req) : undefined;
    }
    const parent = currentSpan();
    if (!parent) return this.following.size && req.fromHost ? this.followNotification(req) : undefined;
    const served = this.inFlight.get(parent.spanId);
    // A span the lab did not open (an outside client's own traceparent), or one already answered.
    if (!served || served.rec.attempt.id !== parent.traceId) return undefined;
    const url = splitUrl(req.url);
    if (!url) return undefined;
    // The sender is the node that serves the parent message: the host that message went to.
    return this.send(served.rec, served.message.to, url.hostname, url, req, false);
  }

  /** A phone's request to an EMApp: a new attempt. */
  private startAttempt(req: ClientRequest): ObservedRequest | undefined {
    const url = splitUrl(req.url);
    if (!url || (url.pathname !== EM_APP_PATH && url.pathname !== CHANGE_CREDENTIAL_PATH)) return undefined;
    const query = new URLSearchParams(url.search);
    const device = query.get('device') ?? '';
    const action: LoginAttempt['action'] = query.get('doLogout') === 'true'
      ? 'logout'
      : url.pathname === CHANGE_CREDENTIAL_PATH || query.has('userid') || query.has('seq') ? 'login' : 'open';
    const at = this.now();
    const rec: Recorded = {
      attempt: { id: randomUUID().replaceAll('-', ''), device, action, at, code: null, result: '', registeredWith: null, messages: [] },
      events: 0,
      answered: false,
      followed: 0,
    };
    // What the device does next belongs to its newest login or logout (a reset can come before
    // the phone has its answer: the EM service asks for it while the EMApp is still answering).
    if (action === 'open') this.following.delete(device.toUpperCase());
    else this.following.set(device.toUpperCase(), { rec, until: Number.POSITIVE_INFINITY });
    return this.send(rec, `phone ${device}`, url.hostname, url, req, true);
  }

  /** A request a phone sends outside an attempt: recorded if it is a followed device's TFTP fetch or REGISTER. */
  private followPhone(req: ClientRequest): ObservedRequest | undefined {
    const url = splitUrl(req.url);
    if (!url) return undefined;
    let device = CONFIG_FILE_PATH.exec(url.pathname)?.[1];
    if (device === undefined && url.pathname === REGISTER_PATH && req.body) {
      try {
        device = text(child(parseXml(req.body).register, 'deviceName'));
      } catch {
        return undefined;
      }
    }
    const followed = device ? this.followed(device) : undefined;
    if (!followed) return undefined;
    return this.send(followed.rec, `phone ${followed.rec.attempt.device}`, url.hostname, url, req, false);
  }

  /** A request sent outside any span by a node: recorded if it is a reset notification to a followed device. */
  private followNotification(req: ClientRequest): ObservedRequest | undefined {
    const url = splitUrl(req.url);
    const device = url ? NOTIFY_PATH.exec(url.pathname)?.[1] : undefined;
    const followed = device ? this.followed(device) : undefined;
    if (!followed || !url) return undefined;
    return this.send(followed.rec, req.fromHost!, `phone ${followed.rec.attempt.device}`, url, req, false);
  }

  /** The attempt a device's next messages belong to, if it is still followed. */
  private followed(device: string): Followed | undefined {
    const key = device.toUpperCase();
    const f = this.following.get(key);
    if (!f) return undefined;
    if (this.now() > f.until || f.rec.followed >= FOLLOW_MESSAGES) {
      this.following.delete(key);
      return undefined;
    }
    return f;
  }

  private send(rec: Recorded, from: string, to: string, url: UrlParts, req: ClientRequest, root: boolean): ObservedRequest {
    const spanId = (++this.spans).toString(16).padStart(16, '0');
    const { attempt } = rec;
    if (rec.answered) rec.followed++;
    const message: AttemptMessage = {
      seq: attempt.messages.length + 1,
      from,
      to,
      method: req.method ?? 'GET',
      path: url.search ? maskSecrets(`${url.pathname}${url.search}`) : url.pathname,
      at: this.now(),
      answeredAt: null,
      sent: ++rec.events,
      answered: null,
      ms: 0,
      status: null,
      failure: null,
      request: shownBody(req.body, headerOf(req.headers, 'content-type')),
      response: '',
      decisions: [],
      afterAnswer: rec.answered,
    };
    attempt.messages.push(message);
    const entry: InFlight = { rec, message, started: performance.now(), root };
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
    const { message, rec } = entry;
    message.ms = Math.round((performance.now() - entry.started) * 100) / 100;
    message.answeredAt = this.now();
    message.answered = ++rec.events;
    if (outcome instanceof NetError) {
      message.failure = `${outcome.failure}: ${outcome.message}`;
    } else {
      message.status = outcome.status;
      const type = outcome.headers['content-type'];
      message.response = shownBody(outcome.body, Array.isArray(type) ? type[0] : type);
    }
    if (entry.root) this.phoneAnswered(rec, message, outcome);
    else if (!rec.answered) return;
    else if (message.path === REGISTER_PATH && message.status === 200) {
      rec.attempt.registeredWith = message.to;
      this.stopFollowing(rec);
    }
    // Told again: the phone's answer first, then each change after it.
    for (const l of this.listeners) l(rec.attempt);
  }

  /** The phone has its answer: the attempt ends with what the phone shows. */
  private phoneAnswered(rec: Recorded, message: AttemptMessage, outcome: ClientResponse | NetError): void {
    const { attempt } = rec;
    const shown = phoneOutcome(message, outcome instanceof NetError ? undefined : outcome.body);
    attempt.code = shown.code;
    attempt.result = shown.result;
    rec.answered = true;
    const followed = this.following.get(attempt.device.toUpperCase());
    if (followed?.rec === rec) {
      // A refused login resets nothing; one that worked may still be resetting the phone.
      if (shown.code !== null || message.failure !== null) this.following.delete(attempt.device.toUpperCase());
      else followed.until = this.now() + FOLLOW_MS;
    }
    this.finished.push(attempt);
    if (this.finished.length > this.limit + (this.limit >> 2)) this.finished.splice(0, this.finished.length - this.limit);
    if (this.following.size > FOLLOWED_DEVICES) this.forgetExpired();
  }

  /** Devices whose window has passed (phones that never asked again: unplugged, or never registered). */
  private forgetExpired(): void {
    const now = this.now();
    for (const [key, f] of this.following) if (now > f.until) this.following.delete(key);
  }

  private stopFollowing(rec: Recorded): void {
    const key = rec.attempt.device.toUpperCase();
    if (this.following.get(key)?.rec === rec) this.following.delete(key);
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

const ERROR_CODE = /\((\d+)\)\s*$/;

/**
 * What the phone was shown: a CiscoIPPhoneText's text (with the "(N)" of an error display as
 * the code), or the title of the menu or input form it got.
 */
function phoneOutcome(message: AttemptMessage, body: string | undefined): { code: number | null; result: string } {
  if (body === undefined) return { code: null, result: `no answer (${message.failure ?? 'failed'})` };
  if (message.status !== 200) return { code: null, result: `HTTP ${message.status}` };
  const screen = parseIpPhoneXml(body);
  if (!screen) return { code: null, result: 'not a phone screen' };
  if (screen.type === 'text') {
    const code = ERROR_CODE.exec(screen.text);
    return { code: code ? Number(code[1]) : null, result: screen.text };
  }
  return { code: null, result: `${screen.title} (${screen.type})` };
}
