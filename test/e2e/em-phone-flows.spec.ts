/**
 * Extension Mobility screens beyond the plain login, on the demo lab: the device profile menu of
 * a user with several profiles, the change-PIN form of a user who must change her PIN (on the
 * zh-CN phone), and the visiting administrator's Log Out on the Phone page, which removes the
 * login record without resetting the phone. The lab is configured through the API; the phones
 * are driven by their keys only.
 */
import type { Locator, Page } from '@playwright/test';
import { click, emLogin, expect, labApi, phone, test } from './lab-fixture';

const VISITING = 'SEP00AA11BB22CC';
const VISITING_ZH = 'SEP00AA11BB33DD';

type AdminRecord = Record<string, unknown>;
type SaveResult = { ok: true; key: string; warnings: string[] } | { ok: false; errors: { field: string; message: string }[] };

/** admin.save on the home cluster; the save must succeed. */
async function saveHome(page: Page, kind: string, key: string | null, record: AdminRecord): Promise<void> {
  const r = await labApi<SaveResult>(page, 'admin.save', { cluster: 'home', kind, key, record });
  expect(r, `save ${kind} ${key ?? '(new)'}`).toMatchObject({ ok: true });
}

/** Change some fields of one home end user. */
async function updateHomeUser(page: Page, userId: string, changes: AdminRecord): Promise<void> {
  const { record } = await labApi<{ record: AdminRecord }>(page, 'admin.get', { cluster: 'home', kind: 'endUser', key: userId });
  await saveHome(page, 'endUser', userId, { ...record, ...changes });
}

/** Type digits on the keypad into the focused field and check it shows as many asterisks. */
async function keypadPin(p: Locator, field: number, pin: string): Promise<void> {
  await click(p, ...pin.split(''));
  await expect(p.getByTestId(`field-${field}`)).toHaveText('*'.repeat(pin.length));
}


test('a user controlling two device profiles picks one on the visiting phone and registers to home with its line', async ({ labPage }) => {
  await saveHome(labPage, 'deviceProfile', null, {
    name: 'alice-sales', model: '8845', protocol: 'SIP', phoneButtonTemplate: 'Standard',
    lines: [{ dn: '1009', label: 'Sales' }], services: ['Extension Mobility'],
  });
  await updateHomeUser(labPage, 'alice', { profiles: ['alice-udp', 'alice-sales'] });

  const p = phone(labPage, VISITING);
  await expect(p).toHaveAttribute('data-cluster', 'VISIT');
  await emLogin(p, 'alice', '12345');

  const menu = p.locator('.view-menu');
  await expect(menu.locator('.view-prompt')).toHaveText('Select a device profile');
  // Both of her profiles, in the order the EM service lists them.
  await expect(menu.locator('.menu-items li')).toHaveCount(2);
  await expect(menu.locator('.menu-items')).toContainText('alice-udp');
  await expect(menu.locator('.menu-items')).toContainText('alice-sales');
  await expect(p).toHaveAttribute('data-cluster', 'VISIT');
  await p.screenshot({ path: '/tmp/e2e-profile-menu.png' });

  // Clicking an item on the screen picks it, as its number key does.
  await menu.locator('.menu-items li', { hasText: 'alice-sales' }).click();
  await expect(p).toHaveAttribute('data-cluster', 'HOME');
  await expect(p).toHaveAttribute('data-status', 'registered');
  await expect(p.getByTestId('line-1')).toContainText('1009');
  await expect(p.getByTestId('phone-cluster')).toHaveText(/home · EMCC/);
});

test('PIN change required: the zh-CN phone shows the change-PIN screen, and after a new PIN entered twice the EMCC login completes', async ({ labPage }) => {
  await updateHomeUser(labPage, 'carol', { emccEnabled: true, mustChangePin: true });

  const p = phone(labPage, VISITING_ZH);
  await expect(p).toHaveAttribute('data-cluster', 'VISIT');
  await emLogin(p, 'carol', '24680');

  const form = p.locator('.view-input');
  await expect(form.locator('.view-title')).toHaveText('更改个人识别码');
  await expect(form.locator('.view-prompt')).toHaveText('需要更改个人识别码。请输入新的个人识别码');
  await expect(p.getByTestId('field-0')).toHaveText('');
  await p.screenshot({ path: '/tmp/e2e-change-pin.png' });

  // Two different new PINs: the form comes back, asking again.
  await keypadPin(p, 0, '13579');
  await click(p, 'navDown');
  await keypadPin(p, 1, '97531');
  await click(p, 'soft1');
  await expect(form.locator('.view-prompt')).toHaveText('两次输入的新个人识别码不一致。请重新输入');
  await expect(p).toHaveAttribute('data-cluster', 'VISIT');

  await expect(p.getByTestId('field-0')).toHaveText('');
  await keypadPin(p, 0, '13579');
  await click(p, 'navDown');
  await keypadPin(p, 1, '13579');
  await click(p, 'soft1');
  await expect(p).toHaveAttribute('data-cluster', 'HOME');
  await expect(p).toHaveAttribute('data-status', 'registered');
  await expect(p.getByTestId('line-1')).toContainText('1002');
});

test("the visiting administrator's Log Out removes the login record but leaves the phone registered to home", async ({ labPage }) => {
  const p = phone(labPage, VISITING);
  await expect(p).toHaveAttribute('data-cluster', 'VISIT');
  await emLogin(p, 'alice', '12345');
  await expect(p).toHaveAttribute('data-cluster', 'HOME');
  await expect(p.getByTestId('line-1')).toContainText('1001');

  const [admin] = await Promise.all([labPage.waitForEvent('popup'), labPage.getByTestId('open-admin-visiting').click()]);
  await expect(admin.getByTestId('admin-cluster-name')).toHaveText('visiting');
  await admin.getByTestId('menu-Device').click();
  await admin.getByRole('menu', { name: 'Device' }).getByRole('menuitem', { name: 'Phone', exact: true }).click();
  await admin.getByTestId('list-search').fill(VISITING);
  await admin.getByTestId('list-find').click();
  await admin.getByTestId(`open-record-${VISITING}`).click();
  await expect(admin.getByTestId('record-key')).toHaveText(VISITING);

  await admin.getByTestId('log-out-phone').click();
  const notice = admin.getByTestId('status');
  await expect(notice).toContainText(`The login on ${VISITING} was removed`);
  await expect(notice).toContainText('The phone was not reset');

  await labPage.bringToFront();
  await expect(p).toHaveAttribute('data-cluster', 'HOME');
  await expect(p).toHaveAttribute('data-status', 'registered');
  await expect(p.getByTestId('line-1')).toContainText('1001');
});
