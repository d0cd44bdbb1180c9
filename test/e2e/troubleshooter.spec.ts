import { emLogin, expect, phone, test } from './lab-fixture';

const VISITING = 'SEP00AA11BB22CC';

test('a login that fails with 208 (WAN down): the phone\'s troubleshoot control opens the troubleshooter on 208, which explains it and names the WAN fault as the cause, in en-US and zh-CN', async ({ labPage }) => {
  const p = phone(labPage, VISITING);
  await expect(p).toHaveAttribute('data-cluster', 'VISIT');
  // No error on the screen: no control.
  await expect(p.getByTestId('phone-troubleshoot')).toHaveCount(0);

  await labPage.getByTestId('tab-faults').click();
  await labPage.getByTestId('fault-switch-wanDown').check();
  await expect(labPage.getByTestId('active-fault-wanDown')).toBeVisible();

  await emLogin(p, 'alice', '12345');
  await expect(p.getByTestId('phone-text')).toHaveText('Login is unavailable (208)');
  await p.getByTestId('phone-troubleshoot').click();

  await expect(labPage.getByTestId('tab-troubleshooter')).toHaveAttribute('aria-selected', 'true');
  const result = labPage.getByTestId('troubleshoot-result');
  await expect(result).toHaveAttribute('data-code', '208');
  await expect(result.getByTestId('troubleshoot-summary')).toHaveText('EM service connection error');
  await expect(result.getByTestId('troubleshoot-shows')).toHaveText('Login is unavailable (208)');
  await expect(result.getByTestId('troubleshoot-cause')).toContainText('WAN down or certificate not trusted');
  await expect(result.getByTestId('troubleshoot-verdict')).toHaveText('1 cause found');
  // The cause comes first and names the fault and the link.
  const first = result.getByTestId('troubleshoot-finding').first();
  await expect(first).toHaveAttribute('data-status', 'cause');
  await expect(first).toContainText('Fault “WAN down” is on for home ↔ visiting.');

  // In Chinese, at once.
  await labPage.getByTestId('ui-locale-zh-CN').click();
  await expect(labPage.getByTestId('tab-troubleshooter')).toHaveText('故障排除');
  await expect(result.getByTestId('troubleshoot-summary')).toHaveText('EM 服务连接错误');
  await expect(result.getByTestId('troubleshoot-shows')).toHaveText('无法登录 (208)');
  await expect(result.getByTestId('troubleshoot-verdict')).toHaveText('发现 1 个原因');
  await expect(first).toContainText('故障“WAN 中断”已对 home ↔ visiting 打开。');

  // Its fix is the Faults panel; switched off there, the troubleshooter finds no cause any more.
  await first.getByTestId('troubleshoot-fix').click();
  await expect(labPage.getByTestId('tab-faults')).toHaveAttribute('aria-selected', 'true');
  await labPage.getByTestId('fault-switch-wanDown').uncheck();
  await labPage.getByTestId('tab-troubleshooter').click();
  await expect(result.getByTestId('troubleshoot-verdict')).toHaveText('本实验室中目前没有导致此代码的原因。');
});

test('carol (EMCC not enabled) fails with 31: the troubleshooter names her End User page, and its fix opens that page in the home cluster\'s administration window', async ({ labPage }) => {
  const p = phone(labPage, VISITING);
  await expect(p).toHaveAttribute('data-cluster', 'VISIT');
  await emLogin(p, 'carol', '24680');
  await expect(p.getByTestId('phone-text')).toHaveText('Login is unavailable (31)');
  await p.getByTestId('phone-troubleshoot').click();

  const result = labPage.getByTestId('troubleshoot-result');
  await expect(result).toHaveAttribute('data-code', '31');
  const cause = result.locator('[data-testid="troubleshoot-finding"][data-status="cause"]');
  await expect(cause).toHaveCount(1);
  await expect(cause).toContainText('“Enable Extension Mobility Cross Cluster” is unchecked for carol (home)');
  const fix = cause.getByTestId('troubleshoot-fix');
  await expect(fix).toContainText('User Management > End User › carol');

  const [admin] = await Promise.all([labPage.waitForEvent('popup'), fix.click()]);
  await expect(admin.getByTestId('record-key')).toHaveText('carol');
});

test('the troubleshooter tab: a code typed or picked from the catalogue is explained; a code the guide does not list is said to be unknown', async ({ labPage }) => {
  await labPage.getByTestId('tab-troubleshooter').click();
  await labPage.getByTestId('troubleshoot-pick').selectOption('43');
  const result = labPage.getByTestId('troubleshoot-result');
  await expect(result).toHaveAttribute('data-code', '43');
  await expect(result.getByTestId('troubleshoot-summary')).toHaveText('Device security mode error');
  await expect(result.getByTestId('troubleshoot-verdict')).toHaveText('Nothing in this lab causes this code now.');

  await labPage.getByTestId('troubleshoot-code').fill('999');
  await labPage.getByTestId('troubleshoot-check').click();
  await expect(result).toHaveAttribute('data-code', '999');
  await expect(result.getByTestId('troubleshoot-finding')).toContainText('do not list code 999');
});
