import { click, emLogin, expect, phone, test } from './lab-fixture';

const VISITING = 'SEP00AA11BB22CC';

test('a home user logs in on the visiting phone, keys only, and it re-registers to the home cluster with her line', async ({ labPage }) => {
  const p = phone(labPage, VISITING);
  await expect(p).toHaveAttribute('data-cluster', 'VISIT');
  await expect(p.getByTestId('line-1')).toContainText('3001');
  // alice on the keypad: a=2, l=555, i=444, c=222, e=33.
  await emLogin(p, { keypad: '255544422233', shows: 'alice' }, '12345');
  await expect(p).toHaveAttribute('data-status', 'resetting');
  await expect(p).toHaveAttribute('data-cluster', 'HOME');
  await expect(p.getByTestId('line-1')).toContainText('1001');
  await expect(p.getByTestId('phone-cluster')).toHaveText(/home · EMCC/);
  await expect(labPage.getByTestId('cluster-HOME').locator('.registered')).toContainText(VISITING);
});

test('logging out with Services > Extension Mobility > Yes resets the phone back to the visiting cluster', async ({ labPage }) => {
  const p = phone(labPage, VISITING);
  await expect(p).toHaveAttribute('data-cluster', 'VISIT');
  await emLogin(p, 'alice', '12345');
  await expect(p).toHaveAttribute('data-cluster', 'HOME');
  await click(p, 'services');
  await click(p, 'select');
  await expect(p.getByTestId('phone-text')).toContainText('Do you want to log out?');
  await click(p, 'soft1');
  await expect(p).toHaveAttribute('data-status', 'resetting');
  await expect(p).toHaveAttribute('data-cluster', 'VISIT');
  await expect(p.getByTestId('line-1')).toContainText('3001');
});

test('a wrong PIN shows "Login is unavailable (2)" and the phone stays on the visiting cluster', async ({ labPage }) => {
  const p = phone(labPage, VISITING);
  await expect(p).toHaveAttribute('data-cluster', 'VISIT');
  await emLogin(p, 'alice', '11111');
  await expect(p.getByTestId('phone-text')).toHaveText('Login is unavailable (2)');
  await expect(p).toHaveAttribute('data-cluster', 'VISIT');
  await click(p, 'soft1');
  await expect(p.getByTestId('line-1')).toContainText('3001');
});

test('a phone in a zh-CN device pool shows the Chinese error screen 无法登录 (2)', async ({ labPage }) => {
  const p = phone(labPage, 'SEP00AA11BB33DD');
  await expect(p).toHaveAttribute('data-cluster', 'VISIT');
  await click(p, 'services', 'select');
  await expect(p.locator('.view-title')).toHaveText('分机移动');
  await p.focus();
  await labPage.keyboard.type('alice');
  await click(p, 'navDown', '9', 'soft1');
  await expect(p.getByTestId('phone-text')).toHaveText('无法登录 (2)');
});

test('intra-cluster: a home user on a home phone logs in and out without leaving the home cluster', async ({ labPage }) => {
  const p = phone(labPage, 'SEP001122334455');
  await expect(p).toHaveAttribute('data-cluster', 'HOME');
  await expect(p.getByTestId('line-1')).toContainText('2001');
  await emLogin(p, 'alice', '12345');
  await expect(p.getByTestId('line-1')).toContainText('1001');
  await expect(p).toHaveAttribute('data-cluster', 'HOME');
  await expect(p.getByTestId('phone-cluster')).toHaveText('home');
  await click(p, 'services', 'select', 'soft1');
  await expect(p.getByTestId('line-1')).toContainText('2001');
});
