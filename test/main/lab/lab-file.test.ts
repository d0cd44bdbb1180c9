import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FileProblem } from '../../../shared/api/file-contract';
import { LAB_FILE_MAX_BYTES, type LabFile } from '../../../shared/lab-file';
import type { Lab } from '../../../main/lab/lab';
import { exportLabFile, LabFileError, openLabFile, parseLabFile } from '../../../main/lab/lab-file';
import { dbFingerprint } from '../../helpers/db-fingerprint';
import { loginShows, loggedInAs } from '../../helpers/em-lab';
import { HOME_PHONE, TEST_KEYS, VISITING_PHONE, openLab, registeredTo, submitLogin, waitForScreen } from '../../helpers/lab-fixture';

/** A lab file without the moment it was saved (the one thing two saves of the same lab differ in). */
const unstamped = ({ savedAt: _, ...rest }: LabFile) => rest;
const clone = (f: LabFile): LabFile => structuredClone(f);
const text = (f: unknown) => JSON.stringify(f, null, 2);

/** Every row of every cluster database of a lab, with the faults and the clock: what a refusal must not change. */
function labState(lab: Lab): string {
  return JSON.stringify({
    dbs: lab.clusters.map((c) => [c.name, dbFingerprint(c.store)]),
    faults: lab.faults.list(),
    clock: lab.snapshot().clock,
  });
}

let scratch: string;
let folders = 0;
const freshFolder = () => path.join(scratch, `lab-${++folders}`);

/** The demo lab, changed the way a support engineer's lab would be: what the file must carry. */
let source: Lab;
let saved: LabFile;
const opened: Lab[] = [];

async function reopen(file: LabFile): Promise<Lab> {
  const lab = await openLabFile(file, freshFolder());
  opened.push(lab);
  return lab;
}

beforeAll(async () => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'emcc-lab-file-'));
  source = await openLab();
  await waitForScreen(source, VISITING_PHONE, registeredTo('VISIT'));
  const home = source.clusterNamed('home')!.admin;
  // A PIN changed since the demo (the file must carry the current one), an EM API application
  // user with its password, and a logout profile naming its login user (a user defined after it).
  expect(home.save('endUser', 'alice', { ...home.get('endUser', 'alice')!, pin: '13579' }).ok).toBe(true);
  expect(home.save('applicationUser', null, { userId: 'emproxy', password: 'proxy-pass', emProxyRights: true }).ok).toBe(true);
  expect(home.save('deviceProfile', null, { name: 'lobby-logout', model: '8845', lines: [{ dn: '2099', label: 'Lobby' }], loginUserId: 'carol' }).ok).toBe(true);
  // A subscriber (its name sorts before the publisher's) running CallManager only, with certificates of its own.
  expect(home.save('node', null, { host: 'a-home-sub', role: 'subscriber', ipv4: '127.0.0.1' }).ok).toBe(true);
  expect(home.setServiceActivation('a-home-sub', { 'Cisco CallManager': true }).ok).toBe(true);
  await source.clusterNamed('home')!.serversSettled();
  source.clock.pause();
  saved = exportLabFile(source, 'Customer lab');
});

afterEach(async () => {
  while (opened.length) await opened.pop()!.close();
});

afterAll(async () => {
  await source?.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe('saving and opening a lab file', () => {
  it('a saved lab opened in a fresh folder and saved again gives the same file (only savedAt differs)', async () => {
    const read = parseLabFile(text(saved));
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    const again = exportLabFile(await reopen(read.file), 'Customer lab');
    expect(unstamped(again)).toEqual(unstamped(saved));
    expect(again.savedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('carries what the demo lab was changed to: the new PIN, the application user\'s password, the logout profile\'s login user', () => {
    const home = saved.clusters.find((c) => c.name === 'home')!;
    expect(home.records.endUser?.find((u) => u.userId === 'alice')).toMatchObject({ pin: '13579' });
    expect(home.records.applicationUser).toEqual([{ userId: 'emproxy', password: 'proxy-pass', emProxyRights: true }]);
    expect(home.records.deviceProfile?.find((p) => p.name === 'lobby-logout')).toMatchObject({ loginUserId: 'carol' });
    expect(home.nodes).toEqual([
      { record: { host: 'home-pub', role: 'publisher', ipv4: '127.0.0.1' }, services: expect.arrayContaining(['Cisco CallManager', 'Cisco Extension Mobility']) },
      { record: { host: 'a-home-sub', ipv4: '127.0.0.1' }, services: ['Cisco CallManager'] },
    ]);
    expect(saved.certificates![0]!.certificates.filter((c) => c.host === 'a-home-sub')).toHaveLength(7);
    // Phones are records of their cluster; derived remote cluster state is not saved.
    expect(saved.clusters[1]!.records.phone?.map((p) => p.name)).toEqual(['SEP00AA11BB22CC', 'SEP00AA11BB33DD']);
    expect(home.remoteClusters).toEqual([{ clusterId: 'VISIT', fqdn: 'visit-pub', emccEnabled: true, pstnEnabled: true, rsvpEnabled: true }]);
  });

  it('a home user logs in through EMCC on the reopened lab with the PIN of the saved lab, over the saved certificates', async () => {
    const lab = await reopen({ ...saved, clock: { ...saved.clock, paused: false } });
    for (const name of ['home', 'visiting']) {
      const fingerprints = (l: Lab) => l.clusterNamed(name)!.pki.certificates().map((c) => c.fingerprint);
      expect(fingerprints(lab)).toEqual(fingerprints(source));
    }
    await waitForScreen(lab, VISITING_PHONE, registeredTo('VISIT'));
    await submitLogin(lab, VISITING_PHONE, 'alice', '13579');
    await waitForScreen(lab, VISITING_PHONE, loggedInAs('HOME', 'alice', '1001'));
  });

  it('a remote cluster keeps the services the file gives it even where new remote clusters get all of them', async () => {
    const f = clone(saved);
    f.clusters[0]!.featureParameters = { ...f.clusters[0]!.featureParameters, enableAllRemoteServices: true };
    f.clusters[0]!.remoteClusters[0]!.pstnEnabled = false;
    const again = exportLabFile(await reopen(f), 'Customer lab');
    expect(again.clusters[0]!.featureParameters).toMatchObject({ enableAllRemoteServices: true });
    expect(again.clusters[0]!.remoteClusters).toEqual([{ clusterId: 'VISIT', fqdn: 'visit-pub', emccEnabled: true, rsvpEnabled: true }]);
  });

  it('a reopened lab keeps its faults and its clock: same time, speed and pause, and the fault acts', async () => {
    source.setFault('database', 'home', true);
    source.setFault('wanLatency', 'visiting|home', true, 250);
    source.clock.setSpeed(60);
    const file = exportLabFile(source, 'Faulty');
    source.setFault('database', 'home', false);
    source.setFault('wanLatency', 'home|visiting', false);
    source.clock.setSpeed(1000);

    expect(file.faults).toEqual([{ fault: 'database', target: 'home' }, { fault: 'wanLatency', target: 'home|visiting', value: 250 }]);
    const lab = await reopen(file);
    expect(lab.faults.list()).toEqual(file.faults);
    expect(lab.snapshot().clock).toEqual({ now: source.clock.now(), speed: 60, paused: true });
    expect(file.clock.start).toBe(source.clock.now());
    lab.clock.resume();
    await loginShows(lab, 'visiting', 'alice', '13579', ['Login is unavailable (6)', '无法登录 (6)']);
  });

  it('a file without certificates gets new ones, exchanged between its clusters as in the demo lab', async () => {
    const { certificates: _, ...bare } = clone(saved);
    const lab = await openLabFile({ ...bare, clock: { speed: 1000, paused: false } } as LabFile, freshFolder(), { keys: TEST_KEYS });
    opened.push(lab);
    const visitTomcat = lab.clusterNamed('visiting')!.pki.certificates().find((c) => c.purpose === 'tomcat')!;
    expect(visitTomcat.fingerprint).not.toBe(source.clusterNamed('visiting')!.pki.certificates().find((c) => c.purpose === 'tomcat')!.fingerprint);
    expect(lab.clusterNamed('home')!.pki.trusted().some((t) => t.store === 'tomcat-trust' && t.fingerprint === visitTomcat.fingerprint)).toBe(true);
    await waitForScreen(lab, HOME_PHONE, registeredTo('HOME'));
  });

  /** A saved lab without certificates, its clock running fast, changed by `edit`. */
  function withoutCertificates(edit: (f: LabFile) => void): LabFile {
    const { certificates: _, ...bare } = clone(saved);
    const f = { ...bare, faults: [], clock: { speed: 1000, paused: false } } as LabFile;
    edit(f);
    return f;
  }

  /** Whether a cluster's tomcat-trust holds another cluster's Tomcat certificate. */
  const trustsTomcatOf = (lab: Lab, truster: string, trusted: string) => {
    const tomcat = lab.clusterNamed(trusted)!.pki.certificates().filter((c) => c.purpose === 'tomcat').map((c) => c.fingerprint);
    return lab.clusterNamed(truster)!.pki.trusted().some((t) => t.store === 'tomcat-trust' && tomcat.includes(t.fingerprint));
  };

  it('a file without certificates whose two clusters share a Cluster ID opens without cross-cluster trust, and the lab trace says why', async () => {
    // Both as Unified CM installs them, before EMCC is set up: Cluster ID StandAloneCluster, no remote clusters.
    const f = withoutCertificates((file) => {
      for (const c of file.clusters) {
        c.enterprise = { ...c.enterprise, clusterId: 'StandAloneCluster' };
        c.remoteClusters = [];
      }
    });
    const lab = await openLabFile(f, freshFolder(), { keys: TEST_KEYS });
    opened.push(lab);
    // Each cluster made its certificates and trusts its own nodes only, as a fresh lab does.
    expect(trustsTomcatOf(lab, 'home', 'visiting')).toBe(false);
    expect(trustsTomcatOf(lab, 'visiting', 'home')).toBe(false);
    expect(trustsTomcatOf(lab, 'home', 'home')).toBe(true);
    // No bulk job ran (nor failed): the exchange was not attempted.
    expect(lab.clusters.flatMap((c) => c.admin.bulk.jobs())).toEqual([]);
    expect(lab.trace.list().map((e) => e.text)).toContainEqual(expect.stringMatching(
      /^Lab file Customer lab: certificates made for each cluster but not exchanged: home \(StandAloneCluster\) and visiting \(StandAloneCluster\) share a Cluster ID, so their bulk exports have the same file name\./,
    ));
    await waitForScreen(lab, HOME_PHONE, registeredTo('StandAloneCluster'));
  });

  it('a file without certificates with one cluster opens, the lab trace saying that Consolidate needs two clusters', async () => {
    const f = withoutCertificates((file) => {
      file.clusters = [file.clusters[0]!];
      file.clusters[0]!.remoteClusters = [];
    });
    const lab = await openLabFile(f, freshFolder(), { keys: TEST_KEYS });
    opened.push(lab);
    expect(lab.clusters.map((c) => c.name)).toEqual(['home']);
    expect(trustsTomcatOf(lab, 'home', 'home')).toBe(true);
    expect(lab.trace.list().map((e) => e.text)).toContainEqual(expect.stringContaining('not exchanged: the lab has one cluster, and Consolidate needs the exports of two or more'));
    await waitForScreen(lab, HOME_PHONE, registeredTo('HOME'));
  });
});

describe('a lab file that cannot be opened is refused with the field and the problem, and the open lab stays as it was', () => {
  /** The file's refusal, proving the open source lab did not change while it was read. */
  function refusedText(t: string): FileProblem[] {
    const before = labState(source);
    const r = parseLabFile(t);
    expect(labState(source)).toBe(before);
    if (r.ok) throw new Error('the file was accepted');
    return r.errors;
  }
  const refused = (edit: (f: LabFile & Record<string, unknown>) => void) => {
    const f = clone(saved) as LabFile & Record<string, unknown>;
    edit(f);
    return refusedText(text(f));
  };

  it('broken JSON: the line and column of the error', () => {
    const t = text(saved).replace('"name": "home"', '"name": home');
    const at = t.indexOf('"name": home') + '"name": '.length;
    const line = t.slice(0, at).split('\n').length;
    const column = at - t.lastIndexOf('\n', at - 1);
    expect(refusedText(t)).toEqual([{ field: '', message: `not valid JSON at line ${line}, column ${column}: Unexpected token 'h'` }]);
  });

  it('a truncated file: it ends before its JSON is complete', () => {
    const t = text(saved);
    const cut = t.slice(0, Math.floor(t.length / 2));
    expect(refusedText(cut)).toEqual([{ field: '', message: expect.stringMatching(/^the file ends before its JSON is complete \(line \d+, column \d+\): it may be cut short$/) }]);
  });

  it('an empty file', () => {
    expect(refusedText('')).toEqual([{ field: '', message: 'the file is empty' }]);
  });

  it('JSON that is not an object', () => {
    expect(refusedText('[{"format": "emcc-lab"}]')).toEqual([{ field: '', message: 'the file must hold an object, not a list' }]);
    expect(refusedText('42')).toEqual([{ field: '', message: 'the file must hold an object, not a whole number' }]);
  });

  it('a file of another kind: not a lab file', () => {
    expect(refused((f) => { f.format = 'emcc-lab-scenario' as 'emcc-lab'; })).toEqual([{ field: 'format', message: 'not an EMCC Lab lab file (its format must be "emcc-lab")' }]);
    expect(refusedText('{"hello": "world"}')).toEqual(expect.arrayContaining([{ field: 'format', message: 'not an EMCC Lab lab file (its format must be "emcc-lab")' }]));
  });

  it('a file of a newer version (2): refused for that alone, naming the version this app reads', () => {
    expect(refused((f) => {
      f.version = 2;
      f.newerThing = { whatever: true };
    })).toEqual([{ field: 'version', message: 'a lab file of a newer EMCC Lab (this one reads format version 1)' }]);
  });

  it('a file larger than the limit, before anything is parsed', () => {
    expect(refusedText(`${text(saved)}${' '.repeat(LAB_FILE_MAX_BYTES)}`)).toEqual([{ field: '', message: 'the file is larger than 32 MiB' }]);
  });

  it('100,000 levels of nesting', () => {
    const deep = `{"format": "emcc-lab", "version": 1, "name": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    expect(refusedText(deep)).toEqual([{ field: '', message: expect.stringContaining('nests deeper than 32 levels') }]);
  });

  it('wrong types: text where a number goes, a list where an object goes', () => {
    expect(refused((f) => {
      (f.clusters[0] as Record<string, unknown>).emccDevices = '5';
      (f as Record<string, unknown>).clock = [];
    })).toEqual([
      { field: 'clusters.0.emccDevices', message: 'must be a number, not text' },
      { field: 'clock', message: 'must be an object, not a list' },
    ]);
  });

  it('unknown keys: at the top, a misspelt list, a field no record has', () => {
    const errors = refused((f) => {
      f.colour = 'red';
      (f.clusters[0]!.records as Record<string, unknown>).phones = [];
    });
    expect(errors).toEqual(expect.arrayContaining([
      { field: 'colour', message: 'is not a field of this file (unknown key)' },
      { field: 'clusters.0.records.phones', message: 'is not a field of this file (unknown key)' },
    ]));
    expect(refused((f) => { f.clusters[1]!.records.phone![0]!.colour = 'red'; })).toEqual([{ field: 'clusters.1.records.phone.0.colour', message: 'unknown field "colour"' }]);
  });

  it('records the administration would refuse: a short PIN, a device pool that does not exist, a name given twice', () => {
    expect(refused((f) => { f.clusters[0]!.records.endUser![0]!.pin = '12'; })).toEqual([{ field: 'clusters.0.records.endUser.0.pin', message: 'PIN must be at least 4 digits' }]);
    expect(refused((f) => { f.clusters[1]!.records.phone![0]!.devicePool = 'Nowhere'; })).toEqual([
      { field: 'clusters.1.records.phone.0.devicePool', message: 'Device Pool: this cluster has no Device Pool named "Nowhere"' },
    ]);
    expect(refused((f) => { f.clusters[1]!.records.phone![1]!.name = 'SEP00aa11bb22cc'; })).toEqual([
      { field: 'clusters.1.records.phone.1.name', message: 'another Phone of this cluster is named "SEP00aa11bb22cc"' },
    ]);
  });

  it('two clusters of the same name, and a server name used in both', () => {
    expect(refused((f) => {
      f.clusters[1]!.name = 'home';
      f.certificates!.pop();
    })).toEqual([{ field: 'clusters.1.name', message: 'another cluster of the file is named "home"' }]);
    expect(refused((f) => { f.clusters[1]!.nodes[0]!.record.host = 'HOME-PUB'; })).toEqual(expect.arrayContaining([
      { field: 'clusters.1.nodes.0.record.host', message: 'another server of the lab is named "HOME-PUB" (the lab network is one DNS)' },
    ]));
  });

  it('certificates of a cluster the file does not have, and a key that is not the certificate\'s', () => {
    expect(refused((f) => { f.certificates![1]!.cluster = 'elsewhere'; })).toEqual([
      { field: 'certificates.1.cluster', message: 'the file has no cluster named "elsewhere"' },
      { field: 'certificates', message: 'no certificates for cluster "visiting" (give every cluster\'s, or leave "certificates" out to make new ones)' },
    ]);
    expect(refused((f) => {
      const [a, b] = f.certificates![0]!.certificates;
      [a!.keyPem, b!.keyPem] = [b!.keyPem, a!.keyPem];
    })).toEqual([
      { field: 'certificates.0.certificates.0.keyPem', message: 'is not the private key of this certificate' },
      { field: 'certificates.0.certificates.1.keyPem', message: 'is not the private key of this certificate' },
    ]);
  });

  it('faults naming a server or a link the file does not have', () => {
    expect(refused((f) => {
      f.faults = [{ fault: 'nodeDown', target: 'nowhere-pub' }, { fault: 'wanDown', target: 'home|home' }, { fault: 'database', target: 'home', value: 3 }];
    })).toEqual([
      { field: 'faults.0.target', message: 'the file has no server named "nowhere-pub"' },
      { field: 'faults.1.target', message: 'a link is two different cluster names of the file joined by "|"' },
      { field: 'faults.2.value', message: 'Database exception takes no value' },
    ]);
  });

  it('__proto__ keys are refused and pollute nothing', () => {
    const t = text(saved)
      .replace('"format": "emcc-lab",', '"__proto__": {"polluted": true}, "format": "emcc-lab",')
      .replace('"userId": "alice",', '"userId": "alice", "__proto__": {"emccEnabled": false},');
    const errors = refusedText(t);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ message: 'a key named "__proto__" is not allowed' });
    expect(['__proto__', 'clusters.0.records.endUser.0.__proto__']).toContain(errors[0]!.field);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).emccEnabled).toBeUndefined();
  });

  it('a record only the running administration refuses (a third EMCC trunk) ends the open with the cluster named, and leaves no folder', async () => {
    const f = clone(saved);
    const trunk = (name: string) => ({ name, trunkServiceType: 'Extension Mobility Cross Clusters', devicePool: 'Default' });
    f.clusters[1]!.records.sipTrunk!.push(trunk('Second-EMCC-Trunk'), trunk('Third-EMCC-Trunk'));
    expect(parseLabFile(text(f)).ok).toBe(true);
    const before = labState(source);
    // A folder the caller made for the lab is left empty; one openLabFile made is removed.
    const given = freshFolder();
    mkdirSync(given);
    const made = freshFolder();
    for (const folder of [given, made]) {
      const error = await openLabFile(f, folder).then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(LabFileError);
      expect((error as LabFileError).problems).toEqual([{ field: 'clusters.1', message: expect.stringContaining('There are already 2 EMCC trunks') }]);
    }
    expect(readdirSync(given)).toEqual([]);
    expect(existsSync(made)).toBe(false);
    expect(labState(source)).toBe(before);
  });

  it('a folder that already holds something is refused and keeps what it holds', async () => {
    const folder = freshFolder();
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'notes.txt'), 'mine');
    await expect(openLabFile(saved, folder)).rejects.toThrow(/is not an empty folder/);
    expect(readdirSync(folder)).toEqual(['notes.txt']);
  });
});
