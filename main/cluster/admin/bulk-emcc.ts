/**
 * Bulk Administration > EMCC: set the default EMCC template (Update EMCC Devices) and insert
 * EMCC devices named EMCC1, EMCC2, ... continuing from the last number. Both run as jobs of the
 * Job Scheduler, one at a time, inserting in chunks so HTTP answers and the UI keep flowing.
 */
import type { BulkEmccStatus, Job, JobRequest } from '../../../shared/api/admin-contract';
import type { FieldError } from '../../../shared/admin/fields';
import { MAX_PHONES } from '../../../shared/admin/entities';
import { ENTITY_TABLES } from '../store/entity-tables';
import type { ClusterStore, JobRow } from '../store/cluster-store';

/** Devices inserted per transaction before other work gets a turn. */
export const INSERT_CHUNK = 1000;

export interface BulkDeps {
  store: ClusterStore;
  now(): number;
  yieldToOthers(): Promise<void>;
  jobsChanged(): void;
}

export class BulkEmcc {
  private queue: Promise<void> = Promise.resolve();
  private stopped = false;
  /** Update jobs submitted and not yet run: an insert queued behind one will find its default template. */
  private templatesQueued = 0;
  /** EMCC devices that submitted insert jobs have yet to insert (held against the capacity rule). */
  reserved = 0;

  constructor(private readonly d: BulkDeps) {
    // Jobs of a previous run that was stopped mid-way can never finish.
    d.store.failUnfinishedJobs(d.now());
  }

  status(): BulkEmccStatus {
    const { store } = this.d;
    return {
      defaultTemplate: store.setting('defaultEmccTemplate') ?? null,
      templates: store.entityRows(ENTITY_TABLES.emccTemplate).map((t) => String(t.name)),
      devicesInDatabase: store.emccDeviceCount(),
      maxInsertable: this.maxInsertable(),
      nextDeviceName: `EMCC${store.lastEmccDeviceNumber() + 1}`,
    };
  }

  /** Guide, section 6: phones + 2 x EMCC devices <= 60,000. */
  private maxInsertable(): number {
    const { store } = this.d;
    return Math.max(0, Math.floor((MAX_PHONES - store.phoneCount()) / 2) - store.emccDeviceCount() - this.reserved);
  }

  /** Why a job cannot be submitted; empty when it can. */
  check(job: JobRequest, queued = false): FieldError[] {
    const { store } = this.d;
    if (job.kind === 'updateEmccDevices') {
      return store.entityRow(ENTITY_TABLES.emccTemplate, job.template) ? [] : [{ field: 'template', message: `No EMCC template named "${job.template}"` }];
    }
    const max = this.maxInsertable();
    if (!store.setting('defaultEmccTemplate') && !(queued && this.templatesQueued > 0)) {
      return [{ field: 'count', message: 'Set a default EMCC template first (Update EMCC Devices)' }];
    }
    if (!Number.isInteger(job.count) || job.count < 1 || job.count > max) {
      return [{ field: 'count', message: max === 0
        ? 'No more EMCC devices fit: phones + 2 x EMCC devices must stay at or below 60,000'
        : `Number of EMCC Devices to be added must be from 1 to ${max} (phones + 2 x EMCC devices <= 60,000)` }];
    }
    return [];
  }

  /** Queue a job; it runs after the jobs before it. */
  submit(job: JobRequest): { ok: true; jobId: number } | { ok: false; errors: FieldError[] } {
    const errors = this.check(job, true);
    if (errors.length) return { ok: false, errors };
    const { store } = this.d;
    if (job.kind === 'updateEmccDevices') this.templatesQueued++;
    else this.reserved += job.count;
    const total = job.kind === 'insertEmccDevices' ? job.count : 1;
    const description = job.kind === 'insertEmccDevices' ? `Insert ${job.count} EMCC devices` : `Update EMCC devices: default template ${job.template}`;
    const jobId = store.addJob({ kind: job.kind, description, params: JSON.stringify(job), total, at: this.d.now() });
    this.enqueue(jobId, total, (progress) => this.work(job, progress));
    return { ok: true, jobId };
  }

  /** Insert now, in one go, with the same rules (a cluster definition's EMCC devices). */
  insertNow(count: number): FieldError[] {
    const errors = this.check({ kind: 'insertEmccDevices', count });
    if (errors.length) return errors;
    this.insertChunk(count);
    return [];
  }

  setDefaultTemplateNow(template: string): FieldError[] {
    const errors = this.check({ kind: 'updateEmccDevices', template });
    if (!errors.length) this.applyTemplate(template);
    return errors;
  }

  private applyTemplate(template: string): number {
    const { store } = this.d;
    const t = store.entityRow(ENTITY_TABLES.emccTemplate, template)!;
    return store.transaction(() => {
      store.setSetting('defaultEmccTemplate', String(t.name));
      return store.setEmccDevicesTemplate(String(t.name), String(t.security_mode));
    });
  }

  private insertChunk(n: number): { first: string; last: string } {
    const { store } = this.d;
    const template = store.setting('defaultEmccTemplate') ?? null;
    const t = template ? store.entityRow(ENTITY_TABLES.emccTemplate, template) : undefined;
    const from = store.lastEmccDeviceNumber() + 1;
    const names = Array.from({ length: n }, (_, i) => `EMCC${from + i}`);
    store.insertEmccDevices(names, template, String(t?.security_mode ?? 'non-secure'));
    return { first: names[0]!, last: names[names.length - 1]! };
  }

  /** One EMCC job's work, run in its turn of the queue; returns the job's result line. */
  private async work(job: JobRequest, progress: (step: number) => void): Promise<string> {
    if (job.kind === 'updateEmccDevices') this.templatesQueued--;
    // The job's own devices are counted as inserted from here, chunk by chunk.
    else this.reserved -= job.count;
    // Checked again: the cluster may have changed while the job waited in the queue.
    const errors = this.check(job);
    if (errors.length) throw new Error(errors.map((e) => e.message).join('; '));
    if (job.kind === 'updateEmccDevices') {
      const n = this.applyTemplate(job.template);
      return `Default EMCC template set to ${job.template}; ${n} EMCC devices updated`;
    }
    let pending = job.count;
    this.reserved += pending;
    try {
      let first = '';
      let last = '';
      while (pending > 0 && !this.stopped) {
        const n = Math.min(INSERT_CHUNK, pending);
        const r = this.insertChunk(n);
        this.reserved -= n;
        pending -= n;
        first ||= r.first;
        last = r.last;
        if (pending > 0) {
          progress(job.count - pending);
          await this.d.yieldToOthers();
        }
      }
      return `${job.count} EMCC devices inserted (${first} to ${last})`;
    } finally {
      this.reserved -= pending;
    }
  }

  /**
   * Queue another kind of job (the bulk certificate steps) in the same Job Scheduler: `work`
   * reports its steps and returns the result line; a throw fails the job with its message.
   */
  runTask(kind: string, description: string, steps: number, work: (progress: (step: number) => void) => Promise<string>): number {
    const id = this.d.store.addJob({ kind, description, params: '{}', total: steps, at: this.d.now() });
    this.enqueue(id, steps, work);
    return id;
  }

  /** Run a submitted job after the ones before it: Processing, then Completed or Failed. */
  private enqueue(id: number, steps: number, work: (progress: (step: number) => void) => Promise<string>): void {
    const { store } = this.d;
    this.d.jobsChanged();
    this.queue = this.queue.then(async () => {
      if (this.stopped) return;
      store.updateJob(id, { status: 'Processing', progress: 0 });
      this.d.jobsChanged();
      try {
        const result = await work((step) => {
          if (this.stopped) return;
          store.updateJob(id, { status: 'Processing', progress: step });
          this.d.jobsChanged();
        });
        if (this.stopped) return;
        store.updateJob(id, { status: 'Completed', progress: steps, result, finishedAt: this.d.now() });
      } catch (e) {
        if (this.stopped) return;
        store.updateJob(id, { status: 'Failed', progress: 0, result: e instanceof Error ? e.message : String(e), finishedAt: this.d.now() });
      }
      this.d.jobsChanged();
    }).catch(() => undefined);
  }

  jobs(): Job[] {
    return this.d.store.jobs().map(toJob);
  }

  /** Resolves when every queued job has run (tests, and a clean stop). */
  idle(): Promise<void> {
    return this.queue;
  }

  /** Stop between chunks; unfinished jobs are marked Failed at the next start. */
  stop(): Promise<void> {
    this.stopped = true;
    return this.queue;
  }
}

function toJob(r: JobRow): Job {
  return {
    id: r.id, kind: r.kind as Job['kind'], description: r.description, status: r.status, progress: r.progress, total: r.total,
    result: r.result, submittedAt: r.submitted_at, finishedAt: r.finished_at,
  };
}
