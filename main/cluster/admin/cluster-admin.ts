/**
 * The administration of one cluster, as the admin window and cluster definitions use it: the
 * lists (Find / Add New / Save / Delete), the form pages, Service Activation, the Intercluster
 * Service Profile with its validation, and Bulk Administration. Every change is checked here
 * (the renderer's checks are a courtesy): the field tables of shared/admin, then the rules that
 * need the rest of the cluster (uniqueness, references, capacity, trunk count, publisher-only
 * services). A refused change answers field-level errors and writes nothing.
 */
import type { SaveResult, ServiceActivation, ValidationReport } from '../../../shared/api/admin-contract';
import { EMCC_TRUNK_TYPE, ENTITIES, MAX_EMCC_TRUNKS, MAX_PHONES } from '../../../shared/admin/entities';
import { ENTITY_KINDS, type AdminRecord, type EntityKind, type FieldError } from '../../../shared/admin/fields';
import { PAGES, type FormPage } from '../../../shared/admin/pages';
import { checkFields, checkRecord, loginTypeWarning } from '../../../shared/admin/validate';
import { ACTIVATABLE_SERVICES, SERVICES } from '../../../shared/cluster-services';
import { EMCC_FEATURE_PARAMETERS, EM_SERVICE_PARAMETERS, type ParamDef } from '../../../shared/parameters';
import { ENTITY_TABLES } from '../store/entity-tables';
import type { ClusterStore } from '../store/cluster-store';
import { storedSftpSettings } from '../pki/cluster-pki';
import { BulkEmcc } from './bulk-emcc';
import { keyOf, recordToRow, rowToRecord } from './record-codec';
import { dropListReferences, missingReferences, renameReferences, storedName, usedBy } from './references';
import { validateIsp } from './isp-validation';

/** What the rest of the lab knows that one cluster cannot. */
export interface LabPeers {
  /** Whether another cluster already has a node of this host name (the lab network is one DNS). */
  hostTakenElsewhere(host: string): boolean;
  /** The other cluster that has a phone of this name, if any (guide: error 37). */
  deviceNameElsewhere(deviceName: string): string | undefined;
}

export type AdminChange =
  | { what: 'config'; kind: EntityKind; key: string; oldKey: string | null; deleted: boolean }
  | { what: 'config'; kind: FormPage | 'serviceActivation'; key?: string }
  | { what: 'jobs' }
  | { what: 'certificates' };

export interface ClusterAdminDeps {
  store: ClusterStore;
  now(): number;
  /** Let HTTP answers and the UI run between the chunks of a long job. */
  yieldToOthers(): Promise<void>;
  peers: LabPeers;
  onChange(change: AdminChange): void;
}

const refused = (errors: FieldError[]): SaveResult => ({ ok: false, errors });
const saved = (key: string, warnings: string[] = []): SaveResult => ({ ok: true, key, warnings });
const same = (a: string | null | undefined, b: string | null | undefined) => (a ?? '').toLowerCase() === (b ?? '').toLowerCase();

export class ClusterAdmin {
  readonly bulk: BulkEmcc;

  constructor(private readonly d: ClusterAdminDeps) {
    this.bulk = new BulkEmcc({ store: d.store, now: d.now, yieldToOthers: d.yieldToOthers, jobsChanged: () => d.onChange({ what: 'jobs' }) });
  }

  private get store(): ClusterStore {
    return this.d.store;
  }

  // --- lists ---

  list(kind: EntityKind, search?: string): AdminRecord[] {
    return this.store.entityRows(ENTITY_TABLES[kind], search?.trim() || undefined).map((r) => rowToRecord(kind, r));
  }

  get(kind: EntityKind, key: string): AdminRecord | undefined {
    const t = ENTITY_TABLES[kind];
    const row = this.store.entityRow(t, key);
    return row ? rowToRecord(kind, row, this.store.entityChildren(t, String(row[t.keyColumn]))) : undefined;
  }

  /** Add (`oldKey` null) or update the record named `oldKey`, renaming it if its key changed. */
  save(kind: EntityKind, oldKey: string | null, input: unknown): SaveResult {
    const checked = checkRecord(kind, input);
    if (!checked.ok) return refused(checked.errors);
    const r = checked.value;
    const def = ENTITIES[kind];
    const t = ENTITY_TABLES[kind];
    const key = keyOf(kind, r);
    const existing = oldKey === null ? undefined : this.get(kind, oldKey);
    if (oldKey !== null && !existing) return refused([{ field: '', message: `${def.title} "${oldKey}" no longer exists` }]);
    const clash = this.store.entityRow(t, key);
    if (clash && (oldKey === null || !same(String(clash[t.keyColumn]), oldKey))) {
      return refused([{ field: def.key, message: `A ${def.title} named "${key}" already exists` }]);
    }
    const errors: FieldError[] = [];
    if (existing) {
      for (const f of def.fields) {
        if (f.fixedAfterAdd && !same(String(existing[f.key] ?? ''), String(r[f.key] ?? ''))) {
          errors.push({ field: f.key, message: `${f.label} is set when the ${def.title.toLowerCase()} is added and cannot be changed` });
        }
      }
    }
    errors.push(...missingReferences(this.store, kind, r));
    const rules = this.clusterRules(kind, r, existing, oldKey);
    errors.push(...rules.errors);
    if (errors.length) return refused(errors);

    const { values, children } = recordToRow(kind, r);
    const renamed = oldKey !== null && oldKey !== key;
    this.store.saveEntity(t, existing ? String(existing[def.key]) : null, values, children, () => {
      if (renamed) renameReferences(this.store, kind, oldKey!, key);
      if (kind === 'node' && !existing) for (const { service } of ACTIVATABLE_SERVICES) this.store.setNodeService(key, service, false);
    });
    this.d.onChange({ what: 'config', kind, key, oldKey, deleted: false });
    return saved(key, rules.warnings);
  }

  /** Rules of the guide that look beyond the record. */
  private clusterRules(kind: EntityKind, r: AdminRecord, existing: AdminRecord | undefined, oldKey: string | null): { errors: FieldError[]; warnings: string[] } {
    const { store } = this;
    const errors: FieldError[] = [];
    const warnings: string[] = [];
    switch (kind) {
      case 'node': {
        const host = String(r.host);
        if (this.d.peers.hostTakenElsewhere(host)) errors.push({ field: 'host', message: `Another cluster of the lab already has a server named "${host}"` });
        const publisher = store.nodes().find((n) => n.role === 'publisher');
        if (!existing && r.role === 'publisher' && publisher) errors.push({ field: 'role', message: `The cluster already has a publisher (${publisher.host})` });
        if (!existing && r.role === 'subscriber' && !publisher) errors.push({ field: 'role', message: 'The first server of a cluster is its publisher' });
        break;
      }
      case 'phoneService': {
        const warning = loginTypeWarning(r.url);
        if (warning) warnings.push(warning);
        break;
      }
      case 'endUser': {
        if (r.selfServiceId) {
          const other = store.usersBySelfServiceId(String(r.selfServiceId)).find((u) => !same(u.user_id, oldKey));
          if (other) errors.push({ field: 'selfServiceId', message: `User "${other.user_id}" already has Self-Service User ID ${String(r.selfServiceId)}` });
        }
        break;
      }
      case 'phone': {
        // EMCC devices that queued insert jobs will add count too, so a job and phones cannot
        // together pass the limit.
        if (!existing && store.phoneCount() + 1 + 2 * (store.emccDeviceCount() + this.bulk.reserved) > MAX_PHONES) {
          errors.push({ field: 'name', message: `No room for another phone: phones + 2 x EMCC devices must stay at or below ${MAX_PHONES}` });
        }
        const other = this.d.peers.deviceNameElsewhere(String(r.name));
        if (other) warnings.push(`${String(r.name)} also exists in cluster ${other}: an EMCC login from this phone fails with error 37 (duplicate device name)`);
        break;
      }
      case 'sipTrunk': {
        if (!existing && r.trunkServiceType === EMCC_TRUNK_TYPE) {
          const emccTrunks = store.entityRows(ENTITY_TABLES.sipTrunk).filter((x) => x.trunk_service_type === EMCC_TRUNK_TYPE).length;
          if (emccTrunks >= MAX_EMCC_TRUNKS) {
            errors.push({ field: 'trunkServiceType', message: `There are already ${MAX_EMCC_TRUNKS} EMCC trunks: one for PSTN access and the RSVP agent, or one each, never more` });
          }
        }
        break;
      }
      case 'remoteCluster': {
        if (same(String(r.clusterId), store.setting('clusterId'))) {
          errors.push({ field: 'clusterId', message: `${String(r.clusterId)} is this cluster's own Cluster ID; a remote cluster's Cluster Id is the other cluster's` });
        }
        if (!existing && store.featureParameter('enableAllRemoteServices') === 'true' && !(r.emccEnabled && r.pstnEnabled && r.rsvpEnabled)) {
          r.emccEnabled = r.pstnEnabled = r.rsvpEnabled = true;
          warnings.push('All services of the new remote cluster are enabled (Enable All Remote Cluster Services When Adding A New Remote Cluster is True)');
        }
        break;
      }
      default:
        break;
    }
    return { errors, warnings };
  }

  delete(kind: EntityKind, key: string): SaveResult {
    const def = ENTITIES[kind];
    const t = ENTITY_TABLES[kind];
    const row = this.store.entityRow(t, key);
    if (!row) return refused([{ field: '', message: `${def.title} "${key}" does not exist` }]);
    const name = String(row[t.keyColumn]);
    if (kind === 'node' && row.role === 'publisher') return refused([{ field: 'role', message: 'The publisher cannot be deleted' }]);
    const uses = usedBy(this.store, kind, kind === 'node' ? String(row.host) : name);
    if (uses.length) return refused([{ field: '', message: `${def.title} "${name}" is in use by ${uses.join('; ')}` }]);
    this.store.transaction(() => {
      dropListReferences(this.store, kind, name);
      this.store.deleteEntity(t, name);
    });
    this.d.onChange({ what: 'config', kind, key: name, oldKey: name, deleted: true });
    return saved(name);
  }

  /** Names every select of this cluster's pages offers. */
  choices(): Record<string, string[]> {
    const { store } = this;
    const out: Record<string, string[]> = {};
    for (const k of ENTITY_KINDS) out[k] = store.entityRows(ENTITY_TABLES[k]).map((r) => String(r[ENTITY_TABLES[k].columns[ENTITIES[k].key]!]));
    out.nodesRunningTftp = store.nodesRunning(SERVICES.tftp);
    out.nodesRunningEm = store.nodesRunning(SERVICES.extensionMobility);
    out.emccTrunks = store.entityRows(ENTITY_TABLES.sipTrunk).filter((t) => t.trunk_service_type === EMCC_TRUNK_TYPE).map((t) => String(t.name));
    return out;
  }

  // --- form pages ---

  form(page: FormPage): AdminRecord {
    const { store } = this;
    switch (page) {
      case 'enterprise':
        return { clusterId: store.setting('clusterId') ?? '', version: store.setting('version') ?? '', securityMode: store.setting('securityMode') ?? '' };
      case 'serviceParameters':
        return paramValues(EM_SERVICE_PARAMETERS, (k) => store.serviceParameter(k));
      case 'featureParameters':
        return paramValues(EMCC_FEATURE_PARAMETERS, (k) => store.featureParameter(k));
      case 'isp': {
        const p = store.serviceProfile();
        return { emccActive: !!p.emcc_active, pstnActive: !!p.pstn_active, pstnTrunk: p.pstn_trunk, rsvpActive: !!p.rsvp_active, rsvpTrunk: p.rsvp_trunk };
      }
      case 'sftpSettings': {
        // Passwords never leave the main process: the page shows them empty ("keep").
        const s = storedSftpSettings(store);
        return { host: s.host, port: s.port, user: s.user, password: null, directory: s.directory, bundlePassword: null };
      }
    }
  }

  saveForm(page: FormPage, input: unknown): SaveResult {
    const checked = checkFields(PAGES[page].fields, input);
    if (!checked.ok) return refused(checked.errors);
    const v = checked.value;
    const { store } = this;
    const warnings: string[] = [];
    switch (page) {
      case 'enterprise': {
        const before = store.setting('clusterId');
        if (store.remoteClusters().some((r) => same(r.cluster_id, String(v.clusterId)))) return refused([{ field: 'clusterId', message: `${String(v.clusterId)} is the Cluster Id of one of this cluster's remote clusters` }]);
        store.transaction(() => {
          store.setSetting('clusterId', String(v.clusterId));
          store.setSetting('version', String(v.version));
          store.setSetting('securityMode', String(v.securityMode));
        });
        if (before && before !== v.clusterId) warnings.push(`Clusters that list this one as a remote cluster must change its Cluster Id from ${before} to ${String(v.clusterId)}`);
        break;
      }
      case 'serviceParameters':
        writeParams(EM_SERVICE_PARAMETERS, v, (k, value) => store.setServiceParameter(k, value), store);
        break;
      case 'featureParameters': {
        const errors = this.featureParameterRefs(v);
        if (errors.length) return refused(errors);
        writeParams(EMCC_FEATURE_PARAMETERS, v, (k, value) => store.setFeatureParameter(k, value), store);
        break;
      }
      case 'sftpSettings':
        store.transaction(() => {
          for (const k of ['host', 'port', 'user', 'directory', 'password', 'bundlePassword'] as const) {
            // An empty password field keeps the saved one.
            if ((k === 'password' || k === 'bundlePassword') && !v[k]) continue;
            store.setSetting(`sftp.${k}`, String(v[k]));
          }
        });
        break;
      case 'isp': {
        const errors = this.ispErrors(v);
        if (errors.length) return refused(errors);
        store.setServiceProfile({
          emcc_active: v.emccActive ? 1 : 0, pstn_active: v.pstnActive ? 1 : 0, pstn_trunk: (v.pstnTrunk as string | null) ?? null,
          rsvp_active: v.rsvpActive ? 1 : 0, rsvp_trunk: (v.rsvpTrunk as string | null) ?? null,
        });
        break;
      }
    }
    this.d.onChange({ what: 'config', kind: page });
    return saved(page, warnings);
  }

  /** TFTP and remote update servers must be nodes of this cluster running the service; the filter must exist. */
  private featureParameterRefs(v: AdminRecord): FieldError[] {
    const { store } = this;
    const errors: FieldError[] = [];
    for (const d of EMCC_FEATURE_PARAMETERS) {
      const value = v[d.key];
      if (!('ref' in d) || !value) continue;
      const label = d.label;
      if (d.ref === 'geolocationFilter') {
        const name = storedName(store, 'geolocationFilter', String(value));
        if (name) v[d.key] = name;
        else errors.push({ field: d.key, message: `${label}: no geolocation filter named "${String(value)}"` });
        continue;
      }
      const service = d.ref === 'nodesRunningTftp' ? SERVICES.tftp : SERVICES.extensionMobility;
      const node = store.nodes().find((n) => same(n.host, String(value)));
      if (!node) errors.push({ field: d.key, message: `${label}: "${String(value)}" is not a server of this cluster` });
      else if (!store.nodesRunning(service).includes(node.host)) errors.push({ field: d.key, message: `${label}: ${node.host} does not run ${service} (Tools > Service Activation)` });
      else v[d.key] = node.host;
    }
    return errors;
  }

  private ispErrors(v: AdminRecord): FieldError[] {
    const { store } = this;
    const errors: FieldError[] = [];
    for (const [active, trunk, label] of [['pstnActive', 'pstnTrunk', 'PSTN Access'], ['rsvpActive', 'rsvpTrunk', 'RSVP Agent']] as const) {
      const name = v[trunk] as string | null;
      if (v[active] && !name) errors.push({ field: trunk, message: `${label} is Active: choose its SIP trunk` });
      if (name) {
        const row = store.entityRow(ENTITY_TABLES.sipTrunk, name);
        if (!row) errors.push({ field: trunk, message: `No SIP trunk named "${name}"` });
        else if (row.trunk_service_type !== EMCC_TRUNK_TYPE) errors.push({ field: trunk, message: `Trunk "${name}" is not of Trunk Service Type "${EMCC_TRUNK_TYPE}"` });
        else v[trunk] = String(row.name);
      }
    }
    // The guide: Save only when Validate shows no failure. A profile with nothing active needs none.
    if (v.emccActive || v.pstnActive || v.rsvpActive) {
      const report = this.validateIsp();
      for (const c of report.checks) if (!c.ok && !c.warning) errors.push({ field: '', message: `${c.title}: ${c.message}` });
    }
    return errors;
  }

  validateIsp(): ValidationReport {
    return validateIsp(this.store, this.d.peers);
  }

  // --- Service Activation ---

  serviceActivation(): ServiceActivation {
    return {
      nodes: this.store.nodes().map((n) => {
        const active = new Map(this.store.nodeServices(n.name).map((s) => [s.service, s.activated === 1]));
        return { host: n.host, role: n.role, services: Object.fromEntries(ACTIVATABLE_SERVICES.map(({ service }) => [service, active.get(service) ?? false])) };
      }),
    };
  }

  setServiceActivation(host: string, services: Record<string, boolean>): SaveResult {
    const node = this.store.nodes().find((n) => same(n.host, host));
    if (!node) return refused([{ field: '', message: `No server named "${host}"` }]);
    const errors: FieldError[] = [];
    for (const [service, on] of Object.entries(services)) {
      const s = ACTIVATABLE_SERVICES.find((x) => x.service === service);
      if (!s) errors.push({ field: service.slice(0, 64), message: `Unknown service "${service.slice(0, 64)}"` });
      else if (on && s.publisherOnly && node.role !== 'publisher') errors.push({ field: service, message: `${service} runs on the publisher only` });
    }
    if (errors.length) return refused(errors);
    this.store.transaction(() => {
      for (const [service, on] of Object.entries(services)) this.store.setNodeService(node.name, service, on);
    });
    this.d.onChange({ what: 'config', kind: 'serviceActivation', key: node.host });
    return saved(node.host);
  }
}

/** Checked form values as stored parameter strings ('' for none), in one transaction. */
function writeParams(defs: readonly ParamDef[], v: AdminRecord, set: (key: string, value: string) => void, store: ClusterStore): void {
  store.transaction(() => {
    for (const d of defs) set(d.key, String(v[d.key] ?? ''));
  });
}

/** Stored parameter strings as typed form values (defaults where never set). */
function paramValues(defs: readonly ParamDef[], read: (key: string) => string | undefined): AdminRecord {
  const out: AdminRecord = {};
  for (const d of defs) {
    const raw = read(d.key) ?? String(d.default);
    if (d.kind === 'boolean') out[d.key] = raw === 'true';
    else if (d.kind === 'integer') out[d.key] = Number(raw);
    else out[d.key] = raw === '' && d.kind === 'text' ? null : raw;
  }
  return out;
}
