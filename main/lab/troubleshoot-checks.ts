/**
 * Which checks the troubleshooter runs for each code of the guide's tables 9 and 10: the
 * conditions the guide names as the code's cause, looked for in the lab (see
 * troubleshoot-checks-path.ts and troubleshoot-checks-config.ts), the outside faults that lead to
 * it (shared/faults.ts), and, for a code that only the user's input or a third-party application
 * can cause, a note saying so.
 */
import type { FindingKey } from '../../shared/troubleshoot-findings';
import { info, type Check } from './troubleshoot-context';
import {
  emServiceActivated, entryClusterIds, everyHomeListed, faultsFor, hasRemoteClusters, homeAllowsEmcc, homeEntryPointsAtVisitor, homeKnowsVisitor,
  homeReachable, latencyOverTimeout, proxyAllowed,
} from './troubleshoot-checks-path';
import {
  appUsersHaveProxyRights, concurrentRequests, currentLogins, deviceNamesUnique, emccDeviceNonSecure, emccUsersHaveProfiles, freeEmccDevice,
  loggedInPhonesEmEnabled, loginTypeUnderstoodAtHome, multipleLogins, phoneModelsSupportEmcc, phonesEmEnabled, pinChangeRequired,
  secureLoginSupported, sharedPrimaryExtensions, tftpServerSet, urlEmccPlaceholder, urlLoginTypeValid, urlNamesDevice, usersEmccEnabled,
  usersHaveProfiles, validateIp, visitingEmccActive, visitingPstnActive,
} from './troubleshoot-checks-config';

/** A note for a cause that lies in what the user typed or what an application sent, not in the lab. */
const note = (key: FindingKey, params: Record<string, string | number> = {}): Check => () => [info(key, params)];
const emApi = (code: number) => note('input.emApi', { code });

/** The checks of each code, beyond the outside faults that lead to it. */
const CHECKS: Readonly<Record<number, readonly Check[]>> = {
  0: [],
  1: [loginTypeUnderstoodAtHome, note('input.emApiParse')],
  2: [note('input.wrongPinEmcc')],
  3: [emApi(3)],
  4: [],
  5: [phonesEmEnabled],
  6: [],
  8: [emApi(8)],
  9: [],
  10: [appUsersHaveProxyRights, emApi(10)],
  11: [emApi(11)],
  12: [emccUsersHaveProfiles],
  18: [currentLogins, emApi(18)],
  19: [emApi(19)],
  20: [loggedInPhonesEmEnabled],
  21: [],
  22: [phonesEmEnabled, emApi(22)],
  23: [everyHomeListed, note('input.unknownUser')],
  25: [multipleLogins],
  26: [concurrentRequests],
  28: [validateIp, emApi(28)],
  29: [],
  30: [proxyAllowed],
  31: [usersEmccEnabled],
  32: [phoneModelsSupportEmcc],
  33: [freeEmccDevice],
  35: [homeKnowsVisitor],
  36: [hasRemoteClusters],
  37: [deviceNamesUnique],
  38: [homeAllowsEmcc],
  39: [tftpServerSet],
  40: [latencyOverTimeout],
  41: [pinChangeRequired],
  42: [entryClusterIds(42)],
  43: [emccDeviceNonSecure],
  44: [homeEntryPointsAtVisitor],
  45: [secureLoginSupported(45)],
  46: [secureLoginSupported(46)],
  47: [sharedPrimaryExtensions(47)],
  201: [visitingEmccActive, note('input.wrongPinLocal')],
  202: [note('input.blank')],
  204: [],
  205: [usersHaveProfiles],
  207: [urlNamesDevice, emApi(207)],
  208: [emServiceActivated, homeReachable],
  210: [],
  211: [visitingPstnActive],
  212: [entryClusterIds(212)],
  213: [urlEmccPlaceholder],
  215: [urlLoginTypeValid],
  216: [sharedPrimaryExtensions(216)],
};

/** Every check for `code`: its outside faults first, then its own. */
export function checksFor(code: number): Check[] {
  // A proxy on the WAN is harmless while EMCC Allow Proxy is True: the proxy check weighs both.
  return [faultsFor(code, code === 30 ? ['proxy'] : []), ...(CHECKS[code] ?? [])];
}

/** Codes with checks of their own (every code of the catalogue has an entry). */
export const CHECKED_CODES: readonly number[] = Object.keys(CHECKS).map(Number);
