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
  const cluster = (name: string) => {
    const c = lab.clusterNamed(name);
    if (!c) throw new ApiError(`no cluster named ${name}`);
    return c;
  };
  const admin = (name: string) => cluster(name).admin;
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
    'admin.list': ({ cluster: c, kind, search }) => ({ records: admin(c).list(kind, search) }),
    'admin.get': ({ cluster: c, kind, key }) => {
      const record = admin(c).get(kind, key);
      if (!record) throw new ApiError(`no ${kind} named ${key}`);
      return { record };
    },
    'admin.save': ({ cluster: c, kind, key, record }) => admin(c).save(kind, key, record),
    'admin.delete': ({ cluster: c, kind, key }) => admin(c).delete(kind, key),
    'admin.choices': ({ cluster: c }) => admin(c).choices(),
    'admin.form': ({ cluster: c, page }) => ({ values: admin(c).form(page) }),
    'admin.saveForm': ({ cluster: c, page, values }) => admin(c).saveForm(page, values),
    'admin.validateIsp': ({ cluster: c }) => admin(c).validateIsp(),
    'admin.serviceActivation': ({ cluster: c }) => admin(c).serviceActivation(),
    'admin.setServiceActivation': ({ cluster: c, host, services }) => admin(c).setServiceActivation(host, services),
    'admin.bulkEmcc': ({ cluster: c }) => admin(c).bulk.status(),
    'admin.submitJob': ({ cluster: c, job }) => admin(c).bulk.submit(job),
    'admin.jobs': ({ cluster: c }) => ({ jobs: admin(c).bulk.jobs() }),
    'admin.updateRemoteClustersNow': async ({ cluster: c }) => {
      await cluster(c).updateRemoteClustersNow();
      return { ok: true as const };
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
  const offAdmin = lab.onAdminChange((cluster, change) => {
    sink('admin.changed', { cluster, what: change.what === 'jobs' ? 'jobs' : change.kind === 'remoteCluster' ? 'remote' : 'config' });
  });
  return () => {
    offScreen();
    offChange();
    offAdmin();
  };
}
