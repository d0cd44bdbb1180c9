/**
 * The phone model catalogue: which models support Extension Mobility and EMCC (the Phone Feature
 * List report reads this), and what the emulated phone's face looks like. One row per model.
 */
export interface PhoneModel {
  /** Model number as Unified CM lists it under Product Type ("Cisco 8845"). */
  id: string;
  name: string;
  protocol: 'SIP' | 'SCCP';
  supportsEm: boolean;
  supportsEmcc: boolean;
  /** Whether the model supports user locales other than English. */
  localization: boolean;
  /** Label of the hard key that opens the services menu (7900: Services, 8800: Applications). */
  servicesKey: 'services' | 'applications';
  lineKeys: number;
  softkeys: number;
  screen: { width: number; height: number; color: boolean };
  /** Desk phone, or a mobile / dual-mode client. */
  kind: 'desk' | 'dual-mode';
  /**
   * The one DND Option the model takes, where it is limited (guide, device profile fields):
   * 7940/7960 on SCCP take Ringer Off only; mobile and dual-mode phones take Call Reject only.
   */
  dndOnly?: { option: 'Ringer Off' | 'Call Reject'; protocol?: 'SIP' | 'SCCP' };
}

/** The catalogue. 7940 and 7960 predate EMCC: they support EM but not EMCC. */
export const PHONE_MODELS: readonly PhoneModel[] = [
  { id: '7940', name: 'Cisco 7940', protocol: 'SCCP', supportsEm: true, supportsEmcc: false, localization: true, servicesKey: 'services', lineKeys: 2, softkeys: 4, screen: { width: 298, height: 168, color: false }, kind: 'desk', dndOnly: { option: 'Ringer Off', protocol: 'SCCP' } },
  { id: '7960', name: 'Cisco 7960', protocol: 'SCCP', supportsEm: true, supportsEmcc: false, localization: true, servicesKey: 'services', lineKeys: 6, softkeys: 4, screen: { width: 298, height: 168, color: false }, kind: 'desk', dndOnly: { option: 'Ringer Off', protocol: 'SCCP' } },
  { id: '7942', name: 'Cisco 7942', protocol: 'SIP', supportsEm: true, supportsEmcc: true, localization: true, servicesKey: 'services', lineKeys: 2, softkeys: 4, screen: { width: 298, height: 168, color: false }, kind: 'desk' },
  { id: '7965', name: 'Cisco 7965', protocol: 'SIP', supportsEm: true, supportsEmcc: true, localization: true, servicesKey: 'services', lineKeys: 6, softkeys: 4, screen: { width: 298, height: 168, color: true }, kind: 'desk' },
  { id: '7841', name: 'Cisco 7841', protocol: 'SIP', supportsEm: true, supportsEmcc: true, localization: true, servicesKey: 'applications', lineKeys: 4, softkeys: 4, screen: { width: 396, height: 162, color: false }, kind: 'desk' },
  { id: '8845', name: 'Cisco 8845', protocol: 'SIP', supportsEm: true, supportsEmcc: true, localization: true, servicesKey: 'applications', lineKeys: 5, softkeys: 4, screen: { width: 800, height: 480, color: true }, kind: 'desk' },
  { id: '8865', name: 'Cisco 8865', protocol: 'SIP', supportsEm: true, supportsEmcc: true, localization: true, servicesKey: 'applications', lineKeys: 5, softkeys: 4, screen: { width: 800, height: 480, color: true }, kind: 'desk' },
  { id: '9971', name: 'Cisco 9971', protocol: 'SIP', supportsEm: true, supportsEmcc: true, localization: true, servicesKey: 'applications', lineKeys: 6, softkeys: 5, screen: { width: 640, height: 480, color: true }, kind: 'desk' },
  { id: '6901', name: 'Cisco 6901', protocol: 'SCCP', supportsEm: false, supportsEmcc: false, localization: false, servicesKey: 'services', lineKeys: 1, softkeys: 0, screen: { width: 0, height: 0, color: false }, kind: 'desk' },
  { id: 'BOT', name: 'Cisco Dual Mode for Android', protocol: 'SIP', supportsEm: false, supportsEmcc: false, localization: true, servicesKey: 'applications', lineKeys: 1, softkeys: 0, screen: { width: 0, height: 0, color: true }, kind: 'dual-mode', dndOnly: { option: 'Call Reject' } },
];

const BY_ID = new Map(PHONE_MODELS.map((m) => [m.id, m]));

/** The catalogue row of a model, or undefined for a model the lab does not know. */
export function phoneModel(id: string): PhoneModel | undefined {
  return BY_ID.get(id);
}

export const PHONE_MODEL_IDS = PHONE_MODELS.map((m) => m.id) as [string, ...string[]];

/**
 * How the emulated phone's face is drawn: the 8800 and 9900 series with their large colour
 * screens, or the smaller 7800/7900 series.
 */
export type PhoneFaceForm = 'large' | 'compact';

export function phoneFaceForm(modelId: string): PhoneFaceForm {
  return (phoneModel(modelId)?.screen.width ?? 0) >= 640 ? 'large' : 'compact';
}

/**
 * The face's size in CSS pixels for each form: renderer/src/styles.css draws it this size
 * (`.phone.large`, `.phone.compact`), and the desktop app opens a phone's window to fit it.
 */
export const PHONE_FACE_SIZE: Record<PhoneFaceForm, { width: number; height: number }> = {
  large: { width: 500, height: 624 },
  compact: { width: 440, height: 584 },
};

/**
 * A lab with at most this many phones shows all of them at first (a window or a panel each);
 * a bigger one shows none until asked, and its phone grid shows them all at a glance.
 */
export const AUTO_OPEN_PHONES = 12;
