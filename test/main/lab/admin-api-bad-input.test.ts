import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lab } from '../../../main/lab/lab';
import { dispatch, labHandlers, type LabRequestHandlers } from '../../../main/lab/lab-api';
import { DEMO_LAB } from '../../../main/lab/demo-lab';
import { dbFingerprint } from '../../helpers/db-fingerprint';
import { openLab } from '../../helpers/lab-fixture';

describe('bad input to the administration API gets a clear answer and changes nothing', () => {
  let lab: Lab;
  let handlers: LabRequestHandlers;
  let before: string[];
  beforeAll(async () => {
    lab = await openLab(DEMO_LAB.map((d) => ({ ...d, featureParameters: { ...d.featureParameters, remoteClusterUpdateInterval: 10080 } })));
    handlers = labHandlers(lab);
    before = lab.clusters.map((c) => dbFingerprint(c.store));
  });
  afterAll(async () => {
    expect(lab.clusters.map((c) => dbFingerprint(c.store))).toEqual(before);
    await lab.close();
  });

  it('an unknown list kind is refused by the contract, naming the field', async () => {
    const r = await dispatch(handlers, 'admin.list', { cluster: 'home', kind: 'toaster' });
    expect(r).toMatchObject({ ok: false });
    expect(!r.ok && r.error).toMatch(/^admin\.list: kind: /);
  });

  it('an unknown cluster is refused', async () => {
    expect(await dispatch(handlers, 'admin.get', { cluster: 'nowhere', kind: 'phone', key: 'SEP001122334455' })).toEqual({ ok: false, error: 'no cluster named nowhere' });
  });

  it('a record with wrong types gets field-level errors for each bad field', async () => {
    const r = await dispatch(handlers, 'admin.save', {
      cluster: 'home', kind: 'phone', key: null,
      record: { name: 5, model: '8845', devicePool: ['Default'], emEnabled: 'yes', lines: 'many', bogus: 1 },
    });
    expect(r.ok && r.result).toMatchObject({ ok: false });
    const fields = r.ok && !(r.result as { ok: boolean }).ok ? (r.result as { errors: { field: string }[] }).errors.map((e) => e.field) : [];
    expect(fields.sort()).toEqual(['bogus', 'devicePool', 'emEnabled', 'lines', 'name']);
  });

  it('a record that is not an object, or has too many fields, is refused by the contract', async () => {
    expect(await dispatch(handlers, 'admin.save', { cluster: 'home', kind: 'phone', key: null, record: 'SEP' })).toMatchObject({ ok: false });
    const huge = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`f${i}`, i]));
    expect(await dispatch(handlers, 'admin.save', { cluster: 'home', kind: 'phone', key: null, record: huge })).toMatchObject({ ok: false, error: expect.stringMatching(/too many fields/) });
  });

  it('a job with a negative count, or an unknown job kind, is refused', async () => {
    const r = await dispatch(handlers, 'admin.submitJob', { cluster: 'home', job: { kind: 'insertEmccDevices', count: -3 } });
    expect(r.ok && r.result).toMatchObject({ ok: false, errors: [{ field: 'count' }] });
    expect(await dispatch(handlers, 'admin.submitJob', { cluster: 'home', job: { kind: 'format disk' } })).toMatchObject({ ok: false });
  });

  it('Service Activation of an unknown service, or ILS on a missing server, is refused', async () => {
    const r = await dispatch(handlers, 'admin.setServiceActivation', { cluster: 'home', host: 'home-pub', services: { 'Cisco Toaster': true } });
    expect(r.ok && r.result).toMatchObject({ ok: false, errors: [{ message: 'Unknown service "Cisco Toaster"' }] });
    const r2 = await dispatch(handlers, 'admin.setServiceActivation', { cluster: 'home', host: 'nope', services: {} });
    expect(r2.ok && r2.result).toMatchObject({ ok: false });
  });

  it('deleting a record that is in use is refused, naming who uses it', async () => {
    const r = await dispatch(handlers, 'admin.delete', { cluster: 'home', kind: 'devicePool', key: 'Default' });
    expect(r.ok && r.result).toMatchObject({ ok: false, errors: [{ message: expect.stringContaining('Phone "SEP001122334455"') }] });
  });
});
