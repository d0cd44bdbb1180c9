/**
 * The main process's side of the renderer contract: one handler per request of shared/api, and
 * the dispatcher both bindings (Electron IPC, browser WebSocket) run every message through.
 * Payloads are validated against the contract before a handler sees them; a bad one gets an
 * error answer and changes nothing.
 */
import { parseRequest, type EventSink, type RequestHandlers, type RequestName } from '../../shared/api/contract';
import type { Lab } from './lab';

export class ApiError extends Error {}

export function labHandlers(lab: Lab): RequestHandlers {
  const phone = (deviceName: string) => {
    const p = lab.phone(deviceName);
    if (!p) throw new ApiError(`no phone named ${deviceName}`);
    return p;
  };
  return {
    'lab.snapshot': () => lab.snapshot(),
    'phone.screen': ({ deviceName }) => phone(deviceName).screen(),
    'phone.pressKey': ({ deviceName, key }) => {
      phone(deviceName).pressKey(key);
      return {};
    },
    'phone.typeText': ({ deviceName, text }) => {
      phone(deviceName).typeText(text);
      return {};
    },
  };
}

export type DispatchResult = { ok: true; result: unknown } | { ok: false; error: string };

/** Validate and run one request; never throws. */
export async function dispatch(handlers: RequestHandlers, name: unknown, payload: unknown): Promise<DispatchResult> {
  const parsed = parseRequest<RequestName>(String(name), payload);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  try {
    const handler = handlers[parsed.name] as (p: unknown) => unknown;
    return { ok: true, result: await handler(parsed.payload) };
  } catch (e) {
    return { ok: false, error: e instanceof ApiError ? e.message : 'internal error' };
  }
}

/** Forward the lab's events to a binding's sink; returns the unsubscribe function. */
export function forwardEvents(lab: Lab, sink: EventSink): () => void {
  const offScreen = lab.onScreen((screen) => sink('phone.screen', screen));
  const offChange = lab.onChange(() => sink('lab.changed', lab.snapshot()));
  return () => {
    offScreen();
    offChange();
  };
}
