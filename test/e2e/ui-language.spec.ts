/**
 * The UI's language switch: zh-CN chosen in the lab window's top bar turns the lab window and a
 * cluster's administration window Chinese at once (menus, page titles, field labels, the page's
 * own validation messages), without reloading, and stays chosen after a reload; the phones'
 * screens keep their own locale; English again from the administration window's header.
 */
import type { Page } from '@playwright/test';
import { expect, phone, test } from './lab-fixture';

const VISITING = 'SEP00AA11BB22CC';
const VISITING_ZH = 'SEP00AA11BB33DD';

async function openAdmin(labPage: Page, cluster: string): Promise<Page> {
  const [admin] = await Promise.all([labPage.waitForEvent('popup'), labPage.getByTestId(`open-admin-${cluster}`).click()]);
  await expect(admin.getByTestId('admin-cluster-name')).toHaveText(cluster);
  return admin;
}

test('switching the UI to zh-CN and back in the lab window and an administration window', async ({ labPage }) => {
  const html = labPage.locator('html');
  await expect(labPage.getByTestId('tab-faults')).toHaveText('Faults');
  await expect(html).toHaveAttribute('lang', 'en-US');
  await expect(labPage.getByTestId('ui-locale-en-US')).toHaveAttribute('aria-pressed', 'true');

  await labPage.getByTestId('ui-locale-zh-CN').click();
  await expect(labPage.getByTestId('ui-locale-zh-CN')).toHaveAttribute('aria-pressed', 'true');
  await expect(html).toHaveAttribute('lang', 'zh-CN');
  await expect(labPage.getByTestId('tab-faults')).toHaveText('故障');
  await expect(labPage.getByTestId('tab-attempts')).toHaveText('登录尝试');
  await expect(labPage.getByTestId('open-admin-home')).toHaveText('管理');
  await expect(labPage.getByTestId('fault-database')).toContainText('数据库异常');
  await expect(labPage.getByTestId('export-trace-lab')).toHaveText('导出实验室跟踪');
  // The phones' chrome follows the UI; their screens keep each phone's own locale.
  await expect(phone(labPage, VISITING)).toHaveAttribute('aria-label', `电话 ${VISITING}`);
  await expect(phone(labPage, VISITING).locator('[data-key="services"]')).toHaveText('Applications');
  await expect(phone(labPage, VISITING_ZH).locator('.screen')).toHaveAttribute('lang', 'zh-CN');

  // The choice is remembered: a reload keeps it.
  await labPage.reload();
  await expect(labPage.getByTestId('tab-faults')).toHaveText('故障');

  const admin = await openAdmin(labPage, 'home');
  await expect(admin.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(admin.getByTestId('admin-crumb')).toHaveText('概览');
  await expect(admin.getByRole('heading', { name: '群集概览' })).toBeVisible();
  await expect(admin.getByTestId('menu-Device')).toHaveText('设备');
  await admin.getByTestId('menu-Device').click();
  await admin.getByRole('menu', { name: '设备' }).getByRole('menuitem', { name: '电话', exact: true }).click();
  await expect(admin.getByRole('heading', { name: '查找并列出电话' })).toBeVisible();
  await expect(admin.getByTestId('admin-crumb')).toHaveText('设备 > 电话');
  await expect(admin.getByTestId('list-table').locator('th').first()).toHaveText('设备名称');
  await expect(admin.getByTestId('list-count')).toHaveText('找到 1 条记录');

  // A record's form and the page's own check, in Chinese.
  await admin.getByTestId('add-new').click();
  await expect(admin.getByRole('heading', { name: '电话配置' })).toBeVisible();
  await expect(admin.getByText('准备添加新记录')).toBeVisible();
  await admin.getByTestId('save').click();
  await expect(admin.getByTestId('error-name')).toHaveText('“设备名称”为必填项');
  await expect(admin.getByTestId('status')).toContainText('个错误：未保存任何内容');

  // Back to English from the administration window: both windows follow, the error too.
  await admin.getByTestId('ui-locale-en-US').click();
  await expect(admin.locator('html')).toHaveAttribute('lang', 'en-US');
  await expect(admin.getByRole('heading', { name: 'Phone Configuration' })).toBeVisible();
  await expect(admin.getByTestId('error-name')).toHaveText('Device Name is required');
  await expect(admin.getByTestId('menu-Device')).toHaveText('Device');
  await labPage.bringToFront();
  await expect(labPage.getByTestId('tab-faults')).toHaveText('Faults');
  await expect(html).toHaveAttribute('lang', 'en-US');
  await expect(labPage.getByTestId('open-admin-home')).toHaveText('Administration');
});
