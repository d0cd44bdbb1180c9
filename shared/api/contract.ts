/**
 * The one contract between the renderer and the main process: every request and event, named
 * once with its schema. The Electron IPC binding and the browser-mode WebSocket binding are both
 * generated from these tables, and the main process validates every payload against them.
 */
import { z } from 'zod';
import type { EVENT_NAMES, REQUEST_NAMES } from './names';
import { ADMIN_EVENTS, ADMIN_REQUESTS } from './admin-contract';
import { ClockState, LAB_EVENTS, LAB_REQUESTS } from './lab-contract';
import { FILE_EVENTS, FILE_REQUESTS } from './file-contract';
import { SHELL_EVENTS, SHELL_REQUESTS } from './shell-contract';
import { DeviceName as deviceName } from './device-name';

/** Keys of the emulated phone: keypad, softkeys, the services/applications key, navigation. */
export const PHONE_KEYS = [
  '1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#',
  'soft1', 'soft2', 'soft3', 'soft4', 'soft5',
  'services', 'navUp', 'navDown', 'select', 'back',
] as const;
export const PhoneKey = z.enum(PHONE_KEYS);
export type PhoneKey = z.infer<typeof PhoneKey>;

const Line = z.object({ dn: z.string(), label: z.string() });
const Softkey = z.object({ key: PhoneKey, label: z.string() });

/** What the phone's screen shows in its middle area. */
export const PhoneView = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('idle') }),
  z.object({ kind: z.literal('status'), text: z.string() }),
  z.object({ kind: z.literal('menu'), title: z.string(), prompt: z.string(), items: z.array(z.string()), selected: z.number().int() }),
  z.object({
    kind: z.literal('input'),
    title: z.string(),
    prompt: z.string(),
    fields: z.array(z.object({ label: z.string(), value: z.string(), masked: z.boolean() })),
    focused: z.number().int(),
  }),
  z.object({ kind: z.literal('text'), title: z.string(), text: z.string() }),
]);
export type PhoneView = z.infer<typeof PhoneView>;

/** The whole state of one phone's face: the firmware computes it, the renderer draws it. */
export const PhoneScreen = z.object({
  deviceName: z.string(),
  model: z.string(),
  modelName: z.string(),
  locale: z.string(),
  status: z.enum(['booting', 'registering', 'registered', 'resetting', 'unregistered']),
  registration: z.object({ clusterId: z.string(), clusterName: z.string(), host: z.string() }).nullable(),
  /** True while the phone runs in EMCC mode (logged in from another cluster). */
  emcc: z.boolean(),
  loggedInUser: z.string().nullable(),
  lines: z.array(Line),
  view: PhoneView,
  softkeys: z.array(Softkey),
  servicesKeyLabel: z.string(),
});
export type PhoneScreen = z.infer<typeof PhoneScreen>;

export const LabSnapshot = z.object({
  clusters: z.array(z.object({
    id: z.string(),
    name: z.string(),
    clusterId: z.string(),
    version: z.string(),
    securityMode: z.string(),
    nodes: z.array(z.object({ name: z.string(), host: z.string(), url: z.string(), services: z.array(z.string()) })),
  })),
  /** ownClusterId: the cluster the phone belongs to (its visiting cluster when an EMCC user logs in). */
  phones: z.array(z.object({ deviceName: z.string(), model: z.string(), ownClusterId: z.string(), registeredTo: z.string().nullable() })),
  clock: ClockState,
});
export type LabSnapshot = z.infer<typeof LabSnapshot>;

const Empty = z.object({}).strict();

/** Requests: renderer -> main, each answered once. */
export const REQUESTS = {
  'lab.snapshot': { request: Empty, response: LabSnapshot },
  'phone.screen': { request: z.object({ deviceName }).strict(), response: PhoneScreen },
  'phone.pressKey': { request: z.object({ deviceName, key: PhoneKey }).strict(), response: Empty },
  'phone.typeText': { request: z.object({ deviceName, text: z.string().max(64) }).strict(), response: Empty },
  ...ADMIN_REQUESTS,
  ...LAB_REQUESTS,
  ...FILE_REQUESTS,
  ...SHELL_REQUESTS,
} as const satisfies Record<(typeof REQUEST_NAMES)[number], { request: z.ZodType; response: z.ZodType }>;

/** Events: main -> renderer, pushed whenever the state they carry changes. */
export const EVENTS = {
  'phone.screen': PhoneScreen,
  'lab.changed': LabSnapshot,
  ...ADMIN_EVENTS,
  ...LAB_EVENTS,
  ...FILE_EVENTS,
  ...SHELL_EVENTS,
} as const satisfies Record<(typeof EVENT_NAMES)[number], z.ZodType>;

export type RequestName = keyof typeof REQUESTS;
export type EventName = keyof typeof EVENTS;
export type RequestOf<N extends RequestName> = z.infer<(typeof REQUESTS)[N]['request']>;
export type ResponseOf<N extends RequestName> = z.infer<(typeof REQUESTS)[N]['response']>;
export type EventOf<N extends EventName> = z.infer<(typeof EVENTS)[N]>;

/** The API as the renderer sees it, whatever the binding. */
export interface LabApi {
  request<N extends RequestName>(name: N, payload: RequestOf<N>): Promise<ResponseOf<N>>;
  on<N extends EventName>(name: N, listener: (payload: EventOf<N>) => void): () => void;
  /** Called if the connection to the lab is lost (the browser-mode server stopped). */
  onDisconnect(listener: () => void): () => void;
}

/** The handlers the main process provides, one per request. */
export type RequestHandlers = { [N in RequestName]: (payload: RequestOf<N>) => Promise<ResponseOf<N>> | ResponseOf<N> };

/** Where the main process pushes events, whatever the binding. */
export type EventSink = <N extends EventName>(name: N, payload: EventOf<N>) => void;

/** A request validated against the contract; a failure names the field and the problem. */
export function parseRequest<N extends RequestName>(name: string, payload: unknown):
  { ok: true; name: N; payload: RequestOf<N> } | { ok: false; error: string } {
  if (!Object.hasOwn(REQUESTS, name)) return { ok: false, error: `unknown request "${String(name).slice(0, 40)}"` };
  const parsed = REQUESTS[name as N].request.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `${name}: ${issue?.path.join('.') || 'payload'}: ${issue?.message ?? 'invalid'}` };
  }
  return { ok: true, name: name as N, payload: parsed.data as RequestOf<N> };
}
