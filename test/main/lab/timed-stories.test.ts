/**
 * The guide's two timed stories on the lab clock, and the schedulers that tell them: the remote
 * cluster update (home down across an update: logins fail until the next update after it
 * returns, or at once after Update Remote Cluster Now) and the expired EMCC device maintenance
 * (WAN down during an EMCC session: the logout leaves an expired device on the visiting cluster,
 * which the maintenance clears at its interval once the home cluster can be asked). The clock is
 * paused and jumped; nothing sleeps.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { HOME_CLUSTER, VISITING_CLUSTER } from '../../../main/lab/demo-lab';
import type { Lab } from '../../../main/lab/lab';
import { RESET_MS } from '../../../main/phone/firmware';
import { finishReset, loginState, logoutOn, openCodeLab, phonesReady, submitOn, HOME_WITH_ZH_PHONE } from '../../helpers/em-lab';
import { VISITING_PHONE, registeredTo, showsText, waitForScreen } from '../../helpers/lab-fixture';

const MINUTE = 60_000;
const withFeatures = <T extends { featureParameters?: Record<string, unknown> }>(def: T, features: Record<string, unknown>): T =>
  ({ ...def, featureParameters: { ...def.featureParameters, ...features } });

/** alice logs in through EMCC on the visiting phone; the lab clock is paused, so resets are jumped over. */
async function aliceLogsIn(lab: Lab): Promise<void> {
  await submitOn(lab, VISITING_PHONE, 'alice', '12345');
  await finishReset(lab, VISITING_PHONE, (s) => registeredTo('HOME')(s) && s.loggedInUser === 'alice');
}

describe('the remote cluster update on the lab clock', () => {
  let lab: Lab;
  afterEach(() => lab?.close());

  async function homeDownAcrossAnUpdate(): Promise<void> {
    lab = await openCodeLab(withFeatures(HOME_WITH_ZH_PHONE, { remoteClusterUpdateInterval: 30 }), withFeatures(VISITING_CLUSTER, { remoteClusterUpdateInterval: 30 }));
    await phonesReady(lab);
    lab.clock.pause();
    const visit = lab.cluster('VISIT')!;
    expect(lab.setFault('nodeDown', 'home-pub', true)).toEqual([]);
    await lab.advance(30 * MINUTE);
    expect(visit.store.remoteCluster('HOME')).toMatchObject({ remote_emcc_activated: 0 });
    const run = visit.schedulerStates().find((s) => s.id === 'remoteClusterUpdate')!.runs[0]!;
    expect(run.found).toMatch(/HOME: no answer \(208\)/);
    expect(run.changed).toContain('HOME: EMCC Remote Activated True -> False');
    // The home cluster is back, but the visiting cluster learns it only at its next update.
    lab.setFault('nodeDown', 'home-pub', false);
    const before = loginState(lab);
    await submitOn(lab, VISITING_PHONE, 'alice', '12345');
    await waitForScreen(lab, VISITING_PHONE, showsText('Login is unavailable (208)'));
    expect(loginState(lab)).toBe(before);
  }

  it('home down across an update: logins fail with 208 until the next update after it returns, then succeed', async () => {
    await homeDownAcrossAnUpdate();
    const next = lab.cluster('VISIT')!.schedulerStates().find((s) => s.id === 'remoteClusterUpdate')!.nextRunAt!;
    await lab.advance(next - lab.clock.now() - 1);
    expect(lab.cluster('VISIT')!.store.remoteCluster('HOME')).toMatchObject({ remote_emcc_activated: 0 });
    await lab.advance(1);
    expect(lab.cluster('VISIT')!.store.remoteCluster('HOME')).toMatchObject({ remote_emcc_activated: 1 });
    await aliceLogsIn(lab);
  });

  it('home down across an update: Update Remote Cluster Now makes logins succeed at once', async () => {
    await homeDownAcrossAnUpdate();
    await lab.cluster('VISIT')!.updateRemoteClustersNow();
    await aliceLogsIn(lab);
  });

  it('the update runs on the Backup Server for Remote Cluster Update when the default one is down', async () => {
    const visitNodes = [...VISITING_CLUSTER.nodes, { record: { host: 'visit-sub', role: 'subscriber', ipv4: '127.0.0.1' }, services: ['Cisco Extension Mobility'] }];
    lab = await openCodeLab({}, withFeatures({ ...VISITING_CLUSTER, nodes: visitNodes }, { defaultRemoteUpdateServer: 'visit-pub', backupRemoteUpdateServer: 'visit-sub', remoteClusterUpdateInterval: 30 }));
    lab.clock.pause();
    const update = () => lab.cluster('VISIT')!.schedulerStates().find((s) => s.id === 'remoteClusterUpdate')!;
    lab.setFault('emServiceDown', 'visit-pub', true);
    await lab.advance(30 * MINUTE);
    expect(update().runs[0]!.found).toMatch(/^on visit-sub: HOME: 12\.0, EMCC active/);
    lab.setFault('emServiceDown', 'visit-sub', true);
    await lab.advance(30 * MINUTE);
    expect(update().runs[0]!.found).toMatch(/neither the default nor the backup server/);
  });
});

describe('expired EMCC device maintenance', () => {
  let lab: Lab;
  afterEach(() => lab?.close());

  it('WAN down during an EMCC session: the logout leaves an expired device that the maintenance clears at its interval once the WAN is back; the phone returns to the visiting cluster', async () => {
    lab = await openCodeLab({}, withFeatures(VISITING_CLUSTER, { expiredDeviceMaintenanceInterval: 10 }));
    await phonesReady(lab);
    lab.clock.pause();
    await aliceLogsIn(lab);
    const visit = lab.cluster('VISIT')!;
    const home = lab.cluster('HOME')!;
    const maintenance = () => visit.schedulerStates().find((s) => s.id === 'expiredDeviceMaintenance')!;

    lab.setFault('wanDown', 'home|visiting', true);
    await logoutOn(lab, VISITING_PHONE);
    // The phone resets and follows the visiting cluster's mini-config to a home cluster that no
    // longer has its configuration: it keeps retrying, unregistered.
    await lab.advance(0);
    await waitForScreen(lab, VISITING_PHONE, (s) => s.status === 'resetting');
    await lab.advance(RESET_MS);
    await waitForScreen(lab, VISITING_PHONE, (s) => s.status === 'unregistered');
    // Home freed its EMCC device but could not tell the visiting cluster: an expired device.
    expect(home.store.emccDeviceBoundTo(VISITING_PHONE)).toBeUndefined();
    expect(visit.store.login(VISITING_PHONE)).toMatchObject({ kind: 'emcc', user_id: 'alice' });
    expect(home.store.emccDeviceCount()).toBe(HOME_CLUSTER.emccDevices);

    // A run while the WAN is still down cannot ask the home cluster and changes nothing.
    await lab.advance(maintenance().nextRunAt! - lab.clock.now());
    expect(maintenance().runs[0]).toMatchObject({ found: '1 EMCC login checked, 1 with an unreachable home cluster', changed: [] });
    expect(visit.store.login(VISITING_PHONE)?.kind).toBe('emcc');

    lab.setFault('wanDown', 'home|visiting', false);
    await lab.advance(maintenance().nextRunAt! - lab.clock.now());
    expect(maintenance().runs[0]!.changed).toEqual([`${VISITING_PHONE}: expired EMCC login of alice logged out`]);
    expect(visit.store.login(VISITING_PHONE)).toBeUndefined();
    // The phone, retrying its configuration, now gets the visiting cluster's own and registers
    // there (the clock runs again, at the tests' x1000, for its retries and resets).
    lab.clock.resume();
    await waitForScreen(lab, VISITING_PHONE, (s) => registeredTo('VISIT')(s) && s.loggedInUser === null && s.lines[0]?.dn === '3001');
  });
});

describe('RSVP SIP trunk keepalive', () => {
  let lab: Lab;
  afterEach(() => lab?.close());

  it('two missed keepalives release the RSVP resources toward that cluster; the next one that gets through restores them', async () => {
    lab = await openCodeLab({}, withFeatures(VISITING_CLUSTER, { rsvpKeepAliveTimer: 15 }));
    lab.clock.pause();
    const keepAlive = () => lab.cluster('VISIT')!.schedulerStates().find((s) => s.id === 'rsvpKeepAlive')!;
    await lab.advance(15_000);
    expect(keepAlive().runs[0]).toMatchObject({ found: '1 of 1 remote cluster acknowledged', changed: [] });
    lab.setFault('wanDown', 'home|visiting', true);
    await lab.advance(15_000);
    expect(keepAlive().runs[0]).toMatchObject({ found: '0 of 1 remote cluster acknowledged', changed: [] });
    await lab.advance(15_000);
    expect(keepAlive().runs[0]!.changed).toEqual(['HOME: two keepalives missed, RSVP resources toward it released']);
    lab.setFault('wanDown', 'home|visiting', false);
    await lab.advance(15_000);
    expect(keepAlive().runs[0]!.changed).toEqual(['HOME: keepalive acknowledged again, RSVP resources available']);
  });
});
