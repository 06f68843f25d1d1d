// Renders resources/icon.svg to resources/icon.png (512x512, transparent corners) with the
// system Chromium. A one-off tool: not part of the build; run `node resources/render-icon.mjs`
// after changing the SVG. CHROMIUM_PATH overrides /usr/bin/chromium.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const svg = await readFile(path.join(here, 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ viewport: { width: 512, height: 512 }, deviceScaleFactor: 1 });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: path.join(here, 'icon.png'), omitBackground: true });
} finally {
  await browser.close();
}
console.log('wrote', path.join(here, 'icon.png'));
