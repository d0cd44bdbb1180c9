/**
 * The EM API as a third-party application speaks it (facts section 10; Cisco's "Extension
 * Mobility API" reference): a plain HTTP POST of the form field `xml` to a node's
 * EMServiceServlet, with an application user's appID and appCertificate. Answers are compared
 * byte for byte with Cisco's shapes, and every refusal is shown to leave both clusters'
 * login state unchanged.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { VISITING_CLUSTER } from '../../../main/lab/demo-lab';
import type { Lab } from '../../../main/lab/lab';
import { withRecord, withRecords } from '../../helpers/definitions';
import {
  EM_APP_USER, HOME_PHONE, HOME_PHONE_ZH, HOME_WITH_ZH_PHONE, VISITING_PHONE, appInfo, emApi, loginState, openCodeLab, phonesReady, submitOn, withAppUsers,
} from '../../helpers/em-lab';
import { registeredTo, waitForScreen } from '../../helpers/lab-fixture';
import type { PhoneScreen } from '../../../shared/api/contract';

const HOME = 'home-pub';
const VISIT = 'visit-pub';
const MINUTE = 60_000;
const APP = appInfo(EM_APP_USER.userId, EM_APP_USER.password);
const SUCCESS = '<response><success/></response>';
const failure = (code: number, text: string) => `<response><failure><error code="${code}">${text}</error></failure></response>`;

const login = (device: string, user: string, extra = '', app = APP) =>
  `<request>${app}<login><deviceName>${device}</deviceName><userID>${user}</userID>${extra}</login></request>`;
const logout = (device: string, app = APP) => `<request>${app}<logout><deviceName>${device}</deviceName></logout></request>`;
const deviceUserQuery = (...devices: string[]) =>
  `<query>${APP}<deviceUserQuery>${devices.map((d) => `<deviceName>${d}</deviceName>`).join('')}</deviceUserQuery></query>`;
const userDevicesQuery = (...users: string[]) =>
  `<query>${APP}<userDevicesQuery>${users.map((u) => `<userID>${u}</userID>`).join('')}</userDevicesQuery></query>`;

/** The home cluster with the EM API application users and alice's second profile alice-sales (line 1009). */
const HOME_API = withAppUsers(
  withRecords(HOME_WITH_ZH_PHONE, 'deviceProfile', (ps) => [...ps, { name: 'alice-sales', model: '8845', lines: [{ dn: '1009', label: 'Sales' }], services: ['Extension Mobility'] }]),
);
const HOME_API_DEF = withRecord(HOME_API, 'endUser', 'alice', { profiles: ['alice-udp', 'alice-sales'] });
const VISIT_API_DEF = withRecords(VISITING_CLUSTER, 'applicationUser', (us) => [...us, EM_APP_USER]);

/** The phone has reset onto `cluster` showing these lines (and nobody logged in when `user` is null). */
const shows = (cluster: string, dns: string[], user: string | null) => (s: PhoneScreen) =>
  registeredTo(cluster)(s) && s.view.kind === 'idle' && s.loggedInUser === user && JSON.stringify(s.lines.map((l) => l.dn)) === JSON.stringify(dns);

describe('EM API for third-party applications (facts section 10)', () => {
  let lab: Lab;
  afterEach(() => lab?.close());

  /** POST `xml`; the answer must be `expected` byte for byte and, for a refusal, nothing may change. */
  async function refused(host: string, xml: string, expected: string): Promise<void> {
    const before = loginState(lab);
    const answer = await emApi(lab, host, xml);
    expect(answer.status).toBe(200);
    expect(answer.body).toBe(expected);
    expect(loginState(lab)).toBe(before);
  }

  async function succeeds(host: string, xml: string): Promise<void> {
    const answer = await emApi(lab, host, xml);
    expect(answer.status).toBe(200);
    expect(answer.body).toBe(SUCCESS);
  }

  async function open(home: Parameters<typeof openCodeLab>[0] = HOME_API_DEF, visiting: Parameters<typeof openCodeLab>[1] = VISIT_API_DEF): Promise<void> {
    lab = await openCodeLab(home, visiting);
    await phonesReady(lab);
  }

  describe('application users', () => {
    it('an unknown appID or a wrong appCertificate is refused with 3 "Invalid App User", byte for byte, for logins, logouts and queries', async () => {
      await open();
      const invalid = failure(3, 'Invalid App User');
      await refused(HOME, login(HOME_PHONE, 'alice', '', appInfo('nosuchapp', EM_APP_USER.password)), invalid);
      await refused(HOME, login(HOME_PHONE, 'alice', '', appInfo(EM_APP_USER.userId, 'wrong-pass')), invalid);
      await refused(HOME, logout(HOME_PHONE, appInfo(EM_APP_USER.userId, 'wrong-pass')), invalid);
      await refused(HOME, `<query>${appInfo('nosuchapp', 'x')}<deviceUserQuery><deviceName>${HOME_PHONE}</deviceName></deviceUserQuery></query>`, invalid);
      // The password of an application user on another cluster is no key here.
      await refused(VISIT, login(VISITING_PHONE, 'bob', '', appInfo('norights', 'plain-pass')), invalid);
    });

    it('an application user without Standard EM Authentication Proxy Rights is refused with 10 on login and on logout', async () => {
      await open();
      const noRights = appInfo('norights', 'plain-pass');
      await refused(HOME, login(HOME_PHONE, 'alice', '', noRights), failure(10, 'User lacks app proxy rights'));
      // alice is logged in by an application with the rights; the one without cannot log her out.
      await succeeds(HOME, login(HOME_PHONE, 'alice'));
      await refused(HOME, logout(HOME_PHONE, noRights), failure(10, 'User lacks app proxy rights'));
      expect(lab.cluster('HOME')!.store.login(HOME_PHONE)?.user_id).toBe('alice');
    });

    it('with the proxy rights a login answers <success/> byte for byte and the phone resets with the user\'s profile', async () => {
      await open(withAppUsers(HOME_WITH_ZH_PHONE));
      await succeeds(HOME, login(HOME_PHONE, 'alice'));
      const s = await waitForScreen(lab, HOME_PHONE, shows('HOME', ['1001'], 'alice'));
      expect(s.emcc).toBe(false);
      expect(lab.cluster('HOME')!.store.login(HOME_PHONE)).toMatchObject({ user_id: 'alice', profile: 'alice-udp', kind: 'local' });
    });
  });

  describe('login options', () => {
    it('<deviceProfile> logs in with a profile the user controls; another user\'s profile is 12 "Dev. Profile not found"', async () => {
      await open();
      await refused(HOME, login(HOME_PHONE, 'alice', '<deviceProfile>carol-udp</deviceProfile>'), failure(12, 'Dev. Profile not found'));
      await refused(HOME, login(HOME_PHONE, 'alice', '<deviceProfile>no-such-profile</deviceProfile>'), failure(12, 'Dev. Profile not found'));
      await succeeds(HOME, login(HOME_PHONE, 'alice', '<deviceProfile>alice-sales</deviceProfile>'));
      await waitForScreen(lab, HOME_PHONE, shows('HOME', ['1009'], 'alice'));
      expect(lab.cluster('HOME')!.store.login(HOME_PHONE)?.profile).toBe('alice-sales');
    });

    it('a login that names no profile uses the user\'s Default Profile (else the first controlled one)', async () => {
      await open(withRecord(HOME_API_DEF, 'endUser', 'alice', { profiles: ['alice-udp', 'alice-sales'], defaultProfile: 'alice-sales' }));
      await succeeds(HOME, login(HOME_PHONE, 'alice'));
      await waitForScreen(lab, HOME_PHONE, shows('HOME', ['1009'], 'alice'));
      expect(lab.cluster('HOME')!.store.login(HOME_PHONE)?.profile).toBe('alice-sales');
      // The Default Profile must be one the user controls.
      const admin = lab.cluster('HOME')!.admin;
      const carol = admin.save('endUser', 'carol', { ...admin.get('endUser', 'carol')!, defaultProfile: 'alice-sales' });
      expect(carol.ok ? [] : carol.errors).toEqual([{ field: 'defaultProfile', message: 'The default profile must be one of the controlled profiles' }]);
    });

    it('<exclusiveDuration><time>M</time> ends the login by itself after M minutes of lab time', async () => {
      await open();
      // 600 minutes: the lab clock runs 1000x real time, so the few real milliseconds the test
      // itself takes stay far inside the checks below.
      await succeeds(HOME, login(HOME_PHONE, 'alice', '<deviceProfile>alice-udp</deviceProfile><exclusiveDuration><time>600</time></exclusiveDuration>'));
      await waitForScreen(lab, HOME_PHONE, shows('HOME', ['1001'], 'alice'));
      lab.clock.advance(300 * MINUTE);
      expect(lab.cluster('HOME')!.store.login(HOME_PHONE)?.user_id).toBe('alice');
      lab.clock.advance(301 * MINUTE);
      expect(lab.cluster('HOME')!.store.login(HOME_PHONE)).toBeUndefined();
      await waitForScreen(lab, HOME_PHONE, shows('HOME', ['2001'], null));
    });

    it('<indefinite/> never ends, even when the intra-cluster maximum login time (0:01) is enforced', async () => {
      await open({ ...HOME_API_DEF, serviceParameters: { enforceIntraClusterMaxLoginTime: true, intraClusterMaxLoginTime: '0:01' } });
      const home = lab.cluster('HOME')!.store;
      await succeeds(HOME, login(HOME_PHONE, 'alice', '<exclusiveDuration><indefinite/></exclusiveDuration>'));
      // carol, without exclusiveDuration, gets the enforced maximum: the parameter is in force.
      await succeeds(HOME, login(HOME_PHONE_ZH, 'carol'));
      lab.clock.advance(2 * MINUTE);
      expect(home.login(HOME_PHONE_ZH)).toBeUndefined();
      lab.clock.advance(7 * 24 * 60 * MINUTE);
      expect(home.login(HOME_PHONE)?.user_id).toBe('alice');
      await waitForScreen(lab, HOME_PHONE, shows('HOME', ['1009'], 'alice'));
      await waitForScreen(lab, HOME_PHONE_ZH, shows('HOME', ['2002'], null));
    });
  });

  describe('logout and refused logins', () => {
    it('logout answers <success/> and resets the phone; again it is 19, and an unknown device is 11', async () => {
      await open();
      await succeeds(HOME, login(HOME_PHONE, 'alice'));
      await waitForScreen(lab, HOME_PHONE, shows('HOME', ['1009'], 'alice'));
      await succeeds(HOME, logout(HOME_PHONE));
      await waitForScreen(lab, HOME_PHONE, shows('HOME', ['2001'], null));
      await refused(HOME, logout(HOME_PHONE), failure(19, 'No user logged in'));
      await refused(HOME, logout('SEP0000DEADBEEF'), failure(11, 'Device does not exist'));
    });

    it('a login on a phone where someone is logged in is 18; on a phone without Extension Mobility 22; of an unknown user 23', async () => {
      await open(withRecord(HOME_API_DEF, 'phone', HOME_PHONE_ZH, { emEnabled: false }));
      await succeeds(HOME, login(HOME_PHONE, 'alice'));
      await refused(HOME, login(HOME_PHONE, 'carol'), failure(18, 'Another user logged in'));
      await refused(HOME, login(HOME_PHONE_ZH, 'carol'), failure(22, 'Device logon disabled'));
      await refused(HOME, login('SEP0000DEADBEEF', 'carol'), failure(11, 'Device does not exist'));
      await refused(VISIT, login(VISITING_PHONE, 'nobody'), failure(23, 'User does not exist'));
      // An EM API login reaches no other cluster: alice is unknown to the visiting cluster.
      await refused(VISIT, login(VISITING_PHONE, 'alice'), failure(23, 'User does not exist'));
    });

    it('a <query> of an unknown type is 8 "Query type undetermined"; broken XML is 1 "Error on Parsing"', async () => {
      await open();
      await refused(HOME, `<query>${APP}<devicePoolQuery><deviceName>${HOME_PHONE}</deviceName></devicePoolQuery></query>`, failure(8, 'Query type undetermined'));
      await refused(HOME, `<request>${APP}<login><deviceName>${HOME_PHONE}</deviceName><userID>alice</userID></request>`, failure(1, 'Error on Parsing'));
      await refused(HOME, 'not xml at all', failure(1, 'Error on Parsing'));
      await refused(HOME, `<request>${APP}<login><deviceName>${HOME_PHONE}</deviceName></login></request>`, failure(1, 'Error on Parsing'));
    });
  });

  describe('queries', () => {
    it('deviceUserQuery answers <userID>, <none/> and <doesNotExist/> for several devices in one query', async () => {
      await open();
      await succeeds(HOME, login(HOME_PHONE, 'alice'));
      const answer = await emApi(lab, HOME, deviceUserQuery(HOME_PHONE, HOME_PHONE_ZH, 'SEP0000DEADBEEF'));
      expect(answer.body).toBe(
        '<response><deviceUserResults>'
        + `<device name="${HOME_PHONE}"><userID>alice</userID></device>`
        + `<device name="${HOME_PHONE_ZH}"><none/></device>`
        + '<device name="SEP0000DEADBEEF"><doesNotExist/></device>'
        + '</deviceUserResults></response>',
      );
    });

    it('userDevicesQuery answers <deviceName>, <none/> and <doesNotExist/> for several users in one query', async () => {
      await open();
      await succeeds(HOME, login(HOME_PHONE, 'alice'));
      const answer = await emApi(lab, HOME, userDevicesQuery('alice', 'carol', 'nobody'));
      expect(answer.body).toBe(
        '<response><userDevicesResults>'
        + `<user id="alice"><deviceName>${HOME_PHONE}</deviceName></user>`
        + '<user id="carol"><none/></user>'
        + '<user id="nobody"><doesNotExist/></user>'
        + '</userDevicesResults></response>',
      );
    });

    it('the home cluster sees an EMCC-logged-in visiting phone as its user\'s device, next to her local login', async () => {
      await open({ ...HOME_API_DEF, serviceParameters: { multipleLoginBehavior: 'Multiple Logins Allowed' } });
      await submitOn(lab, VISITING_PHONE, 'alice', '12345');
      await waitForScreen(lab, VISITING_PHONE, (s) => s.view.kind === 'menu');
      // alice controls two profiles: the phone offers them; she picks alice-udp.
      const menu = lab.phone(VISITING_PHONE)!.screen().view;
      expect(menu).toMatchObject({ kind: 'menu', items: ['alice-sales', 'alice-udp'] });
      lab.phone(VISITING_PHONE)!.pressKey('2');
      await waitForScreen(lab, VISITING_PHONE, shows('HOME', ['1001'], 'alice'));
      await succeeds(HOME, login(HOME_PHONE, 'alice', '<deviceProfile>alice-sales</deviceProfile>'));

      const devices = await emApi(lab, HOME, deviceUserQuery(VISITING_PHONE, HOME_PHONE, HOME_PHONE_ZH));
      expect(devices.body).toBe(
        '<response><deviceUserResults>'
        + `<device name="${VISITING_PHONE}"><userID>alice</userID></device>`
        + `<device name="${HOME_PHONE}"><userID>alice</userID></device>`
        + `<device name="${HOME_PHONE_ZH}"><none/></device>`
        + '</deviceUserResults></response>',
      );
      const users = await emApi(lab, HOME, userDevicesQuery('alice', 'carol'));
      expect(users.body).toBe(
        '<response><userDevicesResults>'
        + `<user id="alice"><deviceName>${HOME_PHONE}</deviceName><deviceName>${VISITING_PHONE}</deviceName></user>`
        + '<user id="carol"><none/></user>'
        + '</userDevicesResults></response>',
      );
      // The visiting cluster knows who is logged in on its phone too.
      const visiting = await emApi(lab, VISIT, deviceUserQuery(VISITING_PHONE));
      expect(visiting.body).toBe(`<response><deviceUserResults><device name="${VISITING_PHONE}"><userID>alice</userID></device></deviceUserResults></response>`);
    });
  });
});

