/** Unified CM versions a simulated cluster can run, oldest first, and what each can do. */
export const CLUSTER_VERSIONS = ['8.x', '9.x', '10.x', '11.5', '12.0', '12.5', '14', '15'] as const;
export type ClusterVersion = (typeof CLUSTER_VERSIONS)[number];

export const SECURITY_MODES = ['non-secure', 'mixed'] as const;
export type SecurityMode = (typeof SECURITY_MODES)[number];

/** Position in release order (8.x = 0). */
export function versionRank(v: string): number {
  return CLUSTER_VERSIONS.indexOf(v as ClusterVersion);
}

/** 12.0 and later understand the loginType parameter (seed table 5). */
export function supportsLoginType(v: string): boolean {
  return versionRank(v) >= versionRank('12.0');
}

/** 9.x and later (the security-mode tables 6-8 split on this). */
export function isNinePlus(v: string): boolean {
  return versionRank(v) >= versionRank('9.x');
}
