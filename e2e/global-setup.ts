import { findChromium } from '../scripts/chromium';

/**
 * Runs once before the workers start: finds (or unpacks) the Chromium and hands it to them
 * through the environment, which the workers inherit and playwright.config.ts reads.
 */
export default async function globalSetup(): Promise<void> {
  const chromium = await findChromium();
  process.env.MERAS_E2E_CHROMIUM = JSON.stringify(chromium);
}
