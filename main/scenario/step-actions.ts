/**
 * What each kind of step does to the lab, through the paths a person uses: the phones' keys, the
 * clusters' administration (the same calls the admin windows make), the Faults panel, the lab
 * clock, and an EM API application's HTTP request. `expect` steps only look.
 */
import type { Said } from '../../shared/api/file-contract';
import type { FieldError } from '../../shared/admin/fields';
import { durationMs, type ScenarioStep } from '../../shared/scenario';
import type { Cluster } from '../cluster/cluster';
import type { Lab } from '../lab/lab';
import { postEmApi, type EmApiAnswer } from './em-api-client';
import { Unsettled, type LabSettler } from './lab-settle';
import { failed, said, short, type PhoneDriver, type StepOutcome } from './phone-driver';
import { expectStep } from './expect-step';
import { visibleText } from './screen-text';

export interface StepContext {
  lab: Lab;
  driver: PhoneDriver;
  settler: LabSettler;
  /** The last EM API answer (null: the request got none); undefined before the first. */
  lastApi: EmApiAnswer | null | undefined;
  /** Record error codes an application was shown. */
  noteCodes(codes: number[]): void;
}

type Step<K extends ScenarioStep['do']> = Extract<ScenarioStep, { do: K }>;

/** A cluster by its lab name ("home") or its Cluster ID ("HOME"). */
export function clusterOf(lab: Lab, name: string): Cluster | undefined {
  return lab.clusterNamed(name) ?? lab.cluster(name) ?? lab.clusters.find((c) => c.identity().clusterId.toLowerCase() === name.toLowerCase());
}

const refused = (errors: readonly FieldError[]): StepOutcome =>
  failed('fail.refused', { errors: errors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join('; ') });

function savedOutcome(result: { ok: true; warnings: string[] } | { ok: false; errors: FieldError[] }): StepOutcome {
  if (!result.ok) return refused(result.errors);
  return { ok: true, message: result.warnings.length ? said('result.savedWarnings', { warnings: result.warnings.join(' ') }) : said('result.saved') };
}

/** Play one step; resolves with what came of it (the caller waits for the lab to settle after). */
export async function playStep(step: ScenarioStep, ctx: StepContext): Promise<StepOutcome> {
  const { lab } = ctx;
  switch (step.do) {
    case 'login':
      if (!lab.phone(step.device)) return failed('fail.noPhone', { device: step.device });
      return ctx.driver.login(step.device, step.user, step.pin, step.wait ?? true);
    case 'logout':
      if (!lab.phone(step.device)) return failed('fail.noPhone', { device: step.device });
      return ctx.driver.logout(step.device);
    case 'press':
      return press(step, ctx);
    case 'fault': {
      const errors = lab.setFault(step.fault, step.target, step.on, step.value);
      return errors.length ? refused(errors) : { ok: true, message: said('result.done') };
    }
    case 'clock':
      await ctx.settler.waitFor(lab.advance(durationMs(step.advance)), () => 'the clock jump');
      return { ok: true, message: said('result.clock', { time: new Date(lab.clock.now()).toISOString() }) };
    case 'emApi':
      return emApi(step, ctx);
    case 'expect':
      return expectStep(step, lab, ctx.lastApi);
    default:
      return admin(step, ctx);
  }
}

async function press(step: Step<'press'>, ctx: StepContext): Promise<StepOutcome> {
  const phone = ctx.lab.phone(step.device);
  if (!phone) return failed('fail.noPhone', { device: step.device });
  if (step.type !== undefined) await ctx.driver.type(step.device, step.type);
  // `wait: false` is the last key's: the keys before it open the page it acts on.
  const last = step.keys.length - 1;
  for (const [i, key] of step.keys.entries()) await ctx.driver.key(step.device, key, step.wait !== false || i < last);
  return step.wait === false ? ctx.driver.unanswered(step.device) : { ok: true, message: null };
}

async function emApi(step: Step<'emApi'>, ctx: StepContext): Promise<StepOutcome> {
  if (!ctx.lab.network.lookup(step.host)) return failed('fail.noHost', { host: step.host });
  let answer: EmApiAnswer;
  try {
    answer = await ctx.settler.waitFor(postEmApi(ctx.lab, step.host, step.xml), () => `${step.host} has not answered the EM API request`);
  } catch (e) {
    ctx.lastApi = null;
    if (e instanceof Unsettled) throw e;
    return failed('fail.apiUnreachable', { host: step.host, error: e instanceof Error ? e.message : String(e) });
  }
  ctx.lastApi = answer;
  if (answer.code !== null) {
    ctx.noteCodes([answer.code]);
    return { ok: true, message: said('result.apiCode', { host: step.host, code: answer.code, message: answer.message ?? '' }) };
  }
  if (answer.status !== 200) return { ok: true, message: said('result.apiOther', { host: step.host, status: answer.status }) };
  return { ok: true, message: said('result.apiSuccess', { host: step.host }) };
}

/** Administration: the calls the cluster's admin window makes, by cluster name or Cluster ID. */
async function admin(step: Exclude<ScenarioStep, { do: 'login' | 'logout' | 'press' | 'fault' | 'clock' | 'emApi' | 'expect' }>, ctx: StepContext): Promise<StepOutcome> {
  const cluster = clusterOf(ctx.lab, step.cluster);
  if (!cluster) return failed('fail.noCluster', { cluster: step.cluster });
  const outcome = await adminOn(cluster, step, ctx);
  // A server added or removed starts or stops its listeners after the save.
  await cluster.serversSettled();
  return outcome;
}

async function adminOn(cluster: Cluster, step: Parameters<typeof admin>[0], ctx: StepContext): Promise<StepOutcome> {
  const { admin } = cluster;
  switch (step.do) {
    case 'save': {
      if (step.key === null) return savedOutcome(admin.save(step.kind, null, step.set));
      const existing = admin.get(step.kind, step.key);
      if (!existing) return failed('fail.noRecord', { cluster: step.cluster, kind: step.kind, key: step.key });
      return savedOutcome(admin.save(step.kind, step.key, { ...existing, ...step.set }));
    }
    case 'delete':
      return savedOutcome(admin.delete(step.kind, step.key));
    case 'form':
      return savedOutcome(admin.saveForm(step.page, { ...admin.form(step.page), ...step.set }));
    case 'services':
      return savedOutcome(admin.setServiceActivation(step.host, step.set));
    case 'updateRemoteClusters':
      await ctx.settler.waitFor(cluster.updateRemoteClustersNow(), () => `${step.cluster}: Update Remote Cluster Now`);
      return { ok: true, message: said('result.done') };
    case 'untrust': {
      // The entries the Certificate Management page lists for that node and purpose (its own or imported).
      const suffix = `/${step.host}/${step.purpose}`.toLowerCase();
      const entries = cluster.pki.trusted().filter((t) => t.store === step.store && t.source.toLowerCase().endsWith(suffix));
      if (!entries.length) return failed('fail.noTrustEntry', { cluster: step.cluster, store: step.store, host: step.host, purpose: step.purpose });
      for (const t of entries) {
        const errors = cluster.pki.untrust(step.store, t.fingerprint);
        if (errors.length) return refused(errors);
      }
      return { ok: true, message: said('result.done') };
    }
    case 'regenerate': {
      const errors = cluster.pki.regenerate(step.host, step.purpose, step.validDays);
      return errors.length ? refused(errors) : { ok: true, message: said('result.done') };
    }
    case 'adminLogOut': {
      const errors = cluster.logOutPhone(step.device);
      return errors.length ? refused(errors) : { ok: true, message: said('result.done') };
    }
  }
}

/** What a phone ends up showing after a phone step, for the step's message. */
export function phoneResult(lab: Lab, device: string): Said | null {
  const s = lab.phone(device)?.screen();
  if (!s) return null;
  if (s.status !== 'registered') return said('result.state', { device, status: s.status });
  if (s.view.kind === 'idle') return said('result.registered', { device, cluster: s.registration?.clusterId ?? '' });
  return said('result.shows', { device, text: short(visibleText(s)) });
}
