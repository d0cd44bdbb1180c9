/**
 * The Validate button of the EMCC Intercluster Service Profile: one check per thing the guide
 * configures before the profile (steps 2-7, and the remote clusters of step 9), each failure
 * naming the page that fixes it. Save of an active profile is refused while a failure remains.
 */
import type { ValidationReport } from '../../../shared/api/admin-contract';
import type { AdminTarget } from '../../../shared/admin/pages';
import { EMCC_TRUNK_TYPE, MAX_PHONES } from '../../../shared/admin/entities';
import { ACTIVATABLE_SERVICES, SERVICES } from '../../../shared/cluster-services';
import { ENTITY_TABLES } from '../store/entity-tables';
import type { ClusterStore } from '../store/cluster-store';
import type { LabPeers } from './cluster-admin';

type Check = ValidationReport['checks'][number];

const ACTIVATION: AdminTarget = { type: 'special', page: 'serviceActivation' };
const FEATURES: AdminTarget = { type: 'form', page: 'featureParameters' };
const BULK: AdminTarget = { type: 'special', page: 'bulkEmcc' };

/** The EM phone service URL a phone is given: EMApp on a node of this cluster, with #EMCC#. */
function emServiceProblem(store: ClusterStore): string | undefined {
  const hosts = new Set(store.nodes().flatMap((n) => [n.host, n.ipv4, n.ipv6].filter(Boolean).map((h) => h!.toLowerCase())));
  const services = store.entityRows(ENTITY_TABLES.phoneService).filter((s) => /\/emapp\/EMAppServlet/i.test(String(s.url)));
  if (!services.length) return 'No phone service points at /emapp/EMAppServlet';
  const enabled = services.filter((s) => s.enabled === 1);
  if (!enabled.length) return `The Extension Mobility phone service "${services[0]!.name}" is not enabled`;
  for (const s of enabled) {
    let host = '';
    try {
      host = new URL(String(s.url).replace(/#[A-Z]+#/g, 'x')).hostname.toLowerCase();
    } catch {
      // an unparsable URL counts as not pointing at this cluster
    }
    if (!hosts.has(host)) continue;
    if (!/[?&]EMCC=#EMCC#/.test(String(s.url))) return `The URL of "${s.name}" lacks EMCC=#EMCC#, so phones never tell EMApp they can do EMCC`;
    if (!/[?&]device=#DEVICENAME#/i.test(String(s.url))) return `The URL of "${s.name}" lacks device=#DEVICENAME#`;
    return undefined;
  }
  return 'No enabled Extension Mobility phone service points at a node of this cluster';
}

export function validateIsp(store: ClusterStore, peers: LabPeers): ValidationReport {
  const checks: Check[] = [];
  const add = (id: string, title: string, problem: string | undefined, fix: AdminTarget, okMessage: string, warning = false) =>
    checks.push({ id, title, ok: !problem, message: problem ?? okMessage, fix, ...(warning ? { warning } : {}) });

  const publisher = store.nodes().find((n) => n.role === 'publisher');
  for (const { service, publisherOnly } of ACTIVATABLE_SERVICES) {
    const running = store.nodesRunning(service);
    const on = publisherOnly ? running.filter((h) => h === publisher?.host) : running;
    add(`service-${service.toLowerCase().replace(/^cisco /, '').replace(/\s+/g, '-')}`, `${service} activated`,
      on.length ? undefined : `${service} is not activated on ${publisherOnly ? 'the publisher' : 'any node'}`, ACTIVATION, `Running on ${on.join(', ')}`);
  }
  add('em-phone-service', 'Extension Mobility phone service', emServiceProblem(store), { type: 'list', kind: 'phoneService' }, 'EM service URL points at this cluster with #DEVICENAME# and #EMCC#');

  const templates = store.entityCount(ENTITY_TABLES.emccTemplate);
  const defaultTemplate = store.setting('defaultEmccTemplate');
  add('emcc-template', 'Default EMCC template',
    !templates ? 'No EMCC template' : !defaultTemplate ? 'No EMCC template is set as the default (Update EMCC Devices)' : undefined,
    templates ? BULK : { type: 'list', kind: 'emccTemplate' }, `Default template: ${defaultTemplate}`);
  const devices = store.emccDeviceCount();
  add('emcc-devices', 'EMCC devices', devices ? undefined : 'No EMCC devices: insert them (Insert EMCC Devices)', BULK, `${devices} EMCC devices in the database`);
  const phones = store.phoneCount();
  add('capacity', 'Capacity (phones + 2 x EMCC devices <= 60,000)', phones + 2 * devices > MAX_PHONES ? `${phones} phones + 2 x ${devices} EMCC devices exceeds ${MAX_PHONES}` : undefined,
    BULK, `${phones + 2 * devices} of ${MAX_PHONES}`);

  const tftp = store.featureParameter('defaultTftpServer');
  add('tftp-server', 'Default TFTP Server for EMCC Login Device',
    !tftp ? 'Not set: EMCC logins fail (error 39, shown as 201)' : !store.nodesRunning(SERVICES.tftp).includes(tftp) ? `${tftp} does not run Cisco Tftp` : undefined,
    FEATURES, `${tftp}`);
  const updateServer = store.featureParameter('defaultRemoteUpdateServer');
  add('remote-update-server', 'Default Server For Remote Cluster Update',
    !updateServer ? 'Not set' : !store.nodesRunning(SERVICES.extensionMobility).includes(updateServer) ? `${updateServer} does not run Cisco Extension Mobility` : undefined,
    FEATURES, `${updateServer}`);
  const filter = store.featureParameter('geolocationFilter');
  add('geolocation-filter', 'EMCC Geolocation Filter',
    !filter ? 'Not set: visiting phones cannot be placed in a roaming device pool' : !store.entityRow(ENTITY_TABLES.geolocationFilter, filter) ? `No geolocation filter named "${filter}"` : undefined,
    filter ? { type: 'list', kind: 'geolocationFilter' } : FEATURES, `${filter}`);

  const trunks = store.entityRows(ENTITY_TABLES.sipTrunk).filter((t) => t.trunk_service_type === EMCC_TRUNK_TYPE);
  add('emcc-trunk', 'EMCC SIP trunk', trunks.length ? undefined : `No SIP trunk with Trunk Service Type "${EMCC_TRUNK_TYPE}"`, { type: 'list', kind: 'sipTrunk' },
    trunks.map((t) => t.name).join(', '));

  const lastExport = store.setting('certLastExport');
  add('certificates', 'Certificates exported (Bulk Certificate Management)',
    !lastExport ? 'Never exported: other clusters cannot trust this one\'s certificates (step 3)'
      : store.setting('certExportNeeded') === 'true' ? 'A Tomcat, Tomcat-ECDSA, TFTP or CAPF certificate was regenerated since the last export: export, consolidate and import again' : undefined,
    { type: 'special', page: 'bulkCertificates' }, lastExport ? `Last export ${new Date(Number(lastExport)).toISOString()}` : '', true);

  const remotes = store.remoteClusters();
  add('remote-clusters', 'Remote clusters', remotes.length ? (remotes.some((r) => r.emcc_enabled) ? undefined : 'No remote cluster has EMCC enabled') : 'No remote cluster yet (step 9 of the guide)',
    { type: 'list', kind: 'remoteCluster' }, remotes.map((r) => r.cluster_id).join(', '), true);
  const duplicates = store.phones().flatMap((p) => {
    const other = peers.deviceNameElsewhere(p.name);
    return other ? [`${p.name} (also in ${other})`] : [];
  });
  add('duplicate-device-names', 'Device names unique across clusters',
    duplicates.length ? `${duplicates.slice(0, 5).join(', ')}: EMCC logins from these phones fail with error 37 (duplicate device name)` : undefined,
    { type: 'list', kind: 'phone' }, 'No phone name exists in another cluster', true);

  return { passed: checks.every((c) => c.ok || c.warning), checks };
}
