/**
 * Playing a scenario over an open lab, one step at a time: each step acts through the paths a
 * person uses, then the runner waits for the lab to settle (see lab-settle.ts) before the next.
 * It keeps each step's state (pending, passed, failed, with what came of it) and every error code a
 * phone or an EM API application was shown, and tells listeners after every step.
 *
 * A step may go on without its phone's answer (`wait: false`); a later step on that phone waits
 * for it first (answerFirst).
 *
 * A failed expectation or a refused step does not stop the run: later steps still play, so one run
 * reports every failure. A step after which the lab cannot settle does stop it (what follows
 * would only measure that).
 */
import type { Said, ScenarioState, ScenarioStepState } from '../../shared/api/file-contract';
import type { Scenario, ScenarioStep } from '../../shared/scenario';
import type { Lab } from '../lab/lab';
import { LabSettler, SETTLE_BOUND_MS, Unsettled } from './lab-settle';
import { PhoneDriver, said } from './phone-driver';
import { screenCodes } from './screen-text';
import { phoneResult, playStep, type StepContext } from './step-actions';
import { stepText } from './step-text';
import { summaryOf } from './library';

export interface ScenarioRunOptions {
  /** The scenario's id (its file name in the library, or the name of the file it came from). */
  id: string;
  /** How long (real time) the lab may take to settle after a step before the step fails. */
  settleBoundMs?: number;
  /** Called after every key a phone step presses (the lab window paces them so a person can follow). */
  pace?: (device: string) => Promise<void>;
}

/** Steps that act on one phone: their message is what the phone ends up showing. */
const PHONE_STEPS = new Set<ScenarioStep['do']>(['login', 'logout', 'press']);

export class ScenarioRun {
  private readonly stepStates: ScenarioStepState[];
  private next = 0;
  private readonly codes: number[] = [];
  private readonly listeners = new Set<(s: ScenarioState) => void>();
  private readonly settler: LabSettler;
  private readonly ctx: StepContext;
  private readonly offScreen: () => void;
  /** Steps play one after another, whoever asks. */
  private queue: Promise<unknown> = Promise.resolve();
  private booted = false;
  private disposed = false;

  constructor(readonly lab: Lab, readonly scenario: Scenario, private readonly options: ScenarioRunOptions) {
    this.stepStates = scenario.steps.map((step, index) => ({
      index, kind: step.do, text: stepText(step), note: step.note ?? null, status: 'pending', message: null,
    }));
    this.settler = new LabSettler(lab, options.settleBoundMs ?? SETTLE_BOUND_MS);
    const driver = new PhoneDriver(lab, this.settler, options.pace);
    this.ctx = { lab, driver, settler: this.settler, lastApi: undefined, noteCodes: (codes) => this.noteCodes(codes) };
    this.offScreen = lab.onScreen((s) => this.noteCodes(screenCodes(s)));
  }

  state(): ScenarioState {
    const done = this.next >= this.stepStates.length;
    return {
      ...summaryOf(this.options.id, this.scenario),
      stepStates: this.stepStates.map((s) => ({ ...s })),
      next: this.next,
      passed: done ? this.stepStates.every((s) => s.status === 'passed') : null,
      codes: [...this.codes],
    };
  }

  /** Called with the whole state after every step played. */
  onProgress(listener: (s: ScenarioState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Play the next step (the last step's state again once every step was played). */
  step(): Promise<ScenarioStepState> {
    const run = this.queue.then(() => this.playNext());
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Play every step left. */
  async playAll(): Promise<ScenarioState> {
    while (this.next < this.stepStates.length && !this.disposed) await this.step();
    return this.state();
  }

  /** Stop listening to the lab (the lab itself stays open). */
  dispose(): void {
    this.disposed = true;
    this.offScreen();
    this.settler.dispose();
    this.listeners.clear();
  }

  private async playNext(): Promise<ScenarioStepState> {
    const index = this.next;
    const state = this.stepStates[index];
    if (!state) return { ...this.stepStates[this.stepStates.length - 1]! };
    const step = this.scenario.steps[index]!;
    let ok: boolean;
    let message: Said | null;
    let stop = false;
    try {
      // The lab's phones boot when it opens: the first step starts once they have registered.
      if (!this.booted) {
        await this.settler.settle();
        this.booted = true;
      }
      await this.answerFirst(step);
      const outcome = await playStep(step, this.ctx);
      if (step.do !== 'expect') await this.settler.settle();
      ok = outcome.ok;
      message = outcome.message ?? (PHONE_STEPS.has(step.do) && 'device' in step && step.device ? phoneResult(this.lab, step.device) : null);
    } catch (e) {
      ok = false;
      if (e instanceof Unsettled) {
        stop = true;
        message = said('fail.unsettled', { seconds: Number((e.boundMs / 1000).toFixed(1)), what: e.what });
      } else {
        message = said('fail.error', { error: e instanceof Error ? e.message : String(e) });
      }
    }
    state.status = ok ? 'passed' : 'failed';
    state.message = message;
    this.next = index + 1;
    if (stop) {
      for (const rest of this.stepStates.slice(index + 1)) {
        rest.status = 'failed';
        rest.message = said('fail.stopped');
      }
      this.next = this.stepStates.length;
    }
    this.tell();
    return { ...state };
  }

  /**
   * A step on a phone whose answer an earlier step did not wait for (`wait: false`) waits for it
   * first, as every step waits for its own, and for the lab to settle after it (a login that
   * worked resets the phone).
   */
  private async answerFirst(step: ScenarioStep): Promise<void> {
    const device = 'device' in step ? step.device : undefined;
    if (device === undefined || !this.settler.isPending(device)) return;
    await this.settler.awaitPhone(device);
    await this.settler.settle();
  }

  private noteCodes(codes: readonly number[]): void {
    for (const c of codes) if (!this.codes.includes(c)) this.codes.push(c);
  }

  private tell(): void {
    const s = this.state();
    for (const l of this.listeners) l(s);
  }
}
