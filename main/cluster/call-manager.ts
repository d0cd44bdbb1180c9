/**
 * The Cisco CallManager service of a cluster, reduced to what EMCC needs: phones register with a
 * contact address (as a SIP REGISTER carries one), and the cluster resets a phone by sending a
 * notification to that contact (as a SIP NOTIFY check-sync does). Registrations live in memory,
 * as they do in a real CallManager: after a restart the phones register again.
 */
import type { Clock } from '../clock/lab-clock';
import type { HttpClient } from '../net/lab-network';
import { buildXml, child, parseXml, text } from '../xml/xml';
import type { ClusterStore } from './store/cluster-store';

export const REGISTER_PATH = '/ccm/register';

export interface Registration {
  deviceName: string;
  contact: string;
  /** The host of the node it registered with. */
  host: string;
  at: number;
}

export class CallManager {
  private readonly registrations = new Map<string, Registration>();

  constructor(private readonly deps: { store: ClusterStore; clock: Clock; net: HttpClient }) {}

  /** Handle a REGISTER sent to the node at `host`; only devices this cluster knows may register. */
  register(body: string, host: string): { status: number; body: string } {
    let deviceName: string | undefined;
    let contact: string | undefined;
    try {
      const doc = parseXml(body);
      deviceName = text(child(doc.register, 'deviceName'));
      contact = text(child(doc.register, 'contact'));
    } catch {
      return { status: 400, body: 'malformed REGISTER' };
    }
    if (!deviceName || !contact || !/^http:\/\/127\.0\.0\.1:\d+\//.test(contact)) return { status: 400, body: 'deviceName and contact required' };
    const { store } = this.deps;
    const known = store.phone(deviceName) !== undefined || store.emccDeviceBoundTo(deviceName) !== undefined;
    if (!known) return { status: 403, body: buildXml({ rejected: { reason: 'device not found' } }) };
    this.registrations.set(deviceName.toUpperCase(), { deviceName, contact, host, at: this.deps.clock.now() });
    return { status: 200, body: buildXml({ registered: { deviceName, node: host } }) };
  }

  registration(deviceName: string): Registration | undefined {
    return this.registrations.get(deviceName.toUpperCase());
  }

  get registeredCount(): number {
    return this.registrations.size;
  }

  /**
   * Reset a registered phone: it drops its registration and goes back to its TFTP server. The
   * notification leaves after the current request has been answered, as a real reset does.
   */
  reset(deviceName: string): void {
    const reg = this.registration(deviceName);
    if (!reg) return;
    this.registrations.delete(deviceName.toUpperCase());
    this.deps.clock.setTimer(0, () => {
      this.deps.net
        .request({ method: 'POST', url: reg.contact, fromHost: reg.host, headers: { 'content-type': 'application/xml' }, body: buildXml({ notify: { event: 'reset' } }) })
        .catch(() => undefined); // a phone that is gone simply does not reset
    });
  }

  /** Forget every registration (the service stopped). */
  /** Reset every phone registered here (a bulk certificate import restarts them); returns how many. */
  resetAll(): number {
    const devices = [...this.registrations.values()].map((r) => r.deviceName);
    for (const d of devices) this.reset(d);
    return devices.length;
  }

  clear(): void {
    this.registrations.clear();
  }

}
