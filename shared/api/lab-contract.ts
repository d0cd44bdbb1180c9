/**
 * The lab window's part of the contract: the lab clock's controls, the schedulers of the guide
 * with their runs, and the login attempts with every message they caused (the sequence diagram).
 */
import { z } from 'zod';

const cluster = z.string().min(1).max(30);

export const ClockState = z.object({ now: z.number(), speed: z.number(), paused: z.boolean() });
export type ClockState = z.infer<typeof ClockState>;

/** The schedulers of the guide, each running on the lab clock per cluster. */
export const SCHEDULER_IDS = ['remoteClusterUpdate', 'expiredDeviceMaintenance', 'rsvpKeepAlive'] as const;
export type SchedulerId = (typeof SCHEDULER_IDS)[number];

export const SchedulerRun = z.object({
  at: z.number(),
  /** What the run found, in a line. */
  found: z.string(),
  /** What it changed, one line per change (empty: nothing). */
  changed: z.array(z.string()),
});
export type SchedulerRun = z.infer<typeof SchedulerRun>;

export const SchedulerState = z.object({
  cluster,
  id: z.enum(SCHEDULER_IDS),
  label: z.string(),
  intervalMs: z.number(),
  nextRunAt: z.number().nullable(),
  /** The most recent runs, newest first. */
  runs: z.array(SchedulerRun),
});
export type SchedulerState = z.infer<typeof SchedulerState>;

/** A trace line written while a message was served, and where it falls among the attempt's events. */
export const AttemptDecision = z.object({
  text: z.string(),
  /** How many of the attempt's events (sendings and answers) had happened when it was written. */
  event: z.number().int(),
});
export type AttemptDecision = z.infer<typeof AttemptDecision>;

/**
 * One HTTP exchange a login attempt caused, as the lab network saw it. Every sending and every
 * answer of an attempt is an event, numbered in the order it happened: a message answered after
 * the requests it caused (a visiting EM service waiting for the home cluster) has its `answered`
 * after theirs.
 */
export const AttemptMessage = z.object({
  /** The message's number: the order it was sent in. */
  seq: z.number().int(),
  /** Who sent it: "phone SEP…", or a node's host name. */
  from: z.string(),
  /** Where it went: a node's host name, or "phone SEP…" (a reset notification). */
  to: z.string(),
  method: z.string(),
  /** Path and query as sent (PINs masked). */
  path: z.string(),
  /** Lab time it was sent. */
  at: z.number(),
  /** Lab time its answer (or failure) came; null while it is on its way. */
  answeredAt: z.number().nullable(),
  /** Its sending's place among the attempt's events (from 1). */
  sent: z.number().int(),
  /** Its answer's place among the attempt's events; null while it is on its way. */
  answered: z.number().int().nullable(),
  /** Real milliseconds until its answer (or failure). */
  ms: z.number(),
  status: z.number().nullable(),
  /** Why it got no HTTP answer (refused, timeout, untrusted...). */
  failure: z.string().nullable(),
  /** Bodies, PINs and passwords masked, shortened. */
  request: z.string(),
  response: z.string(),
  /** The trace lines the request caused on the node that served it (the deciding rule among them). */
  decisions: z.array(AttemptDecision),
  /**
   * Sent after the phone had its answer: the reset notification the login caused, and the
   * phone's TFTP fetches and REGISTER that followed it.
   */
  afterAnswer: z.boolean(),
});
export type AttemptMessage = z.infer<typeof AttemptMessage>;

export const LoginAttempt = z.object({
  id: z.string(),
  device: z.string(),
  action: z.enum(['login', 'logout', 'open']),
  at: z.number(),
  /** Error code the phone was shown, or null for success or a screen without one. */
  code: z.number().nullable(),
  /** What the phone showed at the end. */
  result: z.string(),
  /** The node the phone registered with after the reset the attempt caused (null: none, or not yet). */
  registeredWith: z.string().nullable(),
  messages: z.array(AttemptMessage),
});
export type LoginAttempt = z.infer<typeof LoginAttempt>;

export const LAB_REQUESTS = {
  /** Run, pause, change the speed of the lab clock, or jump forward (firing every timer due on the way). */
  'lab.setClock': {
    request: z.object({
      speed: z.number().min(0.1).max(100_000).optional(),
      paused: z.boolean().optional(),
      advanceMs: z.number().int().min(0).max(30 * 24 * 3600_000).optional(),
    }).strict(),
    response: ClockState,
  },
  /** Every scheduler of every cluster, with its next run and its last runs. */
  'lab.schedulers': { request: z.object({}).strict(), response: z.object({ schedulers: z.array(SchedulerState) }) },
  /** The last login attempts (newest first), each with its messages. */
  'lab.attempts': { request: z.object({}).strict(), response: z.object({ attempts: z.array(LoginAttempt) }) },
  /** A cluster's trace (or the lab's) as a text file a colleague can open. */
  'lab.exportTrace': { request: z.object({ cluster: cluster.optional() }).strict(), response: z.object({ fileName: z.string(), text: z.string() }) },
} as const;

export const LAB_EVENTS = {
  /**
   * A login attempt finished (the phone shows its outcome), or changed after that: a message
   * still on its way was answered, or the phone reset and registered. Same id: replace it.
   */
  'lab.attempt': LoginAttempt,
  /** A scheduler ran. */
  'lab.scheduler': SchedulerState,
} as const;
