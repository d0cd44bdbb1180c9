/**
 * Numbered schema migrations of a cluster database (steps of 10). All pending ones run in one
 * transaction at open; `user_version` records the last one applied.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 10,
    name: 'cluster configuration and login state',
    sql: `
      CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE nodes (
        name TEXT PRIMARY KEY,
        host TEXT NOT NULL UNIQUE COLLATE NOCASE,
        role TEXT NOT NULL CHECK (role IN ('publisher', 'subscriber')),
        ipv4 TEXT, ipv6 TEXT
      );
      CREATE TABLE node_services (
        node TEXT NOT NULL REFERENCES nodes(name) ON DELETE CASCADE ON UPDATE CASCADE,
        service TEXT NOT NULL,
        activated INTEGER NOT NULL CHECK (activated IN (0, 1)),
        PRIMARY KEY (node, service)
      );
      CREATE TABLE service_parameters (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE emcc_feature_parameters (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE device_pools (name TEXT PRIMARY KEY, user_locale TEXT);
      CREATE TABLE phone_services (
        name TEXT PRIMARY KEY,
        url TEXT NOT NULL,
        secure_url TEXT,
        enabled INTEGER NOT NULL DEFAULT 1,
        enterprise_subscription INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE device_profiles (
        name TEXT PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 50),
        model TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        user_locale TEXT
      );
      CREATE TABLE profile_lines (
        profile TEXT NOT NULL REFERENCES device_profiles(name) ON DELETE CASCADE ON UPDATE CASCADE,
        position INTEGER NOT NULL,
        dn TEXT NOT NULL,
        label TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (profile, position)
      );
      CREATE TABLE profile_subscriptions (
        profile TEXT NOT NULL REFERENCES device_profiles(name) ON DELETE CASCADE ON UPDATE CASCADE,
        service TEXT NOT NULL REFERENCES phone_services(name) ON DELETE CASCADE ON UPDATE CASCADE,
        PRIMARY KEY (profile, service)
      );
      CREATE TABLE end_users (
        user_id TEXT PRIMARY KEY COLLATE NOCASE,
        self_service_id TEXT,
        pin TEXT NOT NULL,
        primary_extension TEXT,
        emcc_enabled INTEGER NOT NULL DEFAULT 0,
        must_change_pin INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX end_users_extension ON end_users(primary_extension);
      CREATE TABLE user_profiles (
        user_id TEXT NOT NULL REFERENCES end_users(user_id) ON DELETE CASCADE ON UPDATE CASCADE,
        profile TEXT NOT NULL REFERENCES device_profiles(name) ON DELETE CASCADE ON UPDATE CASCADE,
        PRIMARY KEY (user_id, profile)
      );
      CREATE TABLE phones (
        name TEXT PRIMARY KEY COLLATE NOCASE,
        model TEXT NOT NULL,
        device_pool TEXT REFERENCES device_pools(name),
        em_enabled INTEGER NOT NULL DEFAULT 0,
        security_mode TEXT NOT NULL DEFAULT 'non-secure' CHECK (security_mode IN ('non-secure', 'secure')),
        logout_profile TEXT REFERENCES device_profiles(name)
      );
      CREATE TABLE phone_lines (
        phone TEXT NOT NULL REFERENCES phones(name) ON DELETE CASCADE ON UPDATE CASCADE,
        position INTEGER NOT NULL,
        dn TEXT NOT NULL,
        label TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (phone, position)
      );
      CREATE TABLE phone_subscriptions (
        phone TEXT NOT NULL REFERENCES phones(name) ON DELETE CASCADE ON UPDATE CASCADE,
        service TEXT NOT NULL REFERENCES phone_services(name) ON DELETE CASCADE ON UPDATE CASCADE,
        PRIMARY KEY (phone, service)
      );
      CREATE TABLE remote_clusters (
        cluster_id TEXT PRIMARY KEY,
        fqdn TEXT NOT NULL,
        emcc_activated INTEGER NOT NULL DEFAULT 1,
        pstn_activated INTEGER NOT NULL DEFAULT 1,
        rsvp_activated INTEGER NOT NULL DEFAULT 1,
        remote_emcc_activated INTEGER NOT NULL DEFAULT 0,
        remote_pstn_activated INTEGER NOT NULL DEFAULT 0,
        remote_rsvp_activated INTEGER NOT NULL DEFAULT 0,
        remote_version TEXT,
        last_update INTEGER
      );
      CREATE TABLE intercluster_service_profile (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        emcc_active INTEGER NOT NULL DEFAULT 0,
        pstn_active INTEGER NOT NULL DEFAULT 0,
        pstn_trunk TEXT,
        rsvp_active INTEGER NOT NULL DEFAULT 0,
        rsvp_trunk TEXT
      );
      INSERT INTO intercluster_service_profile (id) VALUES (1);
      -- Home side: the EMCC dummy devices, each bound to a visiting phone while a user is logged in.
      CREATE TABLE emcc_devices (
        name TEXT PRIMARY KEY,
        security_mode TEXT NOT NULL DEFAULT 'non-secure',
        bound_device TEXT UNIQUE COLLATE NOCASE,
        user_id TEXT,
        profile TEXT,
        visiting_cluster TEXT,
        login_at INTEGER
      );
      CREATE INDEX emcc_devices_free ON emcc_devices(bound_device) WHERE bound_device IS NULL;
      -- Logins on this cluster's own phones: a local EM login, or an EMCC login to a remote home.
      CREATE TABLE em_logins (
        device TEXT PRIMARY KEY COLLATE NOCASE REFERENCES phones(name) ON DELETE CASCADE ON UPDATE CASCADE,
        user_id TEXT NOT NULL,
        profile TEXT,
        kind TEXT NOT NULL CHECK (kind IN ('local', 'emcc')),
        home_cluster TEXT,
        home_tftp TEXT,
        login_at INTEGER NOT NULL
      );
      CREATE INDEX em_logins_user ON em_logins(user_id);
    `,
  },
  {
    version: 20,
    name: 'the whole EMCC configuration model of the administration pages',
    sql: `
      ALTER TABLE nodes ADD COLUMN description TEXT;
      ALTER TABLE device_pools ADD COLUMN geolocation TEXT;
      ALTER TABLE device_pools ADD COLUMN common_device_config TEXT;
      ALTER TABLE device_pools ADD COLUMN calling_search_space TEXT;
      ALTER TABLE phone_services ADD COLUMN description TEXT;
      ALTER TABLE device_profiles ADD COLUMN protocol TEXT NOT NULL DEFAULT 'SIP';
      ALTER TABLE device_profiles ADD COLUMN user_hold_moh_audio_source TEXT;
      ALTER TABLE device_profiles ADD COLUMN phone_button_template TEXT NOT NULL DEFAULT 'Standard';
      ALTER TABLE device_profiles ADD COLUMN softkey_template TEXT;
      ALTER TABLE device_profiles ADD COLUMN privacy TEXT NOT NULL DEFAULT 'Default';
      ALTER TABLE device_profiles ADD COLUMN single_button_barge TEXT NOT NULL DEFAULT 'Default';
      ALTER TABLE device_profiles ADD COLUMN join_across_lines TEXT NOT NULL DEFAULT 'Default';
      ALTER TABLE device_profiles ADD COLUMN always_use_prime_line TEXT NOT NULL DEFAULT 'Default';
      ALTER TABLE device_profiles ADD COLUMN always_use_prime_line_for_voice_message TEXT NOT NULL DEFAULT 'Default';
      ALTER TABLE device_profiles ADD COLUMN ignore_presentation_indicators INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE device_profiles ADD COLUMN dnd INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE device_profiles ADD COLUMN dnd_option TEXT NOT NULL DEFAULT 'Use Common Phone Profile Setting';
      ALTER TABLE device_profiles ADD COLUMN dnd_incoming_call_alert TEXT NOT NULL DEFAULT 'None';
      ALTER TABLE device_profiles ADD COLUMN emcc_css TEXT;
      ALTER TABLE device_profiles ADD COLUMN module1 TEXT;
      ALTER TABLE device_profiles ADD COLUMN module2 TEXT;
      ALTER TABLE device_profiles ADD COLUMN mlpp_domain TEXT;
      ALTER TABLE device_profiles ADD COLUMN mlpp_indication TEXT NOT NULL DEFAULT 'Default';
      ALTER TABLE device_profiles ADD COLUMN mlpp_preemption TEXT NOT NULL DEFAULT 'Default';
      ALTER TABLE device_profiles ADD COLUMN login_user_id TEXT;
      ALTER TABLE end_users ADD COLUMN first_name TEXT;
      ALTER TABLE end_users ADD COLUMN last_name TEXT NOT NULL DEFAULT '';
      ALTER TABLE phones ADD COLUMN description TEXT;
      ALTER TABLE phones ADD COLUMN protocol TEXT NOT NULL DEFAULT 'SIP';
      ALTER TABLE phones ADD COLUMN common_device_config TEXT;
      ALTER TABLE phones ADD COLUMN css TEXT;
      ALTER TABLE phones ADD COLUMN dnd INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE phones ADD COLUMN dnd_option TEXT NOT NULL DEFAULT 'Use Common Phone Profile Setting';
      ALTER TABLE phones ADD COLUMN dnd_incoming_call_alert TEXT NOT NULL DEFAULT 'None';
      ALTER TABLE remote_clusters RENAME COLUMN emcc_activated TO emcc_enabled;
      ALTER TABLE remote_clusters RENAME COLUMN pstn_activated TO pstn_enabled;
      ALTER TABLE remote_clusters RENAME COLUMN rsvp_activated TO rsvp_enabled;
      ALTER TABLE remote_clusters ADD COLUMN description TEXT;
      ALTER TABLE emcc_devices ADD COLUMN template TEXT;
      CREATE TABLE geolocations (
        name TEXT PRIMARY KEY COLLATE NOCASE, description TEXT, country TEXT, state TEXT, county TEXT, city TEXT,
        borough TEXT, neighborhood TEXT, street TEXT, house_number TEXT, postal_code TEXT, location TEXT
      );
      CREATE TABLE geolocation_filters (
        name TEXT PRIMARY KEY COLLATE NOCASE, description TEXT,
        use_country INTEGER NOT NULL DEFAULT 0, use_state INTEGER NOT NULL DEFAULT 0, use_county INTEGER NOT NULL DEFAULT 0,
        use_city INTEGER NOT NULL DEFAULT 0, use_borough INTEGER NOT NULL DEFAULT 0, use_neighborhood INTEGER NOT NULL DEFAULT 0,
        use_street INTEGER NOT NULL DEFAULT 0, use_house_number INTEGER NOT NULL DEFAULT 0, use_postal_code INTEGER NOT NULL DEFAULT 0,
        use_location INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE calling_search_spaces (name TEXT PRIMARY KEY COLLATE NOCASE, description TEXT, partitions TEXT);
      CREATE TABLE common_device_configs (
        name TEXT PRIMARY KEY COLLATE NOCASE, user_locale TEXT, user_hold_moh_audio_source TEXT,
        ip_addressing_mode TEXT NOT NULL DEFAULT 'IPv4 and IPv6'
      );
      CREATE TABLE emcc_templates (
        name TEXT PRIMARY KEY COLLATE NOCASE, description TEXT, device_pool TEXT NOT NULL, common_device_config TEXT NOT NULL,
        security_mode TEXT NOT NULL DEFAULT 'non-secure', sip_profile TEXT NOT NULL DEFAULT 'Standard SIP Profile', css TEXT
      );
      CREATE TABLE sip_trunks (
        name TEXT PRIMARY KEY COLLATE NOCASE, description TEXT, trunk_service_type TEXT NOT NULL DEFAULT 'None(Default)',
        device_pool TEXT NOT NULL, css TEXT, destination_address TEXT
      );
      -- Bulk Administration jobs (Job Scheduler), with their progress.
      CREATE TABLE bulk_jobs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL,
        description TEXT NOT NULL,
        params TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('Pending', 'Processing', 'Completed', 'Failed')),
        progress INTEGER NOT NULL DEFAULT 0,
        total INTEGER NOT NULL DEFAULT 0,
        result TEXT NOT NULL DEFAULT '',
        submitted_at INTEGER NOT NULL,
        finished_at INTEGER
      );
    `,
  },
  {
    version: 30,
    name: 'certificates of the nodes and the trust stores of the cluster',
    sql: `
      -- Each node's own certificates with their private keys (never exported, never logged).
      CREATE TABLE certificates (
        node TEXT NOT NULL REFERENCES nodes(name) ON DELETE CASCADE ON UPDATE CASCADE,
        purpose TEXT NOT NULL,
        pem TEXT NOT NULL,
        key_pem TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (node, purpose)
      );
      CREATE TABLE trust_certificates (
        store TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        pem TEXT NOT NULL,
        source TEXT NOT NULL,
        added_at INTEGER NOT NULL,
        PRIMARY KEY (store, fingerprint)
      );
    `,
  },
  {
    version: 40,
    name: 'login engine: application users, timed logins, EMCC security state, remote update errors, intercom',
    sql: `
      -- Application users of the EM API (appID / appCertificate) and their proxy-rights role.
      CREATE TABLE application_users (
        user_id TEXT PRIMARY KEY COLLATE NOCASE, description TEXT, password TEXT NOT NULL,
        em_proxy_rights INTEGER NOT NULL DEFAULT 0
      );
      -- When a login ends by itself (maximum login time or the EM API's exclusiveDuration).
      ALTER TABLE em_logins ADD COLUMN expires_at INTEGER;
      -- 'secure' or 'non-secure' EMCC (seed tables 6-8), for EMCC logins.
      ALTER TABLE em_logins ADD COLUMN emcc_security TEXT;
      ALTER TABLE emcc_devices ADD COLUMN expires_at INTEGER;
      ALTER TABLE emcc_devices ADD COLUMN emcc_security TEXT;
      -- The error code of the last remote cluster update that failed (NULL when it succeeded).
      ALTER TABLE remote_clusters ADD COLUMN update_error INTEGER;
      ALTER TABLE device_profiles ADD COLUMN intercom_dn TEXT;
      ALTER TABLE end_users ADD COLUMN default_profile TEXT;
      -- Remember the Last User Logged In: the login form of the phone offers this user ID.
      ALTER TABLE phones ADD COLUMN last_user TEXT;
      -- The next login to end by itself is looked up after every login and logout.
      CREATE INDEX em_logins_expiry ON em_logins(expires_at) WHERE expires_at IS NOT NULL;
      CREATE INDEX emcc_devices_expiry ON emcc_devices(expires_at) WHERE expires_at IS NOT NULL;
    `,
  },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
