/**
 * Every list of the cluster administration (Find / Add New / Save / Delete), with the menu path
 * of the guide and the fields of each record. The main process validates against these tables
 * and the renderer draws its forms from them, so a rule lives in one place.
 */
import { CLUSTER_VERSIONS } from '../cluster-versions';
import { LOCALES } from '../i18n/messages';
import { PHONE_MODELS } from '../phone-models';
import { DN_PATTERN, NAME_PATTERN, plain, type Choice, type EntityKind, type FieldDef } from './fields';

export interface EntityDef {
  kind: EntityKind;
  /** Singular title, as in "Device Profile Configuration". */
  title: string;
  /** Title of the list page, as in "Find and List Device Profiles". */
  plural: string;
  menuPath: readonly string[];
  /** The field that names a record (unique in the cluster, case-insensitively). */
  key: string;
  fields: readonly FieldDef[];
  /** Fields shown as columns on the list page. */
  columns: readonly string[];
}

const MODEL_CHOICES: Choice[] = PHONE_MODELS.map((m) => ({ value: m.id, label: m.name }));
/** Device profiles exist only for models that support Extension Mobility. */
const PROFILE_MODEL_CHOICES: Choice[] = PHONE_MODELS.filter((m) => m.supportsEm).map((m) => ({ value: m.id, label: m.name }));
const LOCALE_FIELD: FieldDef = { key: 'userLocale', label: 'User Locale', type: 'select', choices: plain(...LOCALES), noneLabel: '< None >', help: 'None: the device pool\'s locale.' };
const MOH_FIELD: FieldDef = { key: 'userHoldMohAudioSource', label: 'User Hold MOH Audio Source', type: 'select', choices: plain('1-SampleAudioSource'), noneLabel: '< None >', help: 'None: the device pool\'s, then the system default.' };
const DESCRIPTION: FieldDef = { key: 'description', label: 'Description', type: 'text', maxLength: 128 };
const name = (label: string): FieldDef => ({ key: 'name', label, type: 'text', required: true, maxLength: 50, pattern: NAME_PATTERN });
const LINES: FieldDef = { key: 'lines', label: 'Lines (Directory Numbers)', type: 'lines', default: [] };
const SECURITY_PROFILE: FieldDef = {
  key: 'securityProfile', label: 'Device Security Profile', type: 'select', required: true, default: 'non-secure',
  choices: [{ value: 'non-secure', label: 'Standard Non-Secure Profile' }, { value: 'secure', label: 'Standard Secure (Encrypted) Profile' }],
};

const DND_FIELDS: FieldDef[] = [
  { key: 'dnd', label: 'Do Not Disturb', type: 'boolean', default: false },
  { key: 'dndOption', label: 'DND Option', type: 'select', required: true, default: 'Use Common Phone Profile Setting', choices: plain('Call Reject', 'Ringer Off', 'Use Common Phone Profile Setting'), help: '7940/7960 on SCCP: Ringer Off only; mobile and dual-mode phones: Call Reject only.' },
  { key: 'dndIncomingCallAlert', label: 'DND Incoming Call Alert', type: 'select', required: true, default: 'None', choices: plain('None', 'Disable', 'Beep Only', 'Flash Only') },
];

/** Fields of a geolocation (the civic address parts a geolocation filter can select). */
export const GEOLOCATION_PARTS = [
  { key: 'country', label: 'Country using the two-letter abbreviation' },
  { key: 'state', label: 'State, Region, or Province (A1)' },
  { key: 'county', label: 'County or Parish (A2)' },
  { key: 'city', label: 'City or Township (A3)' },
  { key: 'borough', label: 'Borough or City District (A4)' },
  { key: 'neighborhood', label: 'Neighborhood (A5)' },
  { key: 'street', label: 'Street (A6)' },
  { key: 'houseNumber', label: 'House Number (HNO)' },
  { key: 'postalCode', label: 'Postal or Zip Code (PC)' },
  { key: 'location', label: 'Additional Location Information (LOC)' },
] as const;

/** The filter's checkbox for a geolocation part ("useCity"). */
export function filterFieldOf(part: string): string {
  return `use${part[0]!.toUpperCase()}${part.slice(1)}`;
}

export const ENTITIES: Record<EntityKind, EntityDef> = {
  node: {
    kind: 'node', title: 'Server', plural: 'Servers', menuPath: ['System', 'Server'], key: 'host',
    columns: ['host', 'role', 'ipv4', 'ipv6'],
    fields: [
      { key: 'host', label: 'Host Name', type: 'text', required: true, maxLength: 63, pattern: { source: '^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$', what: 'a host name (letters, digits and -)' } },
      { key: 'role', label: 'Role', type: 'select', required: true, default: 'subscriber', choices: [{ value: 'publisher', label: 'Publisher' }, { value: 'subscriber', label: 'Subscriber' }], fixedAfterAdd: true },
      { key: 'ipv4', label: 'IPv4 Address', type: 'text', maxLength: 15, pattern: { source: '^((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)$', what: 'an IPv4 address' } },
      { key: 'ipv6', label: 'IPv6 Address', type: 'text', maxLength: 45, pattern: { source: '^(?=.*:)[0-9A-Fa-f:.]{2,45}$', what: 'an IPv6 address' } },
      DESCRIPTION,
    ],
  },
  devicePool: {
    kind: 'devicePool', title: 'Device Pool', plural: 'Device Pools', menuPath: ['System', 'Device Pool'], key: 'name',
    columns: ['name', 'geolocation', 'userLocale'],
    fields: [
      name('Device Pool Name'),
      { key: 'geolocation', label: 'Geolocation', type: 'select', ref: 'geolocation', noneLabel: '< None >', help: 'A roaming device pool is picked for a visiting phone by its geolocation, through the EMCC geolocation filter.' },
      LOCALE_FIELD,
      { key: 'commonDeviceConfig', label: 'Common Device Configuration', type: 'select', ref: 'commonDeviceConfig', noneLabel: '< None >' },
      { key: 'callingSearchSpace', label: 'Calling Search Space for Auto-registration', type: 'select', ref: 'callingSearchSpace', noneLabel: '< None >' },
    ],
  },
  geolocation: {
    kind: 'geolocation', title: 'Geolocation', plural: 'Geolocations', menuPath: ['System', 'Geolocation Configuration'], key: 'name',
    columns: ['name', 'country', 'state', 'city'],
    fields: [
      name('Name'), DESCRIPTION,
      ...GEOLOCATION_PARTS.map((p): FieldDef => (p.key === 'country'
        ? { key: p.key, label: p.label, type: 'text', maxLength: 2, pattern: { source: '^[A-Z]{2}$', what: 'two capital letters (US, CN)' } }
        : { key: p.key, label: p.label, type: 'text', maxLength: 100 })),
    ],
  },
  geolocationFilter: {
    kind: 'geolocationFilter', title: 'Geolocation Filter', plural: 'Geolocation Filters', menuPath: ['System', 'Geolocation Filter'], key: 'name',
    columns: ['name', 'description'],
    fields: [
      name('Name'), DESCRIPTION,
      ...GEOLOCATION_PARTS.map((p): FieldDef => ({ key: filterFieldOf(p.key), label: `Use ${p.label}`, type: 'boolean', default: false })),
    ],
  },
  callingSearchSpace: {
    kind: 'callingSearchSpace', title: 'Calling Search Space', plural: 'Calling Search Spaces', menuPath: ['Call Routing', 'Class of Control', 'Calling Search Space'], key: 'name',
    columns: ['name', 'partitions'],
    fields: [name('Name'), DESCRIPTION, { key: 'partitions', label: 'Selected Partitions (comma separated, in order)', type: 'text', maxLength: 1024 }],
  },
  commonDeviceConfig: {
    kind: 'commonDeviceConfig', title: 'Common Device Configuration', plural: 'Common Device Configurations', menuPath: ['Device', 'Device Settings', 'Common Device Configuration'], key: 'name',
    columns: ['name', 'userLocale', 'ipAddressingMode'],
    fields: [
      name('Name'), LOCALE_FIELD, MOH_FIELD,
      { key: 'ipAddressingMode', label: 'IP Addressing Mode', type: 'select', required: true, default: 'IPv4 and IPv6', choices: plain('IPv4 Only', 'IPv6 Only', 'IPv4 and IPv6') },
    ],
  },
  phoneService: {
    kind: 'phoneService', title: 'IP Phone Services', plural: 'IP Phone Services', menuPath: ['Device', 'Device Settings', 'Phone Services'], key: 'name',
    columns: ['name', 'url', 'enabled'],
    fields: [
      { key: 'name', label: 'Service Name', type: 'text', required: true, maxLength: 50, pattern: NAME_PATTERN, help: 'For a Java MIDlet service, the name must equal the name in its JAD file.' },
      DESCRIPTION,
      { key: 'url', label: 'Service URL', type: 'text', required: true, maxLength: 512, pattern: { source: '^https?://[^\\s]+$', what: 'an http:// or https:// URL' }, help: 'http://<IP>:8080/emapp/EMAppServlet?device=#DEVICENAME#&EMCC=#EMCC# , optionally &loginType=DN|SP|UID.' },
      { key: 'secureUrl', label: 'Secure-Service URL', type: 'text', maxLength: 512, pattern: { source: '^https://[^\\s]+$', what: 'an https:// URL' } },
      { key: 'enabled', label: 'Enable', type: 'boolean', default: true },
      { key: 'enterpriseSubscription', label: 'Enterprise Subscription', type: 'boolean', default: false, help: 'Every phone and device profile is subscribed.' },
    ],
  },
  deviceProfile: {
    kind: 'deviceProfile', title: 'Device Profile', plural: 'Device Profiles', menuPath: ['Device', 'Device Settings', 'Device Profile'], key: 'name',
    columns: ['name', 'model', 'description'],
    fields: [
      { key: 'model', label: 'Product Type', type: 'select', required: true, choices: PROFILE_MODEL_CHOICES, fixedAfterAdd: true },
      { key: 'protocol', label: 'Device Protocol', type: 'select', required: true, default: 'SIP', choices: plain('SIP', 'SCCP'), fixedAfterAdd: true },
      name('Device Profile Name'),
      DESCRIPTION, MOH_FIELD, LOCALE_FIELD,
      { key: 'phoneButtonTemplate', label: 'Phone Button Template', type: 'text', required: true, maxLength: 50, default: 'Standard' },
      { key: 'softkeyTemplate', label: 'Softkey Template', type: 'select', choices: plain('Standard User', 'Standard Feature'), noneLabel: '< None >' },
      { key: 'privacy', label: 'Privacy', type: 'select', required: true, default: 'Default', choices: plain('Off', 'On', 'Default') },
      { key: 'singleButtonBarge', label: 'Single Button Barge', type: 'select', required: true, default: 'Default', choices: plain('Off', 'Barge', 'Default') },
      { key: 'joinAcrossLines', label: 'Join Across Lines', type: 'select', required: true, default: 'Default', choices: plain('Off', 'On', 'Default') },
      { key: 'alwaysUsePrimeLine', label: 'Always Use Prime Line', type: 'select', required: true, default: 'Default', choices: plain('Off', 'On', 'Default') },
      { key: 'alwaysUsePrimeLineForVoiceMessage', label: 'Always Use Prime Line for Voice Message', type: 'select', required: true, default: 'Default', choices: plain('On', 'Off', 'Default') },
      { key: 'ignorePresentationIndicators', label: 'Ignore Presentation Indicators (internal calls only)', type: 'boolean', default: false },
      ...DND_FIELDS,
      { key: 'emccCss', label: 'Extension Mobility Cross Cluster CSS', type: 'select', ref: 'callingSearchSpace', noneLabel: '< None >', help: 'Becomes the device CSS of the visiting phone while the user is logged in there.' },
      { key: 'module1', label: 'Module 1', type: 'select', choices: plain('Cisco 8800 Key Expansion Module', 'Cisco 7914 14-Button Line Expansion Module', 'Cisco 7915 24-Button Line Expansion Module'), noneLabel: '< None >' },
      { key: 'module2', label: 'Module 2', type: 'select', choices: plain('Cisco 8800 Key Expansion Module', 'Cisco 7914 14-Button Line Expansion Module', 'Cisco 7915 24-Button Line Expansion Module'), noneLabel: '< None >' },
      { key: 'mlppDomain', label: 'MLPP Domain', type: 'text', maxLength: 6, pattern: { source: '^[0-9A-Fa-f]{1,6}$', what: 'a hexadecimal domain (up to 6 digits)' } },
      { key: 'mlppIndication', label: 'MLPP Indication', type: 'select', required: true, default: 'Default', choices: plain('Default', 'Off', 'On') },
      { key: 'mlppPreemption', label: 'MLPP Preemption', type: 'select', required: true, default: 'Default', choices: plain('Default', 'Disabled', 'Forceful') },
      { key: 'loginUserId', label: 'Login User Id', type: 'select', ref: 'endUser', noneLabel: '< None >', help: 'For a logout profile: the phone logs this user in after a user logs out.' },
      { key: 'intercomDn', label: 'Intercom Directory Number', type: 'text', maxLength: 24, pattern: DN_PATTERN, help: 'Intercom needs a static device: an EMCC login does not offer it (guide, section 6).' },
      LINES,
      { key: 'services', label: 'Subscribed Services', type: 'multiselect', ref: 'phoneService', default: [] },
    ],
  },
  endUser: {
    kind: 'endUser', title: 'End User', plural: 'End Users', menuPath: ['User Management', 'End User'], key: 'userId',
    columns: ['userId', 'lastName', 'primaryExtension', 'emccEnabled'],
    fields: [
      { key: 'userId', label: 'User ID', type: 'text', required: true, maxLength: 128, pattern: { source: '^[^\\s"<>&%\\\\]{1,128}$', what: 'a user ID without spaces or " < > & % \\' } },
      { key: 'firstName', label: 'First Name', type: 'text', maxLength: 64 },
      { key: 'lastName', label: 'Last Name', type: 'text', required: true, maxLength: 64 },
      { key: 'selfServiceId', label: 'Self-Service User ID', type: 'text', maxLength: 128, pattern: { source: '^[0-9A-Za-z._-]{1,128}$', what: 'letters, digits, . _ -' } },
      { key: 'pin', label: 'PIN', type: 'password', required: true, maxLength: 128, pattern: { source: '^\\d{4,128}$', what: 'at least 4 digits' } },
      { key: 'mustChangePin', label: 'User Must Change at Next Login', type: 'boolean', default: false },
      { key: 'primaryExtension', label: 'Primary Extension', type: 'text', maxLength: 24, pattern: DN_PATTERN },
      { key: 'emccEnabled', label: 'Enable Extension Mobility Cross Cluster', type: 'boolean', default: false },
      { key: 'profiles', label: 'Controlled Profiles', type: 'multiselect', ref: 'deviceProfile', default: [] },
      { key: 'defaultProfile', label: 'Default Profile', type: 'select', ref: 'deviceProfile', noneLabel: '< None >', help: 'One of the controlled profiles: an EM API login that names no profile uses it, and the phone offers it first.' },
    ],
  },
  applicationUser: {
    kind: 'applicationUser', title: 'Application User', plural: 'Application Users', menuPath: ['User Management', 'Application User'], key: 'userId',
    columns: ['userId', 'description', 'emProxyRights'],
    fields: [
      { key: 'userId', label: 'User ID', type: 'text', required: true, maxLength: 128, pattern: { source: '^[^\\s"<>&%\\\\]{1,128}$', what: 'a user ID without spaces or " < > & % \\' } },
      DESCRIPTION,
      { key: 'password', label: 'Password', type: 'password', required: true, maxLength: 128, help: 'The appCertificate an EM API application sends with this appID.' },
      { key: 'emProxyRights', label: 'Standard EM Authentication Proxy Rights', type: 'boolean', default: false, help: 'The role an EM API application needs to log users in and out (error 10 without it, 3 for a wrong ID or password).' },
    ],
  },
  phone: {
    kind: 'phone', title: 'Phone', plural: 'Phones', menuPath: ['Device', 'Phone'], key: 'name',
    columns: ['name', 'model', 'devicePool', 'emEnabled'],
    fields: [
      { key: 'model', label: 'Phone Type', type: 'select', required: true, choices: MODEL_CHOICES, fixedAfterAdd: true },
      { key: 'protocol', label: 'Device Protocol', type: 'select', required: true, default: 'SIP', choices: plain('SIP', 'SCCP'), fixedAfterAdd: true },
      { key: 'name', label: 'Device Name', type: 'text', required: true, maxLength: 15, pattern: { source: '^SEP[0-9A-Fa-f]{12}$', what: 'SEP followed by the 12 hexadecimal digits of the MAC address' } },
      DESCRIPTION,
      { key: 'devicePool', label: 'Device Pool', type: 'select', required: true, ref: 'devicePool' },
      { key: 'commonDeviceConfig', label: 'Common Device Configuration', type: 'select', ref: 'commonDeviceConfig', noneLabel: '< None >' },
      { key: 'css', label: 'Calling Search Space', type: 'select', ref: 'callingSearchSpace', noneLabel: '< None >' },
      SECURITY_PROFILE,
      ...DND_FIELDS,
      { key: 'emEnabled', label: 'Enable Extension Mobility', type: 'boolean', default: false },
      { key: 'logoutProfile', label: 'Log Out Profile', type: 'select', ref: 'deviceProfile', noneLabel: '< Use Current Device Settings >' },
      LINES,
      { key: 'services', label: 'Subscribed Services', type: 'multiselect', ref: 'phoneService', default: [] },
    ],
  },
  sipTrunk: {
    kind: 'sipTrunk', title: 'Trunk', plural: 'Trunks', menuPath: ['Device', 'Trunk'], key: 'name',
    columns: ['name', 'trunkServiceType', 'devicePool'],
    fields: [
      { key: 'trunkServiceType', label: 'Trunk Service Type', type: 'select', required: true, default: 'None(Default)', fixedAfterAdd: true,
        choices: plain('None(Default)', 'Extension Mobility Cross Clusters', 'Call Control Discovery', 'Intercompany Media Engine'),
        help: 'EMCC: one trunk for PSTN access and the RSVP agent, or one each; never more than two.' },
      name('Device Name'), DESCRIPTION,
      { key: 'devicePool', label: 'Device Pool', type: 'select', required: true, ref: 'devicePool' },
      { key: 'css', label: 'Calling Search Space', type: 'select', ref: 'callingSearchSpace', noneLabel: '< None >' },
      { key: 'destinationAddress', label: 'Destination Address', type: 'text', maxLength: 255, help: 'Not used by EMCC trunks: they reach the remote clusters of the Remote Cluster page.' },
    ],
  },
  emccTemplate: {
    kind: 'emccTemplate', title: 'EMCC Template', plural: 'EMCC Templates', menuPath: ['Bulk Administration', 'EMCC', 'EMCC Template'], key: 'name',
    columns: ['name', 'devicePool', 'commonDeviceConfig'],
    fields: [
      { key: 'name', label: 'Template Name', type: 'text', required: true, maxLength: 50, pattern: NAME_PATTERN },
      DESCRIPTION,
      { key: 'devicePool', label: 'Device Pool', type: 'select', required: true, ref: 'devicePool' },
      { key: 'commonDeviceConfig', label: 'Common Device Configuration', type: 'select', required: true, ref: 'commonDeviceConfig' },
      SECURITY_PROFILE,
      { key: 'sipProfile', label: 'SIP Profile', type: 'select', required: true, default: 'Standard SIP Profile', choices: plain('Standard SIP Profile', 'Standard SIP Profile For Cisco VCS') },
      { key: 'css', label: 'Calling Search Space', type: 'select', ref: 'callingSearchSpace', noneLabel: '< None >' },
    ],
  },
  remoteCluster: {
    kind: 'remoteCluster', title: 'Remote Cluster', plural: 'Remote Clusters', menuPath: ['Advanced Features', 'EMCC', 'EMCC Remote Cluster'], key: 'clusterId',
    columns: ['clusterId', 'fqdn', 'emccEnabled', 'remoteEmccActivated', 'remoteVersion'],
    fields: [
      { key: 'clusterId', label: 'Cluster Id', type: 'text', required: true, maxLength: 50, pattern: { source: '^[A-Za-z0-9_-]{1,50}$', what: 'letters, digits, - and _' }, help: 'Must equal the Cluster ID enterprise parameter of the other cluster.' },
      DESCRIPTION,
      { key: 'fqdn', label: 'Fully Qualified Name', type: 'text', required: true, maxLength: 255, pattern: { source: '^[A-Za-z0-9]([A-Za-z0-9.:-]{0,253}[A-Za-z0-9])?$', what: 'an IP address or a host name' }, help: 'An IP address or a name that resolves to any node of the remote cluster.' },
      { key: 'emccEnabled', label: 'EMCC: Enabled', type: 'boolean' },
      { key: 'pstnEnabled', label: 'PSTN Access: Enabled', type: 'boolean' },
      { key: 'rsvpEnabled', label: 'RSVP Agent: Enabled', type: 'boolean' },
      { key: 'tftpEnabled', label: 'TFTP: Enabled', type: 'boolean', default: false, readOnly: true, help: 'Always off for EMCC.' },
      { key: 'remoteEmccActivated', label: 'EMCC: Remote Activated', type: 'boolean', readOnly: true },
      { key: 'remotePstnActivated', label: 'PSTN Access: Remote Activated', type: 'boolean', readOnly: true },
      { key: 'remoteRsvpActivated', label: 'RSVP Agent: Remote Activated', type: 'boolean', readOnly: true },
      { key: 'remoteVersion', label: 'Remote Version', type: 'text', readOnly: true },
    ],
  },
};

export const EMCC_TRUNK_TYPE = 'Extension Mobility Cross Clusters';
/** Guide, step 7: never more than two EMCC trunks. */
export const MAX_EMCC_TRUNKS = 2;
/** Guide, section 6: Phones + 2 x EMCC devices <= MaxPhones. */
export const MAX_PHONES = 60_000;

export const VERSION_CHOICES = plain(...CLUSTER_VERSIONS);

/** A field of an entity by key. */
export function fieldOf(kind: EntityKind, key: string): FieldDef | undefined {
  return ENTITIES[kind].fields.find((f) => f.key === key);
}
