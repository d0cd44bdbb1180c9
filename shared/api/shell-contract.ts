/**
 * The desktop shell's part of the contract: the lab window asks it to open, close or tile phone
 * windows, and hears which are open and which application-menu commands it should act on. Only
 * the desktop app serves these requests; in browser mode the same controls show and hide phone
 * panels in the page, and a request here is answered "not available".
 */
import { z } from 'zod';
import { DeviceName } from './device-name';
import { LAB_WINDOW_COMMANDS } from '../menu-commands';

/** The phones whose windows are open, in the order they were opened. */
export const PhoneWindows = z.object({ open: z.array(z.string()) });
export type PhoneWindows = z.infer<typeof PhoneWindows>;

const Empty = z.object({}).strict();

export const SHELL_REQUESTS = {
  /** Which phone windows are open now. */
  'shell.phoneWindows': { request: Empty, response: PhoneWindows },
  /** Open (and bring forward) or close one phone's window. */
  'shell.showPhone': { request: z.object({ deviceName: DeviceName, open: z.boolean() }).strict(), response: PhoneWindows },
  /** Open or close the window of every phone of the lab. */
  'shell.showAllPhones': { request: z.object({ open: z.boolean() }).strict(), response: PhoneWindows },
  /** Arrange the open phone windows side by side on the screen. */
  'shell.tilePhones': { request: Empty, response: PhoneWindows },
} as const;

export const SHELL_EVENTS = {
  /** A phone window opened or closed. */
  'shell.phoneWindows': PhoneWindows,
  /** An application-menu command the lab window carries out (its views and dialogs). */
  'shell.menuCommand': z.object({ command: z.enum(LAB_WINDOW_COMMANDS) }),
} as const;
