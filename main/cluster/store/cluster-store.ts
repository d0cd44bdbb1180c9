/**
 * The only module of a cluster that knows SQL: opens the cluster's SQLite database (WAL,
 * foreign keys), runs pending migrations, and answers the domain's questions through prepared
 * statements. Multi-row changes run in transactions.
 */
import Database from 'better-sqlite3';
import { LATEST_VERSION, MIGRATIONS } from './migrations';

export class DatabaseTooNewError extends Error {}

export interface NodeRow { name: string; host: string; role: 'publisher' | 'subscriber'; ipv4: string | null; ipv6: string | null }
export interface UserRow { user_id: string; self_service_id: string | null; pin: string; primary_extension: string | null; emcc_enabled: number; must_change_pin: number }
export interface PhoneRow { name: string; model: string; device_pool: string | null; em_enabled: number; security_mode: 'non-secure' | 'secure'; logout_profile: string | null }
export interface ProfileRow { name: string; model: string; description: string; user_locale: string | null }
export interface LineRow { position: number; dn: string; label: string }
export interface ServiceRow { name: string; url: string; secure_url: string | null; enabled: number; enterprise_subscription: number }
export interface RemoteClusterRow { cluster_id: string; fqdn: string; emcc_activated: number; pstn_activated: number; rsvp_activated: number; remote_emcc_activated: number; remote_pstn_activated: number; remote_rsvp_activated: number; remote_version: string | null; last_update: number | null }
export interface ServiceProfileRow { emcc_active: number; pstn_active: number; pstn_trunk: string | null; rsvp_active: number; rsvp_trunk: string | null }
export interface EmccDeviceRow { name: string; security_mode: string; bound_device: string | null; user_id: string | null; profile: string | null; visiting_cluster: string | null; login_at: number | null }
export interface LoginRow { device: string; user_id: string; profile: string | null; kind: 'local' | 'emcc'; home_cluster: string | null; home_tftp: string | null; login_at: number }

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
    return this.db.transaction(fn)();
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
    return this.get<{ value: string }>('SELECT value FROM settings WHERE key = ?', key)?.value;
  }
  setSetting(key: string, value: string): void {
    this.run('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value', key, value);
  }

  // --- nodes and service activation ---
  nodes(): NodeRow[] {
    return this.all<NodeRow>("SELECT * FROM nodes ORDER BY role = 'subscriber', name");
  }
  putNode(n: NodeRow): void {
    this.run('INSERT OR REPLACE INTO nodes (name, host, role, ipv4, ipv6) VALUES (?, ?, ?, ?, ?)', n.name, n.host, n.role, n.ipv4, n.ipv6);
  }
  nodeServices(node: string): { service: string; activated: number }[] {
    return this.all('SELECT service, activated FROM node_services WHERE node = ? ORDER BY service', node);
  }
  setNodeService(node: string, service: string, activated: boolean): void {
    this.run('INSERT INTO node_services (node, service, activated) VALUES (?, ?, ?) ON CONFLICT(node, service) DO UPDATE SET activated = excluded.activated', node, service, activated ? 1 : 0);
  }
  /** Host names of the nodes where `service` is activated, publisher first. */
  nodesRunning(service: string): string[] {
    return this.all<{ host: string }>(
      "SELECT n.host FROM nodes n JOIN node_services s ON s.node = n.name WHERE s.service = ? AND s.activated = 1 ORDER BY n.role = 'subscriber', n.name",
      service,
    ).map((r) => r.host);
  }

  // --- parameters ---
  serviceParameter(key: string): string | undefined {
    return this.get<{ value: string }>('SELECT value FROM service_parameters WHERE key = ?', key)?.value;
  }
  setServiceParameter(key: string, value: string): void {
    this.run('INSERT INTO service_parameters (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value', key, value);
  }
  featureParameter(key: string): string | undefined {
    return this.get<{ value: string }>('SELECT value FROM emcc_feature_parameters WHERE key = ?', key)?.value;
  }
  setFeatureParameter(key: string, value: string): void {
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
    this.run(
      `INSERT OR REPLACE INTO remote_clusters (cluster_id, fqdn, emcc_activated, pstn_activated, rsvp_activated,
         remote_emcc_activated, remote_pstn_activated, remote_rsvp_activated, remote_version, last_update) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      r.cluster_id, r.fqdn, r.emcc_activated, r.pstn_activated, r.rsvp_activated,
      r.remote_emcc_activated, r.remote_pstn_activated, r.remote_rsvp_activated, r.remote_version, r.last_update,
    );
  }
  /** Record what a remote cluster update learned (or that the remote did not answer). */
  setRemoteStatus(clusterId: string, s: { emcc: boolean; pstn: boolean; rsvp: boolean; version: string | null; at: number }): void {
    this.run('UPDATE remote_clusters SET remote_emcc_activated = ?, remote_pstn_activated = ?, remote_rsvp_activated = ?, remote_version = coalesce(?, remote_version), last_update = ? WHERE cluster_id = ?',
      s.emcc ? 1 : 0, s.pstn ? 1 : 0, s.rsvp ? 1 : 0, s.version, s.at, clusterId);
  }
  remoteClusters(): RemoteClusterRow[] {
    return this.all<RemoteClusterRow>('SELECT * FROM remote_clusters ORDER BY cluster_id');
  }
  remoteCluster(clusterId: string): RemoteClusterRow | undefined {
    return this.get<RemoteClusterRow>('SELECT * FROM remote_clusters WHERE cluster_id = ?', clusterId);
  }
  serviceProfile(): ServiceProfileRow {
    return this.get<ServiceProfileRow>('SELECT emcc_active, pstn_active, pstn_trunk, rsvp_active, rsvp_trunk FROM intercluster_service_profile WHERE id = 1')!;
  }
  setServiceProfile(p: ServiceProfileRow): void {
    this.run('UPDATE intercluster_service_profile SET emcc_active = ?, pstn_active = ?, pstn_trunk = ?, rsvp_active = ?, rsvp_trunk = ? WHERE id = 1',
      p.emcc_active, p.pstn_active, p.pstn_trunk, p.rsvp_active, p.rsvp_trunk);
  }

  // --- EMCC dummy devices (home side) ---
  addEmccDevice(name: string): void {
    this.run('INSERT INTO emcc_devices (name) VALUES (?)', name);
  }
  emccDeviceCount(): number {
    return this.get<{ n: number }>('SELECT count(*) AS n FROM emcc_devices')!.n;
  }
  emccDeviceBoundTo(device: string): EmccDeviceRow | undefined {
    return this.get<EmccDeviceRow>('SELECT * FROM emcc_devices WHERE bound_device = ?', device);
  }
  emccDevicesOfUser(userId: string): EmccDeviceRow[] {
    return this.all<EmccDeviceRow>('SELECT * FROM emcc_devices WHERE user_id = ?', userId);
  }
  /**
   * Bind a free EMCC device to a visiting phone for a user, atomically; undefined when none is free.
   */
  bindEmccDevice(b: { device: string; userId: string; profile: string; visitingCluster: string; at: number }): EmccDeviceRow | undefined {
    return this.transaction(() => {
      const free = this.get<{ name: string }>('SELECT name FROM emcc_devices WHERE bound_device IS NULL ORDER BY length(name), name LIMIT 1');
      if (!free) return undefined;
      this.run('UPDATE emcc_devices SET bound_device = ?, user_id = ?, profile = ?, visiting_cluster = ?, login_at = ? WHERE name = ?',
        b.device, b.userId, b.profile, b.visitingCluster, b.at, free.name);
      return this.get<EmccDeviceRow>('SELECT * FROM emcc_devices WHERE name = ?', free.name);
    });
  }
  releaseEmccDevice(device: string): boolean {
    return this.run('UPDATE emcc_devices SET bound_device = NULL, user_id = NULL, profile = NULL, visiting_cluster = NULL, login_at = NULL WHERE bound_device = ?', device).changes > 0;
  }

  // --- logins on this cluster's phones ---
  login(device: string): LoginRow | undefined {
    return this.get<LoginRow>('SELECT * FROM em_logins WHERE device = ?', device);
  }
  loginsOfUser(userId: string): LoginRow[] {
    return this.all<LoginRow>('SELECT * FROM em_logins WHERE user_id = ?', userId);
  }
  recordLogin(l: LoginRow): void {
    this.run('INSERT INTO em_logins (device, user_id, profile, kind, home_cluster, home_tftp, login_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      l.device, l.user_id, l.profile, l.kind, l.home_cluster, l.home_tftp, l.login_at);
  }
  removeLogin(device: string): boolean {
    return this.run('DELETE FROM em_logins WHERE device = ?', device).changes > 0;
  }
}
