/**
 * A whole cluster's configuration as data (the schema; main/cluster/cluster-definition applies
 * it through the cluster's administration): what the demo lab and the fresh lab seed, and what a
 * lab file carries for each cluster.
 */
import { z } from 'zod';
import type { EntityKind } from './admin/fields';

/** The lists of a definition in the order they are applied (each only names lists before it). */
export const DEFINITION_ORDER = [
  'callingSearchSpace', 'geolocation', 'geolocationFilter', 'commonDeviceConfig', 'devicePool', 'phoneService',
  'deviceProfile', 'endUser', 'applicationUser', 'phone', 'sipTrunk', 'emccTemplate',
] as const satisfies readonly Exclude<EntityKind, 'node' | 'remoteCluster'>[];

const records = z.array(z.record(z.string(), z.unknown())).max(100_000);

export const ClusterDefinition = z.object({
  /** The lab's name for the cluster; also its database file name. */
  name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,29}$/, 'a lab name (lower-case letters, digits and -)'),
  enterprise: z.record(z.string(), z.unknown()),
  /** Servers, publisher first, each with the services activated on it. */
  nodes: z.array(z.object({ record: z.record(z.string(), z.unknown()), services: z.array(z.string()).default([]) })).min(1),
  records: z.object(Object.fromEntries(DEFINITION_ORDER.map((k) => [k, records.optional()])) as Record<(typeof DEFINITION_ORDER)[number], z.ZodOptional<typeof records>>).default({}),
  serviceParameters: z.record(z.string(), z.unknown()).optional(),
  featureParameters: z.record(z.string(), z.unknown()).optional(),
  defaultEmccTemplate: z.string().nullable().default(null),
  emccDevices: z.number().int().min(0).default(0),
  remoteClusters: records.default([]),
  interclusterServiceProfile: z.record(z.string(), z.unknown()).optional(),
});
export type ClusterDefinition = z.input<typeof ClusterDefinition>;

