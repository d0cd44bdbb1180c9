/**
 * Browser mode: serves the built renderer and binds the API contract to a WebSocket, both on
 * loopback unless the user explicitly asks for another address (`serve --listen`). The WebSocket
 * refuses any connection that does not carry this run's token (printed in the URL), so another
 * local page, or another computer when the server is opened to the network, cannot drive the lab.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { isIP } from 'node:net';
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

/** The address browser mode listens on unless told otherwise: this computer only. */
export const DEFAULT_LISTEN = '127.0.0.1';

/** Whether an address only this computer can reach. */
export function isLoopback(address: string): boolean {
  const a = address.toLowerCase();
  return a === 'localhost' || a === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(a) || /^::ffff:127\./.test(a);
}

/** The host part of a URL to reach a server listening on `address` (a wildcard is reached on loopback). */
function urlHost(address: string): string {
  if (address === '0.0.0.0' || address === '::') return DEFAULT_LISTEN;
  return isIP(address) === 6 ? `[${address}]` : address;
}

export interface WebServer {
  url: string;
  /** The address it listens on. */
  address: string;
  token: string;
  /** The URL to open, with the token. */
  openUrl: string;
  close(): Promise<void>;
}

export async function startWebServer(api: ApiBinding, options: { rendererDir: string; port?: number; host?: string }): Promise<WebServer> {
  const host = options.host ?? DEFAULT_LISTEN;
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
  }, { port: options.port ?? 0, host });
  const url = `http://${urlHost(host)}:${http.port}`;

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
    url,
    address: host,
    token,
    openUrl: `${url}/?token=${token}`,
    close: async () => {
      stopEvents();
      for (const c of clients) c.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await http.close();
    },
  };
}
