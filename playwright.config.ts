import { defineConfig } from '@playwright/test';
import type { TestChromium } from './scripts/chromium';

/** Set by e2e/global-setup.ts before the workers start (the main process reads this first, unset). */
const chromium: TestChromium | undefined = process.env.MERAS_E2E_CHROMIUM ? JSON.parse(process.env.MERAS_E2E_CHROMIUM) : undefined;

/**
 * End-to-end tests: the built renderer in Chromium against the host shell, a fresh host and
 * data folder per test (see e2e/fixtures.ts). The browser: CHROMIUM_PATH, a system Chromium, or
 * the one in the npm package @sparticuz/chromium (scripts/chromium.ts). Never `npx playwright install`.
 */
export default defineConfig({
  testDir: './e2e',
  globalSetup: './e2e/global-setup.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  // One retry, so a rare flake does not hide a whole run's result; the list reporter still names
  // each retried test "flaky", and a flaky test is a bug to fix, not to ignore.
  retries: 1,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    ...(chromium ? { launchOptions: { executablePath: chromium.executablePath, args: chromium.args } } : {}),
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
