/**
 * The phones' side of the network: one loopback server that receives the notifications
 * CallManager sends to a phone's REGISTER contact (POST /phone/<device>/notify), as each real
 * phone listens for SIP NOTIFY. It hands them to the firmware of that phone.
 */
import { startHttpServer, type RunningServer } from '../net/http-server';
import { child, parseXml, text } from '../xml/xml';

export const PHONES_SITE = 'phones';
/** Where one phone receives its notifications: group 1 is the device name. */
export const NOTIFY_PATH = /^\/phone\/([A-Za-z0-9_.-]{1,50})\/notify$/;

export class PhoneEndpoint {
  private server: RunningServer | undefined;

  constructor(private readonly deliver: (deviceName: string, event: string) => boolean) {}

  async start(): Promise<void> {
    this.server = await startHttpServer((req) => {
      const m = NOTIFY_PATH.exec(req.path);
      if (!m || req.method !== 'POST') return { status: 404, body: 'not found' };
      let event: string | undefined;
      try {
        event = text(child(parseXml(req.body).notify, 'event'));
      } catch {
        return { status: 400, body: 'malformed notify' };
      }
      if (!event) return { status: 400, body: 'no event' };
      return this.deliver(m[1]!, event) ? { status: 200, body: 'ok' } : { status: 404, body: 'no such phone' };
    });
  }

  /** The REGISTER contact of one phone. */
  contactOf(deviceName: string): string {
    if (!this.server) throw new Error('phone endpoint not started');
    return `${this.server.url}/phone/${encodeURIComponent(deviceName)}/notify`;
  }

  async stop(): Promise<void> {
    await this.server?.close();
  }
}
