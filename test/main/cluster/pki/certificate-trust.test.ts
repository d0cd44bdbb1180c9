import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LabClock } from '../../../../main/clock/lab-clock';
import { CONSOLIDATED_FILE, DEFAULT_SFTP } from '../../../../main/cluster/pki/cluster-pki';
import { readBundle, writeBundle } from '../../../../main/cluster/pki/pkcs12';
import { DEMO_LAB } from '../../../../main/lab/demo-lab';
import { Lab } from '../../../../main/lab/lab';
import type { Cluster } from '../../../../main/cluster/cluster';
import { registeredTo, showsText, submitLogin, TEST_KEYS, VISITING_PHONE, waitForScreen } from '../../../helpers/lab-fixture';
import { sftpSession } from '../../../../main/net/sftp-client';
import { labHandlers } from '../../../../main/lab/lab-api';

const dirs: string[] = [];
let lab: Lab | undefined;
afterEach(async () => {
  await lab?.close();
  lab = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** The demo lab in a data folder of its own, with or without the certificate exchange done. */
async function openDemo(exchangeCertificates: boolean): Promise<{ lab: Lab; home: Cluster; visit: Cluster; dataDir: string }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'emcc-pki-'));
  dirs.push(dataDir);
  lab = await Lab.open({ dataDir, clusters: DEMO_LAB, clock: new LabClock({ speed: 1000 }), keys: TEST_KEYS, exchangeCertificates });
  return { lab, home: lab.cluster('HOME')!, visit: lab.cluster('VISIT')!, dataDir };
}

async function jobsDone(...clusters: Cluster[]) {
  await Promise.all(clusters.map((c) => c.admin.bulk.idle()));
  return clusters.map((c) => c.admin.bulk.jobs()[0]!);
}

async function exchange(home: Cluster, visit: Cluster): Promise<void> {
  home.pki.submitExport();
  visit.pki.submitExport();
  await jobsDone(home, visit);
  home.pki.submitConsolidate();
  await jobsDone(home);
  home.pki.submitImport();
  visit.pki.submitImport();
  const [a, b] = await jobsDone(home, visit);
  expect([a!.status, b!.status]).toEqual(['Completed', 'Completed']);
  await Promise.all([home.updateRemoteClustersNow(), visit.updateRemoteClustersNow()]);
}

async function aliceLoginShows(l: Lab, text: string) {
  await waitForScreen(l, VISITING_PHONE, registeredTo('VISIT'));
  await submitLogin(l, VISITING_PHONE, 'alice', '12345');
  return waitForScreen(l, VISITING_PHONE, showsText(text));
}

const traced = (l: Lab, re: RegExp) => l.trace.list().some((e) => re.test(e.text));

describe('trust between clusters, as bulk certificate management builds it', () => {
  it('each node has the seven certificates with its host name and loopback address, and the cluster trusts its own', async () => {
    const { home } = await openDemo(false);
    const certs = home.pki.certificates();
    expect(certs.map((c) => c.purpose).sort()).toEqual(['callmanager', 'capf', 'itlrecovery', 'tftp', 'tomcat', 'tomcat-ecdsa', 'tvs']);
    expect(certs.find((c) => c.purpose === 'tomcat-ecdsa')!.keyType).toBe('EC P-256');
    expect(certs.find((c) => c.purpose === 'tomcat')!).toMatchObject({ keyType: 'RSA 2048', subject: expect.stringContaining('CN=home-pub') });
    const trustedOwn = home.pki.trusted().filter((t) => t.source.startsWith('HOME/'));
    expect(new Set(trustedOwn.map((t) => t.store))).toEqual(new Set(['tomcat-trust', 'callmanager-trust', 'phone-sast-trust', 'phonesast-trust']));
    expect(home.pki.download('home-pub', 'tomcat', 'pem')!.fileName).toBe('home-pub-tomcat.pem');
    expect(Buffer.from(home.pki.download('home-pub', 'tomcat', 'pem')!.base64, 'base64').toString()).not.toMatch(/PRIVATE KEY/);
  });

  it('without the exchange an EMCC login fails with 208 and the trace names the untrusted certificate; export, consolidate and import through the embedded SFTP server fix it', async () => {
    const { lab: l, home, visit, dataDir } = await openDemo(false);
    await aliceLoginShows(l, 'Login is unavailable (208)');
    expect(traced(l, /CN=home-pub.*is not in tomcat-trust of VISIT/)).toBe(true);

    await waitForScreen(l, 'SEP00AA11BB33DD', registeredTo('VISIT'));
    await exchange(home, visit);
    // New CallManager certificates in the trust stores restart the cluster's phones (guide, step 3).
    expect(visit.admin.bulk.jobs()[0]!.result).toMatch(/2 phones restarted/);
    // The files are really on the SFTP server's disk, and the consolidated one holds both clusters.
    const folder = path.join(dataDir, 'sftp', DEFAULT_SFTP.directory);
    expect(existsSync(path.join(folder, 'HOME.p12')) && existsSync(path.join(folder, 'VISIT.p12'))).toBe(true);
    const consolidated = readBundle(readFileSync(path.join(folder, CONSOLIDATED_FILE)), DEFAULT_SFTP.bundlePassword);
    expect(new Set(consolidated.map((c) => c.friendlyName.split('/')[0]))).toEqual(new Set(['HOME', 'VISIT']));
    expect(consolidated).toHaveLength(14);
    // The guide's mapping: CallManager -> CallManager-trust and Phone-SAST-trust, ITLRecovery -> PhoneSast-trust and CallManager-trust.
    const fromHome = visit.pki.trusted().filter((t) => t.source.startsWith('HOME/'));
    const stores = (purpose: string) => fromHome.filter((t) => t.source.endsWith(`/${purpose}`)).map((t) => t.store).sort();
    expect(stores('tomcat')).toEqual(['tomcat-trust']);
    expect(stores('callmanager')).toEqual(['callmanager-trust', 'phone-sast-trust']);
    expect(stores('itlrecovery')).toEqual(['callmanager-trust', 'phonesast-trust']);
    expect(stores('capf')).toEqual(['callmanager-trust']);
    expect(stores('tftp')).toEqual([]);

    await waitForScreen(l, VISITING_PHONE, (s) => s.status === 'registered');
    await submitLogin(l, VISITING_PHONE, 'alice', '12345');
    await waitForScreen(l, VISITING_PHONE, registeredTo('HOME'));
  });

  it('a Tomcat certificate regenerated and not re-exported makes the next login fail with 208, and the cluster shows a new export is needed', async () => {
    const { lab: l, home } = await openDemo(true);
    expect(home.pki.regenerate('home-pub', 'tomcat')).toEqual([]);
    expect(home.pki.exportNeeded()).toBe(true);
    expect(home.admin.validateIsp().checks.find((c) => c.id === 'certificates')).toMatchObject({ ok: false, warning: true });
    await aliceLoginShows(l, 'Login is unavailable (208)');
    expect(traced(l, /tomcat.*is not in tomcat-trust of VISIT/)).toBe(true);
  });

  it('an expired Tomcat certificate makes the login fail with 208, the trace saying it expired', async () => {
    const { lab: l, home, visit } = await openDemo(false);
    // One day of validity, exchanged, then two days later by the lab clock.
    expect(home.pki.regenerate('home-pub', 'tomcat', 1)).toEqual([]);
    await exchange(home, visit);
    for (const c of [home, visit]) c.admin.saveForm('featureParameters', { ...c.admin.form('featureParameters'), remoteClusterUpdateInterval: 10080 });
    l.clock.advance(2 * 86_400_000);
    await aliceLoginShows(l, 'Login is unavailable (208)');
    expect(traced(l, /CN=home-pub.* expired on /)).toBe(true);
  });
});

describe('bulk certificate jobs that cannot finish fail clearly and change no trust store', () => {
  const trustOf = (c: Cluster) => JSON.stringify(c.pki.trusted().map((t) => [t.store, t.fingerprint]));

  it('a wrong-password consolidated file fails the import with "wrong password"', async () => {
    const { home, visit } = await openDemo(false);
    home.pki.submitExport();
    visit.pki.submitExport();
    await jobsDone(home, visit);
    home.pki.submitConsolidate();
    await jobsDone(home);
    home.admin.saveForm('sftpSettings', { ...home.admin.form('sftpSettings'), bundlePassword: 'not-the-one' });
    const before = trustOf(home);
    home.pki.submitImport();
    const [job] = await jobsDone(home);
    expect(job).toMatchObject({ kind: 'certImport', status: 'Failed', result: expect.stringMatching(/wrong password/) });
    expect(trustOf(home)).toBe(before);
  });

  it('a corrupt consolidated file fails the import as damaged', async () => {
    const { home } = await openDemo(false);
    const s = home.pki.sftpSettings();
    const session = await sftpSession(s, { connect: (h, p) => (h === DEFAULT_SFTP.host ? { host: '127.0.0.1', port: lab!.network.lookup(h)!.port } : { host: h, port: p }) });
    const good = writeBundle([{ friendlyName: 'X/x/tomcat', pem: tomcatPem(home) }], s.bundlePassword);
    await session.put(CONSOLIDATED_FILE, good.subarray(0, good.length - 40));
    session.close();
    const before = trustOf(home);
    home.pki.submitImport();
    const [job] = await jobsDone(home);
    expect(job).toMatchObject({ status: 'Failed', result: expect.stringMatching(/damaged|cannot be read/) });
    expect(trustOf(home)).toBe(before);
  });

  it('a refused SFTP login and an unreachable SFTP server fail the export with a clear message that holds no password', async () => {
    const { lab: l, home } = await openDemo(false);
    home.admin.saveForm('sftpSettings', { ...home.admin.form('sftpSettings'), password: 'Wrong-Secret-42' });
    home.pki.submitExport();
    let [job] = await jobsDone(home);
    expect(job).toMatchObject({ status: 'Failed', result: expect.stringMatching(/login refused/i) });
    expect(job!.result).not.toContain('Wrong-Secret-42');
    home.admin.saveForm('sftpSettings', { ...home.admin.form('sftpSettings'), host: '127.0.0.1', port: 1 });
    home.pki.submitExport();
    [job] = await jobsDone(home);
    expect(job).toMatchObject({ status: 'Failed', result: expect.stringMatching(/unreachable/i) });
    expect(home.pki.exportNeeded()).toBe(false);
    // Nothing secret anywhere the user can read: trace and job results.
    const readable = [...l.trace.list().map((e) => e.text), ...l.clusters.flatMap((c) => c.admin.bulk.jobs().map((j) => j.result))].join('\n');
    expect(readable).not.toMatch(/PRIVATE KEY|Wrong-Secret-42|emcc-lab/);
  });
});

function tomcatPem(c: Cluster): string {
  return Buffer.from(c.pki.download('home-pub', 'tomcat', 'pem')!.base64, 'base64').toString();
}

describe('Bulk Certificate Management offers a step only when it can run', () => {
  it('Consolidate is refused with one export, Import without a consolidated file; both offered once possible', async () => {
    const { lab: l, home, visit } = await openDemo(false);
    const handlers = labHandlers(l);
    expect(await handlers['pki.submit']({ cluster: 'home', action: 'import' })).toMatchObject({ ok: false, errors: [{ message: expect.stringMatching(/no consolidated file/) }] });
    home.pki.submitExport();
    await jobsDone(home);
    expect(await handlers['pki.submit']({ cluster: 'home', action: 'consolidate' })).toMatchObject({ ok: false, errors: [{ message: expect.stringMatching(/two or more clusters/) }] });
    visit.pki.submitExport();
    await jobsDone(visit);
    expect(await handlers['pki.bulk']({ cluster: 'home' })).toMatchObject({ canConsolidate: true, canImport: false, files: [{ name: 'HOME.p12' }, { name: 'VISIT.p12' }] });
    expect(await handlers['pki.submit']({ cluster: 'home', action: 'consolidate' })).toMatchObject({ ok: true });
  });

  it('the lab\'s SFTP host answers on port 22 only', async () => {
    const { home } = await openDemo(false);
    home.admin.saveForm('sftpSettings', { ...home.admin.form('sftpSettings'), port: 2222 });
    home.pki.submitExport();
    const [job] = await jobsDone(home);
    expect(job).toMatchObject({ status: 'Failed', result: expect.stringMatching(/unreachable/i) });
  });
});
