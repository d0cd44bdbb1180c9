/**
 * The CiscoIPPhone XML objects the phone services speak (CiscoIPPhoneText, CiscoIPPhoneInput,
 * CiscoIPPhoneMenu): one typed model, built by the clusters' servlets and parsed by the phones'
 * firmware, so both sides agree on the shape.
 */
import { buildXml, child, children, parseXml, text, type XmlNode } from './xml';

export interface SoftKeyItem {
  name: string;
  /** A URL to fetch, or a built-in action: SoftKey:Submit, SoftKey:<<, SoftKey:Cancel, SoftKey:Exit. */
  url: string;
  position: number;
}

export interface InputItem {
  displayName: string;
  queryStringParam: string;
  defaultValue: string;
  /** A = any text, N = numeric, T = phone number, U = upper case, L = lower case; P = masked. */
  inputFlags: string;
}

export type IpPhoneObject =
  | { type: 'text'; title: string; prompt?: string; text: string; softKeys: SoftKeyItem[] }
  | { type: 'input'; title: string; prompt: string; url: string; items: InputItem[]; softKeys: SoftKeyItem[] }
  | { type: 'menu'; title: string; prompt: string; items: { name: string; url: string }[]; softKeys: SoftKeyItem[] };

function softKeysXml(keys: SoftKeyItem[]): XmlNode[] {
  return keys.map((k) => ({ Name: k.name, URL: k.url, Position: String(k.position) }));
}

export function ipPhoneXml(o: IpPhoneObject): string {
  const softKeys: XmlNode = o.softKeys.length ? { SoftKeyItem: softKeysXml(o.softKeys) } : {};
  switch (o.type) {
    case 'text':
      return buildXml({ CiscoIPPhoneText: { Title: o.title, ...(o.prompt ? { Prompt: o.prompt } : {}), Text: o.text, ...softKeys } });
    case 'input':
      return buildXml({
        CiscoIPPhoneInput: {
          Title: o.title, Prompt: o.prompt, URL: o.url,
          InputItem: o.items.map((i) => ({ DisplayName: i.displayName, QueryStringParam: i.queryStringParam, DefaultValue: i.defaultValue, InputFlags: i.inputFlags })),
          ...softKeys,
        },
      });
    case 'menu':
      return buildXml({ CiscoIPPhoneMenu: { Title: o.title, Prompt: o.prompt, MenuItem: o.items.map((i) => ({ Name: i.name, URL: i.url })), ...softKeys } });
  }
}

function softKeysOf(node: XmlNode): SoftKeyItem[] {
  return children(node, 'SoftKeyItem').map((k, i) => ({
    name: text(child(k, 'Name')) ?? '',
    url: text(child(k, 'URL')) ?? '',
    position: Number(text(child(k, 'Position'))) || i + 1,
  }));
}

/** Parse a service's answer; undefined when it is not a CiscoIPPhone object the phone knows. */
export function parseIpPhoneXml(xml: string): IpPhoneObject | undefined {
  let doc: XmlNode;
  try {
    doc = parseXml(xml);
  } catch {
    return undefined;
  }
  const t = doc.CiscoIPPhoneText;
  if (t !== undefined) {
    const n = (typeof t === 'object' ? t : {}) as XmlNode;
    return { type: 'text', title: text(child(n, 'Title')) ?? '', prompt: text(child(n, 'Prompt')), text: text(child(n, 'Text')) ?? '', softKeys: softKeysOf(n) };
  }
  const inp = doc.CiscoIPPhoneInput;
  if (inp !== undefined && typeof inp === 'object' && !Array.isArray(inp)) {
    return {
      type: 'input', title: text(child(inp, 'Title')) ?? '', prompt: text(child(inp, 'Prompt')) ?? '', url: text(child(inp, 'URL')) ?? '',
      items: children(inp, 'InputItem').map((i) => ({
        displayName: text(child(i, 'DisplayName')) ?? '',
        queryStringParam: text(child(i, 'QueryStringParam')) ?? '',
        defaultValue: text(child(i, 'DefaultValue')) ?? '',
        inputFlags: text(child(i, 'InputFlags')) ?? 'A',
      })),
      softKeys: softKeysOf(inp),
    };
  }
  const menu = doc.CiscoIPPhoneMenu;
  if (menu !== undefined && typeof menu === 'object' && !Array.isArray(menu)) {
    return {
      type: 'menu', title: text(child(menu, 'Title')) ?? '', prompt: text(child(menu, 'Prompt')) ?? '',
      items: children(menu, 'MenuItem').map((m) => ({ name: text(child(m, 'Name')) ?? '', url: text(child(m, 'URL')) ?? '' })),
      softKeys: softKeysOf(menu),
    };
  }
  return undefined;
}
