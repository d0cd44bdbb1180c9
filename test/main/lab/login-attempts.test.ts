import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { Lab } from '../../../main/lab/lab';
import { shownBody } from '../../../main/lab/attempts';
import type { AttemptMessage, LoginAttempt } from '../../../shared/api/lab-contract';
import { HOME_WITH_ZH_PHONE, VISITING_PHONE, finishReset, logoutOn, openCodeLab, phonesReady, submitOn } from '../../helpers/em-lab';
import { withRecord } from '../../helpers/definitions';
import { press, registeredTo, showsText, waitForScreen } from '../../helpers/lab-fixture';

/** The last login (not the form's opening) the phone made. */
function lastLogin(lab: Lab, device: string): LoginAttempt {
  const attempt = lab.attempts.list().find((a) => a.device === device && a.action === 'login');
  if (!attempt) throw new Error(`no login attempt of ${device}: ${JSON.stringify(lab.attempts.list())}`);
  return attempt;
}

/** The trace lines a message's node wrote while serving it. */
const said = (m: AttemptMessage) => m.decisions.map((d) => d.text);

/** GET a node's EMApp as a client outside the lab does (its own socket, nothing lab-specific). */
function outsideGet(lab: Lab, host: string, path: string, headers: Record<string, string> = {}): Promise<string> {
  const entry = lab.network.lookup(host)!;
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port: entry.port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    }).on('error', reject);
  });
}

describe('login attempts: every message a phone\'s EM request caused, for the sequence diagram', () => {
  let lab: Lab | undefined;
  afterEach(async () => {
    await lab?.close();
    lab = undefined;
  });

  it('an EMCC login with a wrong PIN: the phone, both EM services and the home cluster\'s deciding rule, code 2, no PIN anywhere', async () => {
    lab = await openCodeLab();
    await phonesReady(lab);
    const events: LoginAttempt[] = [];
    lab.attempts.onAttempt((a) => events.push(a));
    await submitOn(lab, VISITING_PHONE, 'alice', '99999');
    await waitForScreen(lab, VISITING_PHONE, showsText('Login is unavailable (2)'));

    const attempt = lastLogin(lab, VISITING_PHONE);
    expect(attempt).toMatchObject({ device: VISITING_PHONE, action: 'login', code: 2, result: 'Login is unavailable (2)' });
    expect(attempt.id).toMatch(/^[0-9a-f]{32}$/);
    // Opening the form was an attempt of its own ('open'), told before the login.
    expect(events.map((e) => e.action)).toEqual(['open', 'login']);
    expect(events[1]).toBe(attempt);

    const m = attempt.messages;
    expect(m.map((x) => [x.seq, x.from, x.to, x.method, x.status, x.failure])).toEqual([
      [1, `phone ${VISITING_PHONE}`, 'visit-pub', 'GET', 200, null],
      [2, 'visit-pub', 'visit-pub', 'POST', 200, null],
      [3, 'visit-pub', 'home-pub', 'POST', 200, null],
      [4, 'visit-pub', 'home-pub', 'POST', 200, null],
    ]);
    expect(m[0]!.path).toMatch(/^\/emapp\/EMAppServlet\?device=SEP00AA11BB22CC&EMCC=false&userid=alice&seq=\*\*\*\*$/);
    expect(m[0]!.response).toContain('Login is unavailable (2)');
    expect(m[1]!.path).toBe('/emservice/EMServiceServlet');
    expect(m[1]!.request).toMatch(/<request>\s*<appInfo>[\s\S]*<login>/);
    expect(m[2]!.request).toMatch(/<emccRequest>\s*<checkUser>/);
    expect(m[2]!.response).toMatch(/<exists/);
    expect(m[3]!.request).toMatch(/<emccRequest>\s*<login>/);
    expect(m[3]!.request).toContain('<credential>****</credential>');
    expect(m[3]!.response).toContain('<error code="2">');
    // The serving node's trace lines, the rule that decided among them.
    expect(said(m[3]!).some((d) => d.includes('wrong PIN for alice -> 2'))).toBe(true);
    expect(said(m[1]!).some((d) => d.includes('home cluster HOME refused the login'))).toBe(true);
    expect(m[0]!.decisions).toEqual([]);
    // Answers in the order they came: each caller's after the requests it caused, the phone's last.
    expect(m.map((x) => [x.sent, x.answered])).toEqual([[1, 8], [2, 7], [3, 4], [5, 6]]);
    // The visiting EM service's verdict was written after the home cluster's answer, not before its question.
    const verdict = m[1]!.decisions.find((d) => d.text.includes('home cluster HOME refused the login'))!;
    expect(verdict.event).toBeGreaterThanOrEqual(m[3]!.answered!);
    for (const x of m) expect(x.afterAnswer).toBe(false);
    // Lab time, in the order sent; real milliseconds for each answer.
    for (const [i, x] of m.entries()) {
      expect(x.at).toBeGreaterThanOrEqual(attempt.at);
      if (i > 0) expect(x.at).toBeGreaterThanOrEqual(m[i - 1]!.at);
      expect(x.ms).toBeGreaterThanOrEqual(0);
    }
    expect(m[0]!.ms).toBeGreaterThanOrEqual(m[1]!.ms);

    const everything = JSON.stringify(lab.attempts.list());
    expect(everything).not.toContain('99999');
    expect(everything).not.toContain('12345');
    // The API returns the same list.
    const { labHandlers } = await import('../../../main/lab/lab-api');
    expect(await labHandlers(lab)['lab.attempts']({})).toEqual({ attempts: lab.attempts.list() });
  });

  it('a successful EMCC login goes on past the phone\'s answer: the reset notification, the TFTP fetches and the REGISTER with home-pub, told again under the same id', async () => {
    lab = await openCodeLab();
    await phonesReady(lab);
    const told: LoginAttempt[] = [];
    lab.attempts.onAttempt((a) => told.push(a));
    await submitOn(lab, VISITING_PHONE, 'alice', '12345');
    await finishReset(lab, VISITING_PHONE, registeredTo('HOME'));

    const attempt = lastLogin(lab, VISITING_PHONE);
    expect(attempt.code).toBeNull();
    expect(attempt.registeredWith).toBe('home-pub');
    const phone = `phone ${VISITING_PHONE}`;
    // The visiting CallManager resets the phone once the EM service has logged it in (the notice
    // can leave before the EMApp has answered the phone).
    const notify = attempt.messages.find((x) => x.to === phone)!;
    expect(notify).toMatchObject({ from: 'visit-pub', method: 'POST', path: `/phone/${VISITING_PHONE}/notify`, status: 200 });
    expect(notify.request).toContain('reset');
    const verdict = attempt.messages[1]!.decisions.at(-1)!;
    expect(notify.sent).toBeGreaterThan(verdict.event);
    // (Whether the notice is answered before the phone's answer depends on the timing of the two.)
    const after = attempt.messages.filter((x) => x.afterAnswer && x !== notify);
    expect(after.map((x) => [x.from, x.to, x.method, x.path, x.status])).toEqual([
      [phone, 'visit-pub', 'GET', `/${VISITING_PHONE}.cnf.xml`, 200],
      [phone, 'home-pub', 'GET', `/${VISITING_PHONE}.cnf.xml`, 200],
      [phone, 'home-pub', 'POST', '/ccm/register', 200],
    ]);
    expect(after[2]!.request).toContain(VISITING_PHONE);
    // Each came after the phone's answer, in lab time and in the attempt's order of events.
    const root = attempt.messages[0]!;
    for (const x of after) {
      expect(x.sent).toBeGreaterThan(root.answered!);
      expect(x.at).toBeGreaterThanOrEqual(root.answeredAt!);
    }
    // Told when the phone had its answer, then again as each later answer came: the same record.
    const ofLogin = told.filter((a) => a.id === attempt.id);
    const answeredLater = attempt.messages.filter((x) => x.answered! > root.answered!);
    expect(answeredLater.length).toBeGreaterThanOrEqual(after.length);
    expect(ofLogin).toHaveLength(1 + answeredLater.length);
    for (const a of ofLogin) expect(a).toBe(attempt);
    expect(lab.attempts.list().filter((a) => a.id === attempt.id)).toHaveLength(1);

    // The logout from home resets the phone back to the visiting cluster: its own attempt follows it there.
    const recorded = attempt.messages.length;
    await logoutOn(lab, VISITING_PHONE);
    await finishReset(lab, VISITING_PHONE, registeredTo('VISIT'));
    const logout = lab.attempts.list().find((a) => a.device === VISITING_PHONE && a.action === 'logout')!;
    expect(logout.registeredWith).toBe('visit-pub');
    expect(logout.messages.some((x) => x.from === 'home-pub' && x.to === phone)).toBe(true);
    expect(logout.messages.filter((x) => x.afterAnswer && x.from === phone).map((x) => [x.from, x.to, x.path])).toEqual([
      [phone, 'visit-pub', `/${VISITING_PHONE}.cnf.xml`], [phone, 'visit-pub', '/ccm/register'],
    ]);
    // The login's record did not take the logout's messages.
    expect(attempt.messages).toHaveLength(recorded);
  });

  it('a refused login resets nothing and follows nothing: a later reset of the phone is no part of it', async () => {
    lab = await openCodeLab();
    await phonesReady(lab);
    await submitOn(lab, VISITING_PHONE, 'alice', '99999');
    await waitForScreen(lab, VISITING_PHONE, showsText('Login is unavailable (2)'));
    const refused = lastLogin(lab, VISITING_PHONE);
    const count = refused.messages.length;
    // The visiting administrator resets every phone (a bulk certificate import does that).
    lab.cluster('VISIT')!.callManager.resetAll();
    await finishReset(lab, VISITING_PHONE, registeredTo('VISIT'));
    expect(refused.messages).toHaveLength(count);
    expect(refused.registeredWith).toBeNull();
  });

  it('with the WAN between the clusters down: code 208 and the message to home-pub failing as unreachable', async () => {
    lab = await openCodeLab();
    await phonesReady(lab);
    expect(lab.setFault('wanDown', 'home|visiting', true)).toEqual([]);
    await submitOn(lab, VISITING_PHONE, 'alice', '12345');
    await waitForScreen(lab, VISITING_PHONE, showsText('Login is unavailable (208)'));

    const attempt = lastLogin(lab, VISITING_PHONE);
    expect(attempt.code).toBe(208);
    const toHome = attempt.messages.find((x) => x.to === 'home-pub');
    expect(toHome).toMatchObject({ from: 'visit-pub', status: null, response: '' });
    expect(toHome!.failure).toMatch(/^unreachable: the WAN link .* is down$/);
    expect(said(attempt.messages[1]!).some((d) => /-> 208$/.test(d) || d.includes('failed (the WAN link'))).toBe(true);
    expect(JSON.stringify(attempt)).not.toContain('12345');
  });

  it('a request from outside the lab (no traceparent) is no attempt, nor is one with a traceparent the lab never sent', async () => {
    lab = await openCodeLab();
    await phonesReady(lab);
    const before = lab.attempts.list().length;
    const lines = lab.trace.list().length;
    const answer = await outsideGet(lab, 'visit-pub', `/emapp/EMAppServlet?device=${VISITING_PHONE}&EMCC=true&userid=alice&seq=99999`);
    expect(answer).toContain('Login is unavailable (2)');
    // What it caused on both clusters ran in no span: no line is tagged with one.
    const caused = lab.trace.list().slice(lines);
    expect(caused.some((e) => e.cluster === 'home' && e.text.includes('wrong PIN for alice'))).toBe(true);
    expect(caused.filter((e) => e.span !== undefined)).toEqual([]);
    const forged = await outsideGet(lab, 'visit-pub', `/emapp/EMAppServlet?device=${VISITING_PHONE}&EMCC=true&userid=alice&seq=99999`, {
      traceparent: `00-${'ab'.repeat(16)}-${'0'.repeat(15)}1-01`,
    });
    expect(forged).toContain('Login is unavailable (2)');
    expect(lab.attempts.list()).toHaveLength(before);
  });

  it('a PIN change (41): the change-credential page is a login, and neither PIN nor new PIN is anywhere in the record', async () => {
    lab = await openCodeLab(withRecord(HOME_WITH_ZH_PHONE, 'endUser', 'alice', { mustChangePin: true }));
    await phonesReady(lab);
    await submitOn(lab, VISITING_PHONE, 'alice', '12345');
    await waitForScreen(lab, VISITING_PHONE, (x) => x.view.kind === 'input' && x.view.prompt.startsWith('PIN change is required'));
    const asked = lastLogin(lab, VISITING_PHONE);
    expect(asked.code).toBeNull();
    expect(asked.result).toMatch(/\(input\)$/);
    expect(said(asked.messages.at(-1)!).some((d) => d.includes('must change the PIN') && d.endsWith('-> 41'))).toBe(true);
    // The change-PIN form's URL carries the PIN (&amp;seq=): masked in the recorded answer.
    expect(asked.messages[0]!.response).toContain('seq=****');

    press(lab, VISITING_PHONE, '2', '4', '6', '8', '0', 'navDown', '2', '4', '6', '8', '0', 'soft1');
    await waitForScreen(lab, VISITING_PHONE, (x) => registeredTo('HOME')(x) && x.loggedInUser === 'alice');
    const changed = lastLogin(lab, VISITING_PHONE);
    expect(changed).not.toBe(asked);
    expect(changed.messages[0]!.path).toMatch(/^\/changecredential\/ChangeCredentialServlet\?.*newpin=\*\*\*\*&confirmpin=\*\*\*\*/);
    // Its EM messages (the reset and the registration that followed are the next test's subject).
    const em = changed.messages.filter((x) => !x.afterAnswer && x.to !== `phone ${VISITING_PHONE}`);
    expect(em.map((x) => [x.from, x.to, x.status])).toEqual([
      [`phone ${VISITING_PHONE}`, 'visit-pub', 200], ['visit-pub', 'visit-pub', 200], ['visit-pub', 'home-pub', 200], ['visit-pub', 'home-pub', 200],
    ]);
    expect(em[3]!.request).toContain('<newCredential>****</newCredential>');
    const everything = JSON.stringify(lab.attempts.list());
    expect(everything).not.toContain('12345');
    expect(everything).not.toContain('24680');
  });

  it('bodies are decoded from their form, masked and shortened', () => {
    const xml = '<request><appInfo><appID>app</appID><appCertificate>secret-pass</appCertificate></appInfo><login><credential>12345</credential></login></request>';
    const shown = shownBody(new URLSearchParams({ xml }).toString(), 'application/x-www-form-urlencoded');
    expect(shown).toBe('<request><appInfo><appID>app</appID><appCertificate>****</appCertificate></appInfo><login><credential>****</credential></login></request>');
    // A phone's menu carries PINs in its URLs, & written as &amp;.
    const menu = '<CiscoIPPhoneMenu><MenuItem><URL>http://visit-pub:8080/emapp/EMAppServlet?device=SEP1&amp;userid=alice&amp;seq=12345&amp;profile=p</URL></MenuItem></CiscoIPPhoneMenu>';
    expect(shownBody(menu, 'text/xml')).toBe(menu.replace('12345', '****'));
    const long = shownBody('x'.repeat(5000), 'text/plain');
    expect(long).toHaveLength(2001);
  });
});
