import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LabSession } from '../../../main/lab/lab-session';
import { sessionApi } from '../../../main/lab/session-api';
import { ScenarioDesk } from '../../../main/lab/scenario-desk';
import type { EventName } from '../../../shared/api/contract';
import { dbFingerprint } from '../../helpers/db-fingerprint';
import { TEST_KEYS } from '../../helpers/lab-fixture';

describe('the lab session: File > New, Open, Save, Save As and Recent', () => {
  let dir: string;
  let session: LabSession | undefined;
  afterEach(async () => {
    await session?.close();
    session = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  async function demoSession(): Promise<LabSession> {
    dir = mkdtempSync(path.join(os.tmpdir(), 'emcc-session-'));
    session = await LabSession.open({ dataDir: path.join(dir, 'data'), initial: 'demo', keys: TEST_KEYS });
    return session;
  }

  it('saves the open lab to a file and opens it again: the new lab replaces the old, is listed under Recent, and the windows are told', async () => {
    const s = await demoSession();
    const first = s.lab;
    s.lab.setFault('wanDown', 'home|visiting', true);
    const target = path.join(dir, 'customer-42');
    const saved = await s.save(target);
    expect(saved).toEqual({ fileName: 'customer-42.emcclab', path: `${target}.emcclab`, text: null });
    expect(JSON.parse(readFileSync(`${target}.emcclab`, 'utf8'))).toMatchObject({ format: 'emcc-lab', version: 1, name: 'customer-42' });

    const told: string[] = [];
    const api = sessionApi(s, new ScenarioDesk(s, path.join(dir, 'no-library'), 0));
    const stop = api.forward((name: EventName) => told.push(name));
    const opened = await api.handlers['file.open']({ path: `${target}.emcclab` });
    stop();
    expect(opened).toMatchObject({ ok: true, lab: { name: 'customer-42', path: `${target}.emcclab` } });
    expect(s.lab).not.toBe(first);
    expect(told).toContain('lab.replaced');
    // The fault came with the file; the lab it replaced is closed.
    expect(s.lab.faults.list()).toEqual([{ fault: 'wanDown', target: 'home|visiting' }]);
    expect(s.info().recent.map((r) => r.name)).toEqual(['customer-42']);
    // Save without a path writes back to the file the lab came from.
    s.lab.setFault('wanDown', 'home|visiting', false);
    expect((await s.save()).path).toBe(`${target}.emcclab`);
    expect(JSON.parse(readFileSync(`${target}.emcclab`, 'utf8')).faults).toEqual([]);
  });

  it('a refused file (broken, another kind, a newer version) leaves the open lab exactly as it was', async () => {
    const s = await demoSession();
    const before = s.lab;
    const fingerprint = before.clusters.map((c) => dbFingerprint(c.store));
    for (const text of ['{"format": "emcc-lab", "version": 1, "name": ', '{"format":"emcc-lab-scenario","version":1}', '{"format":"emcc-lab","version":2,"name":"x","clusters":[]}']) {
      const opened = await s.openFile({ text, fileName: 'x.emcclab' });
      expect(opened.ok).toBe(false);
      if (!opened.ok) expect(opened.errors[0]!.message.length).toBeGreaterThan(5);
    }
    const missing = await s.openFile({ path: path.join(dir, 'nowhere.emcclab') });
    expect(missing).toMatchObject({ ok: false, errors: [{ field: 'path' }] });
    expect(s.lab).toBe(before);
    expect(s.info().name).toBe('Demo lab');
    expect(before.clusters.map((c) => dbFingerprint(c.store))).toEqual(fingerprint);
    expect(before.snapshot().phones.length).toBeGreaterThan(0);
  });

  it('Save As in a window gives the file text to download and writes nothing', async () => {
    const s = await demoSession();
    const saved = await s.save(undefined, true);
    expect(saved.path).toBeNull();
    expect(saved.fileName).toBe('Demo lab.emcclab');
    expect(JSON.parse(saved.text!)).toMatchObject({ format: 'emcc-lab', clusters: [{ name: 'home' }, { name: 'visiting' }] });
  });

  it('File > New empty opens two clusters as just installed in a working folder removed when the next lab replaces it', async () => {
    const s = await demoSession();
    expect((await s.newLab('empty')).ok).toBe(true);
    expect(s.lab.clusters.map((c) => c.identity().name)).toEqual(['cluster-a', 'cluster-b']);
    const work = path.join(dir, 'data', 'open');
    const folders = () => (existsSync(work) ? readdirSync(work) : []);
    expect(folders()).toHaveLength(1);
    const first = folders()[0]!;
    const text = (await s.save(undefined, true)).text!;
    writeFileSync(path.join(dir, 'fresh.emcclab'), text);
    expect((await s.openFile({ path: path.join(dir, 'fresh.emcclab') })).ok).toBe(true);
    expect(folders()).toHaveLength(1);
    expect(folders()).not.toContain(first);
  });

  it('the demo lab comes back at the lab time it had: a lab jumped an hour ahead is still an hour ahead after a restart (its certificates stay valid)', async () => {
    const s = await demoSession();
    s.lab.clock.pause();
    await s.lab.advance(3_600_000);
    const then = s.lab.clock.now();
    expect(then).toBeGreaterThan(Date.now() + 3_500_000);
    await s.close();
    session = await LabSession.open({ dataDir: path.join(dir, 'data'), initial: 'demo', keys: TEST_KEYS });
    expect(session.lab.clock.paused).toBe(true);
    expect(session.lab.clock.now()).toBe(then);
  });
});
