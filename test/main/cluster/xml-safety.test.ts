import { describe, expect, it } from 'vitest';
import { parseEmRequest } from '../../../main/cluster/em/em-xml';
import { parseXml, XmlError } from '../../../main/xml/xml';

describe('XML input', () => {
  it('refuses any DOCTYPE, so no entity is ever expanded (billion laughs)', () => {
    const bomb = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><request>&lol2;</request>';
    expect(() => parseXml(bomb)).toThrow(XmlError);
  });

  it('refuses an external entity reference (XXE)', () => {
    expect(() => parseXml('<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>')).toThrow(XmlError);
  });

  it('decodes the five predefined entities only', () => {
    const doc = parseXml('<r>a&amp;b &lt;c&gt;</r>');
    expect(doc.r).toBe('a&b <c>');
  });

  it.each([
    ['not XML at all', 'hello'],
    ['unclosed element', '<request><login>'],
    ['login without a user', '<request><appInfo><appID>a</appID></appInfo><login><deviceName>SEP1</deviceName></login></request>'],
    ['unknown root', '<hello/>'],
    ['request without appInfo', '<request><login><deviceName>d</deviceName><userID>u</userID></login></request>'],
  ])('answers a parse error (1) for %s', (_what, xml) => {
    expect(parseEmRequest(xml)).toMatchObject({ ok: false, code: 1 });
  });

  it('answers 8 for a query of no known type', () => {
    expect(parseEmRequest('<query><appInfo><appID>a</appID><appCertificate>b</appCertificate></appInfo><whoQuery/></query>')).toMatchObject({ ok: false, code: 8 });
  });

  it('a cluster before 12.0 cannot parse a login that carries loginType (seed table 5: error 1)', () => {
    const xml = '<emccRequest><checkUser><clusterId>V</clusterId><user id="alice"/><loginType>DN</loginType></checkUser></emccRequest>';
    expect(parseEmRequest(xml, { knowsLoginType: true })).toMatchObject({ ok: true });
    expect(parseEmRequest(xml, { knowsLoginType: false })).toMatchObject({ ok: false, code: 1 });
  });
});
