import { describe, expect, it } from 'vitest';
import { AttemptLog, FOLLOW_MS } from '../../../main/lab/attempts';
import { NetError, type ClientResponse } from '../../../main/net/lab-network';
import { parseTraceparent, runInSpan } from '../../../main/net/trace-context';
import { PHONES_SITE } from '../../../main/phone/phone-endpoint';
import type { LoginAttempt } from '../../../shared/api/lab-contract';

const DEVICE = 'SEP00AA11BB22CC';
const ok = (body = ''): ClientResponse => ({ status: 200, headers: { 'content-type': 'text/xml' }, body });
const LOGIN_URL = `http://visit-pub:8080/emapp/EMAppServlet?device=${DEVICE}&EMCC=true&userid=alice&seq=12345`;
const SCREEN = '<CiscoIPPhoneText><Title>Extension Mobility</Title><Text>Login successful</Text></CiscoIPPhoneText>';

/** A log on a hand-moved lab clock, with everything it told. */
function logOnClock() {
  const clock = { now: 1_000_000 };
  const log = new AttemptLog(() => clock.now);
  const told: LoginAttempt[] = [];
  log.onAttempt((a) => told.push(a));
  return { clock, log, told };
}

describe('the attempt log on its own', () => {
  it('a message still on its way when the phone has its answer is completed in place, and the attempt told again', () => {
    const { clock, log, told } = logOnClock();
    const root = log.open(PHONES_SITE, { url: LOGIN_URL })!;
    const inner = runInSpan(parseTraceparent(root.traceparent), () => log.open('visiting', { method: 'POST', url: 'https://home-pub:8443/emservice/EMServiceServlet', body: '<x/>' }))!;
    expect(inner).toBeDefined();
    clock.now += 500;
    root.close(ok('<CiscoIPPhoneText><Text>Login is unavailable (208)</Text></CiscoIPPhoneText>'));
    expect(told).toHaveLength(1);
    expect(told[0]!.messages[1]).toMatchObject({ status: null, answered: null, answeredAt: null });
    clock.now += 4500;
    inner.close(new NetError('timeout', 'https://home-pub:8443/', 'no answer from home-pub within 5 s'));
    expect(told).toHaveLength(2);
    expect(told[1]).toBe(told[0]);
    expect(told[1]!.messages[1]).toMatchObject({ failure: 'timeout: no answer from home-pub within 5 s', answered: 4, answeredAt: 1_005_000, sent: 2 });
    expect(told[1]!.messages[0]).toMatchObject({ sent: 1, answered: 3, answeredAt: 1_000_500 });
    expect(log.list()).toHaveLength(1);
  });

  it('follows the device of a login that worked for FOLLOW_MS of lab time, and no longer', () => {
    const { clock, log } = logOnClock();
    log.open(PHONES_SITE, { url: LOGIN_URL })!.close(ok(SCREEN));
    const [attempt] = log.list();
    // A notification from a node to this phone (outside any span), then its TFTP fetch.
    const notify = log.open('visiting', { method: 'POST', url: `http://127.0.0.1:4000/phone/${DEVICE}/notify`, fromHost: 'visit-pub', body: '<notify><event>reset</event></notify>' });
    expect(notify).toBeDefined();
    notify!.close(ok());
    // Another phone's fetch is not followed.
    expect(log.open(PHONES_SITE, { url: 'http://visit-pub:6970/SEP111111111111.cnf.xml' })).toBeUndefined();
    clock.now += FOLLOW_MS + 1;
    expect(log.open(PHONES_SITE, { url: `http://visit-pub:6970/${DEVICE}.cnf.xml` })).toBeUndefined();
    expect(attempt!.messages.map((m) => [m.from, m.to, m.afterAnswer])).toEqual([
      [`phone ${DEVICE}`, 'visit-pub', false],
      ['visit-pub', `phone ${DEVICE}`, true],
    ]);
  });

  it('stops following once the phone has registered, and names where', () => {
    const { log } = logOnClock();
    log.open(PHONES_SITE, { url: LOGIN_URL })!.close(ok(SCREEN));
    const register = { method: 'POST' as const, url: 'http://home-pub:5060/ccm/register', headers: { 'content-type': 'application/xml' }, body: `<register><deviceName>${DEVICE}</deviceName></register>` };
    log.open(PHONES_SITE, register)!.close(ok('<registered/>'));
    expect(log.list()[0]!.registeredWith).toBe('home-pub');
    expect(log.open(PHONES_SITE, register)).toBeUndefined();
  });

  it('a REGISTER it cannot read is not followed, and does not throw', () => {
    const { log } = logOnClock();
    log.open(PHONES_SITE, { url: LOGIN_URL })!.close(ok(SCREEN));
    expect(log.open(PHONES_SITE, { method: 'POST', url: 'http://home-pub:5060/ccm/register', body: '<register><deviceName>' })).toBeUndefined();
  });

  it('merely opening the login form follows nothing', () => {
    const { log } = logOnClock();
    log.open(PHONES_SITE, { url: `http://visit-pub:8080/emapp/EMAppServlet?device=${DEVICE}&EMCC=true` })!.close(ok(SCREEN));
    expect(log.open(PHONES_SITE, { url: `http://visit-pub:6970/${DEVICE}.cnf.xml` })).toBeUndefined();
  });
});
