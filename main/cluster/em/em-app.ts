/**
 * The phone-facing Extension Mobility application (EMAppServlet) of one node, with its
 * change-credential page. A phone fetches it from its Services menu: it answers a login form, a
 * device profile menu, a logout confirmation, the change-PIN form, or the localized error
 * screen of the guide. The login itself is done by an EM service of this cluster, reached over
 * the network; when none answers the phone sees 208.
 */
import { EmError } from '../../../shared/errors/error-catalogue';
import { errorDisplayText, translator, type EmAction } from '../../../shared/i18n/translator';
import { asLocale } from '../../../shared/i18n/messages';
import { supportsLoginType } from '../../../shared/cluster-versions';
import { phoneModel } from '../../../shared/phone-models';
import type { HttpClient } from '../../net/lab-network';
import { ipPhoneXml, type SoftKeyItem } from '../../xml/cisco-ip-phone';
import { child, children, text, type XmlNode } from '../../xml/xml';
import type { FaultView } from '../fault-view';
import type { ClusterIdentity } from '../cluster-identity';
import { INTERNAL_APP_USER } from '../cluster-identity';
import { emFormBody, emRequestXml, parseEmResponse, type LoginType } from './em-xml';
import { localEmServiceUrl } from './em-service';
import { PIN_PATTERN, emServiceParameter } from './em-support';
import type { ClusterStore } from '../store/cluster-store';

export const EM_APP_PATH = '/emapp/EMAppServlet';
/** The change-credential service the EMApp sends a user to after error 41. */
export const CHANGE_CREDENTIAL_PATH = '/changecredential/ChangeCredentialServlet';

export interface EmAppDeps {
  store: ClusterStore;
  net: HttpClient;
  identity(): ClusterIdentity;
  /** The host name of the node this EMApp runs on (its own URLs point back to it). */
  host: string;
  faults: FaultView;
  trace(text: string): void;
}

const LOGIN_TYPES = ['UID', 'SP', 'DN'];

type ServiceAnswer = { ok: true; body: XmlNode } | { ok: false; code: number };

export class EmApp {
  /** Where the next request starts in the list of EM service nodes (requests are spread over them). */
  private next = 0;

  constructor(private readonly deps: EmAppDeps) {}

  /** Answer GET /emapp/EMAppServlet?device=..&EMCC=..[&loginType][&userid&seq[&profile]][&doLogout]. */
  async handle(query: URLSearchParams, acceptLanguage: string | undefined): Promise<string> {
    const locale = asLocale(acceptLanguage?.split(',')[0]?.trim());
    const device = query.get('device')?.trim() ?? '';
    const logout = query.get('doLogout') === 'true';
    const action: EmAction = logout ? 'logout' : 'login';
    if (this.deps.faults.node(this.deps.host, 'emAppInit')) {
      this.deps.trace(`EMApp ${this.deps.host}: initialization failed, the database was unreachable at start (fault) -> 210`);
      return this.error(EmError.InitFailed, action, locale);
    }
    if (!device) return this.error(EmError.DeviceNameEmpty, action, locale);

    // The phone's EM service URL asks for EMCC: a model without EMCC is refused here, before
    // the EM service is asked (without EMCC=true it is the EM service that refuses, with 32).
    const phone = this.deps.store.phone(device);
    if (query.get('EMCC') === 'true' && phone && !phoneModel(phone.model)?.supportsEmcc) {
      this.deps.trace(`EMApp ${this.deps.host}: ${device} (${phone.model}) asked for EMCC, which its model does not support -> 213`);
      return this.error(EmError.DeviceNoEmcc, action, locale);
    }

    // Clusters before 12.0 have no loginType: they ignore it and ask for user ID and PIN (table 5).
    let loginType: LoginType | undefined;
    const rawType = query.get('loginType');
    if (rawType !== null && supportsLoginType(this.deps.identity().version)) {
      if (!LOGIN_TYPES.includes(rawType)) return this.error(EmError.LoginTypeInvalid, 'login', locale);
      loginType = rawType as LoginType;
    }
    const base = this.selfUrl(device, query.get('EMCC') === 'true', loginType);

    if (logout) {
      const outcome = await this.callEmService(emRequestXml({ type: 'logout', app: this.app(), deviceName: device }));
      if (!outcome.ok) return this.error(outcome.code, 'logout', locale);
      return this.text(translator(locale)('em.logoutOk'), locale);
    }

    if (query.has('userid') || query.has('seq')) {
      const userId = query.get('userid')?.trim() ?? '';
      const pin = query.get('seq') ?? '';
      if (!userId || !pin) return this.error(EmError.BlankUserIdOrPin, 'login', locale);
      return this.login({ base, device, userId, pin, loginType, profile: query.get('profile') ?? undefined, locale });
    }

    // Like the real EMApp, ask the EM service who is logged in on the device.
    const state = await this.callEmService(emRequestXml({ type: 'deviceUserQuery', app: this.app(), deviceNames: [device] }));
    if (!state.ok) return this.error(state.code, 'login', locale);
    const user = text(child(child(child(state.body, 'deviceUserResults'), 'device'), 'userID'));
    if (user) return this.logoutPrompt(base, user, locale);
    // Remember the Last User Logged In: the form offers the user ID entered last on this phone.
    const lastUser = this.param('rememberLastUser') === 'true' ? (phone?.last_user ?? '') : '';
    return this.loginForm(base, loginType, locale, lastUser);
  }

  /** A Cisco Extension Mobility service parameter of this cluster. */
  private param(key: 'rememberLastUser' | 'alphanumericUserId'): string {
    return emServiceParameter(this.deps.store, key);
  }

  /**
   * The change-credential page (after error 41): the new PIN twice. A valid pair logs the user in
   * with it; the EM service (or the home cluster's, for an EMCC user) stores the new PIN.
   */
  async changeCredential(query: URLSearchParams, acceptLanguage: string | undefined): Promise<string> {
    const locale = asLocale(acceptLanguage?.split(',')[0]?.trim());
    const device = query.get('device')?.trim() ?? '';
    const userId = query.get('userid')?.trim() ?? '';
    const pin = query.get('seq') ?? '';
    if (!device) return this.error(EmError.DeviceNameEmpty, 'login', locale);
    if (!userId || !pin) return this.error(EmError.BlankUserIdOrPin, 'login', locale);
    const rawType = query.get('loginType');
    const loginType = rawType && LOGIN_TYPES.includes(rawType) && supportsLoginType(this.deps.identity().version) ? (rawType as LoginType) : undefined;
    const base = this.selfUrl(device, query.get('EMCC') === 'true', loginType);
    const t = translator(locale);
    if (!query.has('newpin')) return this.changePinForm(base, userId, pin, t('em.changePinPrompt'), locale);
    const newPin = query.get('newpin') ?? '';
    if (newPin !== (query.get('confirmpin') ?? '')) return this.changePinForm(base, userId, pin, t('em.pinMismatch'), locale);
    if (!PIN_PATTERN.test(newPin)) return this.changePinForm(base, userId, pin, t('em.pinTooShort'), locale);
    return this.login({ base, device, userId, pin, loginType, profile: query.get('profile') ?? undefined, newPin, locale });
  }

  private async login(l: { base: string; device: string; userId: string; pin: string; loginType: LoginType | undefined; profile?: string; newPin?: string; locale: string }): Promise<string> {
    const outcome = await this.callEmService(emRequestXml({
      type: 'login', app: this.app(), deviceName: l.device, userId: l.userId, credential: l.pin, loginType: l.loginType,
      offerProfiles: true, ...(l.profile ? { deviceProfile: l.profile } : {}), ...(l.newPin ? { newCredential: l.newPin } : {}),
    }));
    if (!outcome.ok) {
      if (outcome.code === EmError.PinChangeRequired) {
        return this.changePinForm(l.base, l.userId, l.pin, translator(l.locale)('em.changePinPrompt'), l.locale);
      }
      return this.error(outcome.code, 'login', l.locale);
    }
    const choices = child(outcome.body, 'deviceProfiles');
    if (choices !== undefined) {
      const profiles = children(choices, 'deviceProfile').map((p) => text(p) ?? '').filter(Boolean);
      return this.profileMenu(l, profiles);
    }
    return this.text(translator(l.locale)('em.loginOk'), l.locale);
  }

  private app() {
    return { appId: INTERNAL_APP_USER, appCertificate: this.deps.store.setting('internalAppCertificate') ?? '' };
  }

  private selfUrl(device: string, emcc: boolean, loginType: LoginType | undefined): string {
    const q = new URLSearchParams({ device, EMCC: String(emcc) });
    if (loginType) q.set('loginType', loginType);
    return `http://${this.deps.host}:8080${EM_APP_PATH}?${q.toString()}`;
  }

  /**
   * POST to this cluster's EM service nodes, spreading requests over them. A node that is busy
   * (26) or does not answer passes the request to the next; when every node is busy the phone
   * sees 26, when none answers 208.
   */
  private async callEmService(xml: string): Promise<ServiceAnswer> {
    const hosts = this.deps.store.nodesRunning('Cisco Extension Mobility');
    let busy = false;
    const start = this.next++ % Math.max(1, hosts.length);
    for (let i = 0; i < hosts.length; i++) {
      const host = hosts[(start + i) % hosts.length]!;
      try {
        const res = await this.deps.net.request({
          method: 'POST', url: localEmServiceUrl(host),
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: emFormBody(xml),
        });
        if (res.status !== 200) continue;
        const outcome = parseEmResponse(res.body);
        if (!outcome.ok && outcome.code === EmError.Busy) {
          busy = true;
          continue;
        }
        return outcome.ok ? { ok: true, body: outcome.body } : { ok: false, code: outcome.code };
      } catch {
        continue;
      }
    }
    if (!busy) this.deps.trace(`EMApp ${this.deps.host}: no EM service node answered (${hosts.length ? hosts.join(', ') : 'none runs Cisco Extension Mobility'}) -> 208`);
    return { ok: false, code: busy ? EmError.Busy : EmError.EmServiceConnection };
  }

  private loginForm(url: string, loginType: LoginType | undefined, locale: string, lastUser: string): string {
    const t = translator(locale);
    // Alphanumeric User ID False: the user ID is entered as digits; an extension always is.
    const idFlags = loginType === 'DN' || this.param('alphanumericUserId') !== 'true' ? 'T' : 'A';
    const idLabel = loginType === 'DN' ? t('em.primaryExtension') : loginType === 'SP' ? t('em.selfServiceUserId') : t('em.userId');
    const prompt = loginType === 'DN' ? t('em.promptDn') : loginType === 'SP' ? t('em.promptSp') : t('em.prompt');
    return ipPhoneXml({
      type: 'input', title: t('em.title'), prompt, url,
      items: [
        { displayName: idLabel, queryStringParam: 'userid', defaultValue: lastUser, inputFlags: idFlags },
        { displayName: t('em.pin'), queryStringParam: 'seq', defaultValue: '', inputFlags: 'NP' },
      ],
      softKeys: this.inputSoftKeys(locale),
    });
  }

  /** The user controls several device profiles: pick one, and the login completes with it. */
  private profileMenu(l: { base: string; userId: string; pin: string; newPin?: string; locale: string }, profiles: string[]): string {
    const t = translator(l.locale);
    // After a PIN change the new PIN is the credential: the EM service has stored it.
    const pin = l.newPin ?? l.pin;
    return ipPhoneXml({
      type: 'menu', title: t('em.title'), prompt: t('em.chooseProfile'),
      items: profiles.map((p) => ({ name: p, url: `${l.base}&${new URLSearchParams({ userid: l.userId, seq: pin, profile: p }).toString()}` })),
      softKeys: [{ name: t('softkey.select'), url: 'SoftKey:Select', position: 1 }, { name: t('softkey.cancel'), url: 'SoftKey:Cancel', position: 2 }],
    });
  }

  private changePinForm(base: string, userId: string, pin: string, prompt: string, locale: string): string {
    const t = translator(locale);
    const emApp = new URL(base);
    const q = new URLSearchParams(emApp.search);
    q.set('userid', userId);
    q.set('seq', pin);
    return ipPhoneXml({
      type: 'input', title: t('em.changePinTitle'), prompt,
      url: `http://${this.deps.host}:8080${CHANGE_CREDENTIAL_PATH}?${q.toString()}`,
      items: [
        { displayName: t('em.newPin'), queryStringParam: 'newpin', defaultValue: '', inputFlags: 'NP' },
        { displayName: t('em.confirmPin'), queryStringParam: 'confirmpin', defaultValue: '', inputFlags: 'NP' },
      ],
      softKeys: this.inputSoftKeys(locale),
    });
  }

  private inputSoftKeys(locale: string): SoftKeyItem[] {
    const t = translator(locale);
    return [
      { name: t('softkey.submit'), url: 'SoftKey:Submit', position: 1 },
      { name: t('softkey.backspace'), url: 'SoftKey:<<', position: 2 },
      { name: t('softkey.cancel'), url: 'SoftKey:Cancel', position: 3 },
    ];
  }

  private logoutPrompt(url: string, user: string, locale: string): string {
    const t = translator(locale);
    return ipPhoneXml({
      type: 'text', title: t('em.title'), prompt: t('em.loggedInAs', { user }), text: t('em.logoutPrompt'),
      softKeys: [
        { name: t('softkey.yes'), url: `${url}&doLogout=true`, position: 1 },
        { name: t('softkey.no'), url: 'SoftKey:Exit', position: 2 },
      ],
    });
  }

  private text(message: string, locale: string, softKeys?: SoftKeyItem[]): string {
    const t = translator(locale);
    return ipPhoneXml({ type: 'text', title: t('em.title'), text: message, softKeys: softKeys ?? [{ name: t('softkey.exit'), url: 'SoftKey:Exit', position: 1 }] });
  }

  private error(code: number, action: EmAction, locale: string): string {
    return this.text(errorDisplayText(code, action, locale), locale);
  }
}
