/**
 * The renderer's one way to the main process, chosen once at start: the desktop preload's bridge
 * when there is one, else the browser mode's WebSocket (with the token from the page URL). Both
 * give the same `LabApi` of the contract.
 */
import type { EventName, EventOf, LabApi, RequestName, RequestOf, ResponseOf } from '../../../shared/api/contract';
import { eventMethodName, type Bridge, type BridgeResult } from '../../../shared/api/bridge';

declare global {
  interface Window {
    emccLab?: Bridge;
  }
}

function unwrap<T>(r: BridgeResult): T {
  if (!r.ok) throw new Error(r.error);
  return r.result as T;
}

function electronApi(bridge: Bridge): LabApi {
  return {
    async request(name, payload) {
      const [group, method] = name.split('.') as [string, string];
      return unwrap(await bridge[group]![method]!(payload));
    },
    on(name, listener) {
      return bridge.events[eventMethodName(name)]!((p) => listener(p as never));
    },
    // The preload lives as long as the window: there is no connection to lose.
    onDisconnect: () => () => undefined,
  };
}

function webSocketApi(): LabApi {
  const token = new URLSearchParams(location.search).get('token') ?? '';
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api?token=${encodeURIComponent(token)}`;
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const disconnectListeners = new Set<() => void>();
  let socket: WebSocket;
  let ready: Promise<void>;

  const connect = () => {
    socket = new WebSocket(url);
    ready = new Promise((resolve, reject) => {
      socket.addEventListener('open', () => resolve(), { once: true });
      socket.addEventListener('error', () => reject(new Error('cannot reach the lab')), { once: true });
    });
    socket.addEventListener('message', (e) => {
      const msg = JSON.parse(String(e.data)) as { id?: number; ok?: boolean; result?: unknown; error?: string; event?: string; payload?: unknown };
      if (msg.event) {
        for (const l of listeners.get(msg.event) ?? []) l(msg.payload);
        return;
      }
      const p = msg.id != null ? pending.get(msg.id) : undefined;
      if (!p || msg.id == null) return;
      pending.delete(msg.id);
      if (msg.ok) p.resolve(msg.result);
      else p.reject(new Error(msg.error ?? 'request failed'));
    });
    socket.addEventListener('close', () => {
      for (const p of pending.values()) p.reject(new Error('connection to the lab closed'));
      pending.clear();
      for (const l of disconnectListeners) l();
    });
  };
  connect();

  return {
    async request<N extends RequestName>(name: N, payload: RequestOf<N>): Promise<ResponseOf<N>> {
      await ready;
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        socket.send(JSON.stringify({ id, name, payload }));
      });
    },
    on<N extends EventName>(name: N, listener: (payload: EventOf<N>) => void) {
      const set = listeners.get(name) ?? new Set();
      listeners.set(name, set);
      const l = listener as (p: unknown) => void;
      set.add(l);
      return () => set.delete(l);
    },
    onDisconnect(listener) {
      disconnectListeners.add(listener);
      return () => disconnectListeners.delete(listener);
    },
  };
}

/** The API of this window. */
export const api: LabApi = window.emccLab ? electronApi(window.emccLab) : webSocketApi();

/** Whether this page runs in the desktop app (phones are windows) rather than in a browser (phones are panels). */
export const isDesktop = !!window.emccLab;
