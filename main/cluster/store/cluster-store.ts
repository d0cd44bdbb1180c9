/**
 * The only module of a cluster that knows SQL: opens the cluster's SQLite database (WAL,
 * foreign keys), runs pending migrations, and answers the domain's questions through prepared
 * statements. Multi-row changes run in transactions.
 */
import Database from 'better-sqlite3';
import type { ChildList, EntityTable } from './entity-tables';
import { LATEST_VERSION, MIGRATIONS } from './migrations';

export class DatabaseTooNewError extends Error {}

export interface NodeRow { name: string; host: string; role: 'publisher' | 'subscriber'; ipv4: string | null; ipv6: string | null }
export interface UserRow { user_id: string; self_service_id: string | null; pin: string; primary_extension: string | null; emcc_enabled: number; must_change_pin: number; default_profile?: string | null }
export interface PhoneRow { name: string; model: string; device_pool: string | null; em_enabled: number; security_mode: 'non-secure' | 'secure'; logout_profile: string | null; last_user?: string | null }
export interface ProfileRow { name: string; model: string; description: string; user_locale: string | null; intercom_dn?: string | null }
export interface LineRow { position: number; dn: string; label: string }
export interface ServiceRow { name: string; url: string; secure_url: string | null; enabled: number; enterprise_subscription: number }
export interface RemoteClusterRow { cluster_id: string; fqdn: string; emcc_enabled: number; pstn_enabled: number; rsvp_enabled: number; remote_emcc_activated: number; remote_pstn_activated: number; remote_rsvp_activated: number; remote_version: string | null; last_update: number | null; update_error: number | null }
export interface ServiceProfileRow { emcc_active: number; pstn_active: number; pstn_trunk: string | null; rsvp_active: number; rsvp_trunk: string | null }
export interface EmccDeviceRow { name: string; security_mode: string; bound_device: string | null; user_id: string | null; profile: string | null; visiting_cluster: string | null; login_at: number | null; expires_at: number | null; emcc_security: string | null }
export interface JobRow { id: number; kind: string; description: string; params: string; status: 'Pending' | 'Processing' | 'Completed' | 'Failed'; progress: number; total: number; result: string; submitted_at: number; finished_at: number | null }
/** A row of an administration list: column -> value. */
export type EntityRow = Record<string, string | number | null>;
export interface LineRowIn { position: number; dn: string; label: string }
export type ChildValues = Record<string, LineRowIn[] | string[]>;
export interface CertificateRow { node: string; purpose: string; pem: string; key_pem: string; fingerprint: string; created_at: number }
export interface TrustRow { store: string; fingerprint: string; pem: string; source: string; added_at: number }
export interface LoginRow {
  device: string; user_id: string; profile: string | null; kind: 'local' | 'emcc'; home_cluster: string | null; home_tftp: string | null; login_at: number;
  /** Lab time the login ends by itself (maximum login time, exclusiveDuration); null: never. */
  expires_at?: number | null;
  emcc_security?: string | null;
}
export interface AppUserRow { user_id: string; password: string; em_proxy_rights: number }

export class ClusterStore {
  readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();

  /** Open (creating if needed) a cluster database; ':memory:' for tests. */
  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.migrate();
  }

  close(): void {
    this.db.close();
  }

  /** Run `fn` in one transaction. */
  transaction<T>(fn: () => T): T {
    try {
      return this.db.transaction(fn)();
    } catch (e) {
      // Values read or written inside the rolled-back transaction must not outlive it.
      this.forgetCached();
      throw e;
    }
  }

  /**
   * Reads every request makes (settings, parameters, which node runs what) are kept in memory.
   * Only this store writes these tables, and every write drops what it changes.
   */
  private readonly cached = new Map<string, unknown>();

  private memo<T>(key: string, read: () => T): T {
    if (this.cached.has(key)) return this.cached.get(key) as T;
    const value = read();
    this.cached.set(key, value);
    return value;
  }

  private forget(prefix: string): void {
    for (const k of this.cached.keys()) if (k.startsWith(prefix)) this.cached.delete(k);
  }

  private forgetCached(): void {
    this.cached.clear();
  }

  private migrate(): void {
    const current = this.db.pragma('user_version', { simple: true }) as number;
    if (current > LATEST_VERSION) {
      throw new DatabaseTooNewError(`database schema version ${current} is newer than this app understands (${LATEST_VERSION}); use a newer EMCC Lab`);
    }
    const pending = MIGRATIONS.filter((m) => m.version > current);
    if (pending.length === 0) return;
    this.db.transaction(() => {
      for (const m of pending) this.db.exec(m.sql);
      this.db.pragma(`user_version = ${LATEST_VERSION}`);
    })();
  }

  get schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  private stmt(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  private get<T>(sql: string, ...params: unknown[]): T | undefined {
    return this.stmt(sql).get(...params) as T | undefined;
  }

  private all<T>(sql: string, ...params: unknown[]): T[] {
    return this.stmt(sql).all(...params) as T[];
  }

  private run(sql: string, ...params: unknown[]): Database.RunResult {
    return this.stmt(sql).run(...params);
  }

  /** Whether the database holds no configuration yet (a brand-new cluster). */
  isEmpty(): boolean {
    return !this.get('SELECT 1 FROM settings LIMIT 1');
  }

  // --- settings (enterprise parameters, version, security mode) ---
  setting(key: string): string | undefined {
    return this.memo(`setting:${key}`, () => this.get<{ value: string }>('SELECT value FROM settings WHERE key = ?', key)?.value);
  }
  setSetting(key: string, value: string): void {
    this.cached.delete(`setting:${key}`);
    this.run('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value', key, value);
  }

  // --- nodes and service activation ---
  nodes(): NodeRow[] {
    return this.all<NodeRow>("SELECT * FROM nodes ORDER BY role = 'subscriber', name");
  }
  putNode(n: NodeRow): void {
    this.forget('nodes:');
    this.run('INSERT OR REPLACE INTO nodes (name, host, role, ipv4, ipv6) VALUES (?, ?, ?, ?, ?)', n.name, n.host, n.role, n.ipv4, n.ipv6);
  }
  nodeServices(node: string): { service: string; activated: number }[] {
    return this.memo(`nodes:services:${node}`, () => this.all<{ service: string; activated: number }>('SELECT service, activated FROM node_services WHERE node = ? ORDER BY service', node));
  }
  setNodeService(node: string, service: string, activated: boolean): void {
    this.forget('nodes:');
    this.run('INSERT INTO node_services (node, service, activated) VALUES (?, ?, ?) ON CONFLICT(node, service) DO UPDATE SET activated = excluded.activated', node, service, activated ? 1 : 0);
  }
  /** Host names of the nodes where `service` is activated, publisher first. */
  nodesRunning(service: string): string[] {
    return this.memo(`nodes:running:${service}`, () => this.all<{ host: string }>(
      "SELECT n.host FROM nodes n JOIN node_services s ON s.node = n.name WHERE s.service = ? AND s.activated = 1 ORDER BY n.role = 'subscriber', n.name",
      service,
    ).map((r) => r.host));
  }

  // --- parameters ---
  serviceParameter(key: string): string | undefined {
    return this.memo(`service:${key}`, () => this.get<{ value: string }>('SELECT value FROM service_parameters WHERE key = ?', key)?.value);
  }
  setServiceParameter(key: string, value: string): void {
    this.cached.delete(`service:${key}`);
    this.run('INSERT INTO service_parameters (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value', key, value);
  }
  featureParameter(key: string): string | undefined {
    return this.memo(`feature:${key}`, () => this.get<{ value: string }>('SELECT value FROM emcc_feature_parameters WHERE key = ?', key)?.value);
  }
  setFeatureParameter(key: string, value: string): void {
    this.cached.delete(`feature:${key}`);
    this.run('INSERT INTO emcc_feature_parameters (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value', key, value);
  }

  // --- device pools, services, profiles ---
  putDevicePool(name: string, userLocale: string | null): void {
    this.run('INSERT OR REPLACE INTO device_pools (name, user_locale) VALUES (?, ?)', name, userLocale);
  }
  devicePoolLocale(name: string): string | null {
    return this.get<{ user_locale: string | null }>('SELECT user_locale FROM device_pools WHERE name = ?', name)?.user_locale ?? null;
  }
  putPhoneService(s: ServiceRow): void {
    this.run('INSERT OR REPLACE INTO phone_services (name, url, secure_url, enabled, enterprise_subscription) VALUES (?, ?, ?, ?, ?)', s.name, s.url, s.secure_url, s.enabled, s.enterprise_subscription);
  }
  putProfile(p: ProfileRow, lines: LineRow[], services: string[]): void {
    this.transaction(() => {
      this.run('INSERT OR REPLACE INTO device_profiles (name, model, description, user_locale) VALUES (?, ?, ?, ?)', p.name, p.model, p.description, p.user_locale);
      this.replaceLinesAndServices('profile', p.name, lines, services);
    });
  }
  /** Replace the lines and service subscriptions of a device profile or a phone. */
  private replaceLinesAndServices(owner: 'profile' | 'phone', name: string, lines: LineRow[], services: string[]): void {
    // Table and column names come from the two constants above, never from input.
    this.run(`DELETE FROM ${owner}_lines WHERE ${owner} = ?`, name);
    for (const l of lines) this.run(`INSERT INTO ${owner}_lines (${owner}, position, dn, label) VALUES (?, ?, ?, ?)`, name, l.position, l.dn, l.label);
    this.run(`DELETE FROM ${owner}_subscriptions WHERE ${owner} = ?`, name);
    for (const s of services) this.run(`INSERT INTO ${owner}_subscriptions (${owner}, service) VALUES (?, ?)`, name, s);
  }
  profile(name: string): ProfileRow | undefined {
    return this.get<ProfileRow>('SELECT * FROM device_profiles WHERE name = ?', name);
  }
  profileLines(name: string): LineRow[] {
    return this.all<LineRow>('SELECT position, dn, label FROM profile_lines WHERE profile = ? ORDER BY position', name);
  }
  /** Services a profile sees: its subscriptions plus enabled enterprise subscriptions. */
  profileServices(name: string): ServiceRow[] {
    return this.all<ServiceRow>(
      `SELECT s.* FROM phone_services s WHERE s.enabled = 1 AND (s.enterprise_subscription = 1
         OR s.name IN (SELECT service FROM profile_subscriptions WHERE profile = ?)) ORDER BY s.name`,
      name,
    );
  }

  // --- end users ---
  putUser(u: UserRow, profiles: string[]): void {
    this.transaction(() => {
      this.run(
        'INSERT OR REPLACE INTO end_users (user_id, self_service_id, pin, primary_extension, emcc_enabled, must_change_pin) VALUES (?, ?, ?, ?, ?, ?)',
        u.user_id, u.self_service_id, u.pin, u.primary_extension, u.emcc_enabled, u.must_change_pin,
      );
      this.run('DELETE FROM user_profiles WHERE user_id = ?', u.user_id);
      for (const p of profiles) this.run('INSERT INTO user_profiles (user_id, profile) VALUES (?, ?)', u.user_id, p);
    });
  }
  user(userId: string): UserRow | undefined {
    return this.get<UserRow>('SELECT * FROM end_users WHERE user_id = ?', userId);
  }
  /** A new PIN from the change-credential screen: it replaces the old one and clears "must change". */
  setUserPin(userId: string, pin: string): void {
    this.run('UPDATE end_users SET pin = ?, must_change_pin = 0 WHERE user_id = ?', pin, userId);
  }
  appUser(userId: string): AppUserRow | undefined {
    return this.get<AppUserRow>('SELECT user_id, password, em_proxy_rights FROM application_users WHERE user_id = ?', userId);
  }
  usersBySelfServiceId(id: string): UserRow[] {
    return this.all<UserRow>('SELECT * FROM end_users WHERE self_service_id = ?', id);
  }
  usersByPrimaryExtension(dn: string): UserRow[] {
    return this.all<UserRow>('SELECT * FROM end_users WHERE primary_extension = ?', dn);
  }
  userProfiles(userId: string): string[] {
    return this.all<{ profile: string }>('SELECT profile FROM user_profiles WHERE user_id = ? ORDER BY profile', userId).map((r) => r.profile);
  }

  // --- phones ---
  putPhone(p: PhoneRow, lines: LineRow[], services: string[]): void {
    this.transaction(() => {
      this.run('INSERT OR REPLACE INTO phones (name, model, device_pool, em_enabled, security_mode, logout_profile) VALUES (?, ?, ?, ?, ?, ?)',
        p.name, p.model, p.device_pool, p.em_enabled, p.security_mode, p.logout_profile);
      this.replaceLinesAndServices('phone', p.name, lines, services);
    });
  }
  phone(name: string): PhoneRow | undefined {
    return this.get<PhoneRow>('SELECT * FROM phones WHERE name = ?', name);
  }
  /** Remember who last logged in on a phone (Remember the Last User Logged In). */
  setLastUser(phone: string, userId: string): void {
    this.run('UPDATE phones SET last_user = ? WHERE name = ?', userId, phone);
  }
  phones(): PhoneRow[] {
    return this.all<PhoneRow>('SELECT * FROM phones ORDER BY name');
  }
  phoneLines(name: string): LineRow[] {
    return this.all<LineRow>('SELECT position, dn, label FROM phone_lines WHERE phone = ? ORDER BY position', name);
  }
  phoneServices(name: string): ServiceRow[] {
    return this.all<ServiceRow>(
      `SELECT s.* FROM phone_services s WHERE s.enabled = 1 AND (s.enterprise_subscription = 1
         OR s.name IN (SELECT service FROM phone_subscriptions WHERE phone = ?)) ORDER BY s.name`,
      name,
    );
  }

  // --- remote clusters and the intercluster service profile ---
  putRemoteCluster(r: RemoteClusterRow): void {
    this.forget('remote:');
    this.run(
      `INSERT OR REPLACE INTO remote_clusters (cluster_id, fqdn, emcc_enabled, pstn_enabled, rsvp_enabled,
         remote_emcc_activated, remote_pstn_activated, remote_rsvp_activated, remote_version, last_update) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      r.cluster_id, r.fqdn, r.emcc_enabled, r.pstn_enabled, r.rsvp_enabled,
      r.remote_emcc_activated, r.remote_pstn_activated, r.remote_rsvp_activated, r.remote_version, r.last_update,
    );
  }
  /** Record what a remote cluster update learned (or that the remote did not answer). */
  setRemoteStatus(clusterId: string, s: { emcc: boolean; pstn: boolean; rsvp: boolean; version: string | null; at: number; error?: number | null }): void {
    this.forget('remote:');
    this.run('UPDATE remote_clusters SET remote_emcc_activated = ?, remote_pstn_activated = ?, remote_rsvp_activated = ?, remote_version = coalesce(?, remote_version), last_update = ?, update_error = ? WHERE cluster_id = ?',
      s.emcc ? 1 : 0, s.pstn ? 1 : 0, s.rsvp ? 1 : 0, s.version, s.at, s.error ?? null, clusterId);
  }
  /** Remote clusters and the service profile are read by every EMCC request and keepalive: kept in memory. */
  remoteClusters(): readonly RemoteClusterRow[] {
    return this.memo('remote:all', () => this.all<RemoteClusterRow>('SELECT * FROM remote_clusters ORDER BY cluster_id'));
  }
  remoteCluster(clusterId: string): RemoteClusterRow | undefined {
    return this.memo(`remote:${clusterId}`, () => this.get<RemoteClusterRow>('SELECT * FROM remote_clusters WHERE cluster_id = ?', clusterId));
  }
  serviceProfile(): ServiceProfileRow {
    return this.memo('remote:isp', () => this.get<ServiceProfileRow>('SELECT emcc_active, pstn_active, pstn_trunk, rsvp_active, rsvp_trunk FROM intercluster_service_profile WHERE id = 1')!);
  }
  setServiceProfile(p: ServiceProfileRow): void {
    this.forget('remote:');
    this.run('UPDATE intercluster_service_profile SET emcc_active = ?, pstn_active = ?, pstn_trunk = ?, rsvp_active = ?, rsvp_trunk = ? WHERE id = 1',
      p.emcc_active, p.pstn_active, p.pstn_trunk, p.rsvp_active, p.rsvp_trunk);
  }


  // --- administration lists (tables and columns come from ENTITY_TABLES, never from input) ---
  private static ident(name: string): string {
    if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not an identifier: ${name}`);
    return name;
  }
  /** Rows of a list, optionally only those whose key contains `search`. */
  entityRows(t: EntityTable, search?: string): EntityRow[] {
    const table = ClusterStore.ident(t.table);
    const key = ClusterStore.ident(t.keyColumn);
    if (!search) return this.all<EntityRow>(`SELECT * FROM ${table} ORDER BY ${key} COLLATE NOCASE`);
    const like = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return this.all<EntityRow>(`SELECT * FROM ${table} WHERE ${key} LIKE ? ESCAPE '\\' ORDER BY ${key} COLLATE NOCASE`, like);
  }
  /** One row by key, matched case-insensitively as Unified CM names are. */
  entityRow(t: EntityTable, key: string): EntityRow | undefined {
    return this.get<EntityRow>(`SELECT * FROM ${ClusterStore.ident(t.table)} WHERE ${ClusterStore.ident(t.keyColumn)} = ? COLLATE NOCASE`, key);
  }
  entityCount(t: EntityTable): number {
    return this.get<{ n: number }>(`SELECT count(*) AS n FROM ${ClusterStore.ident(t.table)}`)!.n;
  }
  /** The child rows of a record's list fields (lines, subscriptions, controlled profiles). */
  entityChildren(t: EntityTable, key: string): ChildValues {
    const out: ChildValues = {};
    for (const [field, c] of Object.entries(t.lists)) {
      const table = ClusterStore.ident(c.table);
      const owner = ClusterStore.ident(c.owner);
      out[field] = c.shape === 'lines'
        ? this.all<LineRowIn>(`SELECT position, dn, label FROM ${table} WHERE ${owner} = ? ORDER BY position`, key)
        : this.all<Record<string, string>>(`SELECT ${ClusterStore.ident(c.value!)} AS v FROM ${table} WHERE ${owner} = ? ORDER BY v`, key).map((r) => r.v!);
    }
    return out;
  }
  /**
   * Insert (oldKey null) or update a record and replace its list fields, in one transaction.
   * Renaming defers foreign keys so the caller can move the references in the same transaction.
   */
  saveEntity(t: EntityTable, oldKey: string | null, values: EntityRow, children: ChildValues, alsoInTransaction?: (newKey: string) => void): void {
    const table = ClusterStore.ident(t.table);
    const cols = Object.keys(values).map(ClusterStore.ident);
    const newKey = String(values[t.keyColumn]);
    // A server saved or renamed changes which node runs what (its services follow by cascade);
    // a remote cluster saved changes the remote list.
    this.forget('nodes:');
    this.forget('remote:');
    this.transaction(() => {
      this.db.pragma('defer_foreign_keys = ON');
      if (oldKey === null) {
        this.db.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...cols.map((c) => values[c]));
      } else {
        this.db.prepare(`UPDATE ${table} SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE ${ClusterStore.ident(t.keyColumn)} = ? COLLATE NOCASE`)
          .run(...cols.map((c) => values[c]), oldKey);
      }
      for (const [field, c] of Object.entries(t.lists)) {
        const rows = children[field];
        if (!rows) continue;
        const ct = ClusterStore.ident(c.table);
        const owner = ClusterStore.ident(c.owner);
        this.run(`DELETE FROM ${ct} WHERE ${owner} = ?`, newKey);
        for (const r of rows) {
          if (c.shape === 'lines') {
            const l = r as LineRowIn;
            this.run(`INSERT INTO ${ct} (${owner}, position, dn, label) VALUES (?, ?, ?, ?)`, newKey, l.position, l.dn, l.label);
          } else {
            this.run(`INSERT INTO ${ct} (${owner}, ${ClusterStore.ident(c.value!)}) VALUES (?, ?)`, newKey, r as string);
          }
        }
      }
      alsoInTransaction?.(newKey);
    });
  }
  deleteEntity(t: EntityTable, key: string): boolean {
    this.forget('nodes:');
    this.forget('remote:');
    return this.run(`DELETE FROM ${ClusterStore.ident(t.table)} WHERE ${ClusterStore.ident(t.keyColumn)} = ? COLLATE NOCASE`, key).changes > 0;
  }
  /** Keys of the rows of `t` whose `column` names `value` (what a delete or rename must consider). */
  referrers(t: EntityTable, column: string, value: string): string[] {
    return this.all<{ k: string }>(
      `SELECT ${ClusterStore.ident(t.keyColumn)} AS k FROM ${ClusterStore.ident(t.table)} WHERE ${ClusterStore.ident(column)} = ? COLLATE NOCASE ORDER BY k LIMIT 5`, value,
    ).map((r) => r.k);
  }
  /** Point every `column` of `t` that names `from` at `to` (a renamed record). */
  renameReferences(t: EntityTable, column: string, from: string, to: string): void {
    this.run(`UPDATE ${ClusterStore.ident(t.table)} SET ${ClusterStore.ident(column)} = ? WHERE ${ClusterStore.ident(column)} = ? COLLATE NOCASE`, to, from);
  }
  /** Keys of the records whose list field (a child table) names `value`. */
  listReferrers(c: ChildList, value: string): string[] {
    return this.all<{ k: string }>(
      `SELECT ${ClusterStore.ident(c.owner)} AS k FROM ${ClusterStore.ident(c.table)} WHERE ${ClusterStore.ident(c.value!)} = ? COLLATE NOCASE ORDER BY k LIMIT 5`, value,
    ).map((r) => r.k);
  }
  renameListReferences(c: ChildList, from: string, to: string): void {
    this.run(`UPDATE ${ClusterStore.ident(c.table)} SET ${ClusterStore.ident(c.value!)} = ? WHERE ${ClusterStore.ident(c.value!)} = ? COLLATE NOCASE`, to, from);
  }
  /** Remove the list entries that name `value` (a deleted service or profile leaves the lists). */
  deleteListReferences(c: ChildList, value: string): void {
    this.run(`DELETE FROM ${ClusterStore.ident(c.table)} WHERE ${ClusterStore.ident(c.value!)} = ? COLLATE NOCASE`, value);
  }
  /** Setting keys whose value names `value`, for settings that point at records. */
  settingsNaming(keys: readonly string[], value: string): string[] {
    return keys.filter((k) => (this.setting(k) ?? '').toLowerCase() === value.toLowerCase());
  }
  featureParametersNaming(keys: readonly string[], value: string): string[] {
    return keys.filter((k) => (this.featureParameter(k) ?? '').toLowerCase() === value.toLowerCase());
  }

  // --- Bulk Administration jobs ---
  addJob(j: { kind: string; description: string; params: string; total: number; at: number }): number {
    return Number(this.run("INSERT INTO bulk_jobs (kind, description, params, status, total, submitted_at) VALUES (?, ?, ?, 'Pending', ?, ?)",
      j.kind, j.description, j.params, j.total, j.at).lastInsertRowid);
  }
  updateJob(id: number, u: { status: JobRow['status']; progress: number; result?: string; finishedAt?: number }): void {
    this.run('UPDATE bulk_jobs SET status = ?, progress = ?, result = coalesce(?, result), finished_at = coalesce(?, finished_at) WHERE id = ?',
      u.status, u.progress, u.result ?? null, u.finishedAt ?? null, id);
  }
  jobs(): JobRow[] {
    return this.all<JobRow>('SELECT * FROM bulk_jobs ORDER BY id DESC LIMIT 200');
  }
  /** Jobs left Pending or Processing by a stop: they never finish, so they are marked Failed. */
  failUnfinishedJobs(at: number): void {
    this.run("UPDATE bulk_jobs SET status = 'Failed', result = 'The lab stopped before the job finished', finished_at = ? WHERE status IN ('Pending', 'Processing')", at);
  }

  // --- certificates and trust stores ---
  certificates(): CertificateRow[] {
    return this.all<CertificateRow>('SELECT * FROM certificates ORDER BY node, purpose');
  }
  certificate(node: string, purpose: string): CertificateRow | undefined {
    return this.get<CertificateRow>('SELECT * FROM certificates WHERE node = ? AND purpose = ?', node, purpose);
  }
  putCertificate(c: CertificateRow): void {
    this.run('INSERT OR REPLACE INTO certificates (node, purpose, pem, key_pem, fingerprint, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      c.node, c.purpose, c.pem, c.key_pem, c.fingerprint, c.created_at);
  }
  /** A trust store's entries (every request between clusters checks one), or all of them. */
  trusted(store?: string): readonly TrustRow[] {
    return store
      ? this.memo(`trust:${store}`, () => this.all<TrustRow>('SELECT * FROM trust_certificates WHERE store = ? ORDER BY source', store))
      : this.all<TrustRow>('SELECT * FROM trust_certificates ORDER BY store, source');
  }
  /** Add to a trust store; false when it already holds that certificate. */
  addTrusted(t: TrustRow): boolean {
    this.forget('trust:');
    return this.run('INSERT OR IGNORE INTO trust_certificates (store, fingerprint, pem, source, added_at) VALUES (?, ?, ?, ?, ?)',
      t.store, t.fingerprint, t.pem, t.source, t.added_at).changes > 0;
  }
  removeTrusted(store: string, fingerprint: string): boolean {
    this.forget('trust:');
    return this.run('DELETE FROM trust_certificates WHERE store = ? AND fingerprint = ?', store, fingerprint).changes > 0;
  }

  // --- EMCC dummy devices (home side) ---
  addEmccDevice(name: string): void {
    this.run('INSERT INTO emcc_devices (name) VALUES (?)', name);
  }
  /** Insert EMCC devices named in one transaction (a chunk of a Bulk Administration job). */
  insertEmccDevices(names: readonly string[], template: string | null, securityMode: string): void {
    this.transaction(() => {
      for (const n of names) this.run('INSERT INTO emcc_devices (name, template, security_mode) VALUES (?, ?, ?)', n, template, securityMode);
    });
  }
  /** The highest number N of the EMCC devices named EMCCN (0 when none). */
  lastEmccDeviceNumber(): number {
    return this.get<{ n: number | null }>("SELECT max(CAST(substr(name, 5) AS INTEGER)) AS n FROM emcc_devices WHERE name GLOB 'EMCC[0-9]*'")!.n ?? 0;
  }
  /** Apply an EMCC template to every EMCC device (Update EMCC Devices). */
  setEmccDevicesTemplate(template: string, securityMode: string): number {
    return this.run('UPDATE emcc_devices SET template = ?, security_mode = ?', template, securityMode).changes;
  }
  emccDevicesUsingTemplate(template: string): number {
    return this.get<{ n: number }>('SELECT count(*) AS n FROM emcc_devices WHERE template = ? COLLATE NOCASE', template)!.n;
  }
  phoneCount(): number {
    return this.get<{ n: number }>('SELECT count(*) AS n FROM phones')!.n;
  }
  emccDeviceCount(): number {
    return this.get<{ n: number }>('SELECT count(*) AS n FROM emcc_devices')!.n;
  }
  emccDeviceBoundTo(device: string): EmccDeviceRow | undefined {
    return this.get<EmccDeviceRow>('SELECT * FROM emcc_devices WHERE bound_device = ?', device);
  }
  /** Devices an EM session (local, or EMCC from a visiting phone) runs on with this device profile. */
  sessionsWithProfile(profile: string): string[] {
    return this.all<{ device: string }>(
      'SELECT device FROM em_logins WHERE profile = ? UNION SELECT bound_device AS device FROM emcc_devices WHERE profile = ? AND bound_device IS NOT NULL ORDER BY device',
      profile, profile,
    ).map((r) => r.device);
  }

  emccDevicesOfUser(userId: string): EmccDeviceRow[] {
    return this.all<EmccDeviceRow>('SELECT * FROM emcc_devices WHERE user_id = ?', userId);
  }
  /**
   * Bind a free EMCC device to a visiting phone for a user, atomically; undefined when none is free.
   */
  /** The EMCC device the next login would take (lowest number first); undefined when all are in use. */
  freeEmccDevice(): EmccDeviceRow | undefined {
    return this.get<EmccDeviceRow>('SELECT * FROM emcc_devices WHERE bound_device IS NULL ORDER BY length(name), name LIMIT 1');
  }
  /** Bind EMCC device `name` to a visiting phone for a user; false if it was taken meanwhile. */
  bindEmccDevice(name: string, b: { device: string; userId: string; profile: string; visitingCluster: string; at: number; expiresAt: number | null; security: string }): boolean {
    return this.run('UPDATE emcc_devices SET bound_device = ?, user_id = ?, profile = ?, visiting_cluster = ?, login_at = ?, expires_at = ?, emcc_security = ? WHERE name = ? AND bound_device IS NULL',
      b.device, b.userId, b.profile, b.visitingCluster, b.at, b.expiresAt, b.security, name).changes > 0;
  }
  releaseEmccDevice(device: string): boolean {
    return this.run('UPDATE emcc_devices SET bound_device = NULL, user_id = NULL, profile = NULL, visiting_cluster = NULL, login_at = NULL, expires_at = NULL, emcc_security = NULL WHERE bound_device = ?', device).changes > 0;
  }
  /** The earliest lab time a login of this cluster ends by itself, if any does. */
  nextLoginExpiry(): number | undefined {
    return this.get<{ t: number | null }>(
      `SELECT min(t) AS t FROM (SELECT min(expires_at) AS t FROM em_logins WHERE kind = 'local'
         UNION ALL SELECT min(expires_at) FROM emcc_devices WHERE bound_device IS NOT NULL)`,
    )?.t ?? undefined;
  }
  /** Devices whose login has ended by `now`: local logins on our phones, and visiting phones bound to our EMCC devices. */
  expiredLogins(now: number): string[] {
    return this.all<{ device: string }>(
      `SELECT device FROM em_logins WHERE kind = 'local' AND expires_at <= ?
         UNION SELECT bound_device FROM emcc_devices WHERE bound_device IS NOT NULL AND expires_at <= ?`,
      now, now,
    ).map((r) => r.device);
  }

  // --- logins on this cluster's phones ---
  login(device: string): LoginRow | undefined {
    return this.get<LoginRow>('SELECT * FROM em_logins WHERE device = ?', device);
  }
  /** A page of this cluster's phones logged in through EMCC (the visiting side's records), by device name. */
  emccLoginsAfter(device: string, limit: number): LoginRow[] {
    return this.all<LoginRow>("SELECT * FROM em_logins WHERE kind = 'emcc' AND device > ? ORDER BY device LIMIT ?", device, limit);
  }
  loginsOfUser(userId: string): LoginRow[] {
    return this.all<LoginRow>('SELECT * FROM em_logins WHERE user_id = ?', userId);
  }
  recordLogin(l: LoginRow): void {
    this.run('INSERT INTO em_logins (device, user_id, profile, kind, home_cluster, home_tftp, login_at, expires_at, emcc_security) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      l.device, l.user_id, l.profile, l.kind, l.home_cluster, l.home_tftp, l.login_at, l.expires_at ?? null, l.emcc_security ?? null);
  }
  removeLogin(device: string): boolean {
    return this.run('DELETE FROM em_logins WHERE device = ?', device).changes > 0;
  }
}
