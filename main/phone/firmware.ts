/**
 * The firmware of one emulated IP phone. It boots from its TFTP server (following an EMCC
 * mini-config to the home cluster's TFTP), registers with a CallManager node, browses
 * CiscoIPPhone XML services from its Services key, and resets when its CallManager tells it to.
 * It speaks HTTP to the nodes like a real phone and knows nothing of how it is drawn: it only
 * computes the screen state (`screen()`) and reports changes.
 */
import type { PhoneKey, PhoneScreen, PhoneView } from '../../shared/api/contract';
import { translator } from '../../shared/i18n/translator';
import { asLocale, DEFAULT_LOCALE } from '../../shared/i18n/messages';
import { phoneModel } from '../../shared/phone-models';
import type { Clock, TimerHandle } from '../clock/lab-clock';
import type { HttpClient } from '../net/lab-network';
import { parseIpPhoneXml, type InputItem, type IpPhoneObject, type SoftKeyItem } from '../xml/cisco-ip-phone';
import { buildXml } from '../xml/xml';
import { parsePhoneConfig, type FullConfig } from '../xml/phone-config';

/** How long a reset takes on the lab clock, from "Resetting..." to asking TFTP again. */
export const RESET_MS = 1200;
/** How long a phone waits before trying its TFTP or CallManager again after a failure. */
export const RETRY_MS = 30_000;
/** In a text field, a key pressed again within this time moves on to its next letter. */
export const MULTI_TAP_MS = 1000;

/** What each keypad key cycles through in a text field (lower case, the digit, upper case). */
const MULTI_TAP: Record<string, string> = {
  '1': '1.-_@', '2': 'abc2ABC', '3': 'def3DEF', '4': 'ghi4GHI', '5': 'jkl5JKL', '6': 'mno6MNO',
  '7': 'pqrs7PQRS', '8': 'tuv8TUV', '9': 'wxyz9WXYZ', '0': '0 ', '*': '*', '#': '#',
};

export interface FirmwareDeps {
  deviceName: string;
  model: string;
  /** The TFTP server DHCP gives this phone (a node of its own cluster), asked at every boot. */
  dhcpTftp(): string | undefined;
  net: HttpClient;
  clock: Clock;
  /** Where this phone receives notifications (its REGISTER contact). */
  contact: string;
  onChange(screen: PhoneScreen): void;
}

type AppView =
  | { kind: 'idle' }
  | { kind: 'menu'; title: string; prompt: string; items: { name: string; url: string }[]; selected: number; softKeys: SoftKeyItem[] }
  | { kind: 'input'; title: string; prompt: string; url: string; items: InputItem[]; values: string[]; focused: number; softKeys: SoftKeyItem[] }
  | { kind: 'text'; title: string; text: string; softKeys: SoftKeyItem[] };

export class PhoneFirmware {
  private status: PhoneScreen['status'] = 'booting';
  private config: FullConfig | undefined;
  private registeredHost: string | undefined;
  private emccMode = false;
  private app: AppView = { kind: 'idle' };
  private statusText = '';
  /** Bumped on every reset: answers to requests sent before it are dropped. */
  private epoch = 0;
  private timer: TimerHandle | undefined;
  /** The keypad key being multi-tapped in a text field, and how far through its letters. */
  private tap: { key: string; index: number; timer: TimerHandle } | undefined;

  constructor(private readonly deps: FirmwareDeps) {}

  get deviceName(): string {
    return this.deps.deviceName;
  }

  private get locale(): string {
    return this.config?.locale ?? DEFAULT_LOCALE;
  }

  /** Power on: fetch the configuration and register. */
  boot(): void {
    this.restart('booting');
  }

  /** Stop all timers (the phone is unplugged). */
  shutdown(): void {
    this.epoch++;
    this.deps.clock.clearTimer(this.timer);
  }

  /** A notification from the CallManager this phone registered with. */
  notify(event: string): void {
    if (event === 'reset' || event === 'restart') this.restart('resetting');
  }

  private restart(status: 'booting' | 'resetting'): void {
    this.epoch++;
    this.endTap();
    this.deps.clock.clearTimer(this.timer);
    this.status = status;
    this.registeredHost = undefined;
    this.app = { kind: 'idle' };
    this.statusText = translator(this.locale)('phone.resetting');
    this.changed();
    const epoch = this.epoch;
    this.timer = this.deps.clock.setTimer(RESET_MS, () => void this.loadConfig(epoch));
  }

  private retryLater(epoch: number): void {
    this.status = 'unregistered';
    this.statusText = translator(this.locale)('phone.unregistered');
    this.changed();
    this.timer = this.deps.clock.setTimer(RETRY_MS, () => {
      if (epoch === this.epoch) void this.loadConfig(epoch);
    });
  }

  /** TFTP: the DHCP server first; an EMCC mini-config sends the phone on to its home TFTP. */
  private async loadConfig(epoch: number): Promise<void> {
    if (epoch !== this.epoch) return;
    this.emccMode = false;
    let servers = [this.deps.dhcpTftp()].filter((h): h is string => !!h);
    for (let hop = 0; hop < 2; hop++) {
      const config = await this.fetchConfig(servers);
      if (epoch !== this.epoch) return;
      if (!config) return this.retryLater(epoch);
      if (config.kind === 'mini') {
        // "EMCC mode changed to true", home TFTP address set (TechNote 214535).
        this.emccMode = true;
        servers = config.homeTftp;
        continue;
      }
      this.config = config;
      return this.register(epoch, config);
    }
    this.retryLater(epoch);
  }

  private async fetchConfig(servers: string[]) {
    for (const tftp of servers) {
      try {
        const res = await this.deps.net.request({ url: `http://${tftp}:6970/${encodeURIComponent(this.deps.deviceName)}.cnf.xml` });
        if (res.status === 200) return parsePhoneConfig(res.body);
      } catch {
        // try the next TFTP server
      }
    }
    return undefined;
  }

  private async register(epoch: number, config: FullConfig): Promise<void> {
    this.status = 'registering';
    this.statusText = translator(config.locale)('phone.registering', { host: config.callManagers[0] ?? '' });
    this.changed();
    const body = buildXml({ register: { deviceName: this.deps.deviceName, model: this.deps.model, contact: this.deps.contact } });
    for (const host of config.callManagers) {
      try {
        const res = await this.deps.net.request({ method: 'POST', url: `http://${host}:5060/ccm/register`, headers: { 'content-type': 'application/xml' }, body });
        if (epoch !== this.epoch) return;
        if (res.status === 200) {
          this.status = 'registered';
          this.registeredHost = host;
          this.app = { kind: 'idle' };
          this.changed();
          return;
        }
      } catch {
        if (epoch !== this.epoch) return;
      }
    }
    this.retryLater(epoch);
  }

  // --- keys ---

  pressKey(key: PhoneKey): void {
    if (this.status !== 'registered') return;
    if (key === 'services') return this.openServices();
    const app = this.app;
    if (!/^[0-9*#]$/.test(key)) this.endTap();
    if (key.startsWith('soft')) return this.softkey(Number(key.slice(4)));
    switch (app.kind) {
      case 'menu':
        if (key === 'navUp') app.selected = Math.max(0, app.selected - 1);
        else if (key === 'navDown') app.selected = Math.min(app.items.length - 1, app.selected + 1);
        else if (key === 'select') return this.openMenuItem(app.selected);
        else if (key === 'back') this.app = { kind: 'idle' };
        else if (/^[1-9]$/.test(key)) return this.openMenuItem(Number(key) - 1);
        break;
      case 'input':
        if (key === 'navUp') app.focused = Math.max(0, app.focused - 1);
        else if (key === 'navDown') app.focused = Math.min(app.items.length - 1, app.focused + 1);
        else if (key === 'back') this.backspace(app);
        else if (key === 'select') return this.submit(app);
        else if (/^[0-9*#]$/.test(key)) this.keypad(app, key);
        break;
      case 'text':
        if (key === 'back' || key === 'select') this.app = { kind: 'idle' };
        break;
      case 'idle':
        break;
    }
    this.changed();
  }

  /** Text typed on a computer keyboard into the focused input field. */
  typeText(text: string): void {
    if (this.status !== 'registered' || this.app.kind !== 'input') return;
    this.endTap();
    for (const ch of text) this.type(this.app, ch);
    this.changed();
  }

  private type(app: Extract<AppView, { kind: 'input' }>, ch: string): void {
    const item = app.items[app.focused];
    if (!item) return;
    const numeric = /[NT]/.test(item.inputFlags.replace('P', ''));
    if (numeric && !/^[0-9*#]$/.test(ch)) return;
    if (!/^[\x20-\x7e]$/.test(ch)) return;
    const current = app.values[app.focused] ?? '';
    if (current.length >= 128) return;
    app.values[app.focused] = current + ch;
  }

  /**
   * A keypad key in an input field: a digit in numeric fields; in text fields the key cycles
   * through its letters (2: a b c 2 A B C) while pressed again within MULTI_TAP_MS.
   */
  private keypad(app: Extract<AppView, { kind: 'input' }>, key: string): void {
    const item = app.items[app.focused];
    if (!item) return;
    if (/[NT]/.test(item.inputFlags) || !MULTI_TAP[key]) return this.type(app, key);
    const letters = MULTI_TAP[key]!;
    const again = this.tap?.key === key;
    const index = again ? (this.tap!.index + 1) % letters.length : 0;
    if (again) app.values[app.focused] = (app.values[app.focused] ?? '').slice(0, -1);
    this.deps.clock.clearTimer(this.tap?.timer);
    this.type(app, letters[index]!);
    this.tap = { key, index, timer: this.deps.clock.setTimer(MULTI_TAP_MS, () => (this.tap = undefined)) };
  }

  private endTap(): void {
    this.deps.clock.clearTimer(this.tap?.timer);
    this.tap = undefined;
  }

  private backspace(app: Extract<AppView, { kind: 'input' }>): void {
    app.values[app.focused] = (app.values[app.focused] ?? '').slice(0, -1);
  }

  private softkey(position: number): void {
    const app = this.app;
    if (app.kind === 'idle') return;
    const key = this.softKeysOf(app).find((k) => k.position === position);
    if (!key) return;
    switch (key.url) {
      case 'SoftKey:Submit':
        if (app.kind === 'input') return this.submit(app);
        return;
      case 'SoftKey:<<':
        if (app.kind === 'input') this.backspace(app);
        return this.changed();
      case 'SoftKey:Select':
        if (app.kind === 'menu') return this.openMenuItem(app.selected);
        return;
      case 'SoftKey:Cancel':
      case 'SoftKey:Exit':
        this.app = { kind: 'idle' };
        return this.changed();
      default:
        if (/^https?:/i.test(key.url)) return void this.load(key.url);
    }
  }

  private softKeysOf(app: Exclude<AppView, { kind: 'idle' }>): SoftKeyItem[] {
    return app.softKeys;
  }

  private openServices(): void {
    if (this.app.kind !== 'idle') {
      this.app = { kind: 'idle' };
      return this.changed();
    }
    const url = this.config?.servicesUrl;
    if (!url) return;
    void this.load(`${url}?name=${encodeURIComponent(this.deps.deviceName)}`);
  }

  private openMenuItem(index: number): void {
    const app = this.app;
    if (app.kind !== 'menu') return;
    const item = app.items[index];
    if (!item) return;
    // The phone fills in #EMCC# itself: true while it runs in EMCC mode.
    void this.load(item.url.replaceAll('#EMCC#', String(this.emccMode)));
  }

  private submit(app: Extract<AppView, { kind: 'input' }>): void {
    const params = new URLSearchParams();
    app.items.forEach((item, i) => params.set(item.queryStringParam, app.values[i] ?? ''));
    const sep = app.url.includes('?') ? '&' : '?';
    void this.load(`${app.url}${sep}${params.toString()}`);
  }

  /** Fetch a service URL and show what it answers. */
  private async load(url: string): Promise<void> {
    const epoch = this.epoch;
    const t = translator(this.locale);
    let object: IpPhoneObject | undefined;
    try {
      const res = await this.deps.net.request({ url, headers: { 'accept-language': this.locale } });
      if (epoch !== this.epoch) return;
      object = res.status === 200 ? parseIpPhoneXml(res.body) : undefined;
      if (!object) {
        this.app = { kind: 'text', title: '', text: `${t('phone.httpError')} (${res.status})`, softKeys: [{ name: t('softkey.exit'), url: 'SoftKey:Exit', position: 1 }] };
        return this.changed();
      }
    } catch {
      if (epoch !== this.epoch) return;
      this.app = { kind: 'text', title: '', text: t('phone.serviceUnavailable'), softKeys: [{ name: t('softkey.exit'), url: 'SoftKey:Exit', position: 1 }] };
      return this.changed();
    }
    switch (object.type) {
      case 'menu':
        this.app = { kind: 'menu', title: object.title, prompt: object.prompt, items: object.items, selected: 0, softKeys: object.softKeys };
        break;
      case 'input':
        this.app = {
          kind: 'input', title: object.title, prompt: object.prompt, url: object.url, items: object.items,
          values: object.items.map((i) => i.defaultValue), focused: 0, softKeys: object.softKeys,
        };
        break;
      case 'text':
        this.app = { kind: 'text', title: object.title, text: object.prompt ? `${object.prompt}\n${object.text}` : object.text, softKeys: object.softKeys };
        break;
    }
    this.changed();
  }

  // --- the face ---

  screen(): PhoneScreen {
    const t = translator(this.locale);
    const model = phoneModel(this.deps.model);
    const registered = this.status === 'registered' && this.config;
    return {
      deviceName: this.deps.deviceName,
      model: this.deps.model,
      modelName: model?.name ?? this.deps.model,
      locale: asLocale(this.locale),
      status: this.status,
      registration: registered ? { clusterId: this.config!.clusterId, clusterName: this.config!.clusterName, host: this.registeredHost ?? '' } : null,
      emcc: this.emccMode && !!registered,
      loggedInUser: registered ? this.config!.loggedInUser : null,
      lines: registered ? this.config!.lines : [],
      view: this.view(),
      softkeys: this.softkeys(),
      servicesKeyLabel: model?.servicesKey === 'applications' ? t('phone.applications') : t('phone.services'),
    };
  }

  private view(): PhoneView {
    if (this.status !== 'registered') return { kind: 'status', text: this.statusText };
    const app = this.app;
    switch (app.kind) {
      case 'idle':
        return { kind: 'idle' };
      case 'menu':
        return { kind: 'menu', title: app.title, prompt: app.prompt, items: app.items.map((i) => i.name), selected: app.selected };
      case 'input':
        return {
          kind: 'input', title: app.title, prompt: app.prompt, focused: app.focused,
          fields: app.items.map((item, i) => {
            const masked = item.inputFlags.includes('P');
            const value = app.values[i] ?? '';
            return { label: item.displayName, value: masked ? '*'.repeat(value.length) : value, masked };
          }),
        };
      case 'text':
        return { kind: 'text', title: app.title, text: app.text };
    }
  }

  private softkeys(): PhoneScreen['softkeys'] {
    if (this.status !== 'registered') return [];
    const t = translator(this.locale);
    if (this.app.kind === 'idle') {
      return [t('softkey.redial'), t('softkey.newCall'), t('softkey.cfwdAll'), t('softkey.dnd')].map((label, i) => ({ key: `soft${i + 1}` as PhoneKey, label }));
    }
    return this.app.softKeys
      .filter((k) => k.position >= 1 && k.position <= 5)
      .map((k) => ({ key: `soft${k.position}` as PhoneKey, label: k.name }));
  }

  private changed(): void {
    this.deps.onChange(this.screen());
  }
}
