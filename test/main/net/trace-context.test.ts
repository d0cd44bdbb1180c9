/**
 * W3C traceparent through the lab's real HTTP path: the network adds it for a request its
 * observer follows, the server runs the handler in the span it names (so what the handler sends
 * on carries it), and nothing else is touched: no header, no span.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { LabClock } from '../../../main/clock/lab-clock';
import { startHttpServer, type RunningServer } from '../../../main/net/http-server';
import { LabNetwork, type ClientRequest, type RequestObserver } from '../../../main/net/lab-network';
import {
  currentSpan, formatTraceparent, parseTraceparent, runInSpan, spanClosed, spanOpened, type SpanContext,
} from '../../../main/net/trace-context';

const SPAN: SpanContext = { traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7' };

const running: RunningServer[] = [];
const networks: LabNetwork[] = [];
afterEach(async () => {
  for (const n of networks.splice(0)) n.close();
  await Promise.all(running.splice(0).map((s) => s.close()));
});

describe('traceparent', () => {
  it('reads version 00 with a 16-byte trace id and an 8-byte span id, and nothing else', () => {
    expect(parseTraceparent(formatTraceparent(SPAN))).toEqual(SPAN);
    expect(formatTraceparent(SPAN)).toBe('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01');
    for (const bad of [
      undefined, '', ['00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'],
      '01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      '00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01',
      '00-00000000000000000000000000000000-00f067aa0ba902b7-01',
      '00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01',
      '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra',
    ]) expect(parseTraceparent(bad)).toBeUndefined();
  });

  it('the server runs its handler in the span of the request\'s traceparent; what the handler sends on carries a traceparent the observer gave', async () => {
    const seen: { path: string; span: SpanContext | undefined; header: string | undefined }[] = [];
    const server = await startHttpServer(async (req) => {
      seen.push({ path: req.path, span: currentSpan(), header: req.headers.traceparent as string | undefined });
      // The handler's own request goes on inside its span.
      if (req.path === '/outer') await net.client('A').request({ url: 'http://node-a/inner' });
      return { status: 200, body: 'ok' };
    });
    running.push(server);
    const net = new LabNetwork();
    networks.push(net);
    net.register({ host: 'node-a', site: 'A', port: server.port });
    const opened: { site: string; url: string; parent: SpanContext | undefined }[] = [];
    const observer: RequestObserver = {
      open: (site: string, req: ClientRequest) => {
        const parent = currentSpan();
        opened.push({ site, url: req.url, parent });
        if (site !== 'phones' && !parent) return undefined;
        spanOpened();
        const span = { traceId: SPAN.traceId, spanId: parent ? 'aaaaaaaaaaaaaaaa' : SPAN.spanId };
        return { traceparent: formatTraceparent(span), close: () => spanClosed() };
      },
    };
    net.observer = observer;

    await net.client('phones').request({ url: 'http://node-a/outer' });
    expect(seen).toEqual([
      { path: '/outer', span: SPAN, header: formatTraceparent(SPAN) },
      { path: '/inner', span: { traceId: SPAN.traceId, spanId: 'aaaaaaaaaaaaaaaa' }, header: `00-${SPAN.traceId}-aaaaaaaaaaaaaaaa-01` },
    ]);
    expect(opened.map((o) => [o.site, o.url, o.parent])).toEqual([['phones', 'http://node-a/outer', undefined], ['A', 'http://node-a/inner', SPAN]]);

    // A request the observer does not follow goes without the header, and its handler runs in no span.
    seen.length = 0;
    await net.client('A').request({ url: 'http://node-a/plain' });
    expect(seen).toEqual([{ path: '/plain', span: undefined, header: undefined }]);
  });

  it('a lab-clock timer set inside a span fires outside it (a reset notification is no part of the request that set it)', () => {
    const clock = new LabClock({ paused: true });
    let inTimer: SpanContext | null = null;
    spanOpened();
    runInSpan(SPAN, () => {
      expect(currentSpan()).toEqual(SPAN);
      clock.setTimer(10, () => (inTimer = currentSpan() ?? null));
      clock.advance(10);
    });
    spanClosed();
    expect(inTimer).toBeNull();
    clock.dispose();
  });

  // Node 20 and 22 keep the store in async hooks, which cost every promise of the process while
  // enabled: when no span is open the storage is switched off. (From Node 24 the store lives in
  // the async context frame at no such cost, and switching off only clears the current frame.)
  it.skipIf(Number(process.versions.node.split('.')[0]) >= 24)('once no span is open, code still running in an old one no longer sees it', async () => {
    spanOpened();
    const later = runInSpan(SPAN, async () => {
      expect(currentSpan()).toEqual(SPAN);
      await new Promise((resolve) => setImmediate(resolve));
      return currentSpan();
    });
    spanClosed();
    expect(await later).toBeUndefined();
  });
});
