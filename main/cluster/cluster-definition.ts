/**
 * A whole cluster's configuration as data: what the demo lab and the fresh lab seed, and what a
 * lab file will carry. It is applied through the cluster's administration, record by record, in
 * the order the guide configures things, so it passes exactly the rules an administrator's
 * changes pass (there is no second way into the database).
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { EntityKind } from '../../shared/admin/fields';
import type { FormPage } from '../../shared/admin/pages';
import type { SaveResult } from '../../shared/api/admin-contract';
import type { ClusterAdmin } from './admin/cluster-admin';
import type { ClusterStore } from './store/cluster-store';

/** The lists of a definition in the order they are applied (each only names lists before it). */
export const DEFINITION_ORDER = [
  'callingSearchSpace', 'geolocation', 'geolocationFilter', 'commonDeviceConfig', 'devicePool', 'phoneService',
  'deviceProfile', 'endUser', 'applicationUser', 'phone', 'sipTrunk', 'emccTemplate',
] as const satisfies readonly Exclude<EntityKind, 'node' | 'remoteCluster'>[];

const records = z.array(z.record(z.string(), z.unknown())).max(100_000);

export const ClusterDefinition = z.object({
  /** The lab's name for the cluster; also its database file name. */
  name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,29}$/, 'a lab name (lower-case letters, digits and -)'),
  enterprise: z.record(z.string(), z.unknown()),
  /** Servers, publisher first, each with the services activated on it. */
  nodes: z.array(z.object({ record: z.record(z.string(), z.unknown()), services: z.array(z.string()).default([]) })).min(1),
  records: z.object(Object.fromEntries(DEFINITION_ORDER.map((k) => [k, records.optional()])) as Record<(typeof DEFINITION_ORDER)[number], z.ZodOptional<typeof records>>).default({}),
  serviceParameters: z.record(z.string(), z.unknown()).optional(),
  featureParameters: z.record(z.string(), z.unknown()).optional(),
  defaultEmccTemplate: z.string().nullable().default(null),
  emccDevices: z.number().int().min(0).default(0),
  remoteClusters: records.default([]),
  interclusterServiceProfile: z.record(z.string(), z.unknown()).optional(),
});
export type ClusterDefinition = z.input<typeof ClusterDefinition>;

export class DefinitionError extends Error {}

function must(result: SaveResult | { field: string; message: string }[], where: string): void {
  const errors = Array.isArray(result) ? result : result.ok ? [] : result.errors;
  if (errors.length) {
    const e = errors[0]!;
    throw new DefinitionError(`${where}${e.field ? `: ${e.field}` : ''}: ${e.message}`);
  }
}

/**
 * Apply a definition to an empty cluster through its administration. Throws a DefinitionError
 * naming the record and field at fault; the caller discards the half-made database.
 */
export function applyDefinition(store: ClusterStore, admin: ClusterAdmin, input: ClusterDefinition): void {
  const parsed = ClusterDefinition.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DefinitionError(`cluster definition: ${issue.path.join('.')}: ${issue.message}`);
  }
  const d = parsed.data;
  const where = `cluster "${d.name}"`;
  store.transaction(() => {
    store.setSetting('name', d.name);
    // The secret of the internal application user EMApp uses toward the EM service.
    store.setSetting('internalAppCertificate', randomBytes(12).toString('hex'));
    const form = (page: FormPage, values: Record<string, unknown> | undefined) => {
      if (values) must(admin.saveForm(page, { ...admin.form(page), ...values }), `${where}: ${page}`);
    };
    form('enterprise', d.enterprise);
    for (const n of d.nodes) {
      must(admin.save('node', null, n.record), `${where}: server ${String(n.record.host)}`);
      must(admin.setServiceActivation(String(n.record.host), Object.fromEntries(n.services.map((s) => [s, true]))), `${where}: service activation`);
    }
    form('serviceParameters', d.serviceParameters);
    for (const kind of DEFINITION_ORDER) {
      for (const r of d.records[kind] ?? []) must(admin.save(kind, null, r), `${where}: ${kind} "${String(Object.values(r)[0] ?? '')}"`);
    }
    form('featureParameters', d.featureParameters);
    if (d.defaultEmccTemplate) must(admin.bulk.setDefaultTemplateNow(d.defaultEmccTemplate), `${where}: default EMCC template`);
    if (d.emccDevices) must(admin.bulk.insertNow(d.emccDevices), `${where}: EMCC devices`);
    for (const r of d.remoteClusters) must(admin.save('remoteCluster', null, r), `${where}: remote cluster`);
    form('isp', d.interclusterServiceProfile);
  });
}
