// Take the README's screenshot: a fresh lab in browser mode, alice logged in on the visiting
// phone through EMCC, and a wrong PIN on the zh-CN phone. Usage: node scripts/screenshot.mjs [out.png]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';

const out = process.argv[2] ?? 'docs/screenshot.png';
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'emcc-shot-'));
const lab = spawn(process.execPath, ['dist/cli/cli.mjs', 'serve', '--data', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((resolve) => {
  let buf = '';
  lab.stdout.on('data', (d) => {
    buf += d;
    const m = /open (\S+)/.exec(buf);
    if (m) resolve(m[1]);
  });
});
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1640, height: 1040 } });
  await page.goto(url);
  const key = (device, k) => page.locator(`[data-testid="phone-${device}"] [data-key="${k}"]`).click();
  const typeInto = async (device, text) => {
    await page.getByTestId(`phone-${device}`).focus();
    await page.keyboard.type(text);
  };
  for (const [device, user, pin] of [['SEP00AA11BB22CC', 'alice', '12345'], ['SEP00AA11BB33DD', 'alice', '999']]) {
    await page.locator(`[data-testid="phone-${device}"][data-status="registered"]`).waitFor();
    await key(device, 'services');
    await page.locator(`[data-testid="phone-${device}"] .menu-items`).waitFor();
    await key(device, 'select');
    await page.locator(`[data-testid="phone-${device}"] [data-testid="field-0"]`).waitFor();
    await typeInto(device, user);
    await key(device, 'navDown');
    for (const d of pin) await key(device, d);
    await key(device, 'soft1');
  }
  await page.locator('[data-testid="phone-SEP00AA11BB22CC"][data-cluster="HOME"]').waitFor();
  await page.locator('[data-testid="phone-SEP00AA11BB33DD"] [data-testid="phone-text"]').waitFor();
  await page.screenshot({ path: out, fullPage: true });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  lab.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
}
