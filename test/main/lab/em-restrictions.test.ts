/**
 * The guide's interactions and restrictions (facts section 6) and the phone flows of section 11,
 * driven through the phones' keys and the real HTTP path: EMCC switched off for a logged-in
 * user, the visiting administrator's Log Out, intercom, picking one of several device profiles,
 * the required PIN change, and what each cluster's trace shows (never a PIN).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Lab } from '../../../main/lab/lab';
import { dispatch, labHandlers } from '../../../main/lab/lab-api';
import type { PhoneKey, PhoneScreen } from '../../../shared/api/contract';
import { withRecord, withRecords } from '../../helpers/definitions';
import {
  HOME_PHONE, HOME_PHONE_ZH, HOME_WITH_ZH_PHONE, VISITING_PHONE, VISITING_PHONE_ZH, loginState, openCodeLab, phonesReady, submitOn,
} from '../../helpers/em-lab';
import { openExtensionMobility, press, registeredTo, showsText, waitForScreen } from '../../helpers/lab-fixture';

const MINUTE = 60_000;

/** Registered to `cluster`, idle, with these lines and this logged-in user. */
const shows = (cluster: string, dns: string[], user: string | null) => (s: PhoneScreen) =>
  registeredTo(cluster)(s) && s.view.kind === 'idle' && s.loggedInUser === user && JSON.stringify(s.lines.map((l) => l.dn)) === JSON.stringify(dns);

const HOME_DNS = ['1001'];
const VISITING_IDLE = shows('VISIT', ['3001'], null);
const HOME_IDLE = shows('HOME', ['2001'], null);

/** Services > Extension Mobility on a logged-in phone: "Do you want to log out?", Yes. */
async function logOutOnPhone(lab: Lab, device: string): Promise<void> {
  const prompt = await openExtensionMobility(lab, device);
  expect(prompt.view).toMatchObject({ kind: 'text', text: expect.stringContaining('Do you want to log out?') });
  press(lab, device, 'soft1');
}

/** A successful EMCC login of alice on the en-US visiting phone: it comes up on home with her line. */
async function emccLogin(lab: Lab): Promise<void> {
  await submitOn(lab, VISITING_PHONE, 'alice', '12345');
  const s = await waitForScreen(lab, VISITING_PHONE, shows('HOME', HOME_DNS, 'alice'));
  expect(s.emcc).toBe(true);
}

/** Count the resets a phone goes through from now on. */
function countResets(lab: Lab, device: string): () => number {
  let resets = 0;
  lab.onScreen((s) => {
    if (s.deviceName === device && s.status === 'resetting') resets++;
  });
  return () => resets;
}

describe('interactions and restrictions (facts section 6)', () => {
  let lab: Lab;
  afterEach(() => lab?.close());

  it('EMCC disabled by the home admin for a logged-in user: her session continues, she logs out normally, her next EMCC login is 31', async () => {
    lab = await openCodeLab();
    await phonesReady(lab);
    await emccLogin(lab);
    const resets = countResets(lab, VISITING_PHONE);

    const admin = lab.clusterNamed('home')!.admin;
    const alice = admin.get('endUser', 'alice')!;
    expect(admin.save('endUser', 'alice', { ...alice, emccEnabled: false })).toMatchObject({ ok: true });
    expect(lab.cluster('HOME')!.store.user('alice')?.emcc_enabled).toBeFalsy();

    // The session goes on: the EMApp of home still sees her logged in on the visiting phone.
    lab.clock.advance(5 * MINUTE);
    const prompt = await openExtensionMobility(lab, VISITING_PHONE);
    expect(prompt.view).toMatchObject({ kind: 'text', text: expect.stringContaining('alice') });
    expect(prompt).toMatchObject({ status: 'registered', registration: { clusterId: 'HOME' }, loggedInUser: 'alice', emcc: true });
    expect(prompt.lines.map((l) => l.dn)).toEqual(HOME_DNS);
    expect(resets()).toBe(0);
    expect(lab.cluster('HOME')!.store.emccDeviceBoundTo(VISITING_PHONE)?.user_id).toBe('alice');

    // She logs out as always: the phone goes back to the visiting cluster.
    press(lab, VISITING_PHONE, 'soft1');
    await waitForScreen(lab, VISITING_PHONE, VISITING_IDLE);
    expect(lab.cluster('HOME')!.store.emccDeviceBoundTo(VISITING_PHONE)).toBeUndefined();
    expect(lab.cluster('VISIT')!.store.login(VISITING_PHONE)).toBeUndefined();

    // Her next EMCC login is refused by home.
    const before = loginState(lab);
    await submitOn(lab, VISITING_PHONE, 'alice', '12345');
    const refused = await waitForScreen(lab, VISITING_PHONE, showsText('Login is unavailable (31)'));
    expect(refused.registration?.clusterId).toBe('VISIT');
    expect(loginState(lab)).toBe(before);
  });

  it('a device profile a user is logged in with cannot be deleted: home refuses and names the phone; after her logout it can be', async () => {
    lab = await openCodeLab();
    await phonesReady(lab);
    await emccLogin(lab);
    const admin = lab.clusterNamed('home')!.admin;
    const before = loginState(lab);
    const refused = admin.delete('deviceProfile', 'alice-udp');
    expect(refused).toMatchObject({ ok: false, errors: [{ message: expect.stringContaining(`the Extension Mobility login on "${VISITING_PHONE}"`) }] });
    expect(admin.get('deviceProfile', 'alice-udp')).toBeDefined();
    expect(loginState(lab)).toBe(before);

    await openExtensionMobility(lab, VISITING_PHONE);
    press(lab, VISITING_PHONE, 'soft1');
    await waitForScreen(lab, VISITING_PHONE, VISITING_IDLE);
    const after = admin.delete('deviceProfile', 'alice-udp');
    expect(after).toMatchObject({ ok: true });
    expect(admin.get('deviceProfile', 'alice-udp')).toBeUndefined();
  });

  it('the visiting admin\'s Log Out removes only the visiting login row: the phone stays on home until home resets it', async () => {
    lab = await openCodeLab();
    await phonesReady(lab);
    await emccLogin(lab);
    const resets = countResets(lab, VISITING_PHONE);

    expect(lab.cluster('VISIT')!.logOutPhone(VISITING_PHONE)).toEqual([]);
    expect(lab.cluster('VISIT')!.store.login(VISITING_PHONE)).toBeUndefined();
    // Home still holds the EMCC device for the phone, and the phone is not reset.
    expect(lab.cluster('HOME')!.store.emccDeviceBoundTo(VISITING_PHONE)?.user_id).toBe('alice');
    const prompt = await openExtensionMobility(lab, VISITING_PHONE);
    expect(prompt).toMatchObject({ status: 'registered', registration: { clusterId: 'HOME' }, loggedInUser: 'alice' });
    expect(prompt.lines.map((l) => l.dn)).toEqual(HOME_DNS);
    expect(resets()).toBe(0);
    // A second Log Out finds nobody logged in on the visiting side.
    expect(lab.cluster('VISIT')!.logOutPhone(VISITING_PHONE)).toEqual([{ field: 'device', message: `nobody is logged in on ${VISITING_PHONE}` }]);

    // The user logs out at home: home resets the phone, which comes back to the visiting cluster.
    press(lab, VISITING_PHONE, 'soft1');
    await waitForScreen(lab, VISITING_PHONE, VISITING_IDLE);
    expect(resets()).toBe(1);
    expect(lab.cluster('HOME')!.store.emccDeviceBoundTo(VISITING_PHONE)).toBeUndefined();
  });

  it('the visiting admin\'s Log Out through the lab API (admin.logOutPhone) is the same database clean-up', async () => {
    lab = await openCodeLab();
    await phonesReady(lab);
    await emccLogin(lab);
    const handlers = labHandlers(lab);
    expect(await dispatch(handlers, 'admin.logOutPhone', { cluster: 'visiting', device: VISITING_PHONE })).toMatchObject({ ok: true, result: { ok: true } });
    expect(lab.cluster('VISIT')!.store.login(VISITING_PHONE)).toBeUndefined();
    expect(lab.cluster('HOME')!.store.emccDeviceBoundTo(VISITING_PHONE)?.user_id).toBe('alice');
    const again = await dispatch(handlers, 'admin.logOutPhone', { cluster: 'visiting', device: VISITING_PHONE });
    expect(again).toMatchObject({ ok: true, result: { ok: false, errors: [{ field: 'device' }] } });
    const prompt = await openExtensionMobility(lab, VISITING_PHONE);
    expect(prompt).toMatchObject({ registration: { clusterId: 'HOME' }, loggedInUser: 'alice' });
  });

  describe('intercom needs a static device', () => {
    const WITH_INTERCOM = withRecord(HOME_WITH_ZH_PHONE, 'deviceProfile', 'alice-udp', { intercomDn: '3999' });

    it('an intra-cluster login on the home phone shows the profile\'s intercom line', async () => {
      lab = await openCodeLab(WITH_INTERCOM);
      await phonesReady(lab);
      await submitOn(lab, HOME_PHONE, 'alice', '12345');
      const s = await waitForScreen(lab, HOME_PHONE, (x) => registeredTo('HOME')(x) && x.loggedInUser === 'alice' && x.view.kind === 'idle');
      expect(s.lines.map((l) => l.dn)).toContain('1001');
      expect(s.lines).toContainEqual({ dn: '3999', label: 'Intercom' });
    });

    it('an EMCC login on the visiting phone shows no intercom line', async () => {
      lab = await openCodeLab(WITH_INTERCOM);
      await phonesReady(lab);
      await emccLogin(lab);
      expect(lab.phone(VISITING_PHONE)!.screen().lines.map((l) => l.dn)).not.toContain('3999');
    });
  });

  describe('a user controlling several device profiles picks one on the phone', () => {
    const TWO_PROFILES = withRecord(
      withRecords(HOME_WITH_ZH_PHONE, 'deviceProfile', (ps) => [...ps, { name: 'alice-sales', model: '8845', lines: [{ dn: '1009', label: 'Sales' }], services: ['Extension Mobility'] }]),
      'endUser', 'alice', { profiles: ['alice-udp', 'alice-sales'] },
    );

    /** After User ID + PIN + Submit the phone lists both profiles; nothing is logged in yet. */
    async function profileMenu(device: string, prompt: string): Promise<number> {
      const before = loginState(lab);
      await submitOn(lab, device, 'alice', '12345');
      const s = await waitForScreen(lab, device, (x) => x.view.kind === 'menu' && x.view.prompt === prompt);
      if (s.view.kind !== 'menu') throw new Error('no menu');
      expect([...s.view.items].sort()).toEqual(['alice-sales', 'alice-udp']);
      expect(loginState(lab)).toBe(before);
      return s.view.items.indexOf('alice-sales');
    }

    it('intra-cluster: the home phone shows "Select a device profile"; choosing alice-sales logs in with line 1009', async () => {
      lab = await openCodeLab(TWO_PROFILES);
      await phonesReady(lab);
      const sales = await profileMenu(HOME_PHONE, 'Select a device profile');
      press(lab, HOME_PHONE, String(sales + 1) as PhoneKey);
      const s = await waitForScreen(lab, HOME_PHONE, shows('HOME', ['1009'], 'alice'));
      expect(s.emcc).toBe(false);
      expect(lab.cluster('HOME')!.store.login(HOME_PHONE)?.profile).toBe('alice-sales');
    });

    it('the user\'s Default Profile is offered first, so Select takes it', async () => {
      lab = await openCodeLab(withRecord(TWO_PROFILES, 'endUser', 'alice', { defaultProfile: 'alice-udp' }));
      await phonesReady(lab);
      expect(await profileMenu(VISITING_PHONE, 'Select a device profile')).toBe(1);
      press(lab, VISITING_PHONE, 'select');
      await waitForScreen(lab, VISITING_PHONE, shows('HOME', ['1001'], 'alice'));
    });

    it('EMCC: the visiting phone shows the menu (zh-CN: 选择设备配置文件); choosing alice-sales logs in on home with line 1009', async () => {
      lab = await openCodeLab(TWO_PROFILES);
      await phonesReady(lab);
      // The zh-CN phone asks in Chinese; its user picks with the navigation keys.
      const zhSales = await profileMenu(VISITING_PHONE_ZH, '选择设备配置文件');
      press(lab, VISITING_PHONE_ZH, ...Array<PhoneKey>(zhSales).fill('navDown'), 'select');
      const zh = await waitForScreen(lab, VISITING_PHONE_ZH, shows('HOME', ['1009'], 'alice'));
      expect(zh.emcc).toBe(true);
      expect(lab.cluster('HOME')!.store.emccDeviceBoundTo(VISITING_PHONE_ZH)?.profile).toBe('alice-sales');
      await logOutOnPhone(lab, VISITING_PHONE_ZH);
      await waitForScreen(lab, VISITING_PHONE_ZH, shows('VISIT', ['3002'], null));

      const sales = await profileMenu(VISITING_PHONE, 'Select a device profile');
      press(lab, VISITING_PHONE, String(sales + 1) as PhoneKey);
      const s = await waitForScreen(lab, VISITING_PHONE, shows('HOME', ['1009'], 'alice'));
      expect(s.emcc).toBe(true);
      expect(lab.cluster('HOME')!.store.emccDeviceBoundTo(VISITING_PHONE)?.profile).toBe('alice-sales');
    });
  });

  describe('PIN change required (41)', () => {
    const MUST_CHANGE = withRecord(HOME_WITH_ZH_PHONE, 'endUser', 'alice', { mustChangePin: true });
    const EN_PROMPT = 'PIN change is required. Enter a new PIN';
    const ZH_PROMPT = '需要更改个人识别码。请输入新的个人识别码';
    const changeForm = (prompt: string) => (s: PhoneScreen) => s.view.kind === 'input' && s.view.prompt === prompt;

    /** New PIN and Confirm PIN on the keypad, then Submit. */
    function enterNewPins(device: string, pin: string, confirm: string): void {
      press(lab, device, ...([...pin] as PhoneKey[]), 'navDown', ...([...confirm] as PhoneKey[]), 'soft1');
    }

    /** The zh-CN phone of a side shows the Chinese form; it leaves with Cancel, nothing changed. */
    async function zhFormShown(device: string): Promise<void> {
      const before = loginState(lab);
      await submitOn(lab, device, 'alice', '12345');
      const s = await waitForScreen(lab, device, changeForm(ZH_PROMPT));
      expect(s.view).toMatchObject({ kind: 'input', title: '更改个人识别码' });
      press(lab, device, 'soft3');
      await waitForScreen(lab, device, (x) => x.view.kind === 'idle');
      expect(loginState(lab)).toBe(before);
    }

    /** The change-PIN form: a mismatch shows it again; a valid pair completes the login. */
    async function changePin(device: string, newPin: string): Promise<void> {
      const before = loginState(lab);
      await submitOn(lab, device, 'alice', '12345');
      const form = await waitForScreen(lab, device, changeForm(EN_PROMPT));
      expect(form.view).toMatchObject({ kind: 'input', title: 'Change PIN', fields: [{ label: 'New PIN', masked: true }, { label: 'Confirm PIN', masked: true }] });
      enterNewPins(device, newPin, `${newPin.slice(0, -1)}0`);
      await waitForScreen(lab, device, changeForm('The new PINs do not match. Enter them again'));
      expect(loginState(lab)).toBe(before);
      enterNewPins(device, newPin, newPin);
    }

    it.each([
      { path: 'intra-cluster', en: HOME_PHONE, zh: HOME_PHONE_ZH, newPin: '13579', idle: HOME_IDLE, wrongPin: 'Please try to login again (201)', emcc: false },
      { path: 'EMCC', en: VISITING_PHONE, zh: VISITING_PHONE_ZH, newPin: '24682', idle: VISITING_IDLE, wrongPin: 'Login is unavailable (2)', emcc: true },
    ])('$path: the change-PIN form, a mismatch, then the new PIN logs in; the home cluster stores it and the old one stops working', async (c) => {
      lab = await openCodeLab(MUST_CHANGE);
      await phonesReady(lab);
      await zhFormShown(c.zh);
      await changePin(c.en, c.newPin);
      const s = await waitForScreen(lab, c.en, shows('HOME', HOME_DNS, 'alice'));
      expect(s.emcc).toBe(c.emcc);
      expect(lab.cluster('HOME')!.store.user('alice')).toMatchObject({ pin: c.newPin, must_change_pin: 0 });

      await logOutOnPhone(lab, c.en);
      await waitForScreen(lab, c.en, c.idle);
      lab.clock.advance(3 * MINUTE);
      await submitOn(lab, c.en, 'alice', '12345');
      await waitForScreen(lab, c.en, showsText(c.wrongPin));
      await submitOn(lab, c.en, 'alice', c.newPin);
      await waitForScreen(lab, c.en, shows('HOME', HOME_DNS, 'alice'));
    });
  });

  it('each cluster\'s trace shows the requests, the deciding rules and the answers, with every PIN masked', async () => {
    lab = await openCodeLab();
    await phonesReady(lab);
    await submitOn(lab, VISITING_PHONE, 'alice', '99999');
    await waitForScreen(lab, VISITING_PHONE, showsText('Login is unavailable (2)'));
    await emccLogin(lab);

    const visiting = lab.trace.list('visiting');
    const home = lab.trace.list('home');
    const texts = (entries: typeof home) => entries.map((e) => e.text);
    // The requests, each with the PIN masked.
    expect(texts(visiting)).toContainEqual(expect.stringMatching(/^EM service visit-pub <- .*<login>.*<userID>alice<\/userID><credential>\*\*\*\*<\/credential>/));
    expect(texts(home)).toContainEqual(expect.stringMatching(/^EM service home-pub <- cluster visiting: <emccRequest><login>.*<credential>\*\*\*\*<\/credential>/));
    // The deciding rules: home found the wrong PIN, the visiting cluster passed its 2 on.
    expect(texts(home)).toContainEqual(expect.stringMatching(/wrong PIN for alice -> 2$/));
    expect(texts(visiting)).toContainEqual(expect.stringMatching(/refused the login.* -> 2$/));
    // The answers of the successful login.
    expect(texts(home)).toContainEqual(expect.stringMatching(/^EM service home-pub -> <emccResponse><login><success\/><userID>alice<\/userID>/));
    expect(texts(visiting)).toContainEqual('EM service visit-pub -> <response><success/></response>');

    // Nothing anywhere holds a PIN, and each list holds only its cluster's lines (and the lab's own).
    for (const e of lab.trace.list()) {
      expect(e.text).not.toMatch(/(^|[^0-9A-Za-z])(12345|99999)([^0-9A-Za-z]|$)/);
    }
    expect(visiting.every((e) => e.cluster === 'visiting' || e.cluster === null)).toBe(true);
    expect(home.every((e) => e.cluster === 'home' || e.cluster === null)).toBe(true);
    expect(texts(visiting).some((t) => t.includes('home-pub <-') || t.includes('wrong PIN for alice'))).toBe(false);
    expect(texts(home).some((t) => t.includes('visit-pub <-'))).toBe(false);
  });
});
