/**
 * Who may call the lab's API over IPC: only the main frame of one of our own windows, showing our
 * own page. A frame inside a page, a window we did not open, or a page that somehow navigated
 * elsewhere is refused before its message is even parsed. No electron import (tested under Node).
 */
import { ourPage } from './window-policy';

export interface IpcSender {
  /** The sending web contents' id. */
  senderId: number;
  /** The URL of the frame that sent it (null once the frame is gone). */
  frameUrl: string | null | undefined;
  isMainFrame: boolean;
}

export const REFUSED_SENDER = 'refused: not one of the lab windows';

export function ipcSenderAllowed(sender: IpcSender, trustedIds: ReadonlySet<number>, rendererIndex: string): boolean {
  return trustedIds.has(sender.senderId) && sender.isMainFrame && !!sender.frameUrl && ourPage(sender.frameUrl, rendererIndex) !== undefined;
}
