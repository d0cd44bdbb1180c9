/**
 * Browser mode: serves the built renderer and binds the API contract to a WebSocket, both on
 * loopback. The WebSocket refuses any connection that does not carry this run's token (printed
 * in the URL), so another local page cannot drive the lab.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { z } from 'zod';
import type { EventName } from '../../shared/api/contract';
import { dispatch, type ApiBinding } from '../lab/lab-api';
import { LAB_FILE_MAX_BYTES } from '../../shared/lab-file';
import { startHttpServer, type RunningServer } from '../net/http-server';
import { CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};


const Envelope = z.object({ id: z.number().int().nonnegative(), name: z.string().max(64), payload: z.unknown() }).strict();

export interface WebServer {
  url: string;
  token: string;
  /** The URL to open, with the token. */
  openUrl: string;
  close(): Promise<void>;
}

export async function startWebServer(api: ApiBinding, options: { rendererDir: string; port?: number }): Promise<WebServer> {
  const token = randomBytes(16).toString('hex');
  const root = path.resolve(options.rendererDir);
  const http: RunningServer = await startHttpServer(async (req) => {
    if (req.method !== 'GET') return { status: 405, body: 'method not allowed' };
    const rel = req.path === '/' ? 'index.html' : decodeURIComponent(req.path).replace(/^\/+/, '');
    const file = path.resolve(root, rel);
    if (!file.startsWith(root + path.sep)) return { status: 403, body: 'forbidden' };
    try {
      const body = await readFile(file);
      return {
        status: 200,
        headers: { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff' },
        body,
      };
    } catch {
      return { status: 404, body: 'not found' };
    }
  }, { port: options.port ?? 0 });

  const { handlers } = api;
  const expected = Buffer.from(token);
  const wss = new WebSocketServer({
    server: http.server,
    path: '/api',
    // A lab or scenario file the user opens travels as its text (JSON-escaped: up to twice its size).
    maxPayload: 2 * LAB_FILE_MAX_BYTES + 64 * 1024,
    verifyClient: ({ req }: { req: import('node:http').IncomingMessage }) => {
      const given = Buffer.from(new URL(req.url ?? '', 'http://x').searchParams.get('token') ?? '');
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  });
  const clients = new Set<WebSocket>();
  const stopEvents = api.forward((name: EventName, payload) => {
    const msg = JSON.stringify({ event: name, payload });
    for (const c of clients) if (c.readyState === c.OPEN) c.send(msg);
  });
  wss.on('connection', (ws) => {
    clients.add(ws);
    ws.on('close', () => clients.delete(ws));
    ws.on('message', (data) => {
      let envelope: z.infer<typeof Envelope>;
      try {
        envelope = Envelope.parse(JSON.parse(String(data)));
      } catch {
        ws.send(JSON.stringify({ id: null, ok: false, error: 'malformed message: expected {id, name, payload}' }));
        return;
      }
      void dispatch(handlers, envelope.name, envelope.payload).then((r) => ws.send(JSON.stringify({ id: envelope.id, ...r })));
    });
  });

  return {
    url: http.url,
    token,
    openUrl: `${http.url}/?token=${token}`,
    close: async () => {
      stopEvents();
      for (const c of clients) c.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await http.close();
    },
  };
}
