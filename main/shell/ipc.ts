/**
 * The only module that touches ipcMain. Every message is checked before a handler runs: it must
 * come from the main frame of one of our own windows, and its payload must parse with the
 * contract's schema (done by `dispatch`). Events go to every window of ours.
 */
import { ipcMain, type BrowserWindow, type WebContents } from 'electron';
import { REQUESTS, type EventName, type RequestHandlers } from '../../shared/api/contract';
import { dispatch } from '../lab/lab-api';

const trusted = new Set<number>();

/** Accept IPC from this window (called for each window we create). */
export function trustWindow(win: BrowserWindow): void {
  const id = win.webContents.id;
  trusted.add(id);
  win.on('closed', () => trusted.delete(id));
}

function fromTrustedFrame(sender: WebContents, frameUrl: string | undefined, isMainFrame: boolean): boolean {
  return trusted.has(sender.id) && isMainFrame && (frameUrl ?? '').startsWith('file://');
}

/** Register one IPC handler per request of the contract. */
export function setupIpc(handlers: RequestHandlers): void {
  for (const name of Object.keys(REQUESTS)) {
    ipcMain.handle(`api:${name}`, async (event, payload: unknown) => {
      const frame = event.senderFrame;
      if (!fromTrustedFrame(event.sender, frame?.url, frame === event.sender.mainFrame)) {
        return { ok: false, error: 'refused: not one of the lab windows' };
      }
      return dispatch(handlers, name, payload);
    });
  }
}

/** Push an event to every lab window. */
export function broadcast(windows: () => BrowserWindow[], name: EventName, payload: unknown): void {
  for (const w of windows()) if (!w.isDestroyed()) w.webContents.send(`event:${name}`, payload);
}
