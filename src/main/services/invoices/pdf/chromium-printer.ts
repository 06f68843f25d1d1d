import type { Browser } from 'puppeteer';
import { fontsReadyScript, type InvoicePrinter } from './invoice-printer';

export interface ChromiumLaunch {
  executablePath: string;
  args: string[];
}

/**
 * Headless Chromium for the host shell: launched on the first print and kept for the next
 * (a warm print is one page load), closed with the core. Each print is its own page.
 */
export function chromiumPrinter(find: () => Promise<ChromiumLaunch>): InvoicePrinter {
  let browser: Promise<Browser> | null = null;
  const open = (): Promise<Browser> => {
    browser ??= (async () => {
      // Loaded from node_modules at run time, as whatsapp-web.js loads it: bundled, puppeteer cannot read its own configuration.
      const moduleName = 'puppeteer';
      const { default: puppeteer } = (await import(moduleName)) as typeof import('puppeteer');
      const launch = await find();
      const started = await puppeteer.launch({ executablePath: launch.executablePath, args: launch.args, headless: true });
      started.on('disconnected', () => {
        browser = null;
      });
      return started;
    })();
    browser.catch(() => {
      browser = null;
    });
    return browser;
  };
  return {
    async printPdf(html, fontFamily) {
      const page = await (await open()).newPage();
      try {
        await page.setJavaScriptEnabled(true);
        await page.setContent(html, { waitUntil: 'load' });
        const loaded = (await page.evaluate(fontsReadyScript(fontFamily))) as boolean;
        if (!loaded) throw new Error(`The invoice font ${fontFamily} did not load`);
        return Buffer.from(await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
      } finally {
        await page.close().catch(() => undefined);
      }
    },
    async close() {
      const current = browser;
      browser = null;
      if (current) await (await current.catch(() => null))?.close().catch(() => undefined);
    },
  };
}
