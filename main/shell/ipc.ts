/**
 * The only module that touches ipcMain. Every message is checked before a handler runs: it must
 * come from the main frame of one of our own windows showing our page (ipc-gate.ts), and its
 * payload must parse with the contract's schema (done by `dispatch`, which never throws). Events
 * go to every window of ours.
 */
import { ipcMain, type BrowserWindow } from 'electron';
import { REQUESTS, type EventName, type RequestHandlers } from '../../shared/api/contract';
import { dispatch } from '../lab/lab-api';
import { ipcSenderAllowed, REFUSED_SENDER } from './ipc-gate';

const trusted = new Set<number>();

/** Accept IPC from this window (called for each window we create). */
export function trustWindow(win: BrowserWindow): void {
  const id = win.webContents.id;
  trusted.add(id);
  win.on('closed', () => trusted.delete(id));
}

/** Register one IPC handler per request of the contract; `rendererIndex` is our page on disk. */
export function setupIpc(handlers: RequestHandlers, rendererIndex: string): void {
  for (const name of Object.keys(REQUESTS)) {
    ipcMain.handle(`api:${name}`, async (event, payload: unknown) => {
      const frame = event.senderFrame;
      const sender = { senderId: event.sender.id, frameUrl: frame?.url, isMainFrame: !!frame && frame === event.sender.mainFrame };
      if (!ipcSenderAllowed(sender, trusted, rendererIndex)) return { ok: false, error: REFUSED_SENDER };
      return dispatch(handlers, name, payload);
    });
  }
}

/** Push an event to every lab window. */
export function broadcast(windows: () => BrowserWindow[], name: EventName, payload: unknown): void {
  for (const w of windows()) if (!w.isDestroyed()) w.webContents.send(`event:${name}`, payload);
}

/** Push an event to one window. */
export function sendTo(win: BrowserWindow | undefined, name: EventName, payload: unknown): void {
  if (win && !win.isDestroyed()) win.webContents.send(`event:${name}`, payload);
}
