/**
 * The lab's faults act on the real network path: a lossy or slow WAN delays or drops the
 * requests between clusters (in lab time), a node that is down refuses connections, a stopped
 * TFTP or CallManager service answers nothing a phone can use.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Lab } from '../../../main/lab/lab';
import { loginShows, openCodeLab, phonesReady, submitOn } from '../../helpers/em-lab';
import { VISITING_PHONE, registeredTo, waitForScreen } from '../../helpers/lab-fixture';

describe('faults on the network path', () => {
  let lab: Lab;
  afterEach(() => lab?.close());

  it('WAN latency below the answer timeout only slows the EMCC login down: it succeeds', async () => {
    lab = await openCodeLab();
    await phonesReady(lab);
    expect(lab.setFault('wanLatency', 'home|visiting', true, 2_000)).toEqual([]);
    const before = lab.clock.now();
    await submitOn(lab, VISITING_PHONE, 'alice', '12345');
    await waitForScreen(lab, VISITING_PHONE, (s) => registeredTo('HOME')(s) && s.loggedInUser === 'alice');
    // Two requests crossed the WAN (check the user, log in), each 2 s of lab time later.
    expect(lab.clock.now() - before).toBeGreaterThanOrEqual(4_000);
  });

  it('WAN latency beyond the 30 s answer timeout: the visiting cluster gives up, 40 shown as 23', async () => {
    lab = await openCodeLab();
    lab.setFault('wanLatency', 'home|visiting', true, 45_000);
    await loginShows(lab, 'visiting', 'alice', '12345', ['Please try to login again (23)', '请尝试重新登录 (23)']);
  });

  it('a WAN that loses every request: the visiting cluster waits for its timeout and gives up (23)', async () => {
    lab = await openCodeLab();
    lab.setFault('wanLoss', 'home|visiting', true, 100);
    await loginShows(lab, 'visiting', 'alice', '12345', ['Please try to login again (23)', '请尝试重新登录 (23)']);
  });

  it('a fault value outside its range, or a value for a fault without one, is refused and changes nothing', async () => {
    lab = await openCodeLab();
    expect(lab.setFault('wanLoss', 'home|visiting', true, 150)).toEqual([{ field: 'value', message: 'WAN packet loss must be 1 to 100 %' }]);
    expect(lab.setFault('wanDown', 'home|visiting', true, 5)).toEqual([{ field: 'value', message: 'WAN down takes no value' }]);
    expect(lab.faults.list()).toEqual([]);
  });

  it('the home TFTP service stopped: after the EMCC login the phone finds no configuration at home and stays unregistered', async () => {
    lab = await openCodeLab();
    await phonesReady(lab);
    lab.setFault('tftpDown', 'home-pub', true);
    await submitOn(lab, VISITING_PHONE, 'alice', '12345');
    await waitForScreen(lab, VISITING_PHONE, (s) => s.status === 'unregistered');
    expect(lab.cluster('HOME')!.store.emccDeviceBoundTo(VISITING_PHONE)?.user_id).toBe('alice');
    // Started again, the service gives the phone its configuration at the next retry.
    lab.setFault('tftpDown', 'home-pub', false);
    await waitForScreen(lab, VISITING_PHONE, (s) => registeredTo('HOME')(s) && s.loggedInUser === 'alice');
  });

  it('the home CallManager stopped: the phone gets its configuration but cannot register until it runs again', async () => {
    lab = await openCodeLab();
    await phonesReady(lab);
    lab.setFault('callManagerDown', 'home-pub', true);
    await submitOn(lab, VISITING_PHONE, 'alice', '12345');
    await waitForScreen(lab, VISITING_PHONE, (s) => s.status === 'unregistered');
    lab.setFault('callManagerDown', 'home-pub', false);
    await waitForScreen(lab, VISITING_PHONE, (s) => registeredTo('HOME')(s) && s.loggedInUser === 'alice');
  });
});
