/**
 * The main process's side of the renderer contract: one handler per request of shared/api, and
 * the dispatcher both bindings (Electron IPC, browser WebSocket) run every message through.
 * Payloads are validated against the contract before a handler sees them; a bad one gets an
 * error answer and changes nothing.
 */
import { parseRequest, type EventSink, type RequestHandlers, type RequestName } from '../../shared/api/contract';
import type { FILE_REQUESTS } from '../../shared/api/file-contract';
import type { SHELL_REQUESTS } from '../../shared/api/shell-contract';
import type { Lab } from './lab';

export class ApiError extends Error {}

/** The desktop shell's requests (its phone windows): only the desktop app serves them. */
export type ShellRequestName = keyof typeof SHELL_REQUESTS;
/** Every request but the shell's: what a running app serves whatever its windows. */
export type AppRequestHandlers = Omit<RequestHandlers, ShellRequestName>;

/** The requests about the open lab itself (the session adds files, scenarios and the troubleshooter). */
export type LabRequestName = Exclude<RequestName, keyof typeof FILE_REQUESTS | ShellRequestName>;
export type LabRequestHandlers = Pick<RequestHandlers, LabRequestName>;

/** The handlers of one lab; given a function, each request asks it for the lab open at that moment. */
export function labHandlers(which: Lab | (() => Lab)): LabRequestHandlers {
  const labOf = typeof which === 'function' ? which : () => which;
  const phone = (deviceName: string) => {
    const p = labOf().phone(deviceName);
    if (!p) throw new ApiError(`no phone named ${deviceName}`);
    return p;
  };
  const cluster = (name: string) => {
    const c = labOf().clusterNamed(name);
    if (!c) throw new ApiError(`no cluster named ${name}`);
    return c;
  };
  const admin = (name: string) => cluster(name).admin;
  return {
    'lab.snapshot': () => labOf().snapshot(),
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
    'pki.certificates': ({ cluster: c }) => {
      const pki = cluster(c).pki;
      return { certificates: pki.certificates(), trusted: pki.trusted(), exportNeeded: pki.exportNeeded() };
    },
    'pki.regenerate': ({ cluster: c, host, purpose, validDays }) => saveResult(cluster(c).pki.regenerate(host, purpose, validDays), `${host}/${purpose}`),
    'pki.download': ({ cluster: c, host, purpose, format }) => {
      const file = cluster(c).pki.download(host, purpose, format);
      if (!file) throw new ApiError(`no ${purpose} certificate on ${host}`);
      return file;
    },
    'pki.untrust': ({ cluster: c, store, fingerprint }) => saveResult(cluster(c).pki.untrust(store, fingerprint), fingerprint),
    'pki.bulk': async ({ cluster: c }) => cluster(c).bulkCertificateStatus(),
    'pki.submit': async ({ cluster: c, action }) => {
      const cl = cluster(c);
      if (action !== 'export') {
        // Offered only when possible, as the page shows: two exports to consolidate, a consolidated file to import.
        const status = await cl.bulkCertificateStatus();
        const why = status.filesError ?? (action === 'consolidate' && !status.canConsolidate
          ? 'Consolidate needs the exports of two or more clusters in the SFTP directory'
          : action === 'import' && !status.canImport ? 'There is no consolidated file to import yet' : null);
        if (why) return { ok: false as const, errors: [{ field: 'action', message: why }] };
      }
      return { ok: true as const, jobId: action === 'export' ? cl.pki.submitExport() : action === 'consolidate' ? cl.pki.submitConsolidate() : cl.pki.submitImport() };
    },
    'admin.logOutPhone': ({ cluster: c, device }) => {
      const errors = cluster(c).logOutPhone(device);
      return saveResult(errors, device);
    },
    'lab.trace': ({ cluster: c }) => {
      if (c !== undefined) cluster(c);
      return { entries: labOf().trace.list(c) };
    },
    'lab.faults': () => ({ active: labOf().faults.list() }),
    'lab.attempts': () => ({ attempts: labOf().attempts.list() }),
    'lab.setClock': async ({ speed, paused, advanceMs }) => {
      const lab = labOf();
      if (speed !== undefined) lab.clock.setSpeed(speed);
      if (paused === true) lab.clock.pause();
      if (paused === false) lab.clock.resume();
      if (advanceMs) await lab.advance(advanceMs);
      return { now: lab.clock.now(), speed: lab.clock.speed, paused: lab.clock.paused };
    },
    'lab.schedulers': () => ({ schedulers: labOf().schedulerStates() }),
    'lab.exportTrace': ({ cluster: c }) => {
      if (c !== undefined) cluster(c);
      return labOf().traceFile(c);
    },
    'lab.setFault': ({ fault, target, active, value }) => saveResult(labOf().setFault(fault, target, active, value), target),
  };
}

function saveResult(errors: { field: string; message: string }[], key: string) {
  return errors.length ? { ok: false as const, errors } : { ok: true as const, key, warnings: [] };
}

export type DispatchResult = { ok: true; result: unknown } | { ok: false; error: string };

/** Validate and run one request; never throws. */
export async function dispatch(handlers: Partial<RequestHandlers>, name: unknown, payload: unknown): Promise<DispatchResult> {
  const parsed = parseRequest<RequestName>(String(name), payload);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  try {
    const handler = handlers[parsed.name] as ((p: unknown) => unknown) | undefined;
    if (!handler) return { ok: false, error: `${parsed.name} is not available here` };
    return { ok: true, result: await handler(parsed.payload) };
  } catch (e) {
    return { ok: false, error: e instanceof ApiError ? e.message : 'internal error' };
  }
}

/** What a binding (Electron IPC, the browser-mode WebSocket) serves: handlers, and where events come from. */
export interface ApiBinding {
  handlers: Partial<RequestHandlers>;
  /** Forward events to the binding's sink; returns the unsubscribe function. */
  forward(sink: EventSink): () => void;
}

/** One lab's API and nothing else (no files, scenarios or troubleshooter): for tests of a binding. */
export function singleLabApi(lab: Lab): ApiBinding {
  return { handlers: labHandlers(lab), forward: (sink) => forwardEvents(lab, sink) };
}

/** Forward the lab's events to a binding's sink; returns the unsubscribe function. */
export function forwardEvents(lab: Lab, sink: EventSink): () => void {
  const offScreen = lab.onScreen((screen) => sink('phone.screen', screen));
  const offChange = lab.onChange(() => sink('lab.changed', lab.snapshot()));
  const offTrace = lab.trace.onEntry((entry) => sink('lab.trace', entry));
  const offAttempt = lab.attempts.onAttempt((attempt) => sink('lab.attempt', attempt));
  const offScheduler = lab.onSchedulerRun((state) => sink('lab.scheduler', state));
  const offAdmin = lab.onAdminChange((cluster, change) => {
    sink('admin.changed', { cluster, what: change.what === 'jobs' || change.what === 'certificates' ? change.what : change.kind === 'remoteCluster' ? 'remote' : 'config' });
  });
  return () => {
    offScreen();
    offChange();
    offAdmin();
    offTrace();
    offAttempt();
    offScheduler();
  };
}
