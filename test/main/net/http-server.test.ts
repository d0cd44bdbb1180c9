/** The loopback HTTP server: what a handler sees of a request target, odd ones included. */
import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startHttpServer, type RunningServer } from '../../../main/net/http-server';

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Send a raw request target (no client-side normalisation) and return what the handler saw. */
function seen(target: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server!.port, path: target, agent: false }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve(body));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('request targets', () => {
  it('gives handlers the path and query the WHATWG URL parser gives, for plain and odd targets alike', async () => {
    server = await startHttpServer((req) => ({ status: 200, body: JSON.stringify([req.path, [...req.query]]) }));
    const targets = [
      '/emapp/EMAppServlet?device=SEP1&EMCC=true&userid=a%20b&seq=1+2',
      '/SEP00AA11BB22CC.cnf.xml',
      '/',
      '/a/./b/../c?x=1',
      '/a//b',
      '/%2e%2e/etc/passwd',
      '/a%2Fb?q=%26',
      "/it's(fine)!*~",
      '/x?',
      '/x?a=1&a=2&b',
      '/caf%C3%A9?n=%E4%B8%AD',
      '/a/b/..',
    ];
    for (const t of targets) {
      const url = new URL(t, 'http://localhost');
      expect([t, JSON.parse(await seen(t))]).toEqual([t, [url.pathname, [...url.searchParams]]]);
    }
  });
});
