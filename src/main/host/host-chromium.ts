import { resolveBrowserPath } from '../whatsapp/webjs/browser-provider';
import type { ChromiumLaunch } from '../services/invoices/pdf/chromium-printer';

const args = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update'];

/**
 * The headless Chromium the host prints invoices with: `CHROMIUM_PATH`, else a Chrome,
 * Chromium or Edge where they are usually installed (the finder WhatsApp sessions use), else
 * (a development checkout on Linux x64) the one the npm package `@sparticuz/chromium` carries —
 * the same order as the browser tests' scripts/chromium.ts.
 */
export async function hostChromium(env: NodeJS.ProcessEnv = process.env): Promise<ChromiumLaunch> {
  if (env.CHROMIUM_PATH) return { executablePath: env.CHROMIUM_PATH, args };
  try {
    return { executablePath: resolveBrowserPath({ setting: null, env }), args };
  } catch (notFound) {
    try {
      // A development package: named through a variable so the build leaves it out of host.js (it finds its files beside itself).
      const devPackage = '@sparticuz/chromium';
      const { default: packaged } = (await import(devPackage)) as { default: { executablePath(): Promise<string> } };
      return { executablePath: await packaged.executablePath(), args: [...args, '--no-zygote'] };
    } catch {
      throw notFound;
    }
  }
}
