/**
 * A small HTTP server on loopback for the simulated nodes, the phones' endpoint and the browser
 * mode. It hands handlers a parsed request with the body read (bounded), runs each one in the
 * span its request's traceparent names (main/net/trace-context: a login attempt's message), and
 * turns any handler failure into a plain 500 without leaking a stack trace.
 */
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { parseTraceparent, runInSpan } from './trace-context';

export interface HttpRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: string;
  remoteAddress: string;
  /** The client's port and ours: with LabNetwork.siteOf, which lab site (if any) sent the request. */
  remotePort?: number;
  localPort?: number;
}

export interface HttpResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export type HttpHandler = (req: HttpRequest) => Promise<HttpResponse> | HttpResponse;

export interface RunningServer {
  readonly port: number;
  readonly url: string;
  readonly server: http.Server;
  close(): Promise<void>;
}

/** The certificate an HTTPS server presents (PEM). */
export interface TlsIdentity {
  key: string;
  cert: string;
}

export interface RunningHttpsServer extends RunningServer {
  /**
   * Present another certificate (a regenerated Tomcat certificate). Open connections are closed,
   * as Tomcat's restart after a regeneration closes them, so every client sees the new one.
   */
  setIdentity(identity: TlsIdentity): void;
}

/** Largest request body accepted; larger ones answer 413 without reaching the handler. */
export const MAX_BODY_BYTES = 256 * 1024;

export function startHttpServer(
  handler: HttpHandler,
  options: { host?: string; port?: number } = {},
): Promise<RunningServer> {
  return listen(http.createServer((req, res) => void serve(handler, req, res)), 'http', options);
}

/** The same server over TLS, presenting `identity` (a node's Tomcat certificate on 8443). */
export async function startHttpsServer(
  handler: HttpHandler,
  identity: TlsIdentity,
  options: { host?: string; port?: number } = {},
): Promise<RunningHttpsServer> {
  const server = https.createServer({ ...identity, minVersion: 'TLSv1.2' }, (req, res) => void serve(handler, req, res));
  const running = await listen(server, 'https', options);
  return {
    ...running,
    setIdentity: (id) => {
      server.setSecureContext({ ...id, minVersion: 'TLSv1.2' });
      server.closeAllConnections();
    },
  };
}

async function listen(server: http.Server, scheme: 'http' | 'https', options: { host?: string; port?: number }): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `${scheme}://${host}:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function serve(handler: HttpHandler, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  // Who called, read before the body: a socket that closes meanwhile forgets its addresses.
  const { remoteAddress = '', remotePort, localPort } = req.socket;
  try {
    const body = await readBody(req);
    if (body === null) return send(res, { status: 413, body: 'request body too large' });
    const url = new URL(req.url ?? '/', 'http://localhost');
    const request: HttpRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body,
      remoteAddress,
      remotePort,
      localPort,
    };
    // The handler runs in the span its traceparent names (a lab attempt's message), or in none:
    // what it sends on and the trace lines it writes belong to that span.
    const response = await runInSpan(parseTraceparent(req.headers.traceparent), () => handler(request));
    send(res, response);
  } catch {
    if (!res.headersSent) send(res, { status: 500, body: 'internal error' });
    else res.destroy();
  }
}

function send(res: http.ServerResponse, r: HttpResponse): void {
  const body = r.body ?? '';
  res.writeHead(r.status, {
    'content-type': 'text/plain; charset=utf-8',
    ...r.headers,
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(c);
    });
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
