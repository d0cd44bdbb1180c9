import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { emLogin, expect, phone, test } from './lab-fixture';

const VISITING = 'SEP00AA11BB22CC';


/** The lab time the window shows, in whole seconds (ms since the epoch). */
async function labTime(page: Page): Promise<number> {
  return Number(await page.getByTestId('lab-time').getAttribute('data-time'));
}

test('WAN down switched on in the lab window: the EMCC login fails with 208 and the sequence diagram shows the unreachable step to home-pub', async ({ labPage }) => {
  const p = phone(labPage, VISITING);
  await expect(p).toHaveAttribute('data-cluster', 'VISIT');
  await expect(labPage.getByTestId('link-home-visiting')).toHaveAttribute('data-state', 'up');

  await labPage.getByTestId('tab-faults').click();
  await expect(labPage.getByTestId('fault-target-wanDown')).toHaveValue('home|visiting');
  await labPage.getByTestId('fault-switch-wanDown').check();
  await expect(labPage.getByTestId('active-fault-wanDown')).toContainText('home ↔ visiting');
  await expect(labPage.getByTestId('link-home-visiting')).toHaveAttribute('data-state', 'down');

  await emLogin(p, 'alice', '12345');
  await expect(p.getByTestId('phone-text')).toHaveText('Login is unavailable (208)');
  await expect(p).toHaveAttribute('data-cluster', 'VISIT');

  await labPage.getByTestId('tab-attempts').click();
  const failed = labPage.locator('[data-testid^="attempt-"]', { hasText: 'Login is unavailable (208)' });
  await expect(failed).toHaveCount(1);
  await expect(failed).toContainText(VISITING);
  await expect(failed).toContainText('code 208');
  await failed.click();

  const diagram = labPage.getByTestId('sequence-diagram');
  await expect(diagram.getByTestId('seq-summary')).toContainText('code 208');
  await expect(diagram.getByTestId('seq-summary')).toContainText('Login is unavailable (208)');
  // Lifelines: the phone, then the hosts in the order they appear.
  await expect(diagram.locator('.seq-head strong')).toHaveText([VISITING, 'visit-pub', 'home-pub']);
  const failing = diagram.getByTestId('seq-failing-step');
  await expect(failing).toHaveCount(1);
  await expect(failing).toContainText('unreachable');
  const step = diagram.locator('[data-testid^="seq-step-"]', { has: labPage.getByTestId('seq-failing-step') });
  await expect(step).toHaveAttribute('data-to', 'home-pub');
  await expect(step).toHaveAttribute('data-from', 'visit-pub');
  await expect(diagram.getByTestId('seq-why')).toContainText('visit-pub → home-pub: unreachable');
  // The steps before it were answered: the phone's request and the EMApp's call to its EM service.
  await expect(diagram.getByTestId('seq-step-1')).toHaveAttribute('data-from', `phone ${VISITING}`);
  await expect(diagram.getByTestId('seq-answer-1')).toContainText('200');

  // The XML exchanged, PINs masked.
  const failingSeq = (await step.getAttribute('data-testid'))!.replace('seq-step-', '');
  await diagram.getByTestId(`seq-xml-${failingSeq}`).click();
  await expect(diagram.getByTestId(`seq-xml-body-${failingSeq}`)).toContainText('alice');
  const toEmService = diagram.locator('[data-testid^="seq-step-"][data-from="visit-pub"][data-to="visit-pub"]');
  const emSeq = (await toEmService.getAttribute('data-testid'))!.replace('seq-step-', '');
  await diagram.getByTestId(`seq-xml-${emSeq}`).click();
  await expect(diagram.getByTestId(`seq-xml-body-${emSeq}`)).toContainText('alice');
  await expect(diagram.getByTestId(`seq-xml-body-${emSeq}`)).not.toContainText('12345');

  await labPage.keyboard.press('Escape');
  await expect(diagram).toBeHidden();

  // Switched off, the link is up again.
  await labPage.getByTestId('tab-faults').click();
  await labPage.getByTestId('fault-switch-wanDown').uncheck();
  await expect(labPage.getByTestId('no-active-faults')).toBeVisible();
  await expect(labPage.getByTestId('link-home-visiting')).toHaveAttribute('data-state', 'up');
});

test('a successful EMCC login\'s sequence diagram answers in order and goes on to the phone\'s reset, TFTP fetches and registration with home-pub', async ({ labPage }) => {
  const p = phone(labPage, VISITING);
  await expect(p).toHaveAttribute('data-cluster', 'VISIT');
  await emLogin(p, 'alice', '12345');
  await expect(p).toHaveAttribute('data-cluster', 'HOME', { timeout: 15_000 });

  await labPage.getByTestId('tab-attempts').click();
  const login = labPage.locator('[data-testid^="attempt-"]', { hasText: 'success' }).filter({ hasText: VISITING }).first();
  await login.click();
  const diagram = labPage.getByTestId('sequence-diagram');
  // Told again as the phone registered: the open diagram follows without a refresh.
  await expect(diagram.getByTestId('seq-registered-with')).toHaveText('home-pub');
  await expect(diagram.locator('.seq-head strong')).toHaveText([VISITING, 'visit-pub', 'home-pub']);
  // The phone's request is answered last of the login, below the home cluster's answers; then the reset.
  const rows = diagram.locator('.seq-steps > li');
  const order = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
  expect(order.indexOf('seq-return-1')).toBeGreaterThan(order.indexOf('seq-step-4'));
  expect(order.indexOf('seq-after-answer')).toBeGreaterThan(order.indexOf('seq-return-1'));
  const afterAnswer = diagram.locator('.seq-step.after');
  await expect(afterAnswer.filter({ hasText: '/ccm/register' })).toHaveAttribute('data-to', 'home-pub');
  await expect(afterAnswer.filter({ hasText: '.cnf.xml' })).toHaveCount(2);
  await expect(diagram.locator(`[data-from="visit-pub"][data-to="phone ${VISITING}"]`).first()).toContainText('/notify');
});

test('the clock controls pause the lab time, jump it forward and run it again', async ({ labPage }) => {
  const time = labPage.getByTestId('lab-time');
  await expect(time).toBeVisible();
  await expect(labPage.getByTestId('clock-state')).toHaveText('running x1');

  await labPage.getByTestId('clock-pause').click();
  await expect(labPage.getByTestId('clock-state')).toHaveText('paused');
  await expect(labPage.getByTestId('clock-pause')).toHaveAttribute('aria-pressed', 'true');
  const paused = await labTime(labPage);
  await labPage.waitForTimeout(2100);
  expect(await labTime(labPage)).toBe(paused);

  await labPage.getByTestId('clock-jump-1h').click();
  await expect.poll(() => labTime(labPage)).toBe(paused + 3_600_000);
  await labPage.getByTestId('clock-jump-1d').click();
  await expect.poll(() => labTime(labPage)).toBe(paused + 3_600_000 + 86_400_000);
  await labPage.getByTestId('clock-jump-1m').click();
  await expect.poll(() => labTime(labPage)).toBe(paused + 3_660_000 + 86_400_000);
  // The phones show the same lab time in their header.
  const day = new Date(paused + 3_660_000 + 86_400_000);
  await expect(phone(labPage, VISITING).locator('.header-time')).toContainText(`${String(day.getDate()).padStart(2, '0')}`);

  await labPage.getByTestId('clock-speed-3600').click();
  await expect(labPage.getByTestId('clock-speed-3600')).toHaveAttribute('aria-pressed', 'true');
  await expect(labPage.getByTestId('clock-state')).toHaveText('paused');
  await labPage.getByTestId('clock-run').click();
  await expect(labPage.getByTestId('clock-state')).toHaveText('running x3600');
  // An hour of lab time per second: two seconds later it is at least an hour on.
  const running = await labTime(labPage);
  await expect.poll(() => labTime(labPage), { timeout: 5000 }).toBeGreaterThan(running + 3_600_000);
});

test('the schedulers panel shows each cluster\'s schedulers with their next run, and a cluster\'s trace downloads as a file', async ({ labPage }) => {
  await labPage.getByTestId('tab-schedulers').click();
  const rcu = labPage.getByTestId('scheduler-home-remoteClusterUpdate');
  await expect(rcu).toContainText('every 30 min');
  await expect(labPage.getByTestId('scheduler-next-home-remoteClusterUpdate')).toContainText('Next run:');
  await expect(labPage.getByTestId('scheduler-visiting-expiredDeviceMaintenance')).toBeVisible();

  const download = labPage.waitForEvent('download');
  await labPage.getByTestId('export-trace-home').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/home.*\.txt$/);
  expect(readFileSync((await file.path())!, 'utf8')).toContain('EM service home-pub');
});
