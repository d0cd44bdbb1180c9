/** Who a cluster is, as its enterprise parameters and installation say. */
export interface ClusterIdentity {
  /** The lab's short name for the cluster ("home", "visiting"). */
  name: string;
  /** Enterprise parameter Cluster ID ("HOME"). */
  clusterId: string;
  version: string;
  securityMode: string;
}

export { SERVICES } from '../../shared/cluster-services';

/** The internal application user through which EMApp talks to the EM service. */
export const INTERNAL_APP_USER = 'CCMSysUser';
