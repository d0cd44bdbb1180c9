import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PhoneKey } from '../../../shared/api/contract';
import type { Lab } from '../../../main/lab/lab';
import { MULTI_TAP_MS } from '../../../main/phone/firmware';
import { openExtensionMobility, openLab, press, registeredTo, VISITING_PHONE, waitForScreen } from '../../helpers/lab-fixture';

const keys = (s: string) => [...s] as PhoneKey[];
const fieldValue = (lab: Lab, i: number) => {
  const v = lab.phone(VISITING_PHONE)!.screen().view;
  return v.kind === 'input' ? v.fields[i]?.value : undefined;
};

describe('entering text with the keypad only', () => {
  let lab: Lab;
  beforeEach(async () => {
    lab = await openLab();
    await waitForScreen(lab, VISITING_PHONE, registeredTo('VISIT'));
    await openExtensionMobility(lab, VISITING_PHONE);
  });
  afterEach(() => lab.close());

  it('cycles a key through its letters: 2 gives a, 22 b, 2222 the digit 2, 22222 A', () => {
    press(lab, VISITING_PHONE, ...keys('2'));
    expect(fieldValue(lab, 0)).toBe('a');
    press(lab, VISITING_PHONE, ...keys('2'));
    expect(fieldValue(lab, 0)).toBe('b');
    press(lab, VISITING_PHONE, ...keys('22'));
    expect(fieldValue(lab, 0)).toBe('2');
    press(lab, VISITING_PHONE, ...keys('2'));
    expect(fieldValue(lab, 0)).toBe('A');
  });

  it('a pause of a second commits the letter, so the same key starts a new one ("ll")', () => {
    press(lab, VISITING_PHONE, ...keys('555'));
    lab.clock.advance(MULTI_TAP_MS);
    press(lab, VISITING_PHONE, ...keys('555'));
    expect(fieldValue(lab, 0)).toBe('ll');
  });

  it('the PIN field takes digits directly and masks them', () => {
    press(lab, VISITING_PHONE, 'navDown', ...keys('222'));
    expect(fieldValue(lab, 1)).toBe('***');
  });

  it('logs alice in with nothing but keypad presses and the Submit softkey', async () => {
    // a=2, l=555, i=444, c=222, e=33: each new key commits the letter before it.
    press(lab, VISITING_PHONE, ...keys('2555444222' + '33'));
    expect(fieldValue(lab, 0)).toBe('alice');
    press(lab, VISITING_PHONE, 'navDown', ...keys('12345'), 'soft1');
    await waitForScreen(lab, VISITING_PHONE, registeredTo('HOME'));
  });
});
