/**
 * A scenario's hands on a phone: the keys a person presses, one at a time, through the same
 * `pressKey` / `typeText` the phone window calls, so a window watching the phone sees the login
 * acted out (Services, Extension Mobility, the user ID, the PIN on the keypad, Submit). After a
 * key that sent a request, the driver waits for the phone to show the answer; a key not waited
 * for (`wait: false`) only until its request is answered or waits on lab time, which the settler
 * then holds (lab-settle.ts), so a second phone can reach the same EM service meanwhile.
 */
import type { PhoneKey, PhoneScreen } from '../../shared/api/contract';
import type { Said } from '../../shared/api/file-contract';
import { MESSAGES, asLocale } from '../../shared/i18n/messages';
import type { Lab } from '../lab/lab';
import type { PhoneFirmware } from '../phone/firmware';
import type { LabSettler } from './lab-settle';
import { visibleText } from './screen-text';

/** What came of a step: whether it could be done, and what to say about it. */
export interface StepOutcome {
  ok: boolean;
  message: Said | null;
}

export const said = (key: string, params: Record<string, string | number> = {}): Said => ({ key, params });
export const failed = (key: string, params: Record<string, string | number> = {}): StepOutcome => ({ ok: false, message: said(key, params) });

/** A long text cut for a one-line message. */
export const short = (text: string, max = 160) => {
  const one = text.replace(/\s*\n\s*/g, ' / ');
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
};

export class PhoneDriver {
  constructor(
    private readonly lab: Lab,
    private readonly settler: LabSettler,
    /** Called after every key (the lab window paces the keys so a person can follow them). */
    private readonly pace: (device: string) => Promise<void> = () => Promise.resolve(),
  ) {}

  /**
   * Press one key; when it sent a request, resolve once the phone shows the answer, or, with
   * `wait` false, once the request is answered or waits on lab time (then held, the phone pending).
   */
  async key(device: string, key: PhoneKey, wait = true): Promise<void> {
    const phone = this.phone(device);
    const before = this.lab.network.requestsSent;
    const mark = this.settler.netWaitMark();
    phone.pressKey(key);
    // A key that loads a page sends its request before pressKey returns.
    if (this.lab.network.requestsSent > before) {
      let answered = false;
      const off = this.lab.onScreen((s) => {
        if (s.deviceName.toUpperCase() === device.toUpperCase()) answered = true;
      });
      try {
        if (wait) await this.settler.until(() => answered, () => `${device} got no answer after ${key}`);
        else {
          // The clock stays where it is: moving it would let the request through, which is what this key must not wait for.
          await this.settler.until(() => answered || this.settler.netWaitSince(mark), () => `${device}'s request after ${key} was neither answered nor waiting on lab time`, 'none');
          if (!answered) this.settler.hold(device, mark);
        }
      } finally {
        off();
      }
    }
    await this.pace(device);
  }

  /** What a step that did not wait ends with: the phone's request still on its way, or (answered already) nothing to add. */
  unanswered(device: string): StepOutcome {
    return { ok: true, message: this.settler.isPending(device) ? said('result.notWaited', { device }) : null };
  }

  /** Type text into the focused field, one character at a time, as on a computer keyboard. */
  async type(device: string, text: string): Promise<void> {
    const phone = this.phone(device);
    for (const ch of text) {
      phone.typeText(ch);
      await this.pace(device);
    }
  }

  /** Services > Extension Mobility > user ID > PIN > Submit. Ends when the phone shows the answer (`wait` false: see key). */
  async login(device: string, user: string, pin: string, wait = true): Promise<StepOutcome> {
    const opened = await this.openExtensionMobility(device);
    if ('ok' in opened) return opened;
    const form = opened.screen;
    if (form.view.kind === 'text') {
      // Yes/No: the logout prompt; a lone Exit: the EM application refused at once (its code is recorded).
      if (form.softkeys.length >= 2) return failed('fail.loggedIn', { device });
      return { ok: true, message: null };
    }
    if (form.view.kind !== 'input' || form.view.fields.length < 2) return failed('fail.noLoginForm', { device, text: short(visibleText(form)) });
    // A remembered user ID fills the field: clear it as a person would.
    for (let n = form.view.fields[0]!.value.length; n > 0; n--) await this.key(device, 'back');
    await this.type(device, user);
    await this.key(device, 'navDown');
    for (const ch of pin) {
      if (/^[0-9*#]$/.test(ch)) await this.key(device, ch as PhoneKey);
      else await this.type(device, ch);
    }
    await this.key(device, 'soft1', wait);
    return wait ? { ok: true, message: null } : this.unanswered(device);
  }

  /** Services > Extension Mobility > Yes. Ends when the phone shows the answer. */
  async logout(device: string): Promise<StepOutcome> {
    const opened = await this.openExtensionMobility(device);
    if ('ok' in opened) return opened;
    const prompt = opened.screen;
    if (prompt.view.kind === 'text' && prompt.softkeys.length >= 2) {
      await this.key(device, 'soft1');
      return { ok: true, message: null };
    }
    // A lone Exit: the EM application refused at once (its code is recorded).
    if (prompt.view.kind === 'text') return { ok: true, message: null };
    return failed('fail.notLoggedIn', { device, text: short(visibleText(prompt)) });
  }

  /** Services (closing any open service first), then the Extension Mobility item: the first EM screen. */
  private async openExtensionMobility(device: string): Promise<{ screen: PhoneScreen } | StepOutcome> {
    const phone = this.lab.phone(device);
    if (!phone) return failed('fail.noPhone', { device });
    let s = phone.screen();
    if (s.status !== 'registered') return failed('fail.notRegistered', { device, status: s.status });
    if (s.view.kind !== 'idle') await this.key(device, 'services');
    await this.key(device, 'services');
    s = phone.screen();
    if (s.view.kind !== 'menu') return failed('fail.noServicesMenu', { device, text: short(visibleText(s)) });
    const target = emItem(s);
    if (target < 0) return failed('fail.noEmService', { device });
    for (let i = s.view.selected; i < target; i++) await this.key(device, 'navDown');
    for (let i = s.view.selected; i > target; i--) await this.key(device, 'navUp');
    await this.key(device, 'select');
    return { screen: phone.screen() };
  }

  private phone(device: string): PhoneFirmware {
    const phone = this.lab.phone(device);
    if (!phone) throw new Error(`no phone ${device}`);
    return phone;
  }
}

/** The Extension Mobility item of a services menu (by its name in English or the phone's language), or -1. */
function emItem(s: PhoneScreen): number {
  if (s.view.kind !== 'menu') return -1;
  const names = ['extension mobility', MESSAGES[asLocale(s.locale)].em.title.toLowerCase()];
  const i = s.view.items.findIndex((item) => names.includes(item.trim().toLowerCase()));
  return i >= 0 || s.view.items.length !== 1 ? i : 0;
}
