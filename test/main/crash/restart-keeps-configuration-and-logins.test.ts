/**
 * Issue #8: "The lab and every cluster's database survive a restart." A lab closed and opened
 * again on the same data folder keeps its configuration changes and who is logged in where;
 * faults live in memory, as they would outside the clusters, and are gone.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LabClock } from '../../../main/clock/lab-clock';
import { DEMO_LAB } from '../../../main/lab/demo-lab';
import { Lab } from '../../../main/lab/lab';
import { loggedInAs, logoutOn, phonesReady, setServiceParameters, submitOn } from '../../helpers/em-lab';
import { TEST_KEYS, VISITING_PHONE, VISITING_PHONE_ZH, openExtensionMobility, press, waitForScreen } from '../../helpers/lab-fixture';
import type { PhoneKey } from '../../../shared/api/contract';

describe('a lab closed and opened again on the same data folder', () => {
  let dataDir: string | undefined;
  let lab: Lab | undefined;
  afterEach(async () => {
    await lab?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  /**
   * The lab at x1000, so resets take a millisecond. The clock itself is not kept by the databases:
   * the second opening starts where the first left off, or certificates made at its lab time would
   * not be valid yet.
   */
  const open = async (dir: string, start?: number) => {
    lab = await Lab.open({ dataDir: dir, clusters: DEMO_LAB, clock: new LabClock({ speed: 1000, start }), keys: TEST_KEYS, exchangeCertificates: true });
    return lab;
  };

  it('keeps configuration changes and EMCC and local logins, and forgets its faults', async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'emcc-restart-'));
    let l = await open(dataDir);
    await phonesReady(l);
    // Configuration: a new EMCC user at home, Remember the Last User Logged In on the visiting cluster.
    expect(l.cluster('HOME')!.admin.save('endUser', null, { userId: 'dave', lastName: 'Dave', pin: '13579', emccEnabled: true, profiles: ['alice-udp'] }).ok).toBe(true);
    setServiceParameters(l, 'VISIT', { rememberLastUser: true });
    // Logins: alice through EMCC on one visiting phone, bob locally on the other.
    await submitOn(l, VISITING_PHONE, 'alice', '12345');
    await waitForScreen(l, VISITING_PHONE, loggedInAs('HOME', 'alice', '1001'));
    await submitOn(l, VISITING_PHONE_ZH, 'bob', '54321');
    await waitForScreen(l, VISITING_PHONE_ZH, loggedInAs('VISIT', 'bob', '3101'));
    expect(l.setFault('wanDown', 'home|visiting', true)).toEqual([]);
    const labTime = l.clock.now();
    await l.close();
    lab = undefined;

    l = await open(dataDir, labTime);
    // Who is logged in where: each phone boots straight back to it.
    await waitForScreen(l, VISITING_PHONE, loggedInAs('HOME', 'alice', '1001'));
    await waitForScreen(l, VISITING_PHONE_ZH, loggedInAs('VISIT', 'bob', '3101'));
    // The fault is gone: alice's logout reaches the visiting cluster over the WAN, so her phone
    // goes back to it (with the WAN down it would stay logged in there until the maintenance).
    expect(l.faults.list()).toEqual([]);
    await logoutOn(l, VISITING_PHONE);
    await waitForScreen(l, VISITING_PHONE, loggedInAs('VISIT', null, '3001'));
    // The configuration: the form remembers alice, and dave logs in through EMCC.
    const form = await openExtensionMobility(l, VISITING_PHONE);
    expect(form.view.kind === 'input' && form.view.fields[0]?.value).toBe('alice');
    press(l, VISITING_PHONE, ...Array<PhoneKey>(5).fill('back'));
    l.phone(VISITING_PHONE)!.typeText('dave');
    press(l, VISITING_PHONE, 'navDown', '1', '3', '5', '7', '9', 'soft1');
    await waitForScreen(l, VISITING_PHONE, loggedInAs('HOME', 'dave', '1001'));
  });
});
