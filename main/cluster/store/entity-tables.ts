/**
 * Where each list of the administration model lives in the cluster database: its table, the
 * column of each field, and the child tables of its list fields (lines, subscriptions,
 * controlled profiles). Derived from the entity tables of shared/admin, so a new field needs
 * only its column (a test checks every field has one).
 */
import { ENTITIES } from '../../../shared/admin/entities';
import { ENTITY_KINDS, type EntityKind } from '../../../shared/admin/fields';

export interface ChildList {
  table: string;
  owner: string;
  /** 'lines': position, dn, label; 'names': one value column. */
  shape: 'lines' | 'names';
  value?: string;
}

export interface EntityTable {
  table: string;
  /** Primary key column. */
  keyColumn: string;
  /** Field key -> column, for the scalar fields the table stores. */
  columns: Record<string, string>;
  /** Field key -> child table, for list fields. */
  lists: Record<string, ChildList>;
  /** Field key -> constant value, for fields no row stores (TFTP of a remote cluster: always off). */
  constants: Record<string, boolean>;
}

const TABLES: Record<EntityKind, { table: string; keyColumn?: string; overrides?: Record<string, string>; lists?: Record<string, ChildList>; constants?: Record<string, boolean> }> = {
  node: { table: 'nodes', keyColumn: 'name' },
  devicePool: { table: 'device_pools' },
  geolocation: { table: 'geolocations' },
  geolocationFilter: { table: 'geolocation_filters' },
  callingSearchSpace: { table: 'calling_search_spaces' },
  commonDeviceConfig: { table: 'common_device_configs' },
  phoneService: { table: 'phone_services' },
  deviceProfile: {
    table: 'device_profiles',
    lists: {
      lines: { table: 'profile_lines', owner: 'profile', shape: 'lines' },
      services: { table: 'profile_subscriptions', owner: 'profile', shape: 'names', value: 'service' },
    },
  },
  endUser: { table: 'end_users', lists: { profiles: { table: 'user_profiles', owner: 'user_id', shape: 'names', value: 'profile' } } },
  applicationUser: { table: 'application_users' },
  phone: {
    table: 'phones',
    overrides: { securityProfile: 'security_mode' },
    lists: {
      lines: { table: 'phone_lines', owner: 'phone', shape: 'lines' },
      services: { table: 'phone_subscriptions', owner: 'phone', shape: 'names', value: 'service' },
    },
  },
  sipTrunk: { table: 'sip_trunks' },
  emccTemplate: { table: 'emcc_templates', overrides: { securityProfile: 'security_mode' } },
  remoteCluster: { table: 'remote_clusters', constants: { tftpEnabled: false } },
};

/** `userHoldMohAudioSource` -> `user_hold_moh_audio_source`; `module1` stays. */
export function columnOf(fieldKey: string): string {
  return fieldKey.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

function build(kind: EntityKind): EntityTable {
  const spec = TABLES[kind];
  const def = ENTITIES[kind];
  const lists = spec.lists ?? {};
  const constants = spec.constants ?? {};
  const columns: Record<string, string> = {};
  for (const f of def.fields) {
    if (f.key in lists || f.key in constants) continue;
    columns[f.key] = spec.overrides?.[f.key] ?? columnOf(f.key);
  }
  return { table: spec.table, keyColumn: spec.keyColumn ?? columns[def.key]!, columns, lists, constants };
}

export const ENTITY_TABLES = Object.fromEntries(ENTITY_KINDS.map((k) => [k, build(k)])) as Record<EntityKind, EntityTable>;
