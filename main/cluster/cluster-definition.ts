/**
 * A whole cluster's configuration as data: what the demo lab seeds and what a lab file carries.
 * Validated with a schema before anything is written; `applyDefinition` writes it to a fresh
 * cluster database in one transaction.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { CLUSTER_VERSIONS, SECURITY_MODES } from '../../shared/cluster-versions';
import { EMCC_FEATURE_PARAMETERS, EM_SERVICE_PARAMETERS, checkParam, type ParamDef } from '../../shared/parameters';
import { PHONE_MODEL_IDS } from '../../shared/phone-models';
import { LOCALES } from '../../shared/i18n/messages';
import { SERVICES } from './cluster-identity';
import type { ClusterStore } from './store/cluster-store';

const name50 = z.string().min(1).max(50);
const host = z.string().regex(/^[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$/, 'a host name');
const line = z.object({ dn: z.string().regex(/^[0-9*#+]{1,24}$/, 'a directory number'), label: z.string().max(30).default('') });
const locale = z.enum(LOCALES);
const service = z.enum([SERVICES.callManager, SERVICES.tftp, SERVICES.extensionMobility, SERVICES.ils, SERVICES.bulkProvisioning]);

export const ClusterDefinition = z.object({
  name: z.string().min(1).max(30),
  clusterId: z.string().regex(/^[A-Za-z0-9_-]{1,50}$/, 'a Cluster ID (letters, digits, - and _)'),
  version: z.enum(CLUSTER_VERSIONS),
  securityMode: z.enum(SECURITY_MODES),
  nodes: z.array(z.object({ name: name50, host, role: z.enum(['publisher', 'subscriber']), services: z.array(service) })).min(1),
  devicePools: z.array(z.object({ name: name50, locale: locale.nullable().default(null) })).default([]),
  phoneServices: z.array(z.object({ name: name50, url: z.string().url().max(512), enterpriseSubscription: z.boolean().default(false) })).default([]),
  deviceProfiles: z.array(z.object({
    name: name50, model: z.enum(PHONE_MODEL_IDS), locale: locale.nullable().default(null),
    lines: z.array(line).default([]), services: z.array(name50).default([]),
  })).default([]),
  users: z.array(z.object({
    userId: z.string().min(1).max(128), pin: z.string().regex(/^\d{1,128}$/, 'a numeric PIN'),
    selfServiceId: z.string().max(128).nullable().default(null), primaryExtension: z.string().max(24).nullable().default(null),
    emccEnabled: z.boolean().default(false), mustChangePin: z.boolean().default(false), profiles: z.array(name50).default([]),
  })).default([]),
  phones: z.array(z.object({
    name: z.string().regex(/^[A-Za-z0-9_.-]{1,50}$/, 'a device name'), model: z.enum(PHONE_MODEL_IDS), devicePool: name50.nullable().default(null),
    emEnabled: z.boolean().default(false), securityMode: z.enum(['non-secure', 'secure']).default('non-secure'),
    lines: z.array(line).default([]), services: z.array(name50).default([]),
  })).default([]),
  emccDevices: z.number().int().min(0).max(60000).default(0),
  serviceParameters: z.record(z.string(), z.string()).default({}),
  featureParameters: z.record(z.string(), z.string()).default({}),
  interclusterServiceProfile: z.object({
    emcc: z.boolean().default(false), pstn: z.boolean().default(false), pstnTrunk: z.string().nullable().default(null),
    rsvp: z.boolean().default(false), rsvpTrunk: z.string().nullable().default(null),
  }).default({ emcc: false, pstn: false, pstnTrunk: null, rsvp: false, rsvpTrunk: null }),
  remoteClusters: z.array(z.object({ clusterId: z.string().min(1).max(50), fqdn: host })).default([]),
});
export type ClusterDefinition = z.input<typeof ClusterDefinition>;

function checkParams(defs: readonly ParamDef[], values: Record<string, string>, where: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const d of defs) out.set(d.key, String(d.default));
  for (const [key, raw] of Object.entries(values)) {
    const def = defs.find((d) => d.key === key);
    if (!def) throw new Error(`${where}: unknown parameter "${key}"`);
    const checked = checkParam(def, raw);
    if (!checked.ok) throw new Error(`${where}.${key}: ${checked.error}`);
    out.set(key, checked.value);
  }
  return out;
}

/** Validate a definition and write it to an empty cluster database. Throws with the field at fault. */
export function applyDefinition(store: ClusterStore, input: ClusterDefinition): void {
  const parsed = ClusterDefinition.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`cluster definition: ${issue.path.join('.')}: ${issue.message}`);
  }
  const d = parsed.data;
  const serviceParams = checkParams(EM_SERVICE_PARAMETERS, d.serviceParameters, 'serviceParameters');
  const featureParams = checkParams(EMCC_FEATURE_PARAMETERS, d.featureParameters, 'featureParameters');
  store.transaction(() => {
    store.setSetting('name', d.name);
    store.setSetting('clusterId', d.clusterId);
    store.setSetting('version', d.version);
    store.setSetting('securityMode', d.securityMode);
    // The secret of the internal application user EMApp uses toward the EM service.
    store.setSetting('internalAppCertificate', randomBytes(12).toString('hex'));
    for (const n of d.nodes) {
      store.putNode({ name: n.name, host: n.host, role: n.role, ipv4: '127.0.0.1', ipv6: null });
      for (const s of Object.values(SERVICES)) store.setNodeService(n.name, s, n.services.includes(s));
    }
    for (const [k, v] of serviceParams) store.setServiceParameter(k, v);
    for (const [k, v] of featureParams) store.setFeatureParameter(k, v);
    for (const p of d.devicePools) store.putDevicePool(p.name, p.locale);
    for (const s of d.phoneServices) {
      store.putPhoneService({ name: s.name, url: s.url, secure_url: null, enabled: 1, enterprise_subscription: s.enterpriseSubscription ? 1 : 0 });
    }
    for (const p of d.deviceProfiles) {
      store.putProfile({ name: p.name, model: p.model, description: '', user_locale: p.locale },
        p.lines.map((l, i) => ({ position: i + 1, dn: l.dn, label: l.label })), p.services);
    }
    for (const u of d.users) {
      store.putUser({
        user_id: u.userId, self_service_id: u.selfServiceId, pin: u.pin, primary_extension: u.primaryExtension,
        emcc_enabled: u.emccEnabled ? 1 : 0, must_change_pin: u.mustChangePin ? 1 : 0,
      }, u.profiles);
    }
    for (const p of d.phones) {
      store.putPhone({ name: p.name, model: p.model, device_pool: p.devicePool, em_enabled: p.emEnabled ? 1 : 0, security_mode: p.securityMode, logout_profile: null },
        p.lines.map((l, i) => ({ position: i + 1, dn: l.dn, label: l.label })), p.services);
    }
    for (let i = 1; i <= d.emccDevices; i++) store.addEmccDevice(`EMCC${i}`);
    const isp = d.interclusterServiceProfile;
    store.setServiceProfile({ emcc_active: isp.emcc ? 1 : 0, pstn_active: isp.pstn ? 1 : 0, pstn_trunk: isp.pstnTrunk, rsvp_active: isp.rsvp ? 1 : 0, rsvp_trunk: isp.rsvpTrunk });
    for (const r of d.remoteClusters) {
      store.putRemoteCluster({
        cluster_id: r.clusterId, fqdn: r.fqdn, emcc_activated: 1, pstn_activated: 1, rsvp_activated: 1,
        remote_emcc_activated: 0, remote_pstn_activated: 0, remote_rsvp_activated: 0, remote_version: null, last_update: null,
      });
    }
  });
}
