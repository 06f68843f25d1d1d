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
  // No retry: a flaky test is a bug to fix. A failed test's host output is attached to its
  // result (e2e/host-output.ts), so a rare failure can be explained from that one run.
  retries: 0,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    ...(chromium ? { launchOptions: { executablePath: chromium.executablePath, args: chromium.args } } : {}),
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
