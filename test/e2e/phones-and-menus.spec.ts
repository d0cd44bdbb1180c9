/**
 * Browser mode's phones and menus: the phone grid (every phone with its state, hundreds of them
 * drawn as they scroll into view, a click opening one), phone panels opened and closed from the
 * phone list, their ✕ and the Window menu, tiled or as tabs, and the menu bar's commands with
 * their keyboard shortcuts (About with the version, New and Save, the clock, Update Remote
 * Clusters Now, the troubleshooter, the guide).
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { emLogin, expect, labApi, phone, test } from './lab-fixture';

const HOME_PHONE = 'SEP001122334455';
const VISITING = 'SEP00AA11BB22CC';
const VISITING_ZH = 'SEP00AA11BB33DD';
const ALL = [HOME_PHONE, VISITING, VISITING_ZH];
const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

/** Open a menu of the menu bar and pick an item. */
async function menu(page: Page, menuTestId: string, itemTestId: string): Promise<void> {
  await page.getByTestId(menuTestId).click();
  await page.getByTestId(itemTestId).click();
}

test('the phone grid shows every phone with its state, registration and user, and a click opens that phone', async ({ labPage }) => {
  for (const d of ALL) await expect(phone(labPage, d)).toHaveAttribute('data-status', 'registered');
  // Close the visiting phone's panel: the grid opens it again.
  await labPage.getByTestId(`phone-toggle-${VISITING}`).click();
  await expect(phone(labPage, VISITING)).toHaveCount(0);

  await menu(labPage, 'menu-view', 'menu-item-view-phoneGrid');
  const grid = labPage.getByTestId('phone-grid');
  await expect(grid).toHaveAttribute('data-count', '3');
  await expect(grid.locator('.grid-tile')).toHaveCount(3);
  const tile = (d: string) => labPage.getByTestId(`grid-tile-${d}`);
  for (const d of ALL) await expect(tile(d)).toHaveAttribute('data-status', 'registered');
  await expect(tile(HOME_PHONE)).toHaveAttribute('data-cluster', 'HOME');
  await expect(tile(VISITING)).toHaveAttribute('data-cluster', 'VISIT');
  await expect(tile(VISITING)).toHaveAttribute('data-open', 'false');
  await expect(tile(VISITING_ZH)).toHaveAttribute('data-open', 'true');
  await expect(tile(VISITING_ZH)).toContainText('Cisco 7965');
  await expect(tile(VISITING).getByTestId('tile-screen')).toHaveText('Idle');
  await expect(tile(VISITING).getByTestId('tile-user')).toHaveText('nobody logged in');

  // A click opens the phone's panel, back in the phone view, ready for the keyboard.
  await tile(VISITING).click();
  await expect(labPage.getByTestId('phone-grid')).toHaveCount(0);
  await expect(phone(labPage, VISITING)).toBeFocused();

  // The grid follows the phones: an EMCC login shows the user and the home cluster on the tile.
  await emLogin(phone(labPage, VISITING), 'alice', '12345');
  await expect(phone(labPage, VISITING)).toHaveAttribute('data-cluster', 'HOME', { timeout: 15_000 });
  await labPage.getByTestId('view-grid').click();
  await expect(tile(VISITING)).toHaveAttribute('data-cluster', 'HOME');
  await expect(tile(VISITING).getByTestId('tile-user')).toHaveText('alice');
  await expect(tile(VISITING).getByTestId('tile-registration')).toContainText('EMCC');
  // The filter keeps the phones matching every word.
  await labPage.getByTestId('phone-filter').fill('alice');
  await expect(grid.locator('.grid-tile')).toHaveCount(1);
  await expect(grid).toHaveAttribute('data-count', '1');
});

test('a lab with hundreds of phones: no panel opens by itself, the grid draws the tiles in view and scrolls to the last phone', async ({ labPage }) => {
  await expect(phone(labPage, VISITING)).toHaveAttribute('data-status', 'registered');
  // The demo lab with 150 more phones on the visiting cluster, opened as a lab file.
  const saved = await labApi<{ text: string }>(labPage, 'file.save', { download: true });
  const file = JSON.parse(saved.text) as { clusters: { name: string; records: { phone: unknown[] } }[] };
  const models = ['8845', '7965', '7841'];
  const extra = Array.from({ length: 150 }, (_, i) => ({
    name: `SEP7E57${String(i).padStart(8, '0')}`, model: models[i % 3], devicePool: 'Default', emEnabled: true, lines: [{ dn: String(5000 + i), label: '' }], services: ['Extension Mobility'],
  }));
  file.clusters.find((c) => c.name === 'visiting')!.records.phone.push(...extra);
  await labPage.getByTestId('file-picker').setInputFiles({ name: 'big-lab.emcclab', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await expect(labPage.getByTestId('lab-name')).toHaveText('big-lab', { timeout: 30_000 });
  await expect(labPage.getByTestId('phones-count')).toHaveText('153 phones · 0 open', { timeout: 30_000 });
  await expect(labPage.getByTestId('no-panels')).toBeVisible();
  // The list draws only the rows in view.
  await expect(labPage.getByTestId('phone-list')).toHaveAttribute('data-count', '153');
  expect(await labPage.locator('[data-testid^="phone-row-"]').count()).toBeLessThan(40);

  await labPage.keyboard.press('Control+Shift+G');
  const grid = labPage.getByTestId('phone-grid');
  await expect(grid).toHaveAttribute('data-count', '153');
  const drawn = await grid.locator('.grid-tile').count();
  expect(drawn).toBeGreaterThan(0);
  expect(drawn).toBeLessThan(100);
  const last = labPage.getByTestId(`grid-tile-${extra.at(-1)!.name}`);
  await expect(last).toHaveCount(0);
  await grid.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect(last).toBeVisible();
  await expect(last).toHaveAttribute('data-status', 'registered', { timeout: 30_000 });
  await last.click();
  await expect(phone(labPage, extra.at(-1)!.name)).toBeFocused();
  await expect(labPage.getByTestId('phones-count')).toHaveText('153 phones · 1 open');
});

test('phone panels close and open from the phone list, their ✕, the Window menu and all at once; tiled or as tabs', async ({ labPage }) => {
  for (const d of ALL) await expect(phone(labPage, d)).toBeVisible();
  await expect(labPage.getByTestId('phones-count')).toHaveText('3 phones · 3 open');

  // The list's toggle.
  const toggle = labPage.getByTestId(`phone-toggle-${VISITING_ZH}`);
  await expect(toggle).toHaveText('Close');
  await toggle.click();
  await expect(phone(labPage, VISITING_ZH)).toHaveCount(0);
  await expect(toggle).toHaveText('Open');
  await expect(labPage.getByTestId(`phone-row-${VISITING_ZH}`)).toHaveAttribute('data-open', 'false');
  await expect(labPage.getByTestId('phones-count')).toHaveText('3 phones · 2 open');
  await toggle.click();
  await expect(phone(labPage, VISITING_ZH)).toHaveAttribute('data-status', 'registered');

  // The panel's ✕, then the Window menu (which shows which are open) brings it back, focused.
  await labPage.getByTestId(`panel-close-${HOME_PHONE}`).click();
  await expect(phone(labPage, HOME_PHONE)).toHaveCount(0);
  await labPage.getByTestId('menu-window').click();
  await expect(labPage.getByTestId(`menu-item-phone-${HOME_PHONE}`)).toHaveAttribute('aria-checked', 'false');
  await expect(labPage.getByTestId(`menu-item-phone-${VISITING}`)).toHaveAttribute('aria-checked', 'true');
  await labPage.getByTestId(`menu-item-phone-${HOME_PHONE}`).click();
  await expect(phone(labPage, HOME_PHONE)).toBeFocused();

  // What is closed stays closed after a reload (another lab opening reloads the page).
  await labPage.getByTestId(`phone-toggle-${VISITING}`).click();
  await labPage.reload();
  await expect(phone(labPage, HOME_PHONE)).toBeVisible();
  await expect(phone(labPage, VISITING)).toHaveCount(0);
  await expect(labPage.getByTestId(`phone-toggle-${VISITING}`)).toHaveText('Open');

  // All at once: from the bar and from the Window menu.
  await labPage.getByTestId('phones-close-all').click();
  await expect(labPage.getByTestId('no-panels')).toBeVisible();
  await expect(labPage.locator('.phone')).toHaveCount(0);
  await menu(labPage, 'menu-window', 'menu-item-window-openAllPhones');
  await expect(labPage.locator('.phone')).toHaveCount(3);

  // Tabs: one panel at a time; Tile: side by side again.
  await labPage.getByTestId('phones-tabs').click();
  await expect(labPage.locator('.phone')).toHaveCount(1);
  await labPage.getByTestId(`phone-tab-${VISITING_ZH}`).click();
  await expect(phone(labPage, VISITING_ZH)).toBeVisible();
  await expect(phone(labPage, HOME_PHONE)).toHaveCount(0);
  await menu(labPage, 'menu-window', 'menu-item-window-tilePhones');
  await expect(labPage.locator('.phone')).toHaveCount(3);
  await expect(labPage.getByTestId('phones-tile')).toHaveAttribute('aria-pressed', 'true');

  // Window > Administration opens that cluster's administration window.
  const [admin] = await Promise.all([labPage.waitForEvent('popup'), menu(labPage, 'menu-window', 'menu-item-admin-visiting')]);
  await expect(admin.getByTestId('admin-cluster-name')).toHaveText('visiting');
});

test('the menu bar: About shows the version, the guide, the clock paused and run, Update Remote Clusters Now, the troubleshooter, Save and New', async ({ labPage }) => {
  await expect(phone(labPage, VISITING)).toHaveAttribute('data-status', 'registered');

  await menu(labPage, 'menu-help', 'menu-item-help-about');
  await expect(labPage.getByTestId('about-version')).toHaveText(`Version ${version}`);
  await labPage.keyboard.press('Escape');
  await expect(labPage.getByTestId('about')).toHaveCount(0);
  await labPage.keyboard.press('F1');
  await expect(labPage.getByTestId('guide')).toContainText('Ctrl+S');
  await labPage.getByTestId('guide-close').click();

  // Lab > Pause Clock, then F8 runs it again; the menu offers what the clock is not doing.
  await menu(labPage, 'menu-lab', 'menu-item-lab-toggleClock');
  await expect(labPage.getByTestId('clock-state')).toHaveText('paused');
  await labPage.getByTestId('menu-lab').click();
  await expect(labPage.getByTestId('menu-item-lab-toggleClock')).toContainText('Run Clock');
  await labPage.keyboard.press('Escape');
  await labPage.keyboard.press('F8');
  await expect(labPage.getByTestId('clock-state')).toHaveText('running x1');

  // Lab > Jump 1 Day Forward moves the lab clock a day.
  const before = Number(await labPage.getByTestId('lab-time').getAttribute('data-time'));
  await menu(labPage, 'menu-lab', 'menu-item-lab-jump1d');
  await expect.poll(async () => Number(await labPage.getByTestId('lab-time').getAttribute('data-time')) - before).toBeGreaterThanOrEqual(86_400_000);

  await menu(labPage, 'menu-lab', 'menu-item-update-remote-visiting');
  await expect(labPage.getByTestId('menu-notice')).toHaveText(/The remote clusters of visiting were updated\./);

  await menu(labPage, 'menu-lab', 'menu-item-lab-troubleshooter');
  await expect(labPage.getByTestId('tab-troubleshooter')).toHaveAttribute('aria-selected', 'true');

  // File > Save (Ctrl+S): the demo lab came from no file, so the page saves its text.
  const download = labPage.waitForEvent('download');
  await labPage.keyboard.press('Control+S');
  expect((await download).suggestedFilename()).toBe('Demo lab.emcclab');

  // File > New Empty Lab: two clusters as just installed, no phones.
  await menu(labPage, 'file-menu', 'file-new-empty');
  await expect(labPage.getByTestId('lab-name')).toHaveText('New lab', { timeout: 30_000 });
  await expect(labPage.getByTestId('phones-count')).toHaveText('0 phones · 0 open');
  await labPage.getByTestId('menu-window').click();
  await expect(labPage.getByTestId('menu-item-admin-cluster-a')).toBeVisible();
});

test('the menus and the phone views in Chinese', async ({ labPage }) => {
  await labPage.getByTestId('ui-locale-zh-CN').click();
  await expect(labPage.getByTestId('file-menu')).toHaveText('文件');
  await expect(labPage.getByTestId('menu-window')).toHaveText('窗口');
  await expect(labPage.getByTestId('view-grid')).toHaveText('网格');
  await expect(labPage.getByTestId(`phone-toggle-${VISITING}`)).toHaveText('关闭');
  await menu(labPage, 'menu-help', 'menu-item-help-about');
  await expect(labPage.getByTestId('about-version')).toHaveText(`版本 ${version}`);
  await labPage.keyboard.press('Escape');
  await labPage.getByTestId('view-grid').click();
  await expect(labPage.getByTestId(`grid-tile-${VISITING}`).getByTestId('tile-screen')).toHaveText('空闲');
});

/**
 * The desktop app's lab window, without Electron: a stand-in for the preload's bridge passes the
 * lab's requests and events through the page's WebSocket and plays the shell for `shell.*`,
 * recording what the page asks of it. What the shell then does with windows is tested in
 * test/main/shell.
 */
test('the desktop app\'s lab window asks the shell to open, close and tile phone windows, and carries out the menu commands the shell sends it', async ({ page, labUrl }) => {
  await page.addInitScript((phones: string[]) => {
    const token = new URLSearchParams(location.search).get('token') ?? '';
    const ws = new WebSocket(`ws://${location.host}/api?token=${token}`);
    const ready = new Promise((resolve) => ws.addEventListener('open', resolve, { once: true }));
    const pending = new Map<number, (r: unknown) => void>();
    const listeners = new Map<string, Set<(p: unknown) => void>>();
    const methodOf = (event: string) => `on${event.split('.').map((p) => p[0]!.toUpperCase() + p.slice(1)).join('')}`;
    const emit = (event: string, payload: unknown) => {
      for (const l of listeners.get(methodOf(event)) ?? []) l(payload);
    };
    ws.addEventListener('message', (e) => {
      const m = JSON.parse(String(e.data)) as { id?: number; ok?: boolean; result?: unknown; error?: string; event?: string; payload?: unknown };
      if (m.event) return emit(m.event, m.payload);
      const p = pending.get(m.id!);
      pending.delete(m.id!);
      p?.(m.ok ? { ok: true, result: m.result } : { ok: false, error: m.error });
    });
    const shell = { calls: [] as [string, unknown][], requests: [] as string[], open: [...phones], emit };
    const windows = () => {
      emit('shell.phoneWindows', { open: [...shell.open] });
      return { ok: true, result: { open: [...shell.open] } };
    };
    const local: Record<string, (p: { deviceName: string; open: boolean }) => unknown> = {
      'shell.phoneWindows': () => ({ ok: true, result: { open: [...shell.open] } }),
      'shell.showPhone': (p) => {
        shell.open = shell.open.filter((n) => n !== p.deviceName).concat(p.open ? [p.deviceName] : []);
        return windows();
      },
      'shell.showAllPhones': (p) => {
        shell.open = p.open ? [...phones] : [];
        return windows();
      },
      'shell.tilePhones': () => windows(),
    };
    const invoke = async (name: string, payload: unknown) => {
      shell.requests.push(name);
      if (local[name]) {
        shell.calls.push([name, payload]);
        return local[name]!(payload as never);
      }
      await ready;
      return new Promise((resolve) => {
        const id = pending.size + Math.floor(Math.random() * 1e9);
        pending.set(id, resolve);
        ws.send(JSON.stringify({ id, name, payload }));
      });
    };
    Object.assign(window, {
      __shell: shell,
      emccLab: new Proxy({}, {
        get: (_t, group: string) => group === 'events'
          ? new Proxy({}, {
            get: (_e, method: string) => (listener: (p: unknown) => void) => {
              const set = listeners.get(method) ?? new Set();
              listeners.set(method, set.add(listener));
              return () => set.delete(listener);
            },
          })
          : new Proxy({}, { get: (_g, method: string) => (payload: unknown) => invoke(`${group}.${method}`, payload) }),
      }),
    });
  }, ALL);
  const calls = () => page.evaluate(() => (window as unknown as { __shell: { calls: unknown[] } }).__shell.calls);
  const menuCommand = (command: string) => page.evaluate((c) => (window as unknown as { __shell: { emit(e: string, p: unknown): void } }).__shell.emit('shell.menuCommand', { command: c }), command);

  await page.goto(labUrl.replace('/?', '/?view=lab&'));
  await expect(page.getByTestId('phones-count')).toHaveText('3 phones · 3 open');
  // The application menu is the shell's; the phones are windows, not panels.
  await expect(page.getByTestId('menu-bar')).toHaveCount(0);
  await expect(page.getByTestId('lab-name')).toHaveText('Demo lab');
  await expect(page.locator('.phone')).toHaveCount(0);
  await expect(page.getByTestId('phones-tabs')).toHaveCount(0);

  await page.getByTestId(`phone-toggle-${VISITING_ZH}`).click();
  await expect(page.getByTestId(`phone-toggle-${VISITING_ZH}`)).toHaveText('Open');
  await page.getByTestId('phones-tile').click();
  await page.getByTestId('view-grid').click();
  await page.getByTestId(`grid-tile-${VISITING_ZH}`).click();
  await expect(page.getByTestId(`grid-tile-${VISITING_ZH}`)).toHaveAttribute('data-open', 'true');
  await page.getByTestId('phones-close-all').click();
  await expect(page.getByTestId('phones-count')).toHaveText('3 phones · 0 open');
  expect(await calls()).toEqual([
    ['shell.phoneWindows', {}],
    ['shell.showPhone', { deviceName: VISITING_ZH, open: false }],
    ['shell.tilePhones', {}],
    ['shell.showPhone', { deviceName: VISITING_ZH, open: true }],
    ['shell.showAllPhones', { open: false }],
  ]);

  // The commands of the application menu that the lab window carries out itself.
  await menuCommand('help.about');
  await expect(page.getByTestId('about-version')).toHaveText(`Version ${version}`);
  await page.keyboard.press('Escape');
  await menuCommand('view.phones');
  await expect(page.getByTestId('phone-list')).toBeVisible();
  await menuCommand('lab.troubleshooter');
  await expect(page.getByTestId('tab-troubleshooter')).toHaveAttribute('aria-selected', 'true');
  // Its keys belong to the application menu there: the page does not act on them a second time.
  await page.keyboard.press('F8');
  await page.keyboard.press('Control+S');
  const requests = await page.evaluate(() => (window as unknown as { __shell: { requests: string[] } }).__shell.requests);
  expect(requests).not.toContain('lab.setClock');
  expect(requests).not.toContain('file.save');
});
