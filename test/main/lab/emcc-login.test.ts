import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Lab } from '../../../main/lab/lab';
import {
  HOME_PHONE, VISITING_PHONE, VISITING_PHONE_ZH, openExtensionMobility, openLab, press, registeredTo, showsText, submitLogin, waitForScreen,
} from '../../helpers/lab-fixture';

describe('EMCC login through the real HTTP path', () => {
  let lab: Lab;
  beforeEach(async () => {
    lab = await openLab();
    await waitForScreen(lab, VISITING_PHONE, registeredTo('VISIT'));
  });
  afterEach(() => lab.close());

  it('a home user logging in on a visiting phone resets it onto the home cluster with her line', async () => {
    const idle = lab.phone(VISITING_PHONE)!.screen();
    expect(idle.lines.map((l) => l.dn)).toEqual(['3001']);
    await submitLogin(lab, VISITING_PHONE, 'alice', '12345');
    const home = await waitForScreen(lab, VISITING_PHONE, registeredTo('HOME'));
    expect(home.emcc).toBe(true);
    expect(home.registration?.clusterName).toBe('home');
    expect(home.lines.map((l) => l.dn)).toEqual(['1001']);
    expect(home.loggedInUser).toBe('alice');
    // The home cluster bound one of its EMCC devices to the visiting phone.
    expect(lab.cluster('HOME')!.store.emccDeviceBoundTo(VISITING_PHONE)?.user_id).toBe('alice');
    expect(lab.cluster('VISIT')!.store.login(VISITING_PHONE)?.kind).toBe('emcc');
  });

  it('logging out from the home cluster resets the phone back to the visiting cluster and frees the EMCC device', async () => {
    await submitLogin(lab, VISITING_PHONE, 'alice', '12345');
    await waitForScreen(lab, VISITING_PHONE, registeredTo('HOME'));
    const prompt = await openExtensionMobility(lab, VISITING_PHONE);
    expect(prompt.view).toMatchObject({ kind: 'text', text: expect.stringContaining('Do you want to log out?') });
    expect(prompt.softkeys[0]?.label).toBe('Yes');
    press(lab, VISITING_PHONE, 'soft1');
    const back = await waitForScreen(lab, VISITING_PHONE, (s) => registeredTo('VISIT')(s) && s.lines[0]?.dn === '3001');
    expect(back.emcc).toBe(false);
    expect(lab.cluster('HOME')!.store.emccDeviceBoundTo(VISITING_PHONE)).toBeUndefined();
    expect(lab.cluster('VISIT')!.store.login(VISITING_PHONE)).toBeUndefined();
  });

  it('a wrong PIN shows "Login is unavailable (2)" and the phone stays on the visiting cluster', async () => {
    await submitLogin(lab, VISITING_PHONE, 'alice', '99999');
    const s = await waitForScreen(lab, VISITING_PHONE, showsText('Login is unavailable (2)'));
    expect(s.registration?.clusterId).toBe('VISIT');
    expect(lab.cluster('HOME')!.store.emccDeviceBoundTo(VISITING_PHONE)).toBeUndefined();
    expect(lab.cluster('VISIT')!.store.login(VISITING_PHONE)).toBeUndefined();
  });

  it('a phone in a zh-CN device pool shows the error in Chinese: 无法登录 (2)', async () => {
    await waitForScreen(lab, VISITING_PHONE_ZH, registeredTo('VISIT'));
    press(lab, VISITING_PHONE_ZH, 'services');
    await waitForScreen(lab, VISITING_PHONE_ZH, (s) => s.view.kind === 'menu');
    press(lab, VISITING_PHONE_ZH, 'select');
    const form = await waitForScreen(lab, VISITING_PHONE_ZH, (s) => s.view.kind === 'input');
    expect(form.view).toMatchObject({ kind: 'input', title: '分机移动' });
    lab.phone(VISITING_PHONE_ZH)!.typeText('alice');
    press(lab, VISITING_PHONE_ZH, 'navDown', '1', 'soft1');
    await waitForScreen(lab, VISITING_PHONE_ZH, showsText('无法登录 (2)'));
  });

  it('an unknown user is refused with 23 after the home cluster says it does not exist', async () => {
    await submitLogin(lab, VISITING_PHONE, 'nobody', '12345');
    await waitForScreen(lab, VISITING_PHONE, showsText('Login is unavailable (23)'));
  });

  it('a blank PIN is refused by the EM application with 202', async () => {
    await openExtensionMobility(lab, VISITING_PHONE);
    lab.phone(VISITING_PHONE)!.typeText('alice');
    press(lab, VISITING_PHONE, 'soft1');
    await waitForScreen(lab, VISITING_PHONE, showsText('Please try to login again (202)'));
  });

  it('the same flow works intra-cluster: a home user on a home phone', async () => {
    await waitForScreen(lab, HOME_PHONE, registeredTo('HOME'));
    await submitLogin(lab, HOME_PHONE, 'alice', '12345');
    const s = await waitForScreen(lab, HOME_PHONE, (x) => registeredTo('HOME')(x) && x.loggedInUser === 'alice');
    expect(s.emcc).toBe(false);
    expect(s.lines.map((l) => l.dn)).toEqual(['1001']);
    await openExtensionMobility(lab, HOME_PHONE);
    press(lab, HOME_PHONE, 'soft1');
    const out = await waitForScreen(lab, HOME_PHONE, (x) => registeredTo('HOME')(x) && x.loggedInUser === null && x.view.kind === 'idle');
    expect(out.lines.map((l) => l.dn)).toEqual(['2001']);
  });
});
