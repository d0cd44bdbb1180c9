/**
 * A renderer that sends garbage over IPC gets an error answer, never a crash, a handler run or a
 * changed database: every request name of the contract, through the desktop shell's own IPC
 * handlers (main/shell/ipc.ts, with Electron's ipcMain replaced by a recorder), against the app's
 * whole API (the lab session's requests and the shell's phone windows).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { REQUESTS, type RequestHandlers } from '../../../shared/api/contract';
import { REQUEST_NAMES } from '../../../shared/api/names';
import { LabSession } from '../../../main/lab/lab-session';
import { sessionApi } from '../../../main/lab/session-api';
import { ScenarioDesk } from '../../../main/lab/scenario-desk';
import { PhoneWindowManager, type WindowHost } from '../../../main/shell/phone-windows';
import { WindowStateStore } from '../../../main/shell/window-state';
import { REFUSED_SENDER } from '../../../main/shell/ipc-gate';
import { dbFingerprint } from '../../helpers/db-fingerprint';
import { TEST_KEYS } from '../../helpers/lab-fixture';

type IpcListener = (event: unknown, payload: unknown) => Promise<unknown>;
const channels = new Map<string, IpcListener>();
vi.mock('electron', () => ({ ipcMain: { handle: (channel: string, listener: IpcListener) => channels.set(channel, listener) } }));
const { setupIpc, trustWindow } = await import('../../../main/shell/ipc');

const rendererIndex = path.resolve('/app/dist/renderer/index.html');
const OUR_PAGE = `${pathToFileURL(rendererIndex).href}?view=lab`;
const WINDOW_ID = 7;

/** An IPC event as Electron gives it: from the main frame of web contents `senderId` at `url`. */
function ipcEvent(url: string | null, options: { senderId?: number; subframe?: boolean } = {}) {
  const mainFrame = { url };
  return { sender: { id: options.senderId ?? WINDOW_ID, mainFrame }, senderFrame: options.subframe ? { url } : url === null ? null : mainFrame };
}

async function invoke(name: string, payload: unknown, event = ipcEvent(OUR_PAGE)): Promise<{ ok: boolean; error?: string; result?: unknown }> {
  const listener = channels.get(`api:${name}`);
  if (!listener) throw new Error(`no IPC handler for ${name}`);
  return (await listener(event, payload)) as { ok: boolean; error?: string };
}

/** Payloads no request of the contract accepts (every request's schema is a strict object). */
const GARBAGE: [string, unknown][] = [
  ['undefined', undefined],
  ['null', null],
  ['a number', 42],
  ['NaN', Number.NaN],
  ['a string', "'; DROP TABLE phones; --"],
  ['a boolean', true],
  ['an array', [{ deviceName: 'SEP00AA11BB22CC' }]],
  ['an unknown field', { bogus: 1 }],
  ['a __proto__ key', JSON.parse('{"__proto__": {"polluted": true}}')],
  ['a constructor key', { constructor: { prototype: { polluted: true } } }],
  ['a huge string', 'x'.repeat(2_000_000)],
  ['a deep object', JSON.parse(`${'{"a":'.repeat(500)}1${'}'.repeat(500)}`)],
];

/** Each field of the request set to a value of the wrong type (an operator object, as an injection would send). */
function wrongTypes(name: keyof typeof REQUESTS): [string, unknown][] {
  const shape = (REQUESTS[name].request as unknown as { shape?: Record<string, unknown> }).shape ?? {};
  return Object.keys(shape).map((k) => [`${k} of the wrong type`, { [k]: { $gt: '' } }]);
}

describe('garbage over IPC', () => {
  let dir: string;
  let session: LabSession;
  let calls: string[];
  let fingerprints: () => string[];
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'emcc-ipc-'));
    session = await LabSession.open({ dataDir: path.join(dir, 'data'), initial: 'demo', keys: TEST_KEYS });
    const host: WindowHost = { openPhone: () => ({ close: () => undefined, focus: () => undefined, setBounds: () => undefined }), workAreas: () => [{ x: 0, y: 0, width: 1920, height: 1080 }] };
    const windows = new PhoneWindowManager(host, WindowStateStore.load(path.join(dir, 'phone-windows.json')));
    windows.setLab(session.lab.snapshot().phones);
    const all = { ...sessionApi(session, new ScenarioDesk(session, path.join(dir, 'no-library'), 0)).handlers, ...windows.handlers() };
    // Every handler records that it ran: garbage must never reach one.
    calls = [];
    const spied = Object.fromEntries(Object.entries(all).map(([name, h]) => [name, (p: unknown) => {
      calls.push(name);
      return (h as (p: unknown) => unknown)(p);
    }])) as unknown as RequestHandlers;
    trustWindow({ webContents: { id: WINDOW_ID }, on: () => undefined } as never);
    setupIpc(spied, rendererIndex);
    fingerprints = () => session.lab.clusters.map((c) => dbFingerprint(c.store));
  });
  afterAll(async () => {
    await session.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('registers one IPC channel per request of the contract, and no other', () => {
    expect([...channels.keys()].sort()).toEqual(REQUEST_NAMES.map((n) => `api:${n}`).sort());
  });

  it('answers garbage for every request with an error naming the request, runs no handler and changes no database', async () => {
    const before = fingerprints();
    for (const name of REQUEST_NAMES) {
      for (const [what, payload] of [...GARBAGE, ...wrongTypes(name)]) {
        const answer = await invoke(name, payload);
        expect(answer, `${name} with ${what}`).toMatchObject({ ok: false, error: expect.stringContaining(name) });
      }
    }
    expect(calls).toEqual([]);
    expect(fingerprints()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('answers a request from a frame that is not one of our pages with a refusal, before looking at it', async () => {
    const valid = { deviceName: 'SEP00AA11BB22CC', key: 'services' };
    expect(await invoke('phone.pressKey', valid, ipcEvent('https://evil.example/'))).toEqual({ ok: false, error: REFUSED_SENDER });
    expect(await invoke('phone.pressKey', valid, ipcEvent(OUR_PAGE, { senderId: 99 }))).toEqual({ ok: false, error: REFUSED_SENDER });
    expect(await invoke('phone.pressKey', valid, ipcEvent(OUR_PAGE, { subframe: true }))).toEqual({ ok: false, error: REFUSED_SENDER });
    expect(await invoke('phone.pressKey', valid, ipcEvent(null))).toEqual({ ok: false, error: REFUSED_SENDER });
    expect(calls).toEqual([]);
  });

  it('still answers a valid request from our page', async () => {
    const answer = await invoke('lab.snapshot', {});
    expect(answer).toMatchObject({ ok: true, result: { clusters: [{ name: 'home' }, { name: 'visiting' }] } });
    expect(await invoke('shell.showPhone', { deviceName: 'SEPNOSUCHPHONE', open: true })).toEqual({ ok: false, error: 'no phone named SEPNOSUCHPHONE' });
  });
});
