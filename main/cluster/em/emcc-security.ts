/**
 * Seed tables 6-8: what an EMCC login becomes given both clusters' versions and security modes
 * and the phone's security profile. The home cluster decides, from what the visiting cluster
 * sends with the login.
 */
import { EmError } from '../../../shared/errors/error-catalogue';
import { isNinePlus } from '../../../shared/cluster-versions';

export interface EmccSecurityInput {
  homeVersion: string;
  homeMode: string;
  visitingVersion: string;
  visitingMode: string;
  /** The visiting phone's device security profile. */
  phoneMode: string;
}

export type EmccSecurityOutcome = { ok: true; state: 'secure' | 'non-secure' } | { ok: false; code: number; rule: string };

const secure = { ok: true, state: 'secure' } as const;
const nonSecure = { ok: true, state: 'non-secure' } as const;

export function emccSecurity(i: EmccSecurityInput): EmccSecurityOutcome {
  // Every row with a non-secure phone is a non-secure EMCC login.
  if (i.phoneMode !== 'secure') return nonSecure;
  // A secure profile only takes effect in a mixed-mode cluster; the tables have no row for a
  // secure phone in a non-secure visiting cluster, and such a phone registers non-secure.
  if (i.visitingMode !== 'mixed') return nonSecure;
  const homeNine = isNinePlus(i.homeVersion);
  const visitingNine = isNinePlus(i.visitingVersion);
  if (homeNine && visitingNine) {
    if (i.homeMode === 'mixed') return secure;
    return { ok: false, code: EmError.RemoteSecurityModeNotSupported, rule: 'secure phone in a mixed-mode visiting cluster, home cluster non-secure (table 6)' };
  }
  if (homeNine && !visitingNine) {
    // Table 7: "not supported" for both home modes; the home cluster refuses the 8.x visitor.
    return { ok: false, code: EmError.RemoteVersionNotSupported, rule: 'secure phone in an 8.x visiting cluster (table 7: not supported)' };
  }
  if (!homeNine && visitingNine) {
    // Table 8: the 9.x mixed-mode visitor with a secure phone cannot log in to an 8.x home (45).
    return { ok: false, code: EmError.RemoteVersionNotSupported, rule: 'secure phone in a 9.x mixed-mode visiting cluster, home cluster 8.x (table 8)' };
  }
  // Both 8.x: the tables have no row. 8.x EMCC carries no phone security, so the login is
  // non-secure, as a real 8.x pair does.
  return nonSecure;
}
