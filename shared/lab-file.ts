/**
 * The lab file (`.emcclab`, JSON): a whole lab in one versioned file a support engineer saves
 * and a colleague opens. It carries each cluster's configuration (the same ClusterDefinition the
 * demo lab is written in, applied through the administration on open, so it passes every rule an
 * administrator's change passes), each cluster's certificates and trust stores, the active faults
 * and the lab clock's settings. The schema is strict: a file that breaks it is refused with the
 * path of the field at fault, and the lab that was open stays as it was.
 */
import { z } from 'zod';
import { PURPOSE_IDS, TRUST_STORES, type TrustStoreId } from './certificates';
import { ClusterDefinition } from './cluster-definition';
import { FAULT_IDS } from './faults';

export const LAB_FILE_FORMAT = 'emcc-lab';
/** The newest lab file format this version reads (a file with a higher one is refused, named). */
export const LAB_FILE_VERSION = 1;
export const LAB_FILE_EXTENSION = '.emcclab';
/** The largest lab file opened (a lab with 60,000 EMCC devices is far below it: they are a count). */
export const LAB_FILE_MAX_BYTES = 32 * 1024 * 1024;
/** How deeply a lab file may nest (the deepest real value is a few levels down). */
export const LAB_FILE_MAX_DEPTH = 32;

const pem = z.string().max(20_000).regex(/^-----BEGIN [A-Z0-9 ]+-----[\s\S]+-----END [A-Z0-9 ]+-----\s*$/, 'must be a PEM block (-----BEGIN ...-----)');
const TRUST_STORE_IDS = TRUST_STORES.map((t) => t.id) as [TrustStoreId, ...TrustStoreId[]];

/** One certificate of a node, with its private key (the lab's own test keys), as the cluster database keeps it. */
export const LabCertificate = z.object({
  host: z.string().min(1).max(64),
  purpose: z.enum(PURPOSE_IDS),
  pem,
  keyPem: pem,
}).strict();

/** One entry of a trust store: the certificate the cluster trusts, and where it came from (as Certificate Management lists it). */
export const LabTrustEntry = z.object({
  store: z.enum(TRUST_STORE_IDS),
  pem,
  source: z.string().max(300).optional(),
}).strict();

/** Bulk Certificate Management's SFTP server, passwords included (they are the lab's own). */
export const LabSftpSettings = z.object({
  host: z.string().max(255),
  port: z.number().int(),
  user: z.string().max(64),
  password: z.string().max(128).nullable(),
  directory: z.string().max(255),
  bundlePassword: z.string().max(128).nullable(),
}).strict();

/** A cluster's certificates and trust stores, by the cluster's lab name, and where its bulk certificate exchange stands. */
export const LabClusterCertificates = z.object({
  cluster: z.string().min(1).max(30),
  certificates: z.array(LabCertificate).max(500),
  trust: z.array(LabTrustEntry).max(5000),
  /** Lab time of the last bulk export (null: never exported). */
  lastExport: z.number().int().min(0).nullable().default(null),
  /** A certificate was regenerated since the last export. */
  exportNeeded: z.boolean().default(false),
  sftp: LabSftpSettings.optional(),
}).strict();

export const LabFault = z.object({
  fault: z.enum(FAULT_IDS),
  target: z.string().min(1).max(100),
  value: z.number().optional(),
}).strict();

export const LabClockSettings = z.object({
  /** Lab time (ms since the epoch) the lab starts at when opened; absent: the wall clock. */
  start: z.number().int().min(0).max(8_640_000_000_000_000).optional(),
  speed: z.number().min(0.1).max(100_000).default(1),
  paused: z.boolean().default(false),
}).strict();

/**
 * A cluster of a lab file: the ClusterDefinition schema made strict at every level, so a
 * misspelt list ("phones") is refused rather than silently dropped. Fields inside records are
 * checked against the administration's field tables when the file is read.
 */
const LabCluster = ClusterDefinition.extend({
  nodes: z.array(ClusterDefinition.shape.nodes.element.strict()).min(1).max(30),
  records: ClusterDefinition.shape.records.unwrap().strict().default({}),
}).strict();

export const LabFile = z.object({
  format: z.literal(LAB_FILE_FORMAT, { error: `not an EMCC Lab lab file (its format must be "${LAB_FILE_FORMAT}")` }),
  version: z.number().int().min(1).max(LAB_FILE_VERSION, `a lab file of a newer EMCC Lab (this one reads format version ${LAB_FILE_VERSION})`),
  name: z.string().min(1).max(200),
  savedAt: z.string().max(40).optional(),
  clusters: z.array(LabCluster).min(1).max(8),
  /** Absent: each cluster makes new certificates and the clusters exchange them (as the demo lab does). */
  certificates: z.array(LabClusterCertificates).max(8).optional(),
  faults: z.array(LabFault).max(200).default([]),
  clock: LabClockSettings.default({ speed: 1, paused: false }),
}).strict();
export type LabFile = z.infer<typeof LabFile>;
export type LabFileInput = z.input<typeof LabFile>;
export type LabFault = z.infer<typeof LabFault>;
export type LabClockSettings = z.infer<typeof LabClockSettings>;
export type LabClusterCertificates = z.infer<typeof LabClusterCertificates>;

/**
 * What every lab file starts with, read before the rest: a file of another kind or of a newer
 * version is refused for that alone, not for every field a newer format may have changed.
 */
export const LabFileHeader = z.object({
  format: LabFile.shape.format,
  version: z.number().int().min(1).max(LAB_FILE_VERSION, `a lab file of a newer EMCC Lab (this one reads format version ${LAB_FILE_VERSION})`),
});
