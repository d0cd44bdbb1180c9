/**
 * Every server the app starts (the nodes' HTTP and HTTPS, the phones' endpoint, the embedded SFTP
 * server, the browser-mode page) listens on loopback only; browser mode listens elsewhere only
 * when the user asks with `serve --listen`, which says so on stderr, and the page's WebSocket
 * still wants the token there.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { singleLabApi } from '../../../main/lab/lab-api';
import type { Lab } from '../../../main/lab/lab';
import { isLoopback, startWebServer } from '../../../main/web/web-server';
import { firstStdoutLine } from '../../helpers/cli-process';
import { openLab } from '../../helpers/lab-fixture';

let rendererDir: string;
beforeAll(() => {
  rendererDir = mkdtempSync(path.join(os.tmpdir(), 'emcc-renderer-'));
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
});
afterAll(() => rmSync(rendererDir, { recursive: true, force: true }));

describe('the servers of a lab and of browser mode', () => {
  let lab: Lab | undefined;
  afterAll(async () => lab?.close());

  it('all listen on 127.0.0.1', async () => {
    // Every listening socket of the process, whoever opens it (http, https, ssh2's SFTP server).
    const bound: AddressInfo[] = [];
    const listen = net.Server.prototype.listen;
    const spy = vi.spyOn(net.Server.prototype, 'listen').mockImplementation(function (this: net.Server, ...args: unknown[]) {
      this.once('listening', () => bound.push(this.address() as AddressInfo));
      return (listen as (...a: unknown[]) => net.Server).apply(this, args);
    });
    try {
      lab = await openLab();
      const web = await startWebServer(singleLabApi(lab), { rendererDir });
      await web.close();
    } finally {
      spy.mockRestore();
    }
    // Two nodes with HTTP and HTTPS, the phones' endpoint, SFTP, the browser-mode page.
    expect(bound.length).toBeGreaterThanOrEqual(7);
    expect(bound.map((a) => a.address)).toEqual(bound.map(() => '127.0.0.1'));
  });
});

describe('browser mode opened to the network', () => {
  it('listens where the user said, is reached at its loopback URL, and still refuses a WebSocket without the token', async () => {
    const web = await startWebServer({ handlers: {}, forward: () => () => undefined }, { rendererDir, host: '0.0.0.0' });
    try {
      expect(web.address).toBe('0.0.0.0');
      expect(web.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await fetch(`${web.url}/`)).status).toBe(200);
      const refused = await new Promise<number>((resolve, reject) => {
        const ws = new WebSocket(`${web.url.replace('http', 'ws')}/api`);
        ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        ws.once('open', () => reject(new Error('opened without the token')));
      });
      expect(refused).toBe(401);
    } finally {
      await web.close();
    }
  });

  it('knows loopback addresses from the others', () => {
    for (const a of ['127.0.0.1', '127.1.2.3', '::1', 'localhost', '::ffff:127.0.0.1']) expect(isLoopback(a), a).toBe(true);
    for (const a of ['0.0.0.0', '::', '192.168.1.20', '10.0.0.1', 'fe80::1', '128.0.0.1']) expect(isLoopback(a), a).toBe(false);
  });

  it('serve --listen 0.0.0.0 warns on stderr that the lab page is open to the network', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'emcc-listen-'));
    const proc = spawn(process.execPath, ['bin/emcc-lab.mjs', 'serve', '--listen', '0.0.0.0', '--port', '0', '--data', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
    try {
      const line = await firstStdoutLine(proc);
      expect(line).toMatch(/open http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{32}$/);
      expect(err).toMatch(/WARNING: browser mode listens on 0\.0\.0\.0.*token/);
      expect(err).toContain('The clusters and phones stay on 127.0.0.1');
    } finally {
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('serve --listen refuses something that is not an address', async () => {
    const proc = spawn(process.execPath, ['bin/emcc-lab.mjs', 'serve', '--listen', 'everywhere'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((resolve) => proc.once('exit', resolve));
    expect(code).not.toBe(0);
    expect(err).toMatch(/an IP address of this computer/);
  });
});
