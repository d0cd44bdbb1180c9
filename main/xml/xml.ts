/**
 * XML in and out, through fast-xml-parser. Documents with a DOCTYPE are refused before parsing, so
 * no DTD, external entity or entity expansion ever reaches the parser; only the five predefined
 * entities are decoded.
 */
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';

export class XmlError extends Error {}

/** Largest XML document any servlet accepts (Cisco's requests are a few hundred bytes). */
export const MAX_XML_BYTES = 64 * 1024;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: false,
  ignoreDeclaration: true,
});

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  suppressEmptyNode: true,
  processEntities: true,
  format: false,
});

/** A parsed element: text content under '#text', attributes under '@name', children by tag. */
export type XmlNode = { [key: string]: XmlValue };
export type XmlValue = string | XmlNode | XmlValue[];

/** Parse a document; throws XmlError for anything that is not plain, well-formed XML. */
export function parseXml(text: string): XmlNode {
  if (text.length > MAX_XML_BYTES) throw new XmlError('document too large');
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new XmlError('DTDs are not accepted');
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new XmlError(`not well-formed: ${valid.err.msg} (line ${valid.err.line})`);
  const doc = parser.parse(text) as unknown;
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new XmlError('no root element');
  return doc as XmlNode;
}

/** Serialise an element tree (same shape as parseXml returns) without whitespace. */
export function buildXml(tree: XmlNode): string {
  return builder.build(tree) as string;
}

/** The child element of `node` named `tag`, if it is an element (first one when repeated). */
export function child(node: XmlValue | undefined, tag: string): XmlValue | undefined {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return undefined;
  const v = node[tag];
  return Array.isArray(v) ? v[0] : v;
}

/** All children of `node` named `tag`. */
export function children(node: XmlValue | undefined, tag: string): XmlValue[] {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return [];
  const v = node[tag];
  if (v === undefined) return [];
  return Array.isArray(v) ? v : [v];
}

/** The text content of an element (an element with only text parses to a string). */
export function text(node: XmlValue | undefined): string | undefined {
  if (node === undefined) return undefined;
  if (typeof node === 'string') return node;
  if (Array.isArray(node)) return text(node[0]);
  const t = node['#text'];
  return typeof t === 'string' ? t : t === undefined ? '' : undefined;
}

/** The value of attribute `name` on an element. */
export function attr(node: XmlValue | undefined, name: string): string | undefined {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return undefined;
  const v = node[`@${name}`];
  return typeof v === 'string' ? v : undefined;
}

/** Whether `node` has a child element `tag` (empty elements like <success/> parse to ''). */
export function has(node: XmlValue | undefined, tag: string): boolean {
  return !!node && typeof node === 'object' && !Array.isArray(node) && tag in node;
}
