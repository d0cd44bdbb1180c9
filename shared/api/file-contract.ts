/**
 * The part of the contract for whole labs and scenarios: the lab file (File > New / Open / Save /
 * Save As / Recent), the scenario library played step by step, and the troubleshooter.
 */
import { z } from 'zod';
import { LAB_FILE_MAX_BYTES } from '../lab-file';

/** A refusal: the field at fault (a path into the file, or a request field) and what is wrong with it. */
export const FileProblem = z.object({ field: z.string(), message: z.string() });
export type FileProblem = z.infer<typeof FileProblem>;

export const RecentFile = z.object({ path: z.string(), name: z.string(), openedAt: z.number() });
export type RecentFile = z.infer<typeof RecentFile>;

export const CurrentLab = z.object({
  /** Where it came from: the built-in demo or empty lab (the window names them in its language), a lab file, a scenario. */
  kind: z.enum(['demo', 'empty', 'file', 'scenario']),
  /** The lab's name (its file or scenario name without the extension; for the built-in labs, in English). */
  name: z.string(),
  /** Where it was opened from or last saved to (desktop), or null. */
  path: z.string().nullable(),
  recent: z.array(RecentFile),
});
export type CurrentLab = z.infer<typeof CurrentLab>;

const Opened = z.union([
  z.object({ ok: z.literal(true), lab: CurrentLab }),
  z.object({ ok: z.literal(false), errors: z.array(FileProblem).min(1) }),
]);

/**
 * Words the main process says to the UI without choosing their language: an i18n key of
 * shared/i18n/scenario-text.ts and its values (the UI and the command line translate them).
 */
export const Said = z.object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).default({}) });
export type Said = z.infer<typeof Said>;

/** One step of a scenario as the lab window lists it. */
export const ScenarioStepState = z.object({
  index: z.number().int(),
  /** The step's kind (`do`). */
  kind: z.string(),
  /** The step in words ("alice logs in on SEP00AA11BB22CC with PIN 12345"); the scenario's own note when it has one. */
  text: Said,
  note: z.string().nullable(),
  status: z.enum(['pending', 'passed', 'failed']),
  /** Why it failed, or what it found. */
  message: Said.nullable(),
});
export type ScenarioStepState = z.infer<typeof ScenarioStepState>;

export const ScenarioSummary = z.object({
  /** The file name in the library (resources/scenarios), or the name of a file opened from elsewhere. */
  id: z.string(),
  title: z.string(),
  description: z.string(),
  reproduces: z.array(z.number().int()),
  source: z.string().nullable(),
  steps: z.number().int(),
});
export type ScenarioSummary = z.infer<typeof ScenarioSummary>;

export const ScenarioState = ScenarioSummary.extend({
  stepStates: z.array(ScenarioStepState),
  /** The index of the next step to play (steps.length: all played). */
  next: z.number().int(),
  /** null while steps are left; then whether every expectation held. */
  passed: z.boolean().nullable(),
  /** Every error code a phone or an application was shown so far. */
  codes: z.array(z.number().int()),
});
export type ScenarioState = z.infer<typeof ScenarioState>;

const ScenarioOpened = z.union([
  z.object({ ok: z.literal(true), scenario: ScenarioState }),
  z.object({ ok: z.literal(false), errors: z.array(FileProblem).min(1) }),
]);

const localized = z.object({ 'en-US': z.string(), 'zh-CN': z.string() });

/** One thing the troubleshooter checked in the current lab. */
export const TroubleshootFinding = z.object({
  /** 'cause': the lab has a condition that gives this code; 'ok': checked and not the cause; 'info': worth knowing. */
  status: z.enum(['cause', 'ok', 'info']),
  /** i18n key of the finding's text (renderer/src/i18n) and its values. */
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
  /** The admin page that fixes it: a cluster's list page (kind, and the record) or form page. */
  fix: z.object({ cluster: z.string(), kind: z.string().optional(), key: z.string().optional(), page: z.string().optional(), lab: z.string().optional() }).nullable(),
});
export type TroubleshootFinding = z.infer<typeof TroubleshootFinding>;

export const Troubleshooting = z.object({
  code: z.number().int(),
  /** Whether the guide's tables list this code. */
  known: z.boolean(),
  summary: localized,
  cause: localized,
  /** What a phone shows for it (login), in both languages. */
  shows: localized,
  findings: z.array(TroubleshootFinding),
  /** Scenarios of the library that reproduce it. */
  scenarios: z.array(z.object({ id: z.string(), title: z.string() })),
});
export type Troubleshooting = z.infer<typeof Troubleshooting>;

const Empty = z.object({}).strict();

export const FILE_REQUESTS = {
  /** The open lab's name, where it came from, and the recently opened files. */
  'file.current': { request: Empty, response: CurrentLab },
  /** File > New: the demo lab, or two clusters as just installed. The open lab is closed (its databases stay in its folder). */
  'file.new': { request: z.object({ kind: z.enum(['demo', 'empty']) }).strict(), response: Opened },
  /**
   * File > Open / Recent / a file dropped on the window: by path (desktop) or by its text (browser
   * mode: the file the user picked). Refused with the field at fault; the open lab stays as it was.
   */
  'file.open': {
    request: z.object({
      path: z.string().min(1).max(4096).optional(),
      text: z.string().max(LAB_FILE_MAX_BYTES).optional(),
      fileName: z.string().max(255).optional(),
    }).strict().refine((r) => (r.path === undefined) !== (r.text === undefined), 'give either path or text'),
    response: Opened,
  },
  /**
   * File > Save: to the file the lab came from, if it came from one (else as `download`); with
   * `path`, to that file; with `download` (Save As in a window), only the file's text, which the
   * window saves where the user chooses.
   */
  'file.save': {
    request: z.object({ path: z.string().min(1).max(4096).optional(), download: z.boolean().optional() }).strict(),
    response: z.object({ fileName: z.string(), path: z.string().nullable(), text: z.string().nullable() }),
  },
  /** Check a lab or scenario file without opening it. */
  'file.validate': {
    request: z.object({ text: z.string().max(LAB_FILE_MAX_BYTES), fileName: z.string().max(255).optional() }).strict(),
    response: z.object({ kind: z.enum(['lab', 'scenario']).nullable(), errors: z.array(FileProblem) }),
  },
  /** The scenario library. */
  'scenario.list': { request: Empty, response: z.object({ scenarios: z.array(ScenarioSummary) }) },
  /** Open a scenario (from the library by id, or a file's text): its lab replaces the open one; no step is played yet. */
  'scenario.open': {
    request: z.object({ id: z.string().min(1).max(255).optional(), text: z.string().max(LAB_FILE_MAX_BYTES).optional(), fileName: z.string().max(255).optional() })
      .strict().refine((r) => (r.id === undefined) !== (r.text === undefined), 'give either id or text'),
    response: ScenarioOpened,
  },
  /** The open scenario, if any. */
  'scenario.state': { request: Empty, response: z.object({ scenario: ScenarioState.nullable() }) },
  /** Play the next step (`all`: every step left), the phones acting it out. */
  'scenario.play': { request: z.object({ all: z.boolean().default(false) }).strict(), response: ScenarioState },
  /** Close the scenario (its lab stays open). */
  'scenario.close': { request: Empty, response: Empty },
  /** Explain an error code and check the open lab for what causes it. */
  'lab.troubleshoot': { request: z.object({ code: z.number().int().min(0).max(999) }).strict(), response: Troubleshooting },
} as const;

export const FILE_EVENTS = {
  /** Another lab replaced the open one (File > New / Open, a scenario): the renderer starts over. */
  'lab.replaced': CurrentLab,
  /** A step of the open scenario was played. */
  'scenario.progress': ScenarioState,
} as const;
