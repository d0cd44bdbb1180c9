import { defineConfig } from '@playwright/test';

// End-to-end tests drive the real renderer in Debian's Chromium against a real lab in browser
// mode; each test starts its own lab (see test/e2e/lab-fixture.ts).
export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  // Two spec files at a time: each test waits mostly on its own lab and browser (measured on 2
  // cores: 4.2 min -> 2.7 min).
  workers: 2,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 1000 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
    trace: 'off',
  },
});
