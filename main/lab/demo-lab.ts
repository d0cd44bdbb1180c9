/**
 * The labs the app can open without a lab file. The demo lab: a home cluster (HOME) and a
 * visiting cluster (VISIT), both 12.0 non-secure, each with a publisher running every service,
 * configured for EMCC toward each other through the guide's nine steps. alice (PIN 12345) lives
 * on home; the phone SEP00AA11BB22CC is on visiting. The fresh lab: the same two clusters as
 * just installed, for configuring from scratch in the admin windows.
 */
import { ACTIVATABLE_SERVICES } from '../../shared/cluster-services';
import type { ClusterDefinition } from '../cluster/cluster-definition';

const EM_URL = (host: string) => `http://${host}:8080/emapp/EMAppServlet?device=#DEVICENAME#&EMCC=#EMCC#`;
const ALL_SERVICES = ACTIVATABLE_SERVICES.map((s) => s.service);
const TRUNK = 'EMCC-SIP-Trunk';

/** Steps 2-8 of the guide, the same on both demo clusters. */
function emccReady(host: string, extra: { devicePools?: Record<string, unknown>[] } = {}) {
  const settings: Pick<ClusterDefinition, 'featureParameters' | 'defaultEmccTemplate' | 'emccDevices' | 'interclusterServiceProfile'> = {
    featureParameters: { defaultTftpServer: host, defaultRemoteUpdateServer: host, geolocationFilter: 'EMCC-Geo-Filter' },
    defaultEmccTemplate: 'EMCC-Template',
    emccDevices: 5,
    interclusterServiceProfile: { emccActive: true, pstnActive: true, pstnTrunk: TRUNK, rsvpActive: true, rsvpTrunk: TRUNK },
  };
  return {
    settings,
    base: {
      geolocation: [{ name: 'Site', country: 'US' }],
      geolocationFilter: [{ name: 'EMCC-Geo-Filter', useCountry: true, useCity: true }],
      commonDeviceConfig: [{ name: 'EMCC-CDC' }],
      devicePool: [{ name: 'Default', geolocation: 'Site' }, ...(extra.devicePools ?? [])],
      phoneService: [{ name: 'Extension Mobility', url: EM_URL(host) }],
      sipTrunk: [{ name: TRUNK, trunkServiceType: 'Extension Mobility Cross Clusters', devicePool: 'Default' }],
      emccTemplate: [{ name: 'EMCC-Template', devicePool: 'Default', commonDeviceConfig: 'EMCC-CDC' }],
    } satisfies NonNullable<ClusterDefinition['records']>,
  };
}

const remote = (clusterId: string, fqdn: string) => ({ clusterId, fqdn, emccEnabled: true, pstnEnabled: true, rsvpEnabled: true });
const publisher = (host: string, services: string[]) => ({ record: { host, role: 'publisher', ipv4: '127.0.0.1' }, services });

const home = emccReady('home-pub');
export const HOME_CLUSTER: ClusterDefinition = {
  name: 'home',
  enterprise: { clusterId: 'HOME', version: '12.0', securityMode: 'non-secure' },
  nodes: [publisher('home-pub', ALL_SERVICES)],
  records: {
    ...home.base,
    deviceProfile: [
      { name: 'alice-udp', model: '8845', lines: [{ dn: '1001', label: 'Alice' }], services: ['Extension Mobility'] },
      { name: 'carol-udp', model: '8845', lines: [{ dn: '1002', label: 'Carol' }], services: ['Extension Mobility'] },
    ],
    endUser: [
      { userId: 'alice', lastName: 'Alice', pin: '12345', primaryExtension: '1001', selfServiceId: '1001', emccEnabled: true, profiles: ['alice-udp'] },
      { userId: 'carol', lastName: 'Carol', pin: '24680', primaryExtension: '1002', selfServiceId: '1002', emccEnabled: false, profiles: ['carol-udp'] },
    ],
    phone: [
      { name: 'SEP001122334455', model: '8845', devicePool: 'Default', emEnabled: true, lines: [{ dn: '2001', label: 'Lobby' }], services: ['Extension Mobility'] },
    ],
  },
  ...home.settings,
  remoteClusters: [remote('VISIT', 'visit-pub')],
};

const visit = emccReady('visit-pub', { devicePools: [{ name: 'Shanghai', userLocale: 'zh-CN', geolocation: 'Site' }] });
export const VISITING_CLUSTER: ClusterDefinition = {
  name: 'visiting',
  enterprise: { clusterId: 'VISIT', version: '12.0', securityMode: 'non-secure' },
  nodes: [publisher('visit-pub', ALL_SERVICES)],
  records: {
    ...visit.base,
    deviceProfile: [{ name: 'bob-udp', model: '8845', lines: [{ dn: '3101', label: 'Bob' }], services: ['Extension Mobility'] }],
    endUser: [{ userId: 'bob', lastName: 'Bob', pin: '54321', primaryExtension: '3101', emccEnabled: true, profiles: ['bob-udp'] }],
    phone: [
      { name: 'SEP00AA11BB22CC', model: '8845', devicePool: 'Default', emEnabled: true, lines: [{ dn: '3001', label: 'Visitor' }], services: ['Extension Mobility'] },
      { name: 'SEP00AA11BB33DD', model: '7965', devicePool: 'Shanghai', emEnabled: true, lines: [{ dn: '3002', label: '访客' }], services: ['Extension Mobility'] },
    ],
  },
  ...visit.settings,
  remoteClusters: [remote('HOME', 'home-pub')],
};

export const DEMO_LAB: readonly ClusterDefinition[] = [HOME_CLUSTER, VISITING_CLUSTER];

/** A cluster as just installed: a publisher with no service activated and the Default device pool. */
function freshCluster(name: string, host: string): ClusterDefinition {
  // Unified CM installs with the Cluster ID "StandAloneCluster"; EMCC needs each changed.
  return {
    name,
    enterprise: { clusterId: 'StandAloneCluster', version: '12.0', securityMode: 'non-secure' },
    nodes: [publisher(host, [])],
    records: { devicePool: [{ name: 'Default' }] },
  };
}

export const FRESH_LAB: readonly ClusterDefinition[] = [freshCluster('cluster-a', 'cucm-a-pub'), freshCluster('cluster-b', 'cucm-b-pub')];
