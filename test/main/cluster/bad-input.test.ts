import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lab } from '../../../main/lab/lab';
import { dbFingerprint } from '../../helpers/db-fingerprint';
import { DEMO_LAB } from '../../../main/lab/demo-lab';
import { openLab, registeredTo, VISITING_PHONE, waitForScreen } from '../../helpers/lab-fixture';

describe('bad input at the nodes\' HTTP surface gets a clear answer and changes nothing', () => {
  let lab: Lab;
  let base: string;
  let before: string[];
  beforeAll(async () => {
    // A week between remote cluster updates, so no scheduled run writes during these tests.
    lab = await openLab(DEMO_LAB.map((d) => ({ ...d, featureParameters: { ...d.featureParameters, remoteClusterUpdateInterval: '10080' } })));
    await waitForScreen(lab, VISITING_PHONE, registeredTo('VISIT'));
    base = lab.cluster('VISIT')!.nodes()[0]!.url;
    before = lab.clusters.map((c) => dbFingerprint(c.store));
  });
  afterAll(async () => {
    // Nothing any of these requests did may show in either database.
    expect(lab.clusters.map((c) => dbFingerprint(c.store))).toEqual(before);
    await lab.close();
  });

  const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' }) =>
    fetch(`${base}/emservice/EMServiceServlet`, { method: 'POST', headers, body });

  it('an EMApp request without a device answers error 207', async () => {
    const res = await fetch(`${base}/emapp/EMAppServlet?EMCC=false`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<Text>Login is unavailable (207)</Text>');
  });

  it('an EMApp logout without a device answers "Logout is unavailable (207)"', async () => {
    expect(await (await fetch(`${base}/emapp/EMAppServlet?doLogout=true`)).text()).toContain('Logout is unavailable (207)');
  });

  it('an EMApp request with an unknown loginType answers 215', async () => {
    expect(await (await fetch(`${base}/emapp/EMAppServlet?device=${VISITING_PHONE}&loginType=XYZ`)).text()).toContain('LoginType invalid (215)');
  });

  it('malformed XML to the EM service answers error 1 in Cisco\'s failure XML, not a stack trace or a 500', async () => {
    const res = await post(new URLSearchParams({ xml: '<request><login><deviceName>SEP' }).toString());
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).toMatch(/^<response><failure><error code="1">[^<]*<\/error><\/failure><\/response>$/);
    expect(body).not.toMatch(/at .*\.ts:\d+|Error:/);
  });

  it('a POST without the xml field answers error 1', async () => {
    expect(await (await post('foo=bar')).text()).toContain('<error code="1">');
  });

  it('an entity-expansion attack answers error 1', async () => {
    const xml = '<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><request>&b;</request>';
    expect(await (await post(new URLSearchParams({ xml }).toString())).text()).toContain('<error code="1">');
  });

  it('a login for a device that does not exist answers 3 without the internal application user\'s secret', async () => {
    const xml = '<request><appInfo><appID>CCMSysUser</appID><appCertificate>guess</appCertificate></appInfo><login><deviceName>SEP000000000000</deviceName><userID>alice</userID></login></request>';
    expect(await (await post(new URLSearchParams({ xml }).toString())).text()).toContain('<error code="3">');
  });

  it('GET on the EM service is refused with 405', async () => {
    expect((await fetch(`${base}/emservice/EMServiceServlet`)).status).toBe(405);
  });

  it('a request body over 256 KiB is refused with 413', async () => {
    expect((await post(`xml=${'a'.repeat(300 * 1024)}`)).status).toBe(413);
  });
});
