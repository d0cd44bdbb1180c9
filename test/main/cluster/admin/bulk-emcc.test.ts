import { describe, expect, it } from 'vitest';
import { ClusterAdmin } from '../../../../main/cluster/admin/cluster-admin';
import { INSERT_CHUNK } from '../../../../main/cluster/admin/bulk-emcc';
import type { Job } from '../../../../shared/api/admin-contract';
import { errorText, expectSaved, freshCluster, homeCluster, sep } from './kit';

/** A fresh cluster with an EMCC template made the default through an Update EMCC Devices job. */
async function withDefaultTemplate() {
  const c = freshCluster();
  expectSaved(c.admin.save('commonDeviceConfig', null, { name: 'EMCC-CDC' }));
  expectSaved(c.admin.save('emccTemplate', null, { name: 'EMCC-Template', devicePool: 'Default', commonDeviceConfig: 'EMCC-CDC' }));
  expect(c.admin.bulk.submit({ kind: 'updateEmccDevices', template: 'EMCC-Template' })).toMatchObject({ ok: true });
  await c.admin.bulk.idle();
  return c;
}

/** Fill the database with EMCC devices EMCC1..EMCCn directly (quicker than jobs). */
function prefill(store: ReturnType<typeof freshCluster>['store'], n: number) {
  store.insertEmccDevices(Array.from({ length: n }, (_, i) => `EMCC${i + 1}`), 'EMCC-Template', 'non-secure');
}

const newest = (jobs: Job[]) => jobs[0]!;

describe('Bulk Administration > EMCC: Update EMCC Devices (default template)', () => {
  it('Insert EMCC Devices is refused until a default EMCC template is set, even when a template exists', () => {
    const { admin } = freshCluster();
    expect(admin.bulk.submit({ kind: 'insertEmccDevices', count: 1 })).toMatchObject({ ok: false, errors: [{ field: 'count', message: expect.stringMatching(/Set a default EMCC template first/) }] });
    expectSaved(admin.save('commonDeviceConfig', null, { name: 'EMCC-CDC' }));
    expectSaved(admin.save('emccTemplate', null, { name: 'EMCC-Template', devicePool: 'Default', commonDeviceConfig: 'EMCC-CDC' }));
    expect(admin.bulk.submit({ kind: 'insertEmccDevices', count: 1 })).toMatchObject({ ok: false });
    expect(admin.bulk.jobs()).toEqual([]);
  });

  it('Update EMCC Devices with a template that does not exist is refused on template, and no job is queued', () => {
    const { admin } = freshCluster();
    expect(admin.bulk.submit({ kind: 'updateEmccDevices', template: 'No-Such-Template' })).toMatchObject({ ok: false, errors: [{ field: 'template', message: 'No EMCC template named "No-Such-Template"' }] });
    expect(admin.bulk.jobs()).toEqual([]);
  });

  it('Update EMCC Devices runs as a job: the template becomes the default and the existing devices take it', async () => {
    const { admin } = homeCluster();
    expectSaved(admin.save('emccTemplate', null, { name: 'Secure-Template', devicePool: 'Default', commonDeviceConfig: 'EMCC-CDC', securityProfile: 'secure' }));
    expect(admin.bulk.submit({ kind: 'updateEmccDevices', template: 'Secure-Template' })).toMatchObject({ ok: true });
    await admin.bulk.idle();
    expect(newest(admin.bulk.jobs())).toMatchObject({ status: 'Completed', progress: 1, total: 1, result: 'Default EMCC template set to Secure-Template; 5 EMCC devices updated' });
    expect(admin.bulk.status().defaultTemplate).toBe('Secure-Template');
    // The old template is free now: it can be deleted.
    expectSaved(admin.delete('emccTemplate', 'EMCC-Template'));
  });
});

describe('Bulk Administration > EMCC: Insert EMCC Devices', () => {
  it('a count of 0 is refused; 1 is accepted and inserts EMCC1', async () => {
    const { admin } = await withDefaultTemplate();
    for (const count of [0, -1, 1.5]) {
      const r = admin.bulk.submit({ kind: 'insertEmccDevices', count });
      expect(r).toMatchObject({ ok: false, errors: [{ field: 'count' }] });
      expect(errorText(r)).toMatch(/must be from 1 to 30000/);
    }
    expect(admin.bulk.submit({ kind: 'insertEmccDevices', count: 1 })).toMatchObject({ ok: true });
    await admin.bulk.idle();
    expect(admin.bulk.status()).toMatchObject({ devicesInDatabase: 1, nextDeviceName: 'EMCC2', maxInsertable: 29_999 });
    expect(newest(admin.bulk.jobs()).result).toBe('1 EMCC devices inserted (EMCC1 to EMCC1)');
  });

  it('a count of maxInsertable is accepted and fills the cluster; one more is refused', async () => {
    const { admin, store } = await withDefaultTemplate();
    prefill(store, 29_990);
    expect(admin.bulk.status().maxInsertable).toBe(10);
    const r = admin.bulk.submit({ kind: 'insertEmccDevices', count: 11 });
    expect(r).toMatchObject({ ok: false, errors: [{ field: 'count' }] });
    expect(errorText(r)).toMatch(/from 1 to 10 \(phones \+ 2 x EMCC devices <= 60,000\)/);
    expect(admin.bulk.submit({ kind: 'insertEmccDevices', count: 10 })).toMatchObject({ ok: true });
    await admin.bulk.idle();
    expect(newest(admin.bulk.jobs())).toMatchObject({ status: 'Completed', result: '10 EMCC devices inserted (EMCC29991 to EMCC30000)' });
    expect(admin.bulk.status()).toMatchObject({ devicesInDatabase: 30_000, maxInsertable: 0 });
    expect(errorText(admin.bulk.submit({ kind: 'insertEmccDevices', count: 1 }))).toMatch(/No more EMCC devices fit/);
  });

  it('each phone takes the room of half an EMCC device: with 1 or 2 phones, 29,999 more fit; with 3, 29,998', async () => {
    const { admin } = await withDefaultTemplate();
    const expected = [29_999, 29_999, 29_998];
    for (const [i, max] of expected.entries()) {
      expectSaved(admin.save('phone', null, { name: sep(i + 1), model: '8845', devicePool: 'Default' }));
      expect(admin.bulk.status().maxInsertable).toBe(max);
    }
  });

  it('names continue from the last number: after EMCC1-EMCC5 come EMCC6 to EMCC8', async () => {
    const { admin } = homeCluster();
    expect(admin.bulk.status()).toMatchObject({ devicesInDatabase: 5, nextDeviceName: 'EMCC6' });
    expect(admin.bulk.submit({ kind: 'insertEmccDevices', count: 3 })).toMatchObject({ ok: true });
    await admin.bulk.idle();
    expect(newest(admin.bulk.jobs()).result).toBe('3 EMCC devices inserted (EMCC6 to EMCC8)');
    expect(admin.bulk.status()).toMatchObject({ devicesInDatabase: 8, nextDeviceName: 'EMCC9' });
  });

  it('names continue after the highest number even when lower numbers are missing', async () => {
    const { admin, store } = await withDefaultTemplate();
    store.insertEmccDevices(['EMCC2', 'EMCC41'], 'EMCC-Template', 'non-secure');
    expect(admin.bulk.status().nextDeviceName).toBe('EMCC42');
    expect(admin.bulk.submit({ kind: 'insertEmccDevices', count: 2 })).toMatchObject({ ok: true });
    await admin.bulk.idle();
    expect(newest(admin.bulk.jobs()).result).toBe('2 EMCC devices inserted (EMCC42 to EMCC43)');
  });

  it('a job of 30,000 devices completes in chunks of 1000 while other work keeps getting turns', async () => {
    const { admin, changes } = await withDefaultTemplate();
    const r = admin.bulk.submit({ kind: 'insertEmccDevices', count: 30_000 });
    expect(r).toMatchObject({ ok: true });
    const jobId = r.ok ? r.jobId : -1;
    expect(newest(admin.bulk.jobs())).toMatchObject({ id: jobId, status: 'Pending', progress: 0, total: 30_000, description: 'Insert 30000 EMCC devices' });

    let done = false;
    const finished = admin.bulk.idle().then(() => { done = true; });
    let turns = 0;
    const seen: { status: string; progress: number }[] = [];
    while (!done) {
      await new Promise((resolve) => setImmediate(resolve));
      turns++;
      const j = admin.bulk.jobs().find((x) => x.id === jobId)!;
      seen.push({ status: j.status, progress: j.progress });
    }
    await finished;

    const midway = seen.filter((s) => s.status === 'Processing' && s.progress > 0 && s.progress < 30_000);
    expect(midway.length).toBeGreaterThan(0);
    expect(midway.every((s) => s.progress % INSERT_CHUNK === 0)).toBe(true);
    expect(INSERT_CHUNK).toBe(1000);
    // One turn for other work at least after every chunk but the last.
    expect(turns).toBeGreaterThanOrEqual(30_000 / INSERT_CHUNK - 1);
    expect(admin.bulk.jobs().find((x) => x.id === jobId)).toMatchObject({
      status: 'Completed', progress: 30_000, total: 30_000, result: '30000 EMCC devices inserted (EMCC1 to EMCC30000)',
    });
    expect(admin.bulk.status()).toMatchObject({ devicesInDatabase: 30_000, maxInsertable: 0, nextDeviceName: 'EMCC30001' });
    expect(changes.filter((c) => c.what === 'jobs').length).toBeGreaterThanOrEqual(30);
  });

  it('jobs are numbered in order and listed newest first; a queued job runs after the one before it', async () => {
    const { admin } = await withDefaultTemplate();
    const a = admin.bulk.submit({ kind: 'insertEmccDevices', count: 2 });
    const b = admin.bulk.submit({ kind: 'insertEmccDevices', count: 3 });
    expect(a.ok && b.ok).toBe(true);
    const idA = a.ok ? a.jobId : 0;
    const idB = b.ok ? b.jobId : 0;
    expect(idB).toBe(idA + 1);
    expect(admin.bulk.jobs().map((j) => j.id)).toEqual([idB, idA, idA - 1]);
    await admin.bulk.idle();
    const [jb, ja] = admin.bulk.jobs();
    expect(ja).toMatchObject({ id: idA, status: 'Completed', result: '2 EMCC devices inserted (EMCC1 to EMCC2)' });
    expect(jb).toMatchObject({ id: idB, status: 'Completed', result: '3 EMCC devices inserted (EMCC3 to EMCC5)' });
  });

  it('a second job that would not fit beside one already queued is refused at once, and phones cannot take the queued room', async () => {
    const { admin, store } = await withDefaultTemplate();
    prefill(store, 29_990);
    expect(admin.bulk.submit({ kind: 'insertEmccDevices', count: 10 })).toMatchObject({ ok: true });
    expect(admin.bulk.submit({ kind: 'insertEmccDevices', count: 1 })).toMatchObject({ ok: false, errors: [{ field: 'count', message: expect.stringMatching(/No more EMCC devices fit/) }] });
    expect(admin.save('phone', null, { name: 'SEP0A0B0C0D0E0F', model: '8845', devicePool: 'Default' })).toMatchObject({ ok: false, errors: [{ field: 'name' }] });
    await admin.bulk.idle();
    expect(admin.bulk.jobs()[0]).toMatchObject({ status: 'Completed', progress: 10 });
    expect(store.emccDeviceCount()).toBe(30_000);
  });

  it('a job left unfinished when the lab stopped is marked Failed when the cluster starts again', async () => {
    const { admin, store } = await withDefaultTemplate();
    const r = admin.bulk.submit({ kind: 'insertEmccDevices', count: 5 });
    await admin.bulk.stop();
    expect(newest(admin.bulk.jobs())).toMatchObject({ status: 'Pending' });
    const again = new ClusterAdmin({ store, now: () => 1, yieldToOthers: async () => {}, peers: { hostTakenElsewhere: () => false, deviceNameElsewhere: () => undefined }, onChange: () => {} });
    expect(newest(again.bulk.jobs())).toMatchObject({ id: r.ok ? r.jobId : -1, status: 'Failed', result: 'The lab stopped before the job finished' });
  });
});
