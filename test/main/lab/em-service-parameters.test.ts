/**
 * The Cisco Extension Mobility service parameters (facts, section 3), each taking effect through
 * the real path: the phones' keys (EMApp and EM services over HTTP) or the EM API as an outside
 * application sends it. Parameters are set in the cluster definition or on the running cluster's
 * Service Parameters page. Lab time is driven by the lab clock, never by sleeping.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { VISITING_CLUSTER } from '../../../main/lab/demo-lab';
import type { Lab } from '../../../main/lab/lab';
import { withRecords } from '../../helpers/definitions';
import {
  HOME_PHONE_ZH, HOME_WITH_ZH_PHONE, appInfo, emApi, finishReset, loggedInAs, loginShows, loginState, logoutOn, nextLoginReceived, openCodeLab,
  phonesReady, setServiceParameters, submitOn, withAppUsers, withServiceParameters,
} from '../../helpers/em-lab';
import {
  HOME_PHONE, VISITING_PHONE, VISITING_PHONE_ZH, openExtensionMobility, press, registeredTo, showsText, waitForScreen,
} from '../../helpers/lab-fixture';

/** A second en-US phone of the visiting cluster. */
const VISITING_PHONE_2 = 'SEP00AA11BB44EE';
const VISITING_WITH_SECOND_PHONE = withRecords(VISITING_CLUSTER, 'phone', (ps) => [
  ...ps, { name: VISITING_PHONE_2, model: '8845', devicePool: 'Default', emEnabled: true, lines: [{ dn: '3003', label: 'Visitor 2' }], services: ['Extension Mobility'] },
]);

const API_LOGIN = `<request>${appInfo('emproxy', 'proxy-pass')}<login><deviceName>${HOME_PHONE}</deviceName><userID>alice</userID></login></request>`;
const API_SUCCESS = '<response><success/></response>';

/** alice (home) through EMCC on the visiting phone: registered to the home cluster with her line. */
const aliceViaEmcc = (s: Parameters<ReturnType<typeof registeredTo>>[0]) => registeredTo('HOME')(s) && s.loggedInUser === 'alice' && s.lines[0]?.dn === '1001';

describe('Cisco Extension Mobility service parameters', () => {
  let lab: Lab;
  afterEach(() => lab?.close());

  describe('Maximum Concurrent Requests', () => {
    /** Pause the clock and leave one EMCC login of the en-US visiting phone hanging in the visiting EM service. */
    async function hangOneLogin(): Promise<void> {
      await phonesReady(lab);
      await waitForScreen(lab, VISITING_PHONE_2, registeredTo('VISIT'));
      lab.clock.pause();
      expect(lab.setFault('noResponse', 'home', true)).toEqual([]);
      const held = nextLoginReceived(lab, 'visiting');
      await submitOn(lab, VISITING_PHONE, 'alice', '12345');
      await held;
    }

    it('at 1, a second request while one EMCC login hangs is refused at once with 26 (not queued); the hanging login ends with 40 and leaves nothing behind', async () => {
      lab = await openCodeLab({}, withServiceParameters(VISITING_WITH_SECOND_PHONE, { maxConcurrentRequests: '1' }));
      await phonesReady(lab);
      const before = loginState(lab);
      await hangOneLogin();
      const heldAt = lab.clock.now();
      for (const [device, text] of [[VISITING_PHONE_2, 'Login is unavailable (26)'], [VISITING_PHONE_ZH, '无法登录 (26)']] as const) {
        const s = await openExtensionMobility(lab, device);
        expect(s.view).toMatchObject({ kind: 'text', text });
      }
      // Refused at once by the gate, while the first login still holds the only slot and waits for
      // the home cluster (its phone still shows the form; no lab time has passed).
      expect(lab.trace.list('visiting').filter((e) => e.text.includes('(Maximum Concurrent Requests) -> 26'))).toHaveLength(2);
      expect(lab.clock.now()).toBe(heldAt);
      expect(lab.phone(VISITING_PHONE)!.screen().view.kind).toBe('input');
      lab.clock.resume();
      const first = await waitForScreen(lab, VISITING_PHONE, showsText('Please try to login again (23)'));
      expect(first.registration?.clusterId).toBe('VISIT');
      expect(loginState(lab)).toBe(before);
      // The request slot was given back: with the home cluster answering again the phone logs in.
      expect(lab.setFault('noResponse', 'home', false)).toEqual([]);
      press(lab, VISITING_PHONE, 'back');
      await submitOn(lab, VISITING_PHONE, 'alice', '12345');
      await waitForScreen(lab, VISITING_PHONE, aliceViaEmcc);
    });

    it('at the default (5), the second phone is served while the first EMCC login hangs', async () => {
      lab = await openCodeLab({}, VISITING_WITH_SECOND_PHONE);
      expect(lab.cluster('VISIT')!.admin.form('serviceParameters').maxConcurrentRequests).toBe(5);
      await hangOneLogin();
      const s = await openExtensionMobility(lab, VISITING_PHONE_2);
      expect(s.view).toMatchObject({ kind: 'input', prompt: 'Enter your user ID and PIN' });
      lab.clock.resume();
      await waitForScreen(lab, VISITING_PHONE, showsText('Please try to login again (23)'));
    });
  });

  describe('Multiple Login Behavior', () => {
    /** alice logs in on a home phone and it comes back with her line. */
    async function aliceOn(device: string): Promise<void> {
      await submitOn(lab, device, 'alice', '12345');
      await waitForScreen(lab, device, loggedInAs('HOME', 'alice', '1001'));
    }

    it('Multiple Logins Not Allowed: a second home phone shows "Multi-Login Not Allowed (25)" and the first stays logged in', async () => {
      lab = await openCodeLab(withServiceParameters(HOME_WITH_ZH_PHONE, { multipleLoginBehavior: 'Multiple Logins Not Allowed' }));
      await phonesReady(lab);
      await aliceOn(HOME_PHONE_ZH);
      const before = loginState(lab);
      await submitOn(lab, HOME_PHONE, 'alice', '12345');
      const s = await waitForScreen(lab, HOME_PHONE, showsText('Multi-Login Not Allowed (25)'));
      expect(s.loggedInUser).toBeNull();
      expect(loginState(lab)).toBe(before);
      expect(lab.phone(HOME_PHONE_ZH)!.screen().loggedInUser).toBe('alice');
    });

    it('Auto Logout: logging in on a second home phone logs the user out of the first, which resets to its own line 2001', async () => {
      lab = await openCodeLab(withServiceParameters(HOME_WITH_ZH_PHONE, { multipleLoginBehavior: 'Auto Logout' }));
      await phonesReady(lab);
      await aliceOn(HOME_PHONE);
      await aliceOn(HOME_PHONE_ZH);
      await waitForScreen(lab, HOME_PHONE, loggedInAs('HOME', null, '2001'));
      const home = lab.cluster('HOME')!.store;
      expect(home.login(HOME_PHONE)).toBeUndefined();
      expect(home.login(HOME_PHONE_ZH)?.user_id).toBe('alice');
    });

    it('Multiple Logins Allowed: the user stays logged in on both home phones', async () => {
      lab = await openCodeLab(withServiceParameters(HOME_WITH_ZH_PHONE, { multipleLoginBehavior: 'Multiple Logins Allowed' }));
      await phonesReady(lab);
      await aliceOn(HOME_PHONE);
      await aliceOn(HOME_PHONE_ZH);
      expect(lab.phone(HOME_PHONE)!.screen()).toMatchObject({ loggedInUser: 'alice', lines: [{ dn: '1001' }] });
      expect(lab.cluster('HOME')!.store.loginsOfUser('alice').map((l) => l.device).sort()).toEqual([HOME_PHONE, HOME_PHONE_ZH].sort());
    });

    it('EMCC always allows: alice logged in on a home phone still logs in through EMCC on the visiting phone under Multiple Logins Not Allowed', async () => {
      const notAllowed = { multipleLoginBehavior: 'Multiple Logins Not Allowed' };
      lab = await openCodeLab(withServiceParameters(HOME_WITH_ZH_PHONE, notAllowed), withServiceParameters(VISITING_CLUSTER, notAllowed));
      await phonesReady(lab);
      await aliceOn(HOME_PHONE);
      await submitOn(lab, VISITING_PHONE, 'alice', '12345');
      await waitForScreen(lab, VISITING_PHONE, aliceViaEmcc);
      expect(lab.phone(HOME_PHONE)!.screen().loggedInUser).toBe('alice');
      expect(lab.cluster('HOME')!.store.emccDeviceBoundTo(VISITING_PHONE)?.user_id).toBe('alice');
    });
  });

  describe('Validate IP Address and Trusted List of IPs', () => {
    it('an EM API login from an address outside the Trusted List of IPs answers 28; once 127.0.0.1 is added it succeeds', async () => {
      lab = await openCodeLab(withServiceParameters(withAppUsers(HOME_WITH_ZH_PHONE), { validateIpAddress: true, trustedListOfIps: '10.1.1.1' }));
      await phonesReady(lab);
      const before = loginState(lab);
      const refused = await emApi(lab, 'home-pub', API_LOGIN);
      expect(refused).toMatchObject({ status: 200, code: 28 });
      expect(loginState(lab)).toBe(before);
      setServiceParameters(lab, 'HOME', { trustedListOfIps: '10.1.1.1;127.0.0.1' });
      const ok = await emApi(lab, 'home-pub', API_LOGIN);
      expect(ok.body).toBe(API_SUCCESS);
      await waitForScreen(lab, HOME_PHONE, loggedInAs('HOME', 'alice', '1001'));
    });

    it('with Validate IP Address on both clusters and 127.0.0.1 not trusted, phones still log in through their own cluster\'s EMApp', async () => {
      const strict = { validateIpAddress: true, trustedListOfIps: '10.1.1.1' };
      lab = await openCodeLab(withServiceParameters(withAppUsers(HOME_WITH_ZH_PHONE), strict), withServiceParameters(VISITING_CLUSTER, strict));
      await phonesReady(lab);
      expect((await emApi(lab, 'home-pub', API_LOGIN)).code).toBe(28);
      await submitOn(lab, HOME_PHONE, 'alice', '12345');
      await waitForScreen(lab, HOME_PHONE, loggedInAs('HOME', 'alice', '1001'));
      await submitOn(lab, VISITING_PHONE, 'bob', '54321');
      await waitForScreen(lab, VISITING_PHONE, loggedInAs('VISIT', 'bob', '3101'));
    });
  });

  describe('Allow Proxy and EMCC Allow Proxy', () => {
    it('Allow Proxy: an EM API login with a Via header answers 30 while it is False and succeeds once it is True', async () => {
      lab = await openCodeLab(withServiceParameters(withAppUsers(HOME_WITH_ZH_PHONE), { allowProxy: false }));
      await phonesReady(lab);
      const before = loginState(lab);
      const refused = await emApi(lab, 'home-pub', API_LOGIN, { via: '1.1 proxy' });
      expect(refused).toMatchObject({ status: 200, code: 30 });
      expect(loginState(lab)).toBe(before);
      setServiceParameters(lab, 'HOME', { allowProxy: true });
      expect((await emApi(lab, 'home-pub', API_LOGIN, { via: '1.1 proxy' })).body).toBe(API_SUCCESS);
      await waitForScreen(lab, HOME_PHONE, loggedInAs('HOME', 'alice', '1001'));
    });

    it('EMCC Allow Proxy False on the home cluster: an EMCC login across the WAN proxy shows "Login is unavailable (30)"', async () => {
      lab = await openCodeLab(withServiceParameters(HOME_WITH_ZH_PHONE, { emccAllowProxy: false }));
      expect(lab.setFault('proxy', 'home|visiting', true)).toEqual([]);
      await loginShows(lab, 'visiting', 'alice', '12345', ['Login is unavailable (30)', '无法登录 (30)']);
    });

    it('EMCC Allow Proxy True (the default): the EMCC login across the WAN proxy succeeds', async () => {
      lab = await openCodeLab();
      expect(lab.cluster('HOME')!.admin.form('serviceParameters').emccAllowProxy).toBe(true);
      await phonesReady(lab);
      expect(lab.setFault('proxy', 'home|visiting', true)).toEqual([]);
      await submitOn(lab, VISITING_PHONE, 'alice', '12345');
      await waitForScreen(lab, VISITING_PHONE, aliceViaEmcc);
      // The login did cross the proxy: the home EM service saw its Via header.
      expect(lab.trace.list('home').some((e) => e.text.includes('via 1.1 wan-proxy.lab') && e.text.includes('emccRequest'))).toBe(true);
    });
  });

  describe('Maximum login times', () => {
    /** With the clock paused: log `user` in on `device` and let the phone's reset run. */
    async function logInPaused(device: string, user: string, pin: string, clusterId: string, dn: string): Promise<void> {
      await submitOn(lab, device, user, pin);
      await finishReset(lab, device, loggedInAs(clusterId, user, dn));
    }

    it('Enforce Intra-cluster Maximum Login Time True, 0:01: after one minute of lab time the home phone is logged out and shows its own line', async () => {
      lab = await openCodeLab(withServiceParameters(HOME_WITH_ZH_PHONE, { enforceIntraClusterMaxLoginTime: true, intraClusterMaxLoginTime: '0:01' }));
      await phonesReady(lab);
      lab.clock.pause();
      const loginAt = lab.clock.now();
      await logInPaused(HOME_PHONE, 'alice', '12345', 'HOME', '1001');
      lab.clock.advance(loginAt + 59_000 - lab.clock.now());
      expect(lab.cluster('HOME')!.store.login(HOME_PHONE)?.user_id).toBe('alice');
      lab.clock.advance(2_000);
      expect(lab.cluster('HOME')!.store.login(HOME_PHONE)).toBeUndefined();
      lab.clock.resume();
      await waitForScreen(lab, HOME_PHONE, loggedInAs('HOME', null, '2001'));
    });

    it('Enforce Intra-cluster Maximum Login Time False: with 0:01 set, the home phone stays logged in past the minute', async () => {
      lab = await openCodeLab(withServiceParameters(HOME_WITH_ZH_PHONE, { enforceIntraClusterMaxLoginTime: false, intraClusterMaxLoginTime: '0:01' }));
      await phonesReady(lab);
      lab.clock.pause();
      await logInPaused(HOME_PHONE, 'alice', '12345', 'HOME', '1001');
      lab.clock.advance(10 * 60_000);
      expect(lab.cluster('HOME')!.store.login(HOME_PHONE)?.user_id).toBe('alice');
      lab.clock.resume();
      expect(lab.phone(HOME_PHONE)!.screen()).toMatchObject({ status: 'registered', loggedInUser: 'alice' });
    });

    it('Inter-cluster Maximum Login Time 0:01 on the home cluster: after a minute the EMCC device is freed and the visiting phone registers back to VISIT', async () => {
      lab = await openCodeLab(withServiceParameters(HOME_WITH_ZH_PHONE, { interClusterMaxLoginTime: '0:01' }));
      await phonesReady(lab);
      lab.clock.pause();
      const loginAt = lab.clock.now();
      await submitOn(lab, VISITING_PHONE, 'alice', '12345');
      await finishReset(lab, VISITING_PHONE, aliceViaEmcc);
      const home = lab.cluster('HOME')!.store;
      const visit = lab.cluster('VISIT')!.store;
      lab.clock.advance(loginAt + 59_000 - lab.clock.now());
      expect(home.emccDeviceBoundTo(VISITING_PHONE)?.user_id).toBe('alice');
      lab.clock.advance(2_000);
      expect(home.emccDeviceBoundTo(VISITING_PHONE)).toBeUndefined();
      lab.clock.resume();
      const back = await waitForScreen(lab, VISITING_PHONE, loggedInAs('VISIT', null, '3001'));
      expect(back.emcc).toBe(false);
      expect(visit.login(VISITING_PHONE)).toBeUndefined();
      expect(home.emccDevicesOfUser('alice')).toEqual([]);
    });
  });

  describe('the EM cache (logged-in user info kept 2 minutes)', () => {
    /** With the clock paused: alice logs in on the home phone with `pin`, then logs out. */
    async function inAndOut(pin: string): Promise<void> {
      await submitOn(lab, HOME_PHONE, 'alice', pin);
      await finishReset(lab, HOME_PHONE, loggedInAs('HOME', 'alice', '1001'));
      await logoutOn(lab, HOME_PHONE);
      await finishReset(lab, HOME_PHONE, loggedInAs('HOME', null, '2001'));
    }

    function changeAlicePin(pin: string): void {
      const admin = lab.cluster('HOME')!.admin;
      const alice = admin.get('endUser', 'alice')!;
      expect(admin.save('endUser', 'alice', { ...alice, pin }).ok).toBe(true);
    }

    it('within 2 minutes of a PIN change both the old PIN (from the cache) and the new PIN log the user in', async () => {
      lab = await openCodeLab();
      await phonesReady(lab);
      lab.clock.pause();
      const start = lab.clock.now();
      await inAndOut('12345');
      changeAlicePin('97531');
      await inAndOut('12345');
      await inAndOut('97531');
      expect(lab.clock.now() - start).toBeLessThan(2 * 60_000);
    });

    it('more than 2 minutes after the cache learned the old PIN it is refused with 201, even if it was used in between; the new PIN works', async () => {
      lab = await openCodeLab();
      await phonesReady(lab);
      lab.clock.pause();
      const learnedAt = lab.clock.now();
      await inAndOut('12345');
      changeAlicePin('97531');
      lab.clock.advance(60_000);
      await inAndOut('12345');
      lab.clock.advance(learnedAt + 2 * 60_000 + 1_000 - lab.clock.now());
      const before = loginState(lab);
      await submitOn(lab, HOME_PHONE, 'alice', '12345');
      const refused = await waitForScreen(lab, HOME_PHONE, showsText('Please try to login again (201)'));
      expect(refused.loggedInUser).toBeNull();
      expect(loginState(lab)).toBe(before);
      press(lab, HOME_PHONE, 'back');
      await inAndOut('97531');
    });
  });

  describe('the login form', () => {
    /** The login form the phone shows when Extension Mobility opens. */
    async function form(device: string) {
      const s = await openExtensionMobility(lab, device);
      if (s.view.kind !== 'input') throw new Error(`expected the login form, got ${JSON.stringify(s.view)}`);
      return s.view;
    }

    it('Remember the Last User Logged In True: after alice logs in and out, the phone\'s form offers her user ID; False: it stays empty', async () => {
      lab = await openCodeLab(withServiceParameters(HOME_WITH_ZH_PHONE, { rememberLastUser: true }));
      await phonesReady(lab);
      expect((await form(HOME_PHONE)).fields[0]?.value).toBe('');
      await submitOn(lab, HOME_PHONE, 'alice', '12345');
      await waitForScreen(lab, HOME_PHONE, (x) => x.loggedInUser === 'alice');
      await logoutOn(lab, HOME_PHONE);
      await waitForScreen(lab, HOME_PHONE, (x) => registeredTo('HOME')(x) && x.loggedInUser === null);
      expect((await form(HOME_PHONE)).fields[0]?.value).toBe('alice');
      // Another phone remembers nobody; with the parameter False the form is empty again.
      expect((await form(HOME_PHONE_ZH)).fields[0]?.value).toBe('');
      setServiceParameters(lab, 'HOME', { rememberLastUser: false });
      expect((await form(HOME_PHONE)).fields[0]?.value).toBe('');
    });

    it('Alphanumeric User ID False: the user ID field takes digits only, as on a phone without letters', async () => {
      lab = await openCodeLab(withServiceParameters(HOME_WITH_ZH_PHONE, { alphanumericUserId: false }));
      await phonesReady(lab);
      await form(HOME_PHONE);
      press(lab, HOME_PHONE, '2', '2');
      lab.phone(HOME_PHONE)!.typeText('ab12');
      expect((await waitForScreen(lab, HOME_PHONE, () => true)).view).toMatchObject({ kind: 'input', fields: [{ value: '2212' }, { value: '' }] });
      setServiceParameters(lab, 'HOME', { alphanumericUserId: true });
      await form(HOME_PHONE);
      lab.phone(HOME_PHONE)!.typeText('ab12');
      expect((await waitForScreen(lab, HOME_PHONE, () => true)).view).toMatchObject({ kind: 'input', fields: [{ value: 'ab12' }, { value: '' }] });
    });
  });
});
