/**
 * What the crash test found: an EMCC login lives in two databases, and the home cluster may keep
 * binding a phone the visiting cluster no longer records a login on (the visiting cluster's own
 * logout cleans up only its database, guide section 6; or the lab stopped between the home's
 * commit and the visiting cluster's). The phone's next EMCC login must not fail on it; and two
 * logins at once on one phone must not make the home bind it twice over.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LabClock } from '../../../main/clock/lab-clock';
import { HOME_CLUSTER, VISITING_CLUSTER } from '../../../main/lab/demo-lab';
import { Lab } from '../../../main/lab/lab';
import { checkLabDatabases } from '../../../main/lab/lab-consistency';
import { withRecords } from '../../helpers/definitions';
import { EM_APP_USER, appInfo, emApi, loggedInAs, submitOn } from '../../helpers/em-lab';
import { TEST_KEYS, VISITING_PHONE, openLab, waitForScreen } from '../../helpers/lab-fixture';

const VISITING_WITH_API = withRecords(VISITING_CLUSTER, 'applicationUser', (us) => [...us, EM_APP_USER]);
const HOME_WITH_DAVE = withRecords(HOME_CLUSTER, 'endUser', (us) => [...us, { userId: 'dave', lastName: 'Dave', pin: '13579', emccEnabled: true, profiles: ['alice-udp'] }]);

describe('an EMCC login the visiting cluster no longer records', () => {
  let lab: Lab | undefined;
  let dataDir: string | undefined;
  afterEach(async () => {
    await lab?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('is replaced by the phone\'s next EMCC login, after the visiting cluster\'s EM API logout and a restart', async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'emcc-half-'));
    const open = (start?: number) => Lab.open({ dataDir: dataDir!, clusters: [HOME_CLUSTER, VISITING_WITH_API], clock: new LabClock({ speed: 1000, start }), keys: TEST_KEYS, exchangeCertificates: true });
    lab = await open();
    await waitForScreen(lab, VISITING_PHONE, loggedInAs('VISIT', null, '3001'));
    await submitOn(lab, VISITING_PHONE, 'alice', '12345');
    await waitForScreen(lab, VISITING_PHONE, loggedInAs('HOME', 'alice', '1001'));
    // A third-party application logs the phone out on the visiting cluster: its database only.
    const answer = await emApi(lab, 'visit-pub', `<request>${appInfo(EM_APP_USER.userId, EM_APP_USER.password)}<logout><deviceName>${VISITING_PHONE}</deviceName></logout></request>`);
    expect(answer.body).toBe('<response><success/></response>');
    expect(lab.cluster('HOME')!.store.emccDeviceBoundTo(VISITING_PHONE)?.user_id).toBe('alice');
    const labTime = lab.clock.now();
    await lab.close();

    // After a restart the phone boots onto its visiting cluster, which records no login on it.
    lab = await open(labTime);
    await waitForScreen(lab, VISITING_PHONE, loggedInAs('VISIT', null, '3001'));
    expect(checkLabDatabases(lab).pending).toEqual([expect.objectContaining({ kind: 'homeWithoutVisiting', device: VISITING_PHONE })]);
    await submitOn(lab, VISITING_PHONE, 'alice', '12345');
    await waitForScreen(lab, VISITING_PHONE, loggedInAs('HOME', 'alice', '1001'));
    expect(checkLabDatabases(lab)).toEqual({ violations: [], pending: [] });
  });

  it('two EMCC logins at once on one phone: one succeeds, the other is told another user is logged in (18)', async () => {
    lab = await openLab([HOME_WITH_DAVE, VISITING_CLUSTER]);
    await waitForScreen(lab, VISITING_PHONE, loggedInAs('VISIT', null, '3001'));
    const phones = lab.network.client('phones');
    const login = (user: string, pin: string) => phones.request({ url: `http://visit-pub:8080/emapp/EMAppServlet?device=${VISITING_PHONE}&EMCC=true&userid=${user}&seq=${pin}` });
    const answers = await Promise.all([login('alice', '12345'), login('dave', '13579')]);
    const shown = answers.map((a) => (a.body.includes('Login successful') ? 'ok' : /\((\d+)\)/.exec(a.body)?.[1])).sort();
    expect(shown).toEqual(['18', 'ok']);
    expect(checkLabDatabases(lab)).toEqual({ violations: [], pending: [] });
  });
});
