/**
 * The administration windows end to end: a fresh two-cluster lab (`serve --empty`) configured for
 * EMCC through the admin windows only, following the guide's steps on both clusters (the
 * certificates exchanged through Bulk Certificate Management), then an EMCC login on the visiting
 * phone with key presses; the refusals a user meets on the way; and, on the demo lab, a
 * regenerated Tomcat certificate that breaks EMCC until the certificates are exchanged again.
 */
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { click, emLogin, expect, phone, test } from './lab-fixture';

interface ClusterPlan {
  /** The cluster's lab name (LabSnapshot.clusters[].id). */
  name: string;
  publisher: string;
  clusterId: string;
}

const HOME: ClusterPlan = { name: 'cluster-a', publisher: 'cucm-a-pub', clusterId: 'HOME' };
const VISIT: ClusterPlan = { name: 'cluster-b', publisher: 'cucm-b-pub', clusterId: 'VISIT' };
const VISITING_PHONE = 'SEP0A0B0C0D0E0F';

/** A value to put in a form field: text or a select's label, a checkbox, names of a multiselect, or lines. */
type FieldInput = string | boolean | string[] | { lines: { dn: string; label?: string }[] };

/** Open a cluster's administration window from the lab page. */
async function openAdmin(labPage: Page, cluster: string): Promise<Page> {
  const [admin] = await Promise.all([labPage.waitForEvent('popup'), labPage.getByTestId(`open-admin-${cluster}`).click()]);
  await expect(admin.getByTestId('admin-cluster-name')).toHaveText(cluster);
  return admin;
}

/** Menu bar: open the top-level menu, then click the entry by its visible text. */
async function menu(admin: Page, top: string, entry: string): Promise<void> {
  // Several windows are open: a background tab draws no frames, so act in the front one.
  await admin.bringToFront();
  await admin.getByTestId(`menu-${top}`).click();
  await admin.getByRole('menu', { name: top }).getByRole('menuitem', { name: entry, exact: true }).click();
}

function input(admin: Page, key: string): Locator {
  return admin.getByTestId(`input-${key}`);
}

/** Fill one field of the form shown, whatever its type. */
async function setField(admin: Page, key: string, value: FieldInput): Promise<void> {
  const el = input(admin, key);
  if (typeof value === 'boolean') {
    await el.setChecked(value);
  } else if (Array.isArray(value)) {
    for (const name of value) await el.getByLabel(name, { exact: true }).check();
  } else if (typeof value === 'object') {
    for (const [i, line] of value.lines.entries()) {
      await admin.getByTestId('line-add').click();
      await admin.getByTestId(`line-dn-${i}`).fill(line.dn);
      if (line.label) await admin.getByTestId(`line-label-${i}`).fill(line.label);
    }
  } else if ((await el.evaluate((e) => e.tagName)) === 'SELECT') {
    await el.selectOption({ label: value });
  } else {
    await el.fill(value);
  }
}

/** Save the page and expect the banner (Add successful / Update successful). */
async function save(admin: Page, banner: string): Promise<void> {
  await admin.getByTestId('save').click();
  await expect(admin.getByTestId('status')).toContainText(banner);
}

/** Menu > Add New > fill the fields > Save: "Add successful". */
async function addRecord(admin: Page, top: string, entry: string, fields: Record<string, FieldInput>): Promise<void> {
  await menu(admin, top, entry);
  await admin.getByTestId('add-new').click();
  await expect(admin.getByText('Ready to add a new record')).toBeVisible();
  for (const [key, value] of Object.entries(fields)) await setField(admin, key, value);
  await save(admin, 'Add successful');
}

/** Step 0: Enterprise Parameters > Cluster ID. */
async function setClusterId(admin: Page, c: ClusterPlan): Promise<void> {
  await menu(admin, 'System', 'Enterprise Parameters');
  await expect(input(admin, 'clusterId')).toHaveValue('StandAloneCluster');
  await setField(admin, 'clusterId', c.clusterId);
  await save(admin, 'Update successful');
  await expect(admin.getByTestId('admin-cluster-id')).toHaveText(c.clusterId);
}

/** Step 1: the Phone Feature List report says the 8845 supports EMCC. */
async function checkPhoneFeatureList(admin: Page): Promise<void> {
  await menu(admin, 'Reports', 'Phone Feature List');
  await admin.getByTestId('feature-filter').selectOption({ label: 'Extension Mobility Cross Cluster' });
  await expect(admin.getByTestId('pfl-8845')).toContainText('Cisco 8845');
  await expect(admin.getByTestId('pfl-8845-emcc')).toHaveText('Yes');
  await expect(admin.getByTestId('pfl-7960')).toHaveCount(0);
}

/** Step 2: every service on the publisher, and the Extension Mobility phone service. */
async function activateServicesAndEmService(admin: Page, c: ClusterPlan): Promise<void> {
  await menu(admin, 'Serviceability', 'Service Activation');
  const node = admin.getByTestId(`sa-node-${c.publisher}`);
  await node.getByTestId(`sa-all-${c.publisher}`).check();
  await node.getByTestId(`sa-save-${c.publisher}`).click();
  await expect(admin.getByTestId('status')).toContainText('Update successful');
  await expect(node.getByText('Deactivated')).toHaveCount(0);
  await expect(node.getByText('Activated', { exact: true })).toHaveCount(5);

  await addRecord(admin, 'Device', 'Phone Services', {
    name: 'Extension Mobility',
    url: `http://${c.publisher}:8080/emapp/EMAppServlet?device=#DEVICENAME#&EMCC=#EMCC#`,
  });
}

/** OS Administration > Security > Bulk Certificate Management, with its directory listed. */
async function openBulkCertificates(admin: Page): Promise<void> {
  await menu(admin, 'OS Administration', 'Bulk Certificate Management');
  await expect(admin.getByTestId('bulk-files').or(admin.getByTestId('bulk-files-error'))).toBeVisible();
}

const CERT_JOB_KIND = { export: 'certExport', consolidate: 'certConsolidate', import: 'certImport' } as const;

/** Step 3: Export, Consolidate or Import on the Bulk Certificate Management page shown; its job completes. */
async function runCertificateJob(admin: Page, action: keyof typeof CERT_JOB_KIND): Promise<void> {
  await admin.bringToFront();
  const button = admin.getByTestId(`bulk-${action}`);
  await expect(button).toBeEnabled();
  await button.click();
  // The status of this job (not of the one submitted before it on the page) ends one way or the other.
  const status = admin.locator(`[data-testid="bulk-job-status"][data-kind="${CERT_JOB_KIND[action]}"]`);
  await expect(status).toHaveText(/^(Completed|Failed)$/, { timeout: 30_000 });
  const result = await admin.getByTestId('bulk-job-result').textContent();
  expect(await status.textContent(), `${action} job: ${result}`).toBe('Completed');
}

/** Step 3, the first half on each cluster: the embedded SFTP server is the default; export to it. */
async function exportCertificates(admin: Page, c: ClusterPlan): Promise<void> {
  await openBulkCertificates(admin);
  await expect(input(admin, 'host')).toHaveValue('sftp.lab');
  await expect(input(admin, 'directory')).toHaveValue('/bulk-certificates');
  await expect(admin.getByTestId('bulk-last-export')).toHaveText('Never');
  await runCertificateJob(admin, 'export');
  await expect(admin.getByTestId(`bulk-file-${c.clusterId}.p12`)).toBeVisible();
  await expect(admin.getByTestId('bulk-last-export')).not.toHaveText('Never');
}

/** Step 4: a common device configuration, the EMCC template as default, 5 EMCC devices, both jobs done. */
async function addEmccDevices(admin: Page): Promise<void> {
  await addRecord(admin, 'Device', 'Common Device Configuration', { name: 'EMCC-CDC' });
  await addRecord(admin, 'Bulk Administration', 'EMCC Template', { name: 'EMCC-Template', devicePool: 'Default', commonDeviceConfig: 'EMCC-CDC' });

  await menu(admin, 'Bulk Administration', 'Insert/Update EMCC');
  await expect(admin.getByTestId('emcc-devices-in-database')).toHaveText('0');
  await admin.getByTestId('input-template').selectOption({ label: 'EMCC-Template' });
  await admin.getByTestId('update-submit').click();
  await expect(admin.getByTestId('job-submitted')).toBeVisible();
  await expect(admin.getByTestId('default-template')).toHaveText('EMCC-Template');

  await admin.getByTestId('emcc-devices-to-add').fill('5');
  await admin.getByTestId('insert-submit').click();
  await expect(admin.getByTestId('emcc-devices-in-database')).toHaveText('5', { timeout: 30_000 });

  await admin.getByTestId('open-jobs').click();
  // Newest first: insert, update, and the certificate export of step 3.
  const statuses = admin.locator('[data-testid^="job-status-"]');
  await expect(statuses).toHaveText(['Completed', 'Completed', 'Completed'], { timeout: 30_000 });
  await expect(admin.locator('[data-testid^="job-result-"]').last()).toContainText('exported to /bulk-certificates/');

  await menu(admin, 'Bulk Administration', 'Insert/Update EMCC');
  await expect(admin.getByTestId('emcc-devices-in-database')).toHaveText('5');
}

/** Step 6: EMCC Feature Configuration. */
async function setFeatureParameters(admin: Page, c: ClusterPlan): Promise<void> {
  await menu(admin, 'Advanced Features', 'EMCC Feature Configuration');
  await setField(admin, 'defaultTftpServer', c.publisher);
  await setField(admin, 'defaultRemoteUpdateServer', c.publisher);
  await setField(admin, 'geolocationFilter', 'EMCC-Filter');
  await save(admin, 'Update successful');
}

/** Step 8: the Intercluster Service Profile, validated with no failure, then saved. */
async function setServiceProfile(admin: Page): Promise<void> {
  await menu(admin, 'Advanced Features', 'EMCC Intercluster Service Profile');
  await setField(admin, 'emccActive', true);
  await setField(admin, 'pstnActive', true);
  await setField(admin, 'pstnTrunk', 'EMCC-Trunk');
  await setField(admin, 'rsvpActive', true);
  await setField(admin, 'rsvpTrunk', 'EMCC-Trunk');
  await admin.getByTestId('validate').click();
  await expect(admin.getByTestId('isp-report')).toHaveAttribute('data-passed', 'true');
  await expect(admin.locator('[data-testid^="isp-check-"][data-state="fail"]')).toHaveCount(0);
  await save(admin, 'Update successful');
}

/** Steps 0-8 on one cluster; `extensionMobility` adds what this cluster's side of the login needs. */
async function configureCluster(admin: Page, c: ClusterPlan, extensionMobility: (admin: Page) => Promise<void>): Promise<void> {
  const step = (title: string, body: () => Promise<void>) => test.step(`${c.clusterId}: ${title}`, body);
  await step('0 Cluster ID', () => setClusterId(admin, c));
  await step('1 Phone Feature List', () => checkPhoneFeatureList(admin));
  await step('2 services and EM phone service', () => activateServicesAndEmService(admin, c));
  await step('2 Extension Mobility records', () => extensionMobility(admin));
  await step('3 Bulk Certificate Management: export', () => exportCertificates(admin, c));
  await step('4 EMCC devices', () => addEmccDevices(admin));
  await step('5 geolocation filter', () => addRecord(admin, 'System', 'Geolocation Filter', { name: 'EMCC-Filter', useCountry: true, useCity: true }));
  await step('6 EMCC Feature Configuration', () => setFeatureParameters(admin, c));
  await step('7 EMCC trunk', () => addRecord(admin, 'Device', 'Trunk', { trunkServiceType: 'Extension Mobility Cross Clusters', name: 'EMCC-Trunk', devicePool: 'Default' }));
  await step('8 Intercluster Service Profile', () => setServiceProfile(admin));
}

/** Step 9: the other cluster as a remote cluster with EMCC, PSTN access and RSVP agent enabled. */
async function addRemoteCluster(admin: Page, other: ClusterPlan): Promise<void> {
  await addRecord(admin, 'Advanced Features', 'EMCC Remote Cluster', {
    clusterId: other.clusterId, fqdn: other.publisher, emccEnabled: true, pstnEnabled: true, rsvpEnabled: true,
  });
}

/** Step 9, then: Update Remote Cluster Now until the list shows EMCC remote activated. */
async function updateRemoteClusterNow(admin: Page, other: Pick<ClusterPlan, 'clusterId'>): Promise<void> {
  await menu(admin, 'Advanced Features', 'EMCC Remote Cluster');
  await admin.getByTestId('update-remote-now').click();
  await expect(admin.getByTestId('status')).toContainText('Remote cluster update started');
  await expect(admin.getByTestId(`cell-${other.clusterId}-remoteEmccActivated`)).toHaveText('true', { timeout: 30_000 });
}


test('two fresh clusters configured for EMCC in their admin windows; alice logs in on the visiting phone and it registers to HOME', async ({ emptyLabPage: labPage }) => {
  test.setTimeout(120_000);
  const home = await openAdmin(labPage, HOME.name);
  const visit = await openAdmin(labPage, VISIT.name);

  await configureCluster(home, HOME, async (admin) => {
    await addRecord(admin, 'Device', 'Device Profile', {
      model: 'Cisco 8845', name: 'alice-udp', lines: { lines: [{ dn: '1001', label: 'Alice' }] }, services: ['Extension Mobility'],
    });
    await addRecord(admin, 'User Management', 'End User', {
      userId: 'alice', lastName: 'Smith', pin: '12345', emccEnabled: true, profiles: ['alice-udp'],
    });
  });
  await configureCluster(visit, VISIT, async (admin) => {
    await addRecord(admin, 'Device', 'Phone', {
      model: 'Cisco 8845', name: VISITING_PHONE, devicePool: 'Default', emEnabled: true,
      lines: { lines: [{ dn: '3001', label: 'Visitor' }] }, services: ['Extension Mobility'],
    });
  });

  await test.step('3 Bulk Certificate Management: consolidate on HOME, import on both', async () => {
    await openBulkCertificates(home);
    await expect(home.getByTestId('bulk-file-VISIT.p12')).toBeVisible();
    await runCertificateJob(home, 'consolidate');
    await expect(home.getByTestId('bulk-file-consolidated.p12')).toBeVisible();
    await runCertificateJob(home, 'import');
    await openBulkCertificates(visit);
    await runCertificateJob(visit, 'import');
  });

  await test.step('9 remote clusters', async () => {
    await addRemoteCluster(home, VISIT);
    await addRemoteCluster(visit, HOME);
    await updateRemoteClusterNow(home, VISIT);
    await updateRemoteClusterNow(visit, HOME);
  });

  const p = phone(labPage, VISITING_PHONE);
  await labPage.bringToFront();
  await test.step('the visiting phone registers to VISIT', async () => {
    await expect(p).toHaveAttribute('data-status', 'registered', { timeout: 30_000 });
    await expect(p).toHaveAttribute('data-cluster', 'VISIT');
    await expect(p.getByTestId('line-1')).toContainText('3001');
  });
  await test.step('alice logs in with EMCC', () => emLogin(p, 'alice', '12345'));
  await expect(p).toHaveAttribute('data-cluster', 'HOME', { timeout: 30_000 });
  await expect(p).toHaveAttribute('data-status', 'registered');
  await expect(p.getByTestId('line-1')).toContainText('1001');
  await expect(p.getByTestId('phone-cluster')).toHaveText(/· EMCC/);
  await expect(labPage.getByTestId('cluster-HOME').locator('.registered')).toContainText(VISITING_PHONE);
});

test('field-level errors are shown beside their field and nothing is saved', async ({ emptyLabPage: labPage }) => {
  const admin = await openAdmin(labPage, HOME.name);
  await menu(admin, 'Device', 'Device Profile');
  await expect(admin.getByTestId('list-empty')).toBeVisible();
  await admin.getByTestId('add-new').click();
  await setField(admin, 'model', 'Cisco 8845');

  // Checked before the round trip: a name longer than 50 characters.
  await setField(admin, 'name', 'x'.repeat(51));
  await admin.getByTestId('save').click();
  await expect(admin.getByTestId('error-name')).toHaveText('Device Profile Name must be at most 50 characters');
  await expect(admin.getByTestId('error-summary')).toContainText('Device Profile Name must be at most 50 characters');

  // A rule of the guide on one record: Forceful preemption with the indication Off.
  await setField(admin, 'name', 'bob-udp');
  await expect(admin.getByTestId('error-name')).toHaveCount(0);
  await setField(admin, 'mlppIndication', 'Off');
  await setField(admin, 'mlppPreemption', 'Forceful');
  await admin.getByTestId('save').click();
  await expect(admin.getByTestId('error-mlppPreemption')).toContainText('MLPP Preemption cannot be Forceful');
  await expect(admin.getByTestId('status')).not.toContainText('successful');

  await admin.getByTestId('back-to-list').click();
  await expect(admin.getByTestId('list-empty')).toBeVisible();

  // Refused by the main process: a remote cluster named with this cluster's own Cluster ID.
  await menu(admin, 'Advanced Features', 'EMCC Remote Cluster');
  await admin.getByTestId('add-new').click();
  await setField(admin, 'clusterId', 'StandAloneCluster');
  await setField(admin, 'fqdn', 'cucm-b-pub');
  await admin.getByTestId('save').click();
  await expect(admin.getByTestId('error-clusterId')).toContainText("this cluster's own Cluster ID");
  await admin.getByTestId('back-to-list').click();
  await expect(admin.getByTestId('list-empty')).toBeVisible();
});

test('Validate on a fresh cluster lists the failures with links to the pages that fix them, and Save is refused', async ({ emptyLabPage: labPage }) => {
  const admin = await openAdmin(labPage, VISIT.name);
  await menu(admin, 'Advanced Features', 'EMCC Intercluster Service Profile');
  await admin.getByTestId('validate').click();
  await expect(admin.getByTestId('isp-report')).toHaveAttribute('data-passed', 'false');
  const tftp = admin.getByTestId('isp-check-service-tftp');
  await expect(tftp).toHaveAttribute('data-state', 'fail');
  await expect(tftp).toContainText('Cisco Tftp');
  await expect(admin.getByTestId('isp-check-emcc-trunk')).toHaveAttribute('data-state', 'fail');

  await admin.getByTestId('isp-fix-service-tftp').click();
  await expect(admin.getByRole('heading', { name: 'Service Activation' })).toBeVisible();

  await menu(admin, 'Advanced Features', 'EMCC Intercluster Service Profile');
  await admin.getByTestId('validate').click();
  await admin.getByTestId('isp-fix-emcc-trunk').click();
  await expect(admin.getByRole('heading', { name: 'Find and List Trunks' })).toBeVisible();

  await menu(admin, 'Advanced Features', 'EMCC Intercluster Service Profile');
  await setField(admin, 'emccActive', true);
  await admin.getByTestId('save').click();
  await expect(admin.getByTestId('status')).toContainText('nothing was saved');
  await expect(admin.getByTestId('error-summary')).toContainText('Cisco Tftp');

  await menu(admin, 'System', 'Enterprise Parameters');
  await menu(admin, 'Advanced Features', 'EMCC Intercluster Service Profile');
  await expect(input(admin, 'emccActive')).not.toBeChecked();
});

test('inserting 30,000 EMCC devices runs as a job with progress, and the page then shows 30000 already in the database', async ({ emptyLabPage: labPage }) => {
  test.setTimeout(120_000);
  const admin = await openAdmin(labPage, HOME.name);
  await addRecord(admin, 'Device', 'Common Device Configuration', { name: 'EMCC-CDC' });
  await addRecord(admin, 'Bulk Administration', 'EMCC Template', { name: 'EMCC-Template', devicePool: 'Default', commonDeviceConfig: 'EMCC-CDC' });
  await menu(admin, 'Bulk Administration', 'Insert/Update EMCC');
  await admin.getByTestId('input-template').selectOption({ label: 'EMCC-Template' });
  await admin.getByTestId('update-submit').click();
  await expect(admin.getByTestId('default-template')).toHaveText('EMCC-Template');

  // A cluster with no phones has room for exactly 30,000 (phones + 2 x EMCC devices <= 60,000).
  await admin.getByTestId('emcc-devices-to-add').fill('30000');
  await admin.getByTestId('insert-submit').click();
  await expect(admin.getByTestId('job-submitted')).toBeVisible();
  // The window keeps answering while the job runs: open the Job Scheduler and watch it finish.
  await admin.getByTestId('open-jobs').click();
  const newest = admin.locator('[data-testid^="job-status-"]').first();
  await expect(newest).toHaveText('Completed', { timeout: 60_000 });
  await expect(admin.locator('[data-testid^="job-result-"]').first()).toContainText('30000 EMCC devices inserted (EMCC1 to EMCC30000)');

  await menu(admin, 'Bulk Administration', 'Insert/Update EMCC');
  await expect(admin.getByText('Number of EMCC Devices already in database')).toBeVisible();
  await expect(admin.getByTestId('emcc-devices-in-database')).toHaveText('30000');
  // No room is left: one more is refused beside the field.
  await admin.getByTestId('emcc-devices-to-add').fill('1');
  await admin.getByTestId('insert-submit').click();
  await expect(admin.getByTestId('error-count')).toContainText('No more EMCC devices fit');
});

test('Bulk Certificate Management on a fresh cluster: Consolidate and Import wait for the exports, a wrong SFTP user shows why the directory cannot be listed', async ({ emptyLabPage: labPage }) => {
  const admin = await openAdmin(labPage, HOME.name);
  await openBulkCertificates(admin);
  await expect(admin.getByTestId('bulk-files-error')).toHaveCount(0);
  await expect(admin.getByTestId('bulk-consolidate')).toBeDisabled();
  await expect(admin.getByTestId('bulk-consolidate-note')).toContainText('two or more clusters');
  await expect(admin.getByTestId('bulk-import')).toBeDisabled();
  await expect(admin.getByTestId('bulk-import-note')).toContainText('consolidated.p12');
  await expect(input(admin, 'password')).toHaveValue('');

  await setField(admin, 'user', 'nobody');
  await admin.getByTestId('sftp-save').click();
  await expect(admin.getByTestId('status')).toContainText('Update successful');
  await expect(admin.getByTestId('bulk-files-error')).toBeVisible();
  await expect(admin.getByTestId('bulk-consolidate')).toBeDisabled();

  // An empty password keeps the saved one: back as emcc, the directory lists again.
  await setField(admin, 'user', 'emcc');
  await admin.getByTestId('sftp-save').click();
  await expect(admin.getByTestId('bulk-files')).toBeVisible();
  await runCertificateJob(admin, 'export');
  await expect(admin.getByTestId('bulk-file-StandAloneCluster.p12')).toBeVisible();
  await expect(admin.getByTestId('bulk-consolidate')).toBeDisabled();

  await menu(admin, 'Bulk Administration', 'Job Scheduler');
  await expect(admin.locator('[data-testid^="job-result-"]').first()).toContainText('exported to /bulk-certificates/StandAloneCluster.p12');
});

test('a regenerated HOME Tomcat certificate fails the EMCC login with 208 and says why in the trace, until the certificates are exchanged again', async ({ labPage }) => {
  test.setTimeout(120_000);
  const p = phone(labPage, 'SEP00AA11BB22CC');
  await expect(p).toHaveAttribute('data-cluster', 'VISIT');
  const home = await openAdmin(labPage, 'home');
  const visit = await openAdmin(labPage, 'visiting');

  await test.step('regenerate home-pub\'s tomcat certificate', async () => {
    await menu(home, 'OS Administration', 'Certificate Management');
    const fingerprint = home.getByTestId('cert-fingerprint-home-pub-tomcat');
    await expect(fingerprint).toHaveAttribute('data-fingerprint', /^[0-9A-F]{2}(:[0-9A-F]{2}){31}$/);
    const before = (await fingerprint.getAttribute('data-fingerprint'))!;
    await expect(home.getByTestId('export-needed')).toHaveCount(0);
    await home.getByTestId('cert-regenerate-home-pub-tomcat').click();
    await home.getByTestId('cert-confirm-regenerate').click();
    await expect(home.getByTestId('export-needed')).toBeVisible();
    await expect(home.getByTestId('cert-confirm-regenerate')).toHaveCount(0);
    await expect(fingerprint).not.toHaveAttribute('data-fingerprint', before);
    await expect(home.getByTestId('cert-row-home-pub-tomcat')).toContainText('RSA 2048');
  });

  await test.step('download it as PEM', async () => {
    const [download] = await Promise.all([home.waitForEvent('download'), home.getByTestId('cert-download-pem-home-pub-tomcat').click()]);
    expect(download.suggestedFilename()).toBe('home-pub-tomcat.pem');
    expect(await readFile(await download.path(), 'utf8')).toMatch(/^-----BEGIN CERTIFICATE-----/);
  });

  await test.step('alice\'s EMCC login fails with 208; the trace says which certificate was not trusted', async () => {
    await menu(visit, 'Reports', 'Trace');
    await expect(visit.getByTestId('trace-list').or(visit.getByTestId('trace-empty'))).toBeVisible();
    await labPage.bringToFront();
    await emLogin(p, 'alice', '12345');
    await expect(p.getByTestId('phone-text')).toHaveText('Login is unavailable (208)');
    await expect(p).toHaveAttribute('data-cluster', 'VISIT');
    await click(p, 'soft1');
    await expect(p.getByTestId('line-1')).toContainText('3001');
    // The visiting cluster refused the certificate: live in its trace, and again on a fresh look.
    await visit.bringToFront();
    await expect(visit.getByTestId('trace-line').filter({ hasText: 'not in tomcat-trust' }).first()).toBeVisible();
    await menu(visit, 'System', 'Server');
    await menu(visit, 'Reports', 'Trace');
    const untrusted = visit.getByTestId('trace-line').filter({ hasText: 'not in tomcat-trust' }).first();
    await expect(untrusted).toContainText('home-pub');
    // Each cluster has its own trace: the home cluster's holds none of the visiting cluster's lines.
    await menu(home, 'Reports', 'Trace');
    await expect(home.getByTestId('trace-line').first()).toBeVisible();
    await expect(home.getByTestId('trace-line').filter({ hasText: 'not in tomcat-trust' })).toHaveCount(0);
  });

  await test.step('repair: export on both, consolidate, import on both, update the remote cluster on VISIT', async () => {
    await openBulkCertificates(home);
    await expect(home.getByTestId('export-needed')).toBeVisible();
    await runCertificateJob(home, 'export');
    await expect(home.getByTestId('export-needed')).toHaveCount(0);
    await openBulkCertificates(visit);
    await runCertificateJob(visit, 'export');
    await runCertificateJob(visit, 'consolidate');
    await runCertificateJob(visit, 'import');
    await runCertificateJob(home, 'import');
    await updateRemoteClusterNow(visit, HOME);
  });

  await test.step('alice logs in with EMCC and the phone registers to HOME', async () => {
    await labPage.bringToFront();
    await expect(p).toHaveAttribute('data-status', 'registered');
    await emLogin(p, 'alice', '12345');
    await expect(p).toHaveAttribute('data-cluster', 'HOME', { timeout: 30_000 });
    await expect(p.getByTestId('line-1')).toContainText('1001');
  });
});
