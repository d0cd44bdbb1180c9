/**
 * A whole cluster's configuration as data: what the demo lab and the fresh lab seed, and what a
 * lab file will carry. It is applied through the cluster's administration, record by record, in
 * the order the guide configures things, so it passes exactly the rules an administrator's
 * changes pass (there is no second way into the database).
 */
import { randomBytes } from 'node:crypto';
import { ClusterDefinition, DEFINITION_ORDER } from '../../shared/cluster-definition';
import type { FormPage } from '../../shared/admin/pages';
import type { SaveResult } from '../../shared/api/admin-contract';
import type { ClusterAdmin } from './admin/cluster-admin';
import type { ClusterStore } from './store/cluster-store';

export { ClusterDefinition, DEFINITION_ORDER } from '../../shared/cluster-definition';

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
