import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Lab } from '../../../main/lab/lab';
import { startWebServer, type WebServer } from '../../../main/web/web-server';
import { singleLabApi } from '../../../main/lab/lab-api';
import { dbFingerprint } from '../../helpers/db-fingerprint';
import { openLab, registeredTo, VISITING_PHONE, waitForScreen } from '../../helpers/lab-fixture';

function connect(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

function ask(ws: WebSocket, message: unknown): Promise<{ id: number | null; ok: boolean; result?: unknown; error?: string }> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const msg = JSON.parse(String(data));
      if ('event' in msg) return;
      ws.off('message', onMessage);
      resolve(msg);
    };
    ws.on('message', onMessage);
    ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  });
}

describe('browser mode', () => {
  let lab: Lab;
  let web: WebServer;
  beforeAll(async () => {
    lab = await openLab();
    await waitForScreen(lab, VISITING_PHONE, registeredTo('VISIT'));
    const dir = mkdtempSync(path.join(os.tmpdir(), 'emcc-renderer-'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>t</title>');
    web = await startWebServer(singleLabApi(lab), { rendererDir: dir });
  });
  afterAll(async () => {
    await web.close();
    await lab.close();
  });

  it('serves the renderer on loopback with a strict Content Security Policy', async () => {
    expect(web.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${web.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('does not serve files outside the renderer folder', async () => {
    expect((await fetch(`${web.url}/..%2f..%2fetc%2fpasswd`)).status).toBeGreaterThanOrEqual(403);
  });

  it('refuses a WebSocket without this run\'s token', async () => {
    await expect(connect(`${web.url.replace('http', 'ws')}/api`)).rejects.toThrow(/401/);
    await expect(connect(`${web.url.replace('http', 'ws')}/api?token=${'0'.repeat(32)}`)).rejects.toThrow(/401/);
  });

  it('answers requests of the contract and pushes phone screens', async () => {
    const ws = await connect(`${web.url.replace('http', 'ws')}/api?token=${web.token}`);
    const snap = await ask(ws, { id: 1, name: 'lab.snapshot', payload: {} });
    expect(snap).toMatchObject({ id: 1, ok: true });
    expect((snap.result as { phones: unknown[] }).phones).toHaveLength(3);
    const screenEvent = new Promise((resolve) => ws.on('message', (d) => {
      const m = JSON.parse(String(d));
      if (m.event === 'phone.screen' && m.payload.deviceName === VISITING_PHONE && m.payload.view.kind === 'menu') resolve(m.payload);
    }));
    expect(await ask(ws, { id: 2, name: 'phone.pressKey', payload: { deviceName: VISITING_PHONE, key: 'services' } })).toMatchObject({ ok: true });
    await expect(screenEvent).resolves.toMatchObject({ view: { kind: 'menu', items: ['Extension Mobility'] } });
    ws.close();
  });

  it('answers garbage and invalid payloads with an error naming the problem, and changes nothing', async () => {
    const before = lab.clusters.map((c) => dbFingerprint(c.store));
    const ws = await connect(`${web.url.replace('http', 'ws')}/api?token=${web.token}`);
    expect(await ask(ws, 'not json')).toMatchObject({ ok: false, error: expect.stringContaining('malformed') });
    expect(await ask(ws, { id: 3, name: 'lab.dropTables', payload: {} })).toMatchObject({ ok: false, error: expect.stringContaining('unknown request') });
    expect(await ask(ws, { id: 4, name: 'phone.pressKey', payload: { deviceName: VISITING_PHONE, key: 'selfDestruct' } }))
      .toMatchObject({ id: 4, ok: false, error: expect.stringContaining('key') });
    expect(await ask(ws, { id: 5, name: 'phone.typeText', payload: { deviceName: "x'; DROP TABLE phones;--", text: 'a' } }))
      .toMatchObject({ ok: false, error: expect.stringContaining('deviceName') });
    expect(await ask(ws, { id: 6, name: 'phone.screen', payload: { deviceName: 'SEPNOSUCHPHONE' } })).toMatchObject({ ok: false, error: 'no phone named SEPNOSUCHPHONE' });
    expect(lab.clusters.map((c) => dbFingerprint(c.store))).toEqual(before);
    ws.close();
  });
});
