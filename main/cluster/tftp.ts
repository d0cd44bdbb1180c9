/**
 * The Cisco Tftp service of a cluster: builds each phone's configuration file from the database.
 * A phone with nobody logged in gets its own lines; a local EM login gets the user's device
 * profile; a phone logged in through EMCC gets a mini-config pointing at its home TFTP; and, on
 * the home cluster, a visiting phone bound to an EMCC device gets the user's profile.
 */
import type { ClusterIdentity } from './cluster-identity';
import { SERVICES } from './cluster-identity';
import type { ClusterStore } from './store/cluster-store';
import type { FullConfig, PhoneConfig } from '../xml/phone-config';
import { DEFAULT_LOCALE, asLocale } from '../../shared/i18n/messages';
import { translator } from '../../shared/i18n/translator';

/** A phone's configuration file on the TFTP server (SEP….cnf.xml): group 1 is the device name. */
export const CONFIG_FILE_PATH = /^\/([A-Za-z0-9_.-]{1,50})\.cnf\.xml$/;
export const SERVICES_MENU_PATH = '/ccmcip/getservicesmenu.jsp';

export class Tftp {
  constructor(private readonly store: ClusterStore, private readonly identity: () => ClusterIdentity) {}

  /** The configuration file of a device, or undefined if this cluster does not know it. */
  configFor(deviceName: string): PhoneConfig | undefined {
    const { store } = this;
    const phone = store.phone(deviceName);
    if (phone) {
      const login = store.login(phone.name);
      if (login?.kind === 'emcc') {
        return { kind: 'mini', deviceName: phone.name, homeTftp: login.home_tftp ? [login.home_tftp] : [] };
      }
      const poolLocale = phone.device_pool ? store.devicePoolLocale(phone.device_pool) : null;
      if (login?.profile) return this.fromProfile(phone.name, login.profile, login.user_id, poolLocale, false);
      return this.full(phone.name, store.phoneLines(phone.name), poolLocale ?? DEFAULT_LOCALE, null, false);
    }
    const bound = store.emccDeviceBoundTo(deviceName);
    if (bound?.profile && bound.user_id) return this.fromProfile(deviceName, bound.profile, bound.user_id, null, true);
    return undefined;
  }

  /**
   * User locale: the device profile's, else the device pool's, else en-US. The profile's intercom
   * line comes only with a local login: intercom needs a static device, so an EMCC login never
   * offers it (guide, section 6).
   */
  private fromProfile(device: string, profileName: string, user: string, poolLocale: string | null, emcc: boolean): FullConfig {
    const profile = this.store.profile(profileName);
    const locale = profile?.user_locale ?? poolLocale ?? DEFAULT_LOCALE;
    const lines = this.store.profileLines(profileName);
    const intercom = !emcc && profile?.intercom_dn ? [{ dn: profile.intercom_dn, label: translator(asLocale(locale))('em.intercom') }] : [];
    return this.full(device, [...lines, ...intercom], locale, user, emcc);
  }

  private full(device: string, lines: { dn: string; label: string }[], locale: string, user: string | null, emcc: boolean): FullConfig {
    const me = this.identity();
    const callManagers = this.store.nodesRunning(SERVICES.callManager);
    const servicesHost = this.store.nodes()[0]?.host ?? callManagers[0] ?? '';
    return {
      kind: 'full', deviceName: device, clusterId: me.clusterId, clusterName: me.name, callManagers,
      servicesUrl: `http://${servicesHost}:8080${SERVICES_MENU_PATH}`, locale,
      lines: lines.map((l) => ({ dn: l.dn, label: l.label })), loggedInUser: user, emcc,
    };
  }

  /** The services a device sees in its Services menu (its own, or its logged-in profile's). */
  servicesFor(deviceName: string): { name: string; url: string }[] {
    const { store } = this;
    const bound = store.emccDeviceBoundTo(deviceName);
    const login = store.login(deviceName);
    const rows = bound?.profile
      ? store.profileServices(bound.profile)
      : login?.kind === 'local' && login.profile
        ? store.profileServices(login.profile)
        : store.phone(deviceName)
          ? store.phoneServices(deviceName)
          : undefined;
    if (!rows) return [];
    // Unified CM fills in #DEVICENAME#; the phone itself fills in #EMCC#.
    return rows.map((s) => ({ name: s.name, url: s.url.replaceAll('#DEVICENAME#', encodeURIComponent(deviceName)) }));
  }
}
