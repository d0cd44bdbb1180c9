/**
 * Test helpers: open a lab from the same public constructors a user's lab uses, drive its phones
 * with key presses, and wait for a phone's screen to reach a state (event-driven, no sleeps).
 */
import type { PhoneKey, PhoneScreen } from '../../shared/api/contract';
import { LabClock } from '../../main/clock/lab-clock';
import type { ClusterDefinition } from '../../main/cluster/cluster-definition';
import { DEMO_LAB } from '../../main/lab/demo-lab';
import { Lab } from '../../main/lab/lab';
import { keyPool } from '../../main/cluster/pki/key-source';

/** Certificate keys shared by every test lab of a run (making RSA keys is the slow part). */
export const TEST_KEYS = keyPool();

/**
 * An in-memory lab whose clock runs 1000x real time, so resets take about a millisecond. Its
 * clusters have exchanged certificates (as the demo lab has) unless `exchangeCertificates` is false.
 */
export function openLab(clusters: readonly ClusterDefinition[] = DEMO_LAB, options: { exchangeCertificates?: boolean } = {}): Promise<Lab> {
  return Lab.open({ clusters, clock: new LabClock({ speed: 1000 }), keys: TEST_KEYS, exchangeCertificates: options.exchangeCertificates ?? true });
}

export const VISITING_PHONE = 'SEP00AA11BB22CC';
export const VISITING_PHONE_ZH = 'SEP00AA11BB33DD';
export const HOME_PHONE = 'SEP001122334455';

/** Resolve with the phone's screen once `predicate` holds; reject with the last screen after `timeoutMs`. */
export function waitForScreen(lab: Lab, device: string, predicate: (s: PhoneScreen) => boolean, timeoutMs = 5000): Promise<PhoneScreen> {
  const phone = lab.phone(device);
  if (!phone) return Promise.reject(new Error(`no phone ${device}`));
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const s = phone.screen();
      if (!predicate(s)) return false;
      off();
      clearTimeout(timer);
      resolve(s);
      return true;
    };
    const off = lab.onScreen((s) => {
      if (s.deviceName === device) check();
    });
    const timer = setTimeout(() => {
      off();
      reject(new Error(`timed out; last screen: ${JSON.stringify(phone.screen())}`));
    }, timeoutMs);
    check();
  });
}

export const registeredTo = (clusterId: string) => (s: PhoneScreen) => s.status === 'registered' && s.registration?.clusterId === clusterId;
export const viewIs = (kind: PhoneScreen['view']['kind']) => (s: PhoneScreen) => s.view.kind === kind;
export const showsText = (text: string) => (s: PhoneScreen) => s.view.kind === 'text' && s.view.text.includes(text);

export function press(lab: Lab, device: string, ...keys: PhoneKey[]): void {
  for (const k of keys) lab.phone(device)!.pressKey(k);
}

/** Services > Extension Mobility: the EM login (or logout) screen. */
export async function openExtensionMobility(lab: Lab, device: string): Promise<PhoneScreen> {
  // Services closes whatever service screen is open; pressed again it opens the menu.
  if (lab.phone(device)!.screen().view.kind !== 'idle') press(lab, device, 'services');
  press(lab, device, 'services');
  await waitForScreen(lab, device, (s) => s.view.kind === 'menu' && s.view.items.includes('Extension Mobility'));
  press(lab, device, 'select');
  return waitForScreen(lab, device, (s) => s.view.kind === 'input' || s.view.kind === 'text');
}

/** Enter user ID and PIN on the EM form and press Submit, with the keypad for the PIN. */
export async function submitLogin(lab: Lab, device: string, userId: string, pin: string): Promise<void> {
  const form = await openExtensionMobility(lab, device);
  if (form.view.kind !== 'input') throw new Error(`expected the login form, got ${JSON.stringify(form.view)}`);
  lab.phone(device)!.typeText(userId);
  press(lab, device, 'navDown', ...([...pin] as PhoneKey[]), 'soft1');
}
