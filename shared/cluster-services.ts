/** Service names as Unified CM Serviceability lists them, and where each may be activated. */
export const SERVICES = {
  callManager: 'Cisco CallManager',
  tftp: 'Cisco Tftp',
  extensionMobility: 'Cisco Extension Mobility',
  ils: 'Cisco ILS Service',
  bulkProvisioning: 'Cisco Bulk Provisioning Service',
} as const;
export type ServiceName = (typeof SERVICES)[keyof typeof SERVICES];

/** Service Activation: the services of a node, and which run on the publisher only (guide, steps 2 and 3). */
export const ACTIVATABLE_SERVICES: readonly { service: ServiceName; publisherOnly: boolean }[] = [
  { service: SERVICES.callManager, publisherOnly: false },
  { service: SERVICES.tftp, publisherOnly: false },
  { service: SERVICES.extensionMobility, publisherOnly: false },
  { service: SERVICES.ils, publisherOnly: true },
  { service: SERVICES.bulkProvisioning, publisherOnly: true },
];
