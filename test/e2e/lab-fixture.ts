/**
 * A Playwright fixture that starts a fresh lab in browser mode for each test (its own data folder,
 * OS-assigned port) and opens the page it prints, then shuts the lab down. `labUrl`/`labPage` run
 * the demo lab; `emptyLabUrl`/`emptyLabPage` run `serve --empty` (two fresh clusters, nothing
 * configured).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Locator, type Page } from '@playwright/test';

async function startLab(dataDir: string, extraArgs: readonly string[] = []): Promise<{ proc: ChildProcess; url: string }> {
  const proc = spawn(process.execPath, ['dist/cli/cli.mjs', 'serve', ...extraArgs, '--data', dataDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /open (http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    proc.on('exit', (code) => reject(new Error(`lab exited with ${code}: ${out}`)));
  });
  return { proc, url };
}

/** Run a lab (with the CLI's extra arguments) for the length of one test. */
async function withLab(extraArgs: readonly string[], use: (url: string) => Promise<void>): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'emcc-e2e-'));
  const { proc, url } = await startLab(dataDir, extraArgs);
  await use(url);
  const exited = new Promise((r) => proc.once('exit', r));
  proc.kill('SIGTERM');
  await exited;
  rmSync(dataDir, { recursive: true, force: true });
}

export const test = base.extend<{ labUrl: string; labPage: Page; emptyLabUrl: string; emptyLabPage: Page }>({
  // eslint-disable-next-line no-empty-pattern
  labUrl: async ({}, use) => withLab([], use),
  labPage: async ({ page, labUrl }, use) => {
    await page.goto(labUrl);
    await use(page);
  },
  // eslint-disable-next-line no-empty-pattern
  emptyLabUrl: async ({}, use) => withLab(['--empty'], use),
  emptyLabPage: async ({ page, emptyLabUrl }, use) => {
    await page.goto(emptyLabUrl);
    await use(page);
  },
});

export { expect };

/** The panel of one phone. */
export function phone(page: Page, deviceName: string): Locator {
  return page.getByTestId(`phone-${deviceName}`);
}

/** Click one of the phone's keys (data-key: services, soft1, navDown, select, 0-9, ...). */
export async function click(p: Locator, ...keys: string[]): Promise<void> {
  for (const k of keys) await p.locator(`[data-key="${k}"]`).click();
}

/**
 * Send one request to the lab's API over a WebSocket of its own, from the page (the page's URL
 * carries the token): `{id, name, payload}`, answered `{id, ok, result|error}`. For configuring
 * the lab before a test drives the UI.
 */
export async function labApi<T = unknown>(page: Page, name: string, payload: unknown): Promise<T> {
  return page.evaluate(([name, payload]) => new Promise<T>((resolve, reject) => {
    const token = new URLSearchParams(location.search).get('token') ?? '';
    const ws = new WebSocket(`ws://${location.host}/api?token=${token}`);
    ws.onopen = () => ws.send(JSON.stringify({ id: 1, name, payload }));
    ws.onerror = () => reject(new Error(`${name}: the API WebSocket failed`));
    ws.onmessage = (e: MessageEvent<string>) => {
      const m = JSON.parse(e.data) as { id?: number; ok: boolean; result?: T; error?: unknown };
      if (m.id !== 1) return;
      ws.close();
      if (m.ok) resolve(m.result as T);
      else reject(new Error(`${name}: ${JSON.stringify(m.error)}`));
    };
  }), [name, payload] as const);
}

/**
 * Services (Applications) > Extension Mobility, the user ID (typed on the computer keyboard, or
 * as keypad multi-tap presses), the PIN on the keypad, then Submit.
 */
export async function emLogin(p: Locator, userId: string | { keypad: string; shows: string }, pin: string): Promise<void> {
  await click(p, 'services');
  await expect(p.locator('.menu-items li.selected')).toHaveText('Extension Mobility');
  await click(p, 'select');
  await expect(p.getByTestId('field-0')).toBeVisible();
  if (typeof userId === 'string') {
    await p.focus();
    await p.page().keyboard.type(userId);
    await expect(p.getByTestId('field-0')).toHaveText(userId);
  } else {
    await click(p, ...userId.keypad.split(''));
    await expect(p.getByTestId('field-0')).toHaveText(userId.shows);
  }
  await click(p, 'navDown', ...pin.split(''));
  await expect(p.getByTestId('field-1')).toHaveText('*'.repeat(pin.length));
  await click(p, 'soft1');
}
