/**
 * A scenario: a lab, the steps that act on it (phone actions, administration changes, faults,
 * clock jumps, EM API requests) and the expectations checked on the way (what a phone shows,
 * where it is registered, which code an application got). The product's library lives in
 * `resources/scenarios/*.emccscenario` (JSON); `emcc-lab run` plays them without a UI and the
 * lab window plays them step by step with the phones acting them out.
 *
 * The schema is strict: an unknown key, a wrong type or a newer format version is refused with
 * the path of the field at fault, before anything of the current lab changes.
 */
import { z } from 'zod';
import { PhoneKey } from './api/contract';
import { ENTITY_KINDS } from './admin/fields';
import { FORM_PAGES } from './admin/pages';
import { FAULT_IDS } from './faults';
import { LabFile } from './lab-file';

export const SCENARIO_FORMAT = 'emcc-lab-scenario';
/** The newest scenario format this version reads (a file with a higher one is refused, named). */
export const SCENARIO_VERSION = 1;
export const SCENARIO_EXTENSION = '.emccscenario';

const device = z.string().regex(/^[A-Za-z0-9_.-]{1,50}$/, 'a device name (SEP…)');
const cluster = z.string().min(1).max(30).describe('a cluster ID (HOME, VISIT) or lab name (home, visiting)');
const host = z.string().regex(/^[A-Za-z0-9.-]{1,64}$/, 'a host name');
const text = (max: number) => z.string().max(max);
const note = text(500).optional().describe('what this step does, in words (shown while playing)');
/** A span of lab time: milliseconds, or "90 s", "30 min", "2 h", "1 day", "7 days". */
export const Duration = z.union([
  z.number().int().min(0).max(31 * 86_400_000),
  z.string().regex(/^\d{1,6}\s*(ms|s|min|h|days?)$/, 'a duration such as "30 min", "2 h" or "1 day"'),
]);
export type Duration = z.infer<typeof Duration>;

const DURATION_UNIT_MS = { ms: 1, s: 1000, min: 60_000, h: 3_600_000, day: 86_400_000, days: 86_400_000 } as const;

/** A Duration in milliseconds. */
export function durationMs(d: Duration): number {
  if (typeof d === 'number') return d;
  const m = /^(\d+)\s*(ms|s|min|h|days?)$/.exec(d)!;
  return Number(m[1]) * DURATION_UNIT_MS[m[2] as keyof typeof DURATION_UNIT_MS];
}

const record = z.record(z.string(), z.unknown());

/**
 * `false`: act the step out and go on without waiting for the phone's answer to its last request
 * (two requests in flight at once: Maximum Concurrent Requests, code 26). The request goes on in
 * the lab; a request it makes that waits on lab time (WAN latency, a silent link) stays held until
 * a later step on that phone, or an `expect` on it, waits for the answer as usual, or lab time
 * moves for another reason (a clock step, another phone's wait). Absent: wait (the default).
 */
const wait = z.boolean().optional().describe('false: go on without waiting for the phone\'s answer');

/** One thing the scenario does. Each kind is told by its `do`. */
export const ScenarioStep = z.discriminatedUnion('do', [
  /** Services > Extension Mobility, the user ID typed, the PIN on the keypad, Submit (the phone visibly acts it out). */
  z.object({ do: z.literal('login'), device, user: text(128), pin: text(128), wait, note }).strict(),
  /** Services > Extension Mobility > Yes on a phone a user is logged in to. */
  z.object({ do: z.literal('logout'), device, note }).strict(),
  /** Keys pressed on a phone, in order; `type` is text typed into the focused field first. `wait: false` applies to the last key. */
  z.object({ do: z.literal('press'), device, keys: z.array(PhoneKey).max(200).default([]), type: text(128).optional(), wait, note }).strict(),
  /** Save a record on a cluster's administration page: `set` is merged into the record named `key` (null: a new record). */
  z.object({ do: z.literal('save'), cluster, kind: z.enum(ENTITY_KINDS), key: text(128).nullable(), set: record, note }).strict(),
  /** Delete a record. */
  z.object({ do: z.literal('delete'), cluster, kind: z.enum(ENTITY_KINDS), key: text(128), note }).strict(),
  /** Change fields of a one-form page (enterprise parameters, service parameters, EMCC feature configuration, ISP). */
  z.object({ do: z.literal('form'), cluster, page: z.enum(FORM_PAGES), set: record, note }).strict(),
  /** Activate or deactivate services on a node (Cisco Unified Serviceability > Service Activation). */
  z.object({ do: z.literal('services'), cluster, host, set: z.record(z.string(), z.boolean()), note }).strict(),
  /** Switch a fault on or off (shared/faults.ts names them and their targets). */
  z.object({ do: z.literal('fault'), fault: z.enum(FAULT_IDS), target: text(100), on: z.boolean(), value: z.number().optional(), note }).strict(),
  /** Jump the lab clock forward, firing every timer due on the way (scheduler runs included). */
  z.object({ do: z.literal('clock'), advance: Duration, note }).strict(),
  /** Update Remote Cluster Now on a cluster's Remote Cluster page. */
  z.object({ do: z.literal('updateRemoteClusters'), cluster, note }).strict(),
  /** Delete a certificate from a trust store (breaks trust on purpose), by the subject host and purpose of the trusted certificate. */
  z.object({ do: z.literal('untrust'), cluster, store: text(40), host, purpose: text(40), note }).strict(),
  /** Regenerate a node's certificate (without exporting it again). */
  z.object({ do: z.literal('regenerate'), cluster, host, purpose: text(40), validDays: z.number().int().min(1).max(3650).optional(), note }).strict(),
  /** POST an EM API request (the `xml` form field) to a node's EM service, as a third-party application does. */
  z.object({ do: z.literal('emApi'), host, xml: text(20_000), note }).strict(),
  /** The visiting administrator's Phone > Log Out (a database clean-up only). */
  z.object({ do: z.literal('adminLogOut'), cluster, device, note }).strict(),
  /** Check the lab (nothing changes). */
  z.object({
    do: z.literal('expect'),
    /** What a phone shows: its screen text contains `shows`, with the error code `code` if given (null: no error code). */
    device: device.optional(),
    shows: text(500).optional(),
    code: z.number().int().min(0).max(999).nullable().optional(),
    /** The cluster (ID or lab name) the phone is registered to (null: the phone is not registered). */
    registeredTo: text(30).nullable().optional(),
    /** The user logged in on the phone (null: nobody). */
    loggedIn: text(128).nullable().optional(),
    /**
     * How the EMCC login on the phone was recorded (tables 6-8): as secure or non-secure EMCC. It
     * fails when the phone has no EMCC login.
     */
    emccSecurity: z.enum(['secure', 'non-secure']).optional(),
    /** The code of the last EM API answer (null: success). */
    apiCode: z.number().int().min(0).max(999).nullable().optional(),
    /** Text the body of the last EM API answer contains (an element, a value: `<deviceProfile>alice-udp</deviceProfile>`). */
    apiAnswer: text(2000).min(1).optional(),
    note,
  }).strict(),
]);
export type ScenarioStep = z.infer<typeof ScenarioStep>;

/** Where a scenario's lab comes from: the built-in demo or empty lab, a lab file beside it, or one inline. */
export const ScenarioLab = z.union([
  z.enum(['demo', 'empty']),
  z.object({ file: text(300) }).strict(),
  LabFile,
]);
export type ScenarioLab = z.infer<typeof ScenarioLab>;

export const Scenario = z.object({
  format: z.literal(SCENARIO_FORMAT),
  version: z.number().int().min(1).max(SCENARIO_VERSION, `a scenario of a newer EMCC Lab (this one reads format version ${SCENARIO_VERSION})`),
  title: text(200).min(1),
  description: text(4000).default(''),
  /** The error codes this scenario reproduces (the troubleshooter offers it for them). */
  reproduces: z.array(z.number().int().min(0).max(999)).max(20).default([]),
  /** Where it comes from in the guide: "table 10", "table 5 row 3", "timed story 1"... */
  source: text(200).optional(),
  lab: ScenarioLab,
  steps: z.array(ScenarioStep).min(1).max(1000),
}).strict();
export type Scenario = z.infer<typeof Scenario>;
export type ScenarioInput = z.input<typeof Scenario>;
