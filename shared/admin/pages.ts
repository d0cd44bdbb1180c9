/**
 * The administration pages that are one form rather than a list (enterprise parameters, service
 * parameters, EMCC Feature Configuration, the Intercluster Service Profile) and the menu of the
 * administration window, with the guide's paths.
 */
import { CLUSTER_VERSIONS, SECURITY_MODES } from '../cluster-versions';
import { EMCC_FEATURE_PARAMETERS, EM_SERVICE_PARAMETERS, type ParamDef } from '../parameters';
import { ENTITIES } from './entities';
import { plain, type EntityKind, type FieldDef } from './fields';

export const FORM_PAGES = ['enterprise', 'serviceParameters', 'featureParameters', 'isp', 'sftpSettings'] as const;
export type FormPage = (typeof FORM_PAGES)[number];

/** A parameter definition as a form field. */
export function paramField(d: ParamDef): FieldDef {
  switch (d.kind) {
    case 'boolean':
      return { key: d.key, label: d.label, type: 'boolean', default: d.default };
    case 'integer':
      return { key: d.key, label: d.unit ? `${d.label} (${d.unit})` : d.label, type: 'integer', required: true, min: d.min, max: d.max, default: d.default };
    case 'enum':
      return { key: d.key, label: d.label, type: 'select', required: true, choices: plain(...d.values), default: d.default };
    case 'text':
      return d.ref
        ? { key: d.key, label: d.label, type: 'select', ref: d.ref, noneLabel: '< None >', default: d.default }
        : { key: d.key, label: d.label, type: 'text', maxLength: d.maxLength, default: d.default };
    case 'duration':
      return { key: d.key, label: `${d.label} (HHH:MM)`, type: 'duration', required: true, max: d.maxMinutes, default: d.default };
  }
}

export interface FormPageDef {
  page: FormPage;
  title: string;
  menuPath: readonly string[];
  fields: readonly FieldDef[];
}

export const PAGES: Record<FormPage, FormPageDef> = {
  enterprise: {
    page: 'enterprise', title: 'Enterprise Parameters Configuration', menuPath: ['System', 'Enterprise Parameters'],
    fields: [
      { key: 'clusterId', label: 'Cluster ID', type: 'text', required: true, maxLength: 50, pattern: { source: '^[A-Za-z0-9_-]{1,50}$', what: 'letters, digits, - and _' }, help: 'Remote clusters name this cluster by it.' },
      { key: 'version', label: 'Unified CM Version (lab setting)', type: 'select', required: true, choices: plain(...CLUSTER_VERSIONS) },
      { key: 'securityMode', label: 'Cluster Security Mode (lab setting)', type: 'select', required: true, choices: plain(...SECURITY_MODES) },
    ],
  },
  serviceParameters: {
    page: 'serviceParameters', title: 'Service Parameter Configuration: Cisco Extension Mobility', menuPath: ['System', 'Service Parameters'],
    fields: EM_SERVICE_PARAMETERS.map(paramField),
  },
  featureParameters: {
    page: 'featureParameters', title: 'EMCC Feature Configuration', menuPath: ['Advanced Features', 'EMCC', 'EMCC Feature Configuration'],
    fields: EMCC_FEATURE_PARAMETERS.map(paramField),
  },
  isp: {
    page: 'isp', title: 'EMCC Intercluster Service Profile', menuPath: ['Advanced Features', 'EMCC', 'EMCC Intercluster Service Profile'],
    fields: [
      { key: 'emccActive', label: 'EMCC: Active', type: 'boolean', default: false },
      { key: 'pstnActive', label: 'PSTN Access: Active', type: 'boolean', default: false },
      { key: 'pstnTrunk', label: 'PSTN Access SIP Trunk', type: 'select', ref: 'emccTrunks', noneLabel: '< None >' },
      { key: 'rsvpActive', label: 'RSVP Agent: Active', type: 'boolean', default: false },
      { key: 'rsvpTrunk', label: 'RSVP Agent SIP Trunk', type: 'select', ref: 'emccTrunks', noneLabel: '< None >' },
    ],
  },
  sftpSettings: {
    page: 'sftpSettings', title: 'Bulk Certificate Management: SFTP Server', menuPath: ['OS Administration', 'Security', 'Bulk Certificate Management'],
    fields: [
      { key: 'host', label: 'IP Address or host name', type: 'text', required: true, maxLength: 255, pattern: { source: '^[A-Za-z0-9]([A-Za-z0-9.:-]{0,253}[A-Za-z0-9])?$', what: 'an IP address or a host name' }, help: 'Every cluster exports to the same SFTP server and directory. The lab\'s own server is sftp.lab.' },
      { key: 'port', label: 'Port', type: 'integer', required: true, min: 1, max: 65535, default: 22 },
      { key: 'user', label: 'User ID', type: 'text', required: true, maxLength: 64 },
      { key: 'password', label: 'Password', type: 'password', maxLength: 128, help: 'Leave empty to keep the saved password.' },
      { key: 'directory', label: 'Directory', type: 'text', required: true, maxLength: 255, pattern: { source: '^/[^\\0]*$', what: 'an absolute path such as /bulk-certificates' } },
      { key: 'bundlePassword', label: 'PKCS#12 file password', type: 'password', maxLength: 128, help: 'The same on every cluster; leave empty to keep the saved one.' },
    ],
  },
};

/** Pages with a layout of their own. */
export const SPECIAL_PAGES = ['serviceActivation', 'bulkEmcc', 'jobs', 'phoneFeatureList', 'bulkCertificates', 'certificates', 'trace'] as const;
export type SpecialPage = (typeof SPECIAL_PAGES)[number];

/** Where a menu item leads. */
export type AdminTarget = { type: 'list'; kind: EntityKind } | { type: 'form'; page: FormPage } | { type: 'special'; page: SpecialPage };

export interface MenuItem {
  path: readonly string[];
  target: AdminTarget;
}

const SPECIAL_PATHS: Record<SpecialPage, readonly string[]> = {
  serviceActivation: ['Serviceability', 'Tools', 'Service Activation'],
  bulkEmcc: ['Bulk Administration', 'EMCC', 'Insert/Update EMCC'],
  jobs: ['Bulk Administration', 'Job Scheduler'],
  phoneFeatureList: ['Reports', 'Phone Feature List'],
  bulkCertificates: ['OS Administration', 'Security', 'Bulk Certificate Management'],
  certificates: ['OS Administration', 'Security', 'Certificate Management'],
  trace: ['Reports', 'Trace'],
};

/** The administration menu, grouped by its top-level menu in the order Unified CM shows them. */
export const MENU_ORDER = ['System', 'Call Routing', 'Advanced Features', 'Device', 'User Management', 'Bulk Administration', 'Serviceability', 'OS Administration', 'Reports'] as const;

export const MENU: readonly MenuItem[] = [
  ...Object.values(ENTITIES).map((e): MenuItem => ({ path: e.menuPath, target: { type: 'list', kind: e.kind } })),
  // The SFTP settings form is part of the Bulk Certificate Management page, not a menu entry of its own.
  ...Object.values(PAGES).filter((p) => p.page !== 'sftpSettings').map((p): MenuItem => ({ path: p.menuPath, target: { type: 'form', page: p.page } })),
  ...(Object.entries(SPECIAL_PATHS) as [SpecialPage, readonly string[]][]).map(([page, path]): MenuItem => ({ path, target: { type: 'special', page } })),
].sort((a, b) => MENU_ORDER.indexOf(a.path[0] as (typeof MENU_ORDER)[number]) - MENU_ORDER.indexOf(b.path[0] as (typeof MENU_ORDER)[number]));

/** The guide's name for a target, as the page title and the Validate report's "fix it here" link show it. */
export function targetTitle(t: AdminTarget): string {
  if (t.type === 'list') return ENTITIES[t.kind].menuPath.join(' > ');
  if (t.type === 'form') return PAGES[t.page].menuPath.join(' > ');
  return SPECIAL_PATHS[t.page].join(' > ');
}
