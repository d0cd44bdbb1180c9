/**
 * The admin slice of the renderer's state: one cluster's administration window (the page shown,
 * its records or form, the choices of its selects, field errors, notices, jobs). Every API call
 * happens in an action here; `admin.changed` events for this cluster fetch again what is shown.
 */
import { create } from 'zustand';
import type { LabSnapshot } from '../../../shared/api/contract';
import type {
  BulkCertificateStatus, BulkEmccStatus, CertificateList, Job, JobRequest, SaveResult, ServiceActivation, ValidationReport,
} from '../../../shared/api/admin-contract';
import { purposeOf, type CertificatePurpose } from '../../../shared/certificates';
import { ENTITIES } from '../../../shared/admin/entities';
import type { AdminRecord, EntityKind, FieldError, FieldValue } from '../../../shared/admin/fields';
import { PAGES, type AdminTarget, type FormPage } from '../../../shared/admin/pages';
import { blankRecord, checkFieldsDetailed, checkRecordDetailed } from '../../../shared/admin/validate';
import { api } from '../api/binding';
import { rawText, uiKey, type UiText } from '../i18n/text';
import { saveBase64File } from '../admin/save-file';
import { mergeFlags, mergeFresh, mergeTrace, toDraft, type TraceEntry } from './admin-draft';

/** What the page area shows: the overview, or a menu target, or one record of a list. */
export type AdminView = { type: 'home' } | AdminTarget | { type: 'record'; kind: EntityKind; key: string | null };

/** The cluster as the lab snapshot describes it (name, Cluster ID, nodes). */
export type ClusterInfo = LabSnapshot['clusters'][number];

/** A step of Bulk Certificate Management, as pki.submit names it. */
export type CertAction = 'export' | 'consolidate' | 'import';

/** The form page a view edits: a form page itself, or the SFTP settings inside Bulk Certificate Management. */
export function formPageOf(view: AdminView): FormPage | null {
  if (view.type === 'form') return view.page;
  if (view.type === 'special' && view.page === 'bulkCertificates') return 'sftpSettings';
  return null;
}

/** At most this many trace lines are kept in the window (the lab keeps its last 5000). */
const TRACE_LIMIT = 1000;

/** A message at the top of the page (the warnings are the main process's, in its words). */
export interface Notice {
  tone: 'success' | 'error' | 'info';
  text: UiText;
  warnings?: string[];
}

interface AdminState {
  cluster: string;
  info: ClusterInfo | null;
  view: AdminView;
  /** True while the page's data is on its way. */
  loading: boolean;
  search: string;
  /** The rows of the list page, as the main process answers them. */
  records: Record<string, unknown>[];
  /** The record or form values as last loaded, to tell the user's edits from fresh data. */
  saved: AdminRecord | null;
  draft: AdminRecord;
  choices: Record<string, string[]>;
  errors: FieldError[];
  notice: Notice | null;
  confirmingDelete: boolean;
  ispReport: ValidationReport | null;
  activation: ServiceActivation | null;
  activationDraft: Record<string, Record<string, boolean>>;
  bulk: BulkEmccStatus | null;
  jobs: Job[];
  submittedJob: number | null;
  /** OS Administration > Security > Certificate Management. */
  certificates: CertificateList | null;
  /** Bulk Certificate Management: the SFTP directory and what can be done next. */
  bulkCertificates: BulkCertificateStatus | null;
  /** Reports > Trace: the lab's trace lines, oldest first. */
  trace: TraceEntry[];
  busy: boolean;
  fatal: UiText | null;

  start(cluster: string): Promise<void>;
  open(view: AdminView): Promise<void>;
  refresh(): Promise<void>;
  setSearch(search: string): void;
  find(): Promise<void>;
  setField(key: string, value: FieldValue): void;
  saveRecord(): Promise<void>;
  askDelete(asking: boolean): void;
  deleteRecord(): Promise<void>;
  saveForm(): Promise<void>;
  validateIsp(): Promise<void>;
  setService(host: string, service: string, on: boolean): void;
  saveActivation(host: string): Promise<void>;
  submitJob(job: JobRequest): Promise<void>;
  updateRemoteClustersNow(): Promise<void>;
  /** Device > Phone > Log Out: remove the phone's EM login record here (the phone is not reset). */
  logOutPhone(device: string): Promise<void>;
  regenerateCertificate(host: string, purpose: CertificatePurpose): Promise<boolean>;
  downloadCertificate(host: string, purpose: CertificatePurpose, format: 'pem' | 'der'): Promise<void>;
  untrustCertificate(store: string, fingerprint: string): Promise<boolean>;
  submitCertificateJob(action: CertAction): Promise<void>;
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Navigation counter: an answer for a page no longer shown is dropped. */
let navigation = 0;
let refreshing: Promise<void> | null = null;
let refreshAgain = false;
let subscribed = false;

const pageReset = {
  loading: true, records: [], saved: null, draft: {}, errors: [], notice: null, confirmingDelete: false,
  ispReport: null, activation: null, activationDraft: {}, bulk: null, submittedJob: null,
  certificates: null, bulkCertificates: null, trace: [],
} satisfies Partial<AdminState>;

const saveNotice = (r: Extract<SaveResult, { ok: true }>, added: boolean): Notice => ({
  tone: 'success', text: uiKey(added ? 'admin:notice.added' : 'admin:notice.updated'), warnings: r.warnings,
});
/** "2 errors: nothing was saved"; `what` is a key of admin:notice. */
const failedNotice = (errors: FieldError[], what: 'notSaved' | 'notDeleted' | 'notSubmitted' | 'notLoggedOut' | 'notRegenerated' = 'notSaved'): Notice => ({
  tone: 'error', text: uiKey('admin:notice.errors', { count: errors.length, what: uiKey(`admin:notice.${what}`) }),
});
const errorNotice = (e: unknown): Notice => ({ tone: 'error', text: rawText(message(e)) });

export const useAdmin = create<AdminState>((set, get) => {
  /** Fetch the data of the current view; `fresh` keeps the user's edits and the notices. */
  async function load(fresh: boolean): Promise<void> {
    const my = navigation;
    const { cluster, view } = get();
    const current = () => my === navigation;
    // The selects' names load beside the page; without them a select still shows its value.
    const choices = api.request('admin.choices', { cluster }).then((c) => current() && set({ choices: c }), () => undefined);
    switch (view.type) {
      case 'list': {
        const search = get().search.trim();
        const { records } = await api.request('admin.list', { cluster, kind: view.kind, ...(search ? { search } : {}) });
        if (current()) set({ records });
        break;
      }
      case 'record': {
        const fields = ENTITIES[view.kind].fields;
        if (view.key === null) {
          if (!fresh) set({ saved: null, draft: blankRecord(fields) });
          break;
        }
        const { record } = await api.request('admin.get', { cluster, kind: view.kind, key: view.key });
        if (!current()) return;
        const loaded = toDraft(fields, record);
        set((s) => ({ saved: loaded, draft: fresh ? mergeFresh(fields, s.saved, s.draft, loaded) : loaded }));
        break;
      }
      case 'form':
        await loadForm(view.page, fresh, current);
        break;
      case 'special':
        if (view.page === 'serviceActivation') {
          const activation = await api.request('admin.serviceActivation', { cluster });
          if (!current()) return;
          set((s) => {
            const draft: Record<string, Record<string, boolean>> = {};
            for (const n of activation.nodes) {
              const before = s.activation?.nodes.find((x) => x.host === n.host);
              draft[n.host] = fresh && before && s.activationDraft[n.host]
                ? mergeFlags(before.services, s.activationDraft[n.host]!, n.services)
                : { ...n.services };
            }
            return { activation, activationDraft: draft };
          });
        } else if (view.page === 'bulkEmcc' || view.page === 'jobs') {
          const [bulk, { jobs }] = await Promise.all([
            view.page === 'bulkEmcc' ? api.request('admin.bulkEmcc', { cluster }) : Promise.resolve(null),
            api.request('admin.jobs', { cluster }),
          ]);
          if (current()) set({ jobs, ...(bulk ? { bulk } : {}) });
        } else if (view.page === 'certificates') {
          const certificates = await api.request('pki.certificates', { cluster });
          if (current()) set({ certificates });
        } else if (view.page === 'bulkCertificates') {
          // The directory listing opens an SFTP session: the form and the jobs do not wait for it.
          const status = api.request('pki.bulk', { cluster }).then((b) => current() && set({ bulkCertificates: b }));
          const jobs = api.request('admin.jobs', { cluster }).then(({ jobs }) => current() && set({ jobs }));
          await Promise.all([loadForm('sftpSettings', fresh, current), status, jobs]);
        } else if (view.page === 'trace' && !fresh) {
          // Lines that come in while the list is on its way are already shown; keep them once.
          const { entries } = await api.request('lab.trace', { cluster });
          if (current()) set((s) => ({ trace: mergeTrace(entries, s.trace).slice(-TRACE_LIMIT) }));
        }
        break;
      case 'home':
        break;
    }
    await choices;
  }

  /** The values of a form page into the draft; `fresh` keeps the user's edits. */
  async function loadForm(page: FormPage, fresh: boolean, current: () => boolean): Promise<void> {
    const fields = PAGES[page].fields;
    const { values } = await api.request('admin.form', { cluster: get().cluster, page });
    if (!current()) return;
    const loaded = toDraft(fields, values);
    set((s) => ({ saved: loaded, draft: fresh ? mergeFresh(fields, s.saved, s.draft, loaded) : loaded }));
  }

  /** Run a load and turn a failure into a notice. */
  async function loadShown(fresh: boolean): Promise<void> {
    const my = navigation;
    try {
      await load(fresh);
    } catch (e) {
      if (my === navigation) set({ notice: errorNotice(e) });
    } finally {
      if (my === navigation) set({ loading: false });
    }
  }

  async function loadInfo(): Promise<void> {
    const snapshot = await api.request('lab.snapshot', {});
    const info = snapshot.clusters.find((c) => c.id === get().cluster) ?? null;
    set({ info, ...(info ? {} : { fatal: uiKey('admin:window.noCluster', { cluster: get().cluster }) }) });
  }

  /** Run an action that talks to the main process, with the busy flag and errors as a notice. */
  async function act(run: () => Promise<void>): Promise<void> {
    set({ busy: true });
    try {
      await run();
    } catch (e) {
      set({ notice: errorNotice(e) });
    } finally {
      set({ busy: false });
    }
  }

  return {
    cluster: '',
    info: null,
    view: { type: 'home' },
    loading: false,
    search: '',
    records: [],
    saved: null,
    draft: {},
    choices: {},
    errors: [],
    notice: null,
    confirmingDelete: false,
    ispReport: null,
    activation: null,
    activationDraft: {},
    bulk: null,
    jobs: [],
    submittedJob: null,
    certificates: null,
    bulkCertificates: null,
    trace: [],
    busy: false,
    fatal: null,

    async start(cluster) {
      set({ cluster });
      if (!subscribed) {
        subscribed = true;
        api.on('admin.changed', (e) => {
          const { view } = get();
          // Every cluster exports to the same SFTP directory: another cluster's job changes its files.
          const sharedDirectory = e.what === 'jobs' && view.type === 'special' && view.page === 'bulkCertificates';
          if (e.cluster === get().cluster || sharedDirectory) void get().refresh();
        });
        api.on('lab.trace', (entry) => {
          const { view } = get();
          // This cluster's lines and the lab's own (faults switched on or off).
          const ours = entry.cluster === null || entry.cluster === get().cluster;
          if (ours && view.type === 'special' && view.page === 'trace') set((s) => ({ trace: [...s.trace, entry].slice(-TRACE_LIMIT) }));
        });
        api.on('lab.changed', (snapshot) => {
          const info = snapshot.clusters.find((c) => c.id === get().cluster);
          if (info) set({ info });
        });
        api.onDisconnect(() => set({ fatal: uiKey('admin:window.stopped') }));
      }
      try {
        await loadInfo();
      } catch (e) {
        set({ fatal: rawText(message(e)) });
        return;
      }
      await get().open({ type: 'home' });
    },

    async open(view) {
      navigation++;
      // Back to the list of the record just shown keeps the search.
      const prev = get().view;
      const keepSearch = view.type === 'list' && 'kind' in prev && prev.kind === view.kind;
      set({ ...pageReset, view, ...(keepSearch ? {} : { search: '' }) });
      await loadShown(false);
    },

    async refresh() {
      // Events can come in bursts (a job's progress): one fetch at a time, and one more after it.
      if (refreshing) {
        refreshAgain = true;
        return refreshing;
      }
      refreshing = (async () => {
        do {
          refreshAgain = false;
          await loadShown(true);
        } while (refreshAgain);
      })();
      try {
        await refreshing;
      } finally {
        refreshing = null;
      }
    },

    setSearch(search) {
      set({ search });
    },

    async find() {
      navigation++;
      set({ loading: true, notice: null });
      await loadShown(false);
    },

    setField(key, value) {
      set((s) => ({ draft: { ...s.draft, [key]: value }, errors: s.errors.filter((e) => e.field !== key) }));
    },

    async saveRecord() {
      const { view, draft, cluster } = get();
      if (view.type !== 'record') return;
      const checked = checkRecordDetailed(view.kind, draft);
      if (!checked.ok) {
        set({ errors: checked.errors, notice: failedNotice(checked.errors) });
        return;
      }
      await act(async () => {
        const r = await api.request('admin.save', { cluster, kind: view.kind, key: view.key, record: checked.value });
        if (!r.ok) {
          set({ errors: r.errors, notice: failedNotice(r.errors) });
          return;
        }
        navigation++;
        set({ view: { type: 'record', kind: view.kind, key: r.key }, errors: [], notice: saveNotice(r, view.key === null), confirmingDelete: false });
        await loadShown(false);
      });
    },

    askDelete(asking) {
      set({ confirmingDelete: asking });
    },

    async deleteRecord() {
      const { view, cluster } = get();
      if (view.type !== 'record' || view.key === null) return;
      const key = view.key;
      await act(async () => {
        const r = await api.request('admin.delete', { cluster, kind: view.kind, key });
        if (!r.ok) {
          set({ errors: r.errors, notice: failedNotice(r.errors, 'notDeleted'), confirmingDelete: false });
          return;
        }
        await get().open({ type: 'list', kind: view.kind });
        set({ notice: { tone: 'success', text: uiKey('admin:notice.deleted', { key }), warnings: r.warnings } });
      });
    },

    async saveForm() {
      const { view, draft, cluster } = get();
      const page = formPageOf(view);
      if (!page) return;
      const checked = checkFieldsDetailed(PAGES[page].fields, draft);
      if (!checked.ok) {
        set({ errors: checked.errors, notice: failedNotice(checked.errors) });
        return;
      }
      await act(async () => {
        const r = await api.request('admin.saveForm', { cluster, page, values: checked.value });
        if (!r.ok) {
          set({ errors: r.errors, notice: failedNotice(r.errors) });
          // The profile is refused while Validate fails: show the report, with its links to the fixes.
          if (page === 'isp') set({ ispReport: await api.request('admin.validateIsp', { cluster }) });
          return;
        }
        set({ errors: [], notice: saveNotice(r, false) });
        await loadShown(false);
        if (page === 'enterprise') await loadInfo();
      });
    },

    async validateIsp() {
      const { cluster } = get();
      await act(async () => {
        const report = await api.request('admin.validateIsp', { cluster });
        set({ ispReport: report });
      });
    },

    setService(host, service, on) {
      set((s) => ({ activationDraft: { ...s.activationDraft, [host]: { ...s.activationDraft[host], [service]: on } } }));
    },

    async saveActivation(host) {
      const { cluster, activationDraft } = get();
      await act(async () => {
        const r = await api.request('admin.setServiceActivation', { cluster, host, services: activationDraft[host] ?? {} });
        if (!r.ok) {
          set({ errors: r.errors, notice: failedNotice(r.errors) });
          return;
        }
        set({ errors: [], notice: { tone: 'success', text: uiKey('admin:notice.servicesSaved', { host }), warnings: r.warnings } });
        await loadShown(false);
      });
    },

    async submitJob(job) {
      const { cluster } = get();
      await act(async () => {
        const r = await api.request('admin.submitJob', { cluster, job });
        if (!r.ok) {
          set({ errors: r.errors, notice: failedNotice(r.errors, 'notSubmitted'), submittedJob: null });
          return;
        }
        set({ errors: [], submittedJob: r.jobId, notice: { tone: 'success', text: uiKey('admin:notice.jobSubmitted', { id: r.jobId }) } });
        await loadShown(true);
      });
    },

    async updateRemoteClustersNow() {
      const { cluster } = get();
      await act(async () => {
        await api.request('admin.updateRemoteClustersNow', { cluster });
        set({ notice: { tone: 'info', text: uiKey('admin:notice.remoteUpdate') } });
        await loadShown(true);
      });
    },

    async logOutPhone(device) {
      const { cluster } = get();
      await act(async () => {
        const r = await api.request('admin.logOutPhone', { cluster, device });
        set(r.ok
          ? { notice: { tone: 'info', text: uiKey('admin:notice.loggedOut', { device }) } }
          : { errors: r.errors, notice: failedNotice(r.errors, 'notLoggedOut') });
      });
    },

    async regenerateCertificate(host, purpose) {
      const { cluster } = get();
      let done = false;
      await act(async () => {
        const r = await api.request('pki.regenerate', { cluster, host, purpose });
        if (!r.ok) {
          set({ errors: r.errors, notice: failedNotice(r.errors, 'notRegenerated') });
          return;
        }
        done = true;
        set({ errors: [], notice: { tone: 'success', text: uiKey('admin:notice.regenerated', { label: purposeOf(purpose)?.label ?? purpose, host }), warnings: r.warnings } });
        await loadShown(true);
      });
      return done;
    },

    async downloadCertificate(host, purpose, format) {
      const { cluster } = get();
      await act(async () => {
        const file = await api.request('pki.download', { cluster, host, purpose, format });
        saveBase64File(file.fileName, file.base64, format === 'pem' ? 'application/x-pem-file' : 'application/pkix-cert');
      });
    },

    async untrustCertificate(store, fingerprint) {
      const { cluster } = get();
      let done = false;
      await act(async () => {
        const r = await api.request('pki.untrust', { cluster, store, fingerprint });
        if (!r.ok) {
          set({ errors: r.errors, notice: failedNotice(r.errors, 'notDeleted') });
          return;
        }
        done = true;
        set({ errors: [], notice: { tone: 'success', text: uiKey('admin:notice.untrusted', { store }), warnings: r.warnings } });
        await loadShown(true);
      });
      return done;
    },

    async submitCertificateJob(action) {
      const { cluster } = get();
      // The last job's status goes away at once: what shows next is the new job's.
      set({ submittedJob: null });
      await act(async () => {
        const r = await api.request('pki.submit', { cluster, action });
        if (!r.ok) {
          set({ errors: r.errors, notice: failedNotice(r.errors, 'notSubmitted') });
          return;
        }
        set({ errors: [], submittedJob: r.jobId, notice: null });
        await loadShown(true);
      });
    },
  };
});
