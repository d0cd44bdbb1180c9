/**
 * The shape of the API object the desktop preload exposes: a method per request, grouped by the
 * request's prefix (`phone.pressKey` -> `bridge.phone.pressKey`), and `on<Event>` per event
 * (`phone.screen` -> `bridge.onPhoneScreen`). Generated from the contract so it cannot drift.
 */
export type BridgeResult = { ok: true; result: unknown } | { ok: false; error: string };

export type Bridge = Record<string, Record<string, (payload: unknown) => Promise<BridgeResult>>> & {
  events: Record<string, (listener: (payload: unknown) => void) => () => void>;
};

/** `phone.screen` -> `onPhoneScreen`. */
export function eventMethodName(event: string): string {
  return `on${event.split('.').map((p) => p[0]!.toUpperCase() + p.slice(1)).join('')}`;
}

export function bridgeShape(
  requests: string[],
  events: string[],
  invoke: (name: string, payload: unknown) => Promise<BridgeResult>,
  subscribe: (name: string, listener: (payload: unknown) => void) => () => void,
): Bridge {
  const bridge: Record<string, Record<string, unknown>> = { events: {} };
  for (const name of requests) {
    const [group, method] = name.split('.') as [string, string];
    bridge[group] ??= {};
    bridge[group]![method] = (payload: unknown) => invoke(name, payload);
  }
  for (const name of events) bridge.events![eventMethodName(name)] = (listener: (p: unknown) => void) => subscribe(name, listener);
  return bridge as Bridge;
}
