/**
 * The demo lab every fresh start opens: a home cluster (HOME) and a visiting cluster (VISIT),
 * both 12.0 non-secure, each with a publisher running CallManager, Tftp and Extension Mobility,
 * already configured for EMCC toward each other. alice (PIN 12345) lives on home; the phone
 * SEP00AA11BB22CC is on visiting.
 */
import type { ClusterDefinition } from '../cluster/cluster-definition';
import { SERVICES } from '../cluster/cluster-identity';

const EM_URL = (host: string) => `http://${host}:8080/emapp/EMAppServlet?device=#DEVICENAME#&EMCC=#EMCC#`;
const ALL_SERVICES = [SERVICES.callManager, SERVICES.tftp, SERVICES.extensionMobility, SERVICES.ils, SERVICES.bulkProvisioning];
const EMCC_PROFILE = { emcc: true, pstn: true, pstnTrunk: 'EMCC-SIP-Trunk', rsvp: true, rsvpTrunk: 'EMCC-SIP-Trunk' };

export const HOME_CLUSTER: ClusterDefinition = {
  name: 'home',
  clusterId: 'HOME',
  version: '12.0',
  securityMode: 'non-secure',
  nodes: [{ name: 'home-pub', host: 'home-pub', role: 'publisher', services: ALL_SERVICES }],
  devicePools: [{ name: 'Default', locale: null }],
  phoneServices: [{ name: 'Extension Mobility', url: EM_URL('home-pub') }],
  deviceProfiles: [
    { name: 'alice-udp', model: '8845', lines: [{ dn: '1001', label: 'Alice' }], services: ['Extension Mobility'] },
    { name: 'carol-udp', model: '8845', lines: [{ dn: '1002', label: 'Carol' }], services: ['Extension Mobility'] },
  ],
  users: [
    { userId: 'alice', pin: '12345', primaryExtension: '1001', selfServiceId: '1001', emccEnabled: true, profiles: ['alice-udp'] },
    { userId: 'carol', pin: '24680', primaryExtension: '1002', selfServiceId: '1002', emccEnabled: false, profiles: ['carol-udp'] },
  ],
  phones: [
    { name: 'SEP001122334455', model: '8845', devicePool: 'Default', emEnabled: true, lines: [{ dn: '2001', label: 'Lobby' }], services: ['Extension Mobility'] },
  ],
  emccDevices: 5,
  featureParameters: { defaultTftpServer: 'home-pub', defaultRemoteUpdateServer: 'home-pub' },
  interclusterServiceProfile: EMCC_PROFILE,
  remoteClusters: [{ clusterId: 'VISIT', fqdn: 'visit-pub' }],
};

export const VISITING_CLUSTER: ClusterDefinition = {
  name: 'visiting',
  clusterId: 'VISIT',
  version: '12.0',
  securityMode: 'non-secure',
  nodes: [{ name: 'visit-pub', host: 'visit-pub', role: 'publisher', services: ALL_SERVICES }],
  devicePools: [{ name: 'Default', locale: null }, { name: 'Shanghai', locale: 'zh-CN' }],
  phoneServices: [{ name: 'Extension Mobility', url: EM_URL('visit-pub') }],
  deviceProfiles: [{ name: 'bob-udp', model: '8845', lines: [{ dn: '3101', label: 'Bob' }], services: ['Extension Mobility'] }],
  users: [{ userId: 'bob', pin: '54321', primaryExtension: '3101', emccEnabled: true, profiles: ['bob-udp'] }],
  phones: [
    { name: 'SEP00AA11BB22CC', model: '8845', devicePool: 'Default', emEnabled: true, lines: [{ dn: '3001', label: 'Visitor' }], services: ['Extension Mobility'] },
    { name: 'SEP00AA11BB33DD', model: '7965', devicePool: 'Shanghai', emEnabled: true, lines: [{ dn: '3002', label: '访客' }], services: ['Extension Mobility'] },
  ],
  emccDevices: 5,
  featureParameters: { defaultTftpServer: 'visit-pub', defaultRemoteUpdateServer: 'visit-pub' },
  interclusterServiceProfile: EMCC_PROFILE,
  remoteClusters: [{ clusterId: 'HOME', fqdn: 'home-pub' }],
};

export const DEMO_LAB: readonly ClusterDefinition[] = [HOME_CLUSTER, VISITING_CLUSTER];
