/**
 * The administration part of the renderer contract: lists, records, form pages, Service
 * Activation, bulk EMCC jobs and the Intercluster Service Profile validation, per cluster. A
 * record travels as a plain object of fields; the main process checks it against the entity's
 * field table (shared/admin) and answers field-level errors.
 */
import { z } from 'zod';
import { ENTITY_KINDS } from '../admin/fields';
import { FORM_PAGES, SPECIAL_PAGES } from '../admin/pages';
import { PURPOSE_IDS } from '../certificates';
import { FAULT_IDS } from '../faults';

/** A cluster by its lab name ("home", "visiting"), as LabSnapshot.clusters[].id gives it. */
const cluster = z.string().min(1).max(30);
/** One line of the trace: lab time, the cluster that wrote it (null: the lab), the text. */
const TraceEntry = z.object({ at: z.number(), cluster: z.string().nullable(), text: z.string() });
const kind = z.enum(ENTITY_KINDS);
const page = z.enum(FORM_PAGES);
const key = z.string().min(1).max(128);
/** A record as the form sends it; its fields are checked against the entity's table. */
const recordInput = z.record(z.string().max(64), z.unknown()).refine((r) => Object.keys(r).length <= 64, 'too many fields');
const Record = z.record(z.string(), z.unknown());
const FieldError = z.object({ field: z.string(), message: z.string() });

export const SaveResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), key: z.string(), warnings: z.array(z.string()) }),
  z.object({ ok: z.literal(false), errors: z.array(FieldError) }),
]);
export type SaveResult = z.infer<typeof SaveResult>;

export const AdminTargetSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('list'), kind }),
  z.object({ type: z.literal('form'), page }),
  z.object({ type: z.literal('special'), page: z.enum(SPECIAL_PAGES) }),
]);

export const ValidationReport = z.object({
  passed: z.boolean(),
  checks: z.array(z.object({
    id: z.string(), title: z.string(), ok: z.boolean(), message: z.string(), fix: AdminTargetSchema,
    /** A warning does not stop Save (remote clusters come in step 9, after the profile). */
    warning: z.boolean().optional(),
  })),
});
export type ValidationReport = z.infer<typeof ValidationReport>;

export const Job = z.object({
  id: z.number().int(),
  kind: z.enum(['insertEmccDevices', 'updateEmccDevices', 'certExport', 'certConsolidate', 'certImport']),
  description: z.string(),
  status: z.enum(['Pending', 'Processing', 'Completed', 'Failed']),
  progress: z.number().int(),
  total: z.number().int(),
  result: z.string(),
  submittedAt: z.number(),
  finishedAt: z.number().nullable(),
});
export type Job = z.infer<typeof Job>;

export const JobRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('insertEmccDevices'), count: z.number().int() }).strict(),
  z.object({ kind: z.literal('updateEmccDevices'), template: z.string().min(1).max(50) }).strict(),
]);
export type JobRequest = z.infer<typeof JobRequest>;

export const ServiceActivation = z.object({
  nodes: z.array(z.object({ host: z.string(), role: z.enum(['publisher', 'subscriber']), services: z.record(z.string(), z.boolean()) })),
});
export type ServiceActivation = z.infer<typeof ServiceActivation>;

export const BulkEmccStatus = z.object({
  defaultTemplate: z.string().nullable(),
  templates: z.array(z.string()),
  devicesInDatabase: z.number().int(),
  /** How many more EMCC devices the capacity rule (phones + 2 x EMCC devices <= 60,000) allows. */
  maxInsertable: z.number().int(),
  nextDeviceName: z.string(),
});
export type BulkEmccStatus = z.infer<typeof BulkEmccStatus>;

const ok = z.object({ ok: z.literal(true) });

const CertificateInfo = z.object({
  subject: z.string(), issuer: z.string(), serial: z.string(), notBefore: z.number(), notAfter: z.number(), fingerprint: z.string(), keyType: z.string(),
});
export const CertificateList = z.object({
  certificates: z.array(CertificateInfo.extend({ host: z.string(), purpose: z.string(), label: z.string() })),
  trusted: z.array(CertificateInfo.extend({ store: z.string(), source: z.string() })),
  /** A Tomcat, Tomcat-ECDSA, TFTP or CAPF certificate was regenerated after the last export. */
  exportNeeded: z.boolean(),
});
export type CertificateList = z.infer<typeof CertificateList>;

export const BulkCertificateStatus = z.object({
  /** The files in the SFTP directory, or why they could not be listed. */
  files: z.array(z.object({ name: z.string(), size: z.number(), modifiedAt: z.number() })),
  filesError: z.string().nullable(),
  /** Consolidate is offered only when two or more clusters have exported. */
  canConsolidate: z.boolean(),
  canImport: z.boolean(),
  exportNeeded: z.boolean(),
  lastExport: z.number().nullable(),
});
export type BulkCertificateStatus = z.infer<typeof BulkCertificateStatus>;

const JobSubmitted = z.union([z.object({ ok: z.literal(true), jobId: z.number().int() }), z.object({ ok: z.literal(false), errors: z.array(FieldError) })]);

export const ADMIN_REQUESTS = {
  'admin.list': { request: z.object({ cluster, kind, search: z.string().max(100).optional() }).strict(), response: z.object({ records: z.array(Record) }) },
  'admin.get': { request: z.object({ cluster, kind, key }).strict(), response: z.object({ record: Record }) },
  /** Add (key null) or update the record named `key` (renaming it when the key field changed). */
  'admin.save': { request: z.object({ cluster, kind, key: key.nullable(), record: recordInput }).strict(), response: SaveResult },
  'admin.delete': { request: z.object({ cluster, kind, key }).strict(), response: SaveResult },
  /** The names every select of the cluster's pages offers, per entity kind and derived list. */
  'admin.choices': { request: z.object({ cluster }).strict(), response: z.record(z.string(), z.array(z.string())) },
  'admin.form': { request: z.object({ cluster, page }).strict(), response: z.object({ values: Record }) },
  'admin.saveForm': { request: z.object({ cluster, page, values: recordInput }).strict(), response: SaveResult },
  'admin.validateIsp': { request: z.object({ cluster }).strict(), response: ValidationReport },
  'admin.serviceActivation': { request: z.object({ cluster }).strict(), response: ServiceActivation },
  'admin.setServiceActivation': { request: z.object({ cluster, host: key, services: z.record(z.string().max(64), z.boolean()) }).strict(), response: SaveResult },
  'admin.bulkEmcc': { request: z.object({ cluster }).strict(), response: BulkEmccStatus },
  'admin.submitJob': { request: z.object({ cluster, job: JobRequest }).strict(), response: JobSubmitted },
  'admin.jobs': { request: z.object({ cluster }).strict(), response: z.object({ jobs: z.array(Job) }) },
  'admin.updateRemoteClustersNow': { request: z.object({ cluster }).strict(), response: ok },
  /** OS Administration > Security > Certificate Management: own certificates and trust stores. */
  'pki.certificates': { request: z.object({ cluster }).strict(), response: CertificateList },
  'pki.regenerate': { request: z.object({ cluster, host: key, purpose: z.enum(PURPOSE_IDS), validDays: z.number().int().optional() }).strict(), response: SaveResult },
  'pki.download': { request: z.object({ cluster, host: key, purpose: z.enum(PURPOSE_IDS), format: z.enum(['pem', 'der']) }).strict(), response: z.object({ fileName: z.string(), base64: z.string() }) },
  'pki.untrust': { request: z.object({ cluster, store: z.string().max(40), fingerprint: z.string().max(128) }).strict(), response: SaveResult },
  /** Bulk Certificate Management: the SFTP directory and what can be done next. */
  'pki.bulk': { request: z.object({ cluster }).strict(), response: BulkCertificateStatus },
  'pki.submit': { request: z.object({ cluster, action: z.enum(['export', 'consolidate', 'import']) }).strict(), response: JobSubmitted },
  /** Device > Phone > Log Out: end the EM login recorded for a phone (a database clean-up only; the phone is not reset). */
  'admin.logOutPhone': { request: z.object({ cluster, device: key }).strict(), response: SaveResult },
  /** A cluster's trace (or the whole lab's), oldest first. */
  'lab.trace': { request: z.object({ cluster: cluster.optional() }).strict(), response: z.object({ entries: z.array(TraceEntry) }) },
  /** The outside faults (shared/faults.ts) and which are on. */
  'lab.faults': { request: z.object({}).strict(), response: z.object({ active: z.array(z.object({ fault: z.enum(FAULT_IDS), target: z.string(), value: z.number().optional() })) }) },
  /**
   * Switch a fault on or off. Target: a cluster's lab name, a node's host name, or for a link the
   * two cluster names joined by "|".
   */
  'lab.setFault': {
    request: z.object({ fault: z.enum(FAULT_IDS), target: z.string().min(1).max(200), active: z.boolean(), value: z.number().min(0).max(600_000).optional() }).strict(),
    response: SaveResult,
  },
} as const;

export const ADMIN_EVENTS = {
  /** A cluster's configuration or its jobs changed: admin pages showing it fetch again. */
  'admin.changed': z.object({ cluster, what: z.enum(['config', 'jobs', 'remote', 'certificates']) }),
  /** A new line of the lab's trace. */
  'lab.trace': TraceEntry,
} as const;
