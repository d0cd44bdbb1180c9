/**
 * The consistency checker the crash test relies on: it must see each broken invariant, and tell
 * the half-done EMCC logins a real Unified CM repairs later from the impossible ones.
 */
import { describe, expect, it } from 'vitest';
import { checkClusters } from '../../../main/cluster/store/consistency';
import { HOME_CLUSTER, VISITING_CLUSTER } from '../../../main/lab/demo-lab';
import { bareCluster } from '../../helpers/definitions';

const PHONE = 'SEP00AA11BB22CC';

/** The demo clusters' databases (no lab around them), alice's EMCC login on PHONE written as both sides write it. */
function demoWithEmccLogin() {
  const home = bareCluster();
  home.apply(HOME_CLUSTER);
  const visiting = bareCluster();
  visiting.apply(VISITING_CLUSTER);
  home.store.bindEmccDevice('EMCC1', { device: PHONE, userId: 'alice', profile: 'alice-udp', visitingCluster: 'VISIT', at: 1, expiresAt: null, security: 'non-secure' });
  visiting.store.recordLogin({ device: PHONE, user_id: 'alice', profile: 'alice-udp', kind: 'emcc', home_cluster: 'HOME', home_tftp: 'home-pub', login_at: 1, emcc_security: 'non-secure' });
  const check = () => checkClusters([{ name: 'home', db: home.store.db }, { name: 'visiting', db: visiting.store.db }]);
  return { home: home.store, visiting: visiting.store, check };
}

describe('the consistency checker', () => {
  it('finds nothing wrong with an EMCC login both clusters recorded', () => {
    expect(demoWithEmccLogin().check()).toEqual({ violations: [], pending: [] });
  });

  it('reports an EMCC device half free and half allocated', () => {
    const { home, check } = demoWithEmccLogin();
    home.db.prepare("UPDATE emcc_devices SET user_id = 'alice' WHERE name = 'EMCC2'").run();
    expect(check().violations).toEqual([expect.objectContaining({ invariant: 'emccDeviceAllOrNothing', cluster: 'home', subject: 'EMCC2' })]);
  });

  it('reports a home and a visiting record of the same login that disagree on the user', () => {
    const { visiting, check } = demoWithEmccLogin();
    visiting.db.prepare("UPDATE em_logins SET user_id = 'carol'").run();
    expect(check().violations).toEqual([expect.objectContaining({ invariant: 'homeAndVisitingAgree', subject: PHONE })]);
  });

  it('reports a phone bound to EMCC devices of two home clusters', () => {
    const { visiting, check } = demoWithEmccLogin();
    visiting.bindEmccDevice('EMCC1', { device: PHONE, userId: 'bob', profile: 'bob-udp', visitingCluster: 'HOME', at: 1, expiresAt: null, security: 'non-secure' });
    expect(check().violations.map((v) => v.invariant)).toContain('oneHomePerPhone');
  });

  it('reports a local login whose user does not exist', () => {
    const { visiting, check } = demoWithEmccLogin();
    visiting.recordLogin({ device: 'SEP00AA11BB33DD', user_id: 'nobody', profile: 'bob-udp', kind: 'local', home_cluster: null, home_tftp: null, login_at: 1 });
    expect(check().violations).toEqual([expect.objectContaining({ invariant: 'loginComplete', cluster: 'visiting', subject: 'SEP00AA11BB33DD' })]);
  });

  it('counts a login only one side still has as a pending repair, naming the repair', () => {
    const lostLogout = demoWithEmccLogin();
    lostLogout.home.releaseEmccDevice(PHONE);
    expect(lostLogout.check()).toEqual({
      violations: [],
      pending: [expect.objectContaining({ kind: 'visitingWithoutHome', device: PHONE, repairedBy: expect.stringMatching(/Expired EMCC Device Maintenance/) })],
    });
    const cleanedUp = demoWithEmccLogin();
    cleanedUp.visiting.removeLogin(PHONE);
    expect(cleanedUp.check()).toEqual({
      violations: [],
      pending: [expect.objectContaining({ kind: 'homeWithoutVisiting', device: PHONE, visitingLogin: null, repairedBy: expect.stringMatching(/Maximum Login Time/) })],
    });
  });
});
