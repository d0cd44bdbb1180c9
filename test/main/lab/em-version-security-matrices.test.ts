/**
 * The guide's matrices, row for row, through the real HTTP path (phone keys, EMApp, both EM
 * services): seed table 5 (which versions understand the loginType of the visiting cluster's EM
 * service URL) and seed tables 6-8 (what an EMCC login becomes given both clusters' versions and
 * security modes and the visiting phone's device security profile).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { VISITING_CLUSTER } from '../../../main/lab/demo-lab';
import type { Lab } from '../../../main/lab/lab';
import {
  HOME_WITH_ZH_PHONE, loginShows, loginState, openCodeLab, phonesReady, submitOn, withEmServiceUrl, withEnterprise, withPhoneSecurity,
} from '../../helpers/em-lab';
import { VISITING_PHONE, openExtensionMobility, registeredTo, showsText, waitForScreen } from '../../helpers/lab-fixture';

type LoginType = 'UID' | 'SP' | 'DN';
/** What alice enters in the first field for each login type: user ID, self-service ID, primary extension. */
const ID_FOR: Record<LoginType | 'absent', string> = { absent: 'alice', UID: 'alice', SP: '1001', DN: '1001' };
/** The login form the EMApp answers for each login type (prompt, first field's label). */
const FORM_FOR: Record<LoginType | 'absent', { prompt: string; label: string }> = {
  absent: { prompt: 'Enter your user ID and PIN', label: 'User ID' },
  UID: { prompt: 'Enter your user ID and PIN', label: 'User ID' },
  SP: { prompt: 'Enter your self-service user ID and PIN', label: 'Self-service User ID' },
  DN: { prompt: 'Enter your primary extension and PIN', label: 'Primary Extension' },
};

/** The visiting phone went to the home cluster with alice's line: an EMCC login that worked. */
async function expectEmccLogin(lab: Lab): Promise<void> {
  const s = await waitForScreen(lab, VISITING_PHONE, (x) => registeredTo('HOME')(x) && x.loggedInUser === 'alice');
  expect(s.emcc).toBe(true);
  expect(s.lines.map((l) => l.dn)).toEqual(['1001']);
  expect(lab.cluster('HOME')!.store.emccDeviceBoundTo(VISITING_PHONE)?.user_id).toBe('alice');
  expect(lab.cluster('VISIT')!.store.login(VISITING_PHONE)).toMatchObject({ kind: 'emcc', user_id: 'alice', home_cluster: 'HOME' });
}

/** Open the demo lab with the two versions and the visiting EM service URL's loginType. */
function openVersions(visiting: string, home: string, loginType: LoginType | undefined): Promise<Lab> {
  let visit = withEnterprise(VISITING_CLUSTER, { version: visiting });
  if (loginType) visit = withEmServiceUrl(visit, 'visit-pub', `&loginType=${loginType}`);
  return openCodeLab(withEnterprise(HOME_WITH_ZH_PHONE, { version: home }), visit);
}

describe('seed table 5: login result by version and loginType', () => {
  let lab: Lab;
  afterEach(() => lab?.close());

  /** Open Extension Mobility on the visiting phone: the form must be the one `shown` names; log in as alice with it. */
  async function loginWith(shown: LoginType | 'absent', typed: string): Promise<void> {
    await phonesReady(lab);
    const form = await openExtensionMobility(lab, VISITING_PHONE);
    expect(form.view).toMatchObject({ kind: 'input', prompt: FORM_FOR[shown].prompt });
    expect(form.view.kind === 'input' && form.view.fields.map((f) => [f.label, f.masked])).toEqual([[FORM_FOR[shown].label, false], ['PIN', true]]);
    await submitOn(lab, VISITING_PHONE, typed, '12345');
  }

  it('visiting 12.0, home 12.0, loginType absent: success', async () => {
    lab = await openVersions('12.0', '12.0', undefined);
    await loginWith('absent', 'alice');
    await expectEmccLogin(lab);
  });

  it.each([
    ['UID', 'user ID alice'], ['SP', 'self-service ID 1001'], ['DN', 'primary extension 1001'],
  ] as const)('visiting 12.0, home 12.0, loginType %s: success (alice logs in with her %s and PIN)', async (type, _credential) => {
    lab = await openVersions('12.0', '12.0', type);
    await loginWith(type, ID_FOR[type]);
    await expectEmccLogin(lab);
  });

  it('visiting 12.0, home 11.5, loginType absent: success', async () => {
    lab = await openVersions('12.0', '11.5', undefined);
    await loginWith('absent', 'alice');
    await expectEmccLogin(lab);
  });

  it.each(['UID', 'SP', 'DN'] as const)('visiting 12.0, home 11.5, loginType %s: failure, code 1 (the home EM service cannot parse the request)', async (type) => {
    lab = await openVersions('12.0', '11.5', type);
    await phonesReady(lab);
    const before = loginState(lab);
    await submitOn(lab, VISITING_PHONE, ID_FOR[type], '12345');
    const s = await waitForScreen(lab, VISITING_PHONE, showsText('Login is unavailable (1)'));
    expect(s.registration?.clusterId).toBe('VISIT');
    expect(loginState(lab)).toBe(before);
  });

  it('visiting 11.5, home 12.0, loginType absent: success', async () => {
    lab = await openVersions('11.5', '12.0', undefined);
    await loginWith('absent', 'alice');
    await expectEmccLogin(lab);
  });

  it.each(['UID', 'SP', 'DN'] as const)('visiting 11.5, home 12.0, loginType %s: ignored, the phone shows the User ID / PIN prompt and the login succeeds', async (type) => {
    lab = await openVersions('11.5', '12.0', type);
    await loginWith('absent', 'alice');
    await expectEmccLogin(lab);
  });
});

type Mode = 'mixed' | 'non-secure';
type Outcome = 'secure' | 'non-secure' | 45 | 46;
interface SecurityRow {
  table: 6 | 7 | 8;
  home: { version: string; mode: Mode };
  visiting: { version: string; mode: Mode };
  phone: 'secure' | 'non-secure';
  /** The EMCC state of a login that works, or the code a refused login shows. */
  outcome: Outcome;
  /** How the guide words a refusal ("login fails" / "not supported"). */
  guide?: string;
}

/** Facts section 8, every row: 9.x+ stands for 12.0 and 9.x, 8.x for 8.x. */
const rows = (table: 6 | 7 | 8, homeVersion: string, visitingVersion: string, list: [Mode, Mode, 'secure' | 'non-secure', Outcome, string?][]): SecurityRow[] =>
  list.map(([homeMode, visitingMode, phone, outcome, guide]) => ({
    table, home: { version: homeVersion, mode: homeMode }, visiting: { version: visitingVersion, mode: visitingMode }, phone, outcome, ...(guide ? { guide } : {}),
  }));

const SECURITY_ROWS: SecurityRow[] = [
  ...rows(6, '12.0', '12.0', [
    ['mixed', 'mixed', 'secure', 'secure'],
    ['mixed', 'mixed', 'non-secure', 'non-secure'],
    ['mixed', 'non-secure', 'non-secure', 'non-secure'],
    ['non-secure', 'mixed', 'secure', 46, 'login fails'],
    ['non-secure', 'non-secure', 'non-secure', 'non-secure'],
  ]),
  ...rows(7, '12.0', '8.x', [
    ['mixed', 'mixed', 'secure', 45, 'not supported'],
    ['mixed', 'mixed', 'non-secure', 'non-secure'],
    ['mixed', 'non-secure', 'non-secure', 'non-secure'],
    ['non-secure', 'mixed', 'secure', 45, 'not supported'],
    ['non-secure', 'non-secure', 'non-secure', 'non-secure'],
  ]),
  ...rows(8, '8.x', '9.x', [
    ['mixed', 'mixed', 'secure', 45, 'login fails'],
    ['mixed', 'mixed', 'non-secure', 'non-secure'],
    ['mixed', 'non-secure', 'non-secure', 'non-secure'],
    ['non-secure', 'mixed', 'secure', 45, 'login fails'],
    ['non-secure', 'non-secure', 'secure', 'non-secure'],
  ]),
];

const rowName = (r: SecurityRow) =>
  `table ${r.table}: home ${r.home.version} ${r.home.mode}, visiting ${r.visiting.version} ${r.visiting.mode}, ${r.phone} phone -> ${
    typeof r.outcome === 'number' ? `${r.guide} (${r.outcome})` : `${r.outcome} EMCC`}`;

describe('seed tables 6-8: EMCC security state by version and security mode', () => {
  let lab: Lab;
  afterEach(() => lab?.close());

  it.each(SECURITY_ROWS.map((r) => [rowName(r), r] as const))('%s', async (_name, r) => {
    lab = await openCodeLab(
      withEnterprise(HOME_WITH_ZH_PHONE, { version: r.home.version, securityMode: r.home.mode }),
      withPhoneSecurity(withEnterprise(VISITING_CLUSTER, { version: r.visiting.version, securityMode: r.visiting.mode }), r.phone),
    );
    expect(lab.cluster('VISIT')!.store.phone(VISITING_PHONE)?.security_mode).toBe(r.phone);
    if (typeof r.outcome === 'number') {
      // Both the en-US and the zh-CN phone are refused, and nothing changes on either cluster.
      await loginShows(lab, 'visiting', 'alice', '12345', [`Login is unsuccessful (${r.outcome})`, `登录不成功 (${r.outcome})`]);
      expect(lab.cluster('HOME')!.store.emccDeviceBoundTo(VISITING_PHONE)).toBeUndefined();
      return;
    }
    await phonesReady(lab);
    await submitOn(lab, VISITING_PHONE, 'alice', '12345');
    await expectEmccLogin(lab);
    expect(lab.cluster('VISIT')!.store.login(VISITING_PHONE)?.emcc_security).toBe(r.outcome);
    expect(lab.cluster('HOME')!.store.emccDeviceBoundTo(VISITING_PHONE)?.emcc_security).toBe(r.outcome);
  });
});
