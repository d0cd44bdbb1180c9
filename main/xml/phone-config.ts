/**
 * The phone configuration file a TFTP server hands out (SEPxxxxxxxxxxxx.cnf.xml), in a compact
 * form of the real one: which CallManager nodes to register with, the lines, locale and services
 * URL. An EMCC-logged-in phone's visiting TFTP answers a mini-config that only points at the
 * home cluster's TFTP servers, as the guide's login sequence describes.
 */
import { buildXml, child, children, parseXml, text, attr, type XmlNode } from './xml';

export interface FullConfig {
  kind: 'full';
  deviceName: string;
  clusterId: string;
  clusterName: string;
  callManagers: string[];
  servicesUrl: string;
  locale: string;
  lines: { dn: string; label: string }[];
  loggedInUser: string | null;
  emcc: boolean;
}

export interface MiniConfig {
  kind: 'mini';
  deviceName: string;
  homeTftp: string[];
}

export type PhoneConfig = FullConfig | MiniConfig;

export function phoneConfigXml(c: PhoneConfig): string {
  if (c.kind === 'mini') {
    return buildXml({ device: { deviceName: c.deviceName, emccMode: 'true', homeTftp: { server: c.homeTftp } } });
  }
  return buildXml({
    device: {
      deviceName: c.deviceName,
      clusterId: c.clusterId,
      clusterName: c.clusterName,
      emccMode: String(c.emcc),
      callManagers: { callManager: c.callManagers },
      servicesURL: c.servicesUrl,
      userLocale: c.locale,
      ...(c.loggedInUser ? { loggedInUser: c.loggedInUser } : {}),
      lines: { line: c.lines.map((l, i) => ({ '@button': String(i + 1), dn: l.dn, label: l.label })) },
    },
  });
}

/** Parse a configuration file; undefined when it is not one. */
export function parsePhoneConfig(xml: string): PhoneConfig | undefined {
  let doc: XmlNode;
  try {
    doc = parseXml(xml);
  } catch {
    return undefined;
  }
  const d = doc.device;
  if (!d || typeof d !== 'object' || Array.isArray(d)) return undefined;
  const deviceName = text(child(d, 'deviceName')) ?? '';
  const home = child(d, 'homeTftp');
  if (home !== undefined) {
    return { kind: 'mini', deviceName, homeTftp: children(home, 'server').map((s) => text(s) ?? '').filter(Boolean) };
  }
  return {
    kind: 'full',
    deviceName,
    clusterId: text(child(d, 'clusterId')) ?? '',
    clusterName: text(child(d, 'clusterName')) ?? '',
    callManagers: children(child(d, 'callManagers'), 'callManager').map((s) => text(s) ?? '').filter(Boolean),
    servicesUrl: text(child(d, 'servicesURL')) ?? '',
    locale: text(child(d, 'userLocale')) ?? 'en-US',
    loggedInUser: text(child(d, 'loggedInUser')) || null,
    emcc: text(child(d, 'emccMode')) === 'true',
    lines: children(child(d, 'lines'), 'line')
      .sort((a, b) => Number(attr(a, 'button')) - Number(attr(b, 'button')))
      .map((l) => ({ dn: text(child(l, 'dn')) ?? '', label: text(child(l, 'label')) ?? '' })),
  };
}
