import { readFileSync } from 'node:fs';
import { expect, phone, test } from './lab-fixture';

const VISITING = 'SEP00AA11BB22CC';

test('a scenario from the library opens in browser mode, plays step by step and at once, and the phone shows the expected error', async ({ labPage }) => {
  await labPage.getByTestId('tab-scenarios').click();
  await labPage.getByTestId('scenario-filter').fill('208 wan');
  const entry = labPage.getByTestId('scenario-error-208-wan-down.emccscenario');
  await expect(entry).toContainText('WAN down');
  await entry.getByTestId('scenario-open-error-208-wan-down.emccscenario').click();

  // Its lab replaces the open one: the window starts over with the scenario open, nothing played.
  await expect(labPage.getByTestId('lab-name')).toHaveText('error-208-wan-down');
  await labPage.getByTestId('tab-scenarios').click();
  const open = labPage.getByTestId('scenario-open');
  await expect(open.getByTestId('scenario-title')).toContainText('208');
  await expect(open.getByTestId('scenario-step-0')).toHaveAttribute('data-status', 'pending');
  await expect(phone(labPage, VISITING)).toHaveAttribute('data-status', 'registered');

  // One step: the WAN fault, visible on the topology.
  await open.getByTestId('scenario-step').click();
  await expect(open.getByTestId('scenario-step-0')).toHaveAttribute('data-status', 'passed');
  await expect(labPage.getByTestId('link-home-visiting')).toHaveAttribute('data-state', 'down');

  // The rest: the phone acts the login out and shows the code the scenario expects.
  await open.getByTestId('scenario-play-all').click();
  await expect(open.getByTestId('scenario-result')).toHaveAttribute('data-passed', 'true', { timeout: 30_000 });
  await expect(open.getByTestId('scenario-result')).toContainText('208');
  await expect(phone(labPage, VISITING).getByTestId('phone-text')).toHaveText('Login is unavailable (208)');
  await expect(open.getByTestId('scenario-step-2')).toHaveAttribute('data-status', 'passed');
});

test('File > Save As downloads the lab; a broken lab file is refused naming the field and the open lab stays', async ({ labPage }) => {
  await expect(labPage.getByTestId('lab-name')).toHaveText('Demo lab');
  await labPage.getByTestId('file-menu').click();
  const download = labPage.waitForEvent('download');
  await labPage.getByTestId('file-save-as').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('Demo lab.emcclab');
  const saved = JSON.parse(readFileSync((await file.path())!, 'utf8')) as { format: string; clusters: { name: string }[] };
  expect(saved.format).toBe('emcc-lab');
  expect(saved.clusters.map((c) => c.name)).toEqual(['home', 'visiting']);

  // A newer version and a wrong type: refused with the field, nothing replaced.
  const broken = { ...saved, version: 2 };
  await labPage.getByTestId('file-picker').setInputFiles({ name: 'from-the-future.emcclab', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
  const problems = labPage.getByTestId('file-problems');
  await expect(problems).toContainText('version');
  await expect(problems).toContainText('newer');
  await expect(labPage.getByTestId('lab-name')).toHaveText('Demo lab');
  await expect(phone(labPage, VISITING)).toHaveAttribute('data-status', 'registered');

  // The saved file itself opens (as a dropped or picked file does), under its own name.
  await labPage.getByTestId('file-picker').setInputFiles({ name: 'customer-lab.emcclab', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(saved)) });
  await expect(labPage.getByTestId('lab-name')).toHaveText('customer-lab', { timeout: 30_000 });
  await expect(phone(labPage, VISITING)).toHaveAttribute('data-status', 'registered', { timeout: 15_000 });
});
