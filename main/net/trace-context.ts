/**
 * W3C Trace Context (`traceparent`) for the lab's own requests: which login attempt, and which
 * message of it, the code running now is serving. A node's HTTP server runs each handler inside
 * the span its request's traceparent names (AsyncLocalStorage), so whatever the handler sends on
 * (the EMApp's POST to its EM service, that service's requests to another cluster) carries the
 * same trace, and every trace line it writes can be told apart from the other requests' lines.
 * A request without the header (a real EM API client, a phone's TFTP fetch) runs in no span.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface SpanContext {
  /** 32 lower-case hex digits: the attempt. */
  readonly traceId: string;
  /** 16 lower-case hex digits: the message being served. */
  readonly spanId: string;
}

// Holds undefined inside outsideSpan (a context without a span), a SpanContext inside runInSpan.
const storage = new AsyncLocalStorage<SpanContext | undefined>();

/** The span the code running now serves, if any (one AsyncLocalStorage read: the cost when there is none). */
export function currentSpan(): SpanContext | undefined {
  return storage.getStore();
}

/** Run `fn` inside `span` (undefined: outside any span). */
export function runInSpan<T>(span: SpanContext | undefined, fn: () => T): T {
  if (span) return storage.run(span, fn);
  return outsideSpan(fn);
}

/** Run `fn` outside any span: work that only happens to start while a request is served (a timer firing) is no part of it. */
export function outsideSpan<T>(fn: () => T): T {
  return storage.getStore() === undefined ? fn() : storage.run(undefined, fn);
}

let spansOpen = 0;

/** A span the lab follows was opened (a message of an attempt was sent). */
export function spanOpened(): void {
  spansOpen++;
}

/**
 * A span the lab followed has ended. When none is left open, the context stops propagating: on
 * Node 20 an enabled AsyncLocalStorage makes every promise and async resource of the process
 * pay a hook call, attempt or not, so between attempts it is switched off (the next
 * traceparent switches it on again). A span left behind in an old resource is one that has
 * ended, which the lab no longer follows.
 */
export function spanClosed(): void {
  if (spansOpen > 0 && --spansOpen === 0) storage.disable();
}

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$/;
const ZERO_TRACE = '0'.repeat(32);
const ZERO_SPAN = '0'.repeat(16);

/** The span a traceparent header names (version 00 only; all-zero ids are invalid); undefined otherwise. */
export function parseTraceparent(header: string | string[] | undefined): SpanContext | undefined {
  if (typeof header !== 'string' || header.length !== 55) return undefined;
  const m = TRACEPARENT.exec(header);
  if (!m || m[1] === ZERO_TRACE || m[2] === ZERO_SPAN) return undefined;
  return { traceId: m[1]!, spanId: m[2]! };
}

/** The traceparent header of a span (sampled). */
export function formatTraceparent(span: SpanContext): string {
  return `00-${span.traceId}-${span.spanId}-01`;
}
