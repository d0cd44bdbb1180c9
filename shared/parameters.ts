/**
 * Parameter definitions of the guide: the Cisco Extension Mobility service parameters (section 3)
 * and the EMCC feature parameters (section 4), each with its default and range. The cluster's
 * database, the admin pages and the validation all read these.
 */
import type { DerivedChoices, EntityKind } from './admin/fields';

export type ParamDef =
  | { key: string; label: string; kind: 'boolean'; default: boolean }
  | { key: string; label: string; kind: 'integer'; default: number; min: number; max: number; unit?: string }
  | { key: string; label: string; kind: 'enum'; default: string; values: readonly string[] }
  | { key: string; label: string; kind: 'text'; default: string; maxLength: number; ref?: EntityKind | DerivedChoices }
  | { key: string; label: string; kind: 'duration'; default: string; maxMinutes: number };

/** Cisco Extension Mobility service parameters. Defaults the guide leaves unstated follow Unified CM. */
export const EM_SERVICE_PARAMETERS = [
  { key: 'enforceIntraClusterMaxLoginTime', label: 'Enforce Intra-cluster Maximum Login Time', kind: 'boolean', default: false },
  // Unified CM ships 8:00 for both maximum login times (the guide states no default).
  { key: 'intraClusterMaxLoginTime', label: 'Intra-cluster Maximum Login Time', kind: 'duration', default: '8:00', maxMinutes: 168 * 60 },
  { key: 'interClusterMaxLoginTime', label: 'Inter-cluster Maximum Login Time', kind: 'duration', default: '8:00', maxMinutes: 168 * 60 },
  { key: 'maxConcurrentRequests', label: 'Maximum Concurrent Requests', kind: 'integer', default: 5, min: 1, max: 100 },
  { key: 'multipleLoginBehavior', label: 'Multiple Login Behavior', kind: 'enum', default: 'Multiple Logins Not Allowed', values: ['Multiple Logins Allowed', 'Multiple Logins Not Allowed', 'Auto Logout'] },
  { key: 'alphanumericUserId', label: 'Alphanumeric User ID', kind: 'boolean', default: true },
  { key: 'rememberLastUser', label: 'Remember the Last User Logged In', kind: 'boolean', default: false },
  { key: 'clearCallLogsIntraCluster', label: 'Clear Call Logs on Intra-cluster EM', kind: 'boolean', default: false },
  { key: 'validateIpAddress', label: 'Validate IP Address', kind: 'boolean', default: false },
  { key: 'trustedListOfIps', label: 'Trusted List of IPs', kind: 'text', default: '', maxLength: 1024 },
  { key: 'allowProxy', label: 'Allow Proxy', kind: 'boolean', default: false },
  { key: 'emccAllowProxy', label: 'EMCC Allow Proxy', kind: 'boolean', default: true },
  { key: 'cacheSize', label: 'Extension Mobility Cache Size', kind: 'integer', default: 10000, min: 1000, max: 20000 },
] as const satisfies readonly ParamDef[];

/** EMCC Feature Configuration parameters. */
export const EMCC_FEATURE_PARAMETERS = [
  { key: 'defaultTftpServer', label: 'Default TFTP Server for EMCC Login Device', kind: 'text', default: '', maxLength: 255, ref: 'nodesRunningTftp' },
  { key: 'backupTftpServer', label: 'Backup TFTP Server for EMCC Login Device', kind: 'text', default: '', maxLength: 255, ref: 'nodesRunningTftp' },
  { key: 'expiredDeviceMaintenanceInterval', label: 'Default Interval for Expired EMCC Device Maintenance', kind: 'integer', default: 1440, min: 10, max: 1440, unit: 'min' },
  { key: 'enableAllRemoteServices', label: 'Enable All Remote Cluster Services When Adding A New Remote Cluster', kind: 'boolean', default: false },
  { key: 'pstnTrunkCss', label: 'CSS for PSTN Access SIP Trunk', kind: 'enum', default: 'Use Trunk CSS', values: ["Use Trunk CSS", "Use phone's original device CSS"] },
  { key: 'geolocationFilter', label: 'EMCC Geolocation Filter', kind: 'text', default: '', maxLength: 50, ref: 'geolocationFilter' },
  { key: 'regionMaxAudioBitRate', label: 'EMCC Region Max Audio Bit Rate', kind: 'enum', default: '8 kbps (G.729)', values: ['8 kbps (G.729)', '16 kbps (iLBC, AAC-LD)', '32 kbps (iLBC, G.722.1)', '64 kbps (G.722, G.711)'] },
  { key: 'regionMaxVideoBitRate', label: 'EMCC Region Max Video Call Bit Rate (Includes Audio)', kind: 'integer', default: 384, min: 0, max: 8128, unit: 'kbps' },
  { key: 'regionLinkLossType', label: 'EMCC Region Link Loss Type', kind: 'enum', default: 'Low Loss', values: ['Lossy', 'Low Loss'] },
  { key: 'rsvpKeepAliveTimer', label: 'RSVP SIP Trunk KeepAlive Timer', kind: 'integer', default: 15, min: 1, max: 600, unit: 's' },
  { key: 'defaultRemoteUpdateServer', label: 'Default Server For Remote Cluster Update', kind: 'text', default: '', maxLength: 255, ref: 'nodesRunningEm' },
  { key: 'backupRemoteUpdateServer', label: 'Backup Server for Remote Cluster Update', kind: 'text', default: '', maxLength: 255, ref: 'nodesRunningEm' },
  { key: 'remoteClusterUpdateInterval', label: 'Remote Cluster Update Interval', kind: 'integer', default: 30, min: 15, max: 10080, unit: 'min' },
] as const satisfies readonly ParamDef[];

export type EmServiceParamKey = (typeof EM_SERVICE_PARAMETERS)[number]['key'];
export type EmccFeatureParamKey = (typeof EMCC_FEATURE_PARAMETERS)[number]['key'];

/** Check a value against its definition; returns the normalised value or a message. */
export function checkParam(def: ParamDef, raw: unknown): { ok: true; value: string } | { ok: false; error: string } {
  const s = String(raw ?? '').trim();
  switch (def.kind) {
    case 'boolean':
      if (s === 'true' || s === 'false') return { ok: true, value: s };
      return { ok: false, error: `${def.label} must be True or False` };
    case 'integer': {
      const n = Number(s);
      if (!/^-?\d+$/.test(s) || n < def.min || n > def.max) {
        return { ok: false, error: `${def.label} must be a whole number from ${def.min} to ${def.max}` };
      }
      return { ok: true, value: String(n) };
    }
    case 'enum':
      return def.values.includes(s) ? { ok: true, value: s } : { ok: false, error: `${def.label} must be one of: ${def.values.join(', ')}` };
    case 'text':
      return s.length <= def.maxLength ? { ok: true, value: s } : { ok: false, error: `${def.label} must be at most ${def.maxLength} characters` };
    case 'duration': {
      const m = /^(\d{1,3}):([0-5]\d)$/.exec(s);
      const minutes = m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
      if (!(minutes >= 0 && minutes <= def.maxMinutes)) return { ok: false, error: `${def.label} must be HHH:MM from 0:00 to 168:00` };
      return { ok: true, value: s };
    }
  }
}

/** Minutes of an HHH:MM duration value. */
export function durationMinutes(value: string): number {
  const [h, m] = value.split(':');
  return Number(h) * 60 + Number(m);
}
