/**
 * The vocabulary of the administration pages: what a field is (its type, limits and where its
 * choices come from). The entity and page tables are written in it; the renderer draws forms
 * from them and the main process validates with the same tables.
 */

/** Lists of a cluster's configuration that other fields may point at. */
export const ENTITY_KINDS = [
  'node', 'devicePool', 'geolocation', 'geolocationFilter', 'callingSearchSpace', 'commonDeviceConfig',
  'phoneService', 'deviceProfile', 'endUser', 'applicationUser', 'phone', 'sipTrunk', 'emccTemplate', 'remoteCluster',
] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** A choice list computed from the cluster rather than one of its lists. */
export type DerivedChoices = 'nodesRunningTftp' | 'nodesRunningEm' | 'emccTrunks';

export type FieldType = 'text' | 'password' | 'integer' | 'boolean' | 'select' | 'multiselect' | 'lines' | 'duration';

export interface Choice {
  value: string;
  label: string;
}

export interface FieldDef {
  key: string;
  label: string;
  type: FieldType;
  required?: boolean;
  maxLength?: number;
  min?: number;
  max?: number;
  /** A regular expression the (non-empty) value must match, and what it stands for. */
  pattern?: { source: string; what: string };
  /** Fixed choices of a select. */
  choices?: readonly Choice[];
  /** Choices taken from another list of this cluster (the record names). */
  ref?: EntityKind | DerivedChoices;
  /** For select/ref fields that may be empty: what "none" means ("< None >"). */
  noneLabel?: string;
  default?: string | number | boolean | string[];
  /** Shown beside the field: the guide's note on it. */
  help?: string;
  /** Shown but never edited (status from elsewhere). */
  readOnly?: boolean;
  /** Set on Add New only; a saved record keeps it (as Unified CM does for a trunk's service type). */
  fixedAfterAdd?: boolean;
}

/** Simple choices whose value is also their label. */
export function plain(...values: string[]): Choice[] {
  return values.map((v) => ({ value: v, label: v }));
}

/** One line (directory number) of a phone or device profile. */
export interface LineValue {
  dn: string;
  label: string;
}

export type FieldValue = string | number | boolean | string[] | LineValue[] | null;
/** A record as the admin pages edit it: field key -> value. */
export type AdminRecord = Record<string, FieldValue>;

/** A problem with one field, as the page shows it beside that field. */
export interface FieldError {
  field: string;
  message: string;
}

export const DN_PATTERN = { source: '^[0-9*#+]{1,24}$', what: 'a directory number (digits, * # +)' };
export const NAME_PATTERN = { source: '^[^"<>&%\\\\]{1,50}$', what: 'a name without " < > & % or \\' };
