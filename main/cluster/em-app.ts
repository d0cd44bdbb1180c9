/**
 * The phone-facing Extension Mobility application (EMAppServlet) of one node. A phone fetches it
 * from its Services menu: it answers a login form, a logout confirmation, or the localized error
 * screen of the guide. The login itself is done by an EM service of this cluster, reached over
 * the network; when none answers the phone sees 208.
 */
import { EmError } from '../../shared/errors/error-catalogue';
import { errorDisplayText, translator, type EmAction } from '../../shared/i18n/translator';
import { asLocale } from '../../shared/i18n/messages';
import { supportsLoginType } from '../../shared/cluster-versions';
import type { HttpClient } from '../net/lab-network';
import { ipPhoneXml, type SoftKeyItem } from '../xml/cisco-ip-phone';
import { child, text, type XmlNode } from '../xml/xml';
import type { ClusterIdentity } from './cluster-identity';
import { INTERNAL_APP_USER } from './cluster-identity';
import { emFormBody, emRequestXml, parseEmResponse, type LoginType } from './em-xml';
import { localEmServiceUrl } from './em-service';
import type { ClusterStore } from './store/cluster-store';

export const EM_APP_PATH = '/emapp/EMAppServlet';

export interface EmAppDeps {
  store: ClusterStore;
  net: HttpClient;
  identity(): ClusterIdentity;
  /** The host name of the node this EMApp runs on (its own URLs point back to it). */
  host: string;
}

const LOGIN_TYPES = ['UID', 'SP', 'DN'];

export class EmApp {
  constructor(private readonly deps: EmAppDeps) {}

  /** Answer GET /emapp/EMAppServlet?device=..&EMCC=..[&loginType][&userid&seq][&doLogout]. */
  async handle(query: URLSearchParams, acceptLanguage: string | undefined): Promise<string> {
    const locale = asLocale(acceptLanguage?.split(',')[0]?.trim());
    const device = query.get('device')?.trim() ?? '';
    const logout = query.get('doLogout') === 'true';
    const action: EmAction = logout ? 'logout' : 'login';
    if (!device) return this.error(EmError.DeviceNameEmpty, action, locale);

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
      const outcome = await this.callEmService(emRequestXml({
        type: 'login', app: this.app(), deviceName: device, userId, credential: pin, loginType,
        ...(query.get('profile') ? { deviceProfile: query.get('profile')! } : {}),
      }));
      if (!outcome.ok) return this.error(outcome.code, 'login', locale);
      return this.text(translator(locale)('em.loginOk'), locale);
    }

    // Like the real EMApp, ask the EM service who is logged in on the device.
    const state = await this.callEmService(emRequestXml({ type: 'deviceUserQuery', app: this.app(), deviceNames: [device] }));
    if (!state.ok) return this.error(state.code, 'login', locale);
    const user = text(child(child(child(state.body, 'deviceUserResults'), 'device'), 'userID'));
    if (user) return this.logoutPrompt(base, user, locale);
    return this.loginForm(base, loginType, locale);
  }

  private app() {
    return { appId: INTERNAL_APP_USER, appCertificate: this.deps.store.setting('internalAppCertificate') ?? '' };
  }

  private selfUrl(device: string, emcc: boolean, loginType: LoginType | undefined): string {
    const q = new URLSearchParams({ device, EMCC: String(emcc) });
    if (loginType) q.set('loginType', loginType);
    return `http://${this.deps.host}:8080${EM_APP_PATH}?${q.toString()}`;
  }

  /** POST to this cluster's EM service nodes in order; none answering is 208. */
  private async callEmService(xml: string): Promise<{ ok: true; body: XmlNode } | { ok: false; code: number }> {
    const hosts = this.deps.store.nodesRunning('Cisco Extension Mobility');
    for (const host of hosts) {
      try {
        const res = await this.deps.net.request({
          method: 'POST', url: localEmServiceUrl(host),
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: emFormBody(xml),
        });
        if (res.status !== 200) continue;
        const outcome = parseEmResponse(res.body);
        return outcome.ok ? { ok: true, body: outcome.body } : { ok: false, code: outcome.code };
      } catch {
        continue;
      }
    }
    return { ok: false, code: EmError.EmServiceConnection };
  }

  private loginForm(url: string, loginType: LoginType | undefined, locale: string): string {
    const t = translator(locale);
    const idLabel = loginType === 'DN' ? t('em.primaryExtension') : loginType === 'SP' ? t('em.selfServiceUserId') : t('em.userId');
    const prompt = loginType === 'DN' ? t('em.promptDn') : loginType === 'SP' ? t('em.promptSp') : t('em.prompt');
    return ipPhoneXml({
      type: 'input', title: t('em.title'), prompt, url,
      items: [
        { displayName: idLabel, queryStringParam: 'userid', defaultValue: '', inputFlags: loginType === 'DN' ? 'T' : 'A' },
        { displayName: t('em.pin'), queryStringParam: 'seq', defaultValue: '', inputFlags: 'NP' },
      ],
      softKeys: [
        { name: t('softkey.submit'), url: 'SoftKey:Submit', position: 1 },
        { name: t('softkey.backspace'), url: 'SoftKey:<<', position: 2 },
        { name: t('softkey.cancel'), url: 'SoftKey:Cancel', position: 3 },
      ],
    });
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
