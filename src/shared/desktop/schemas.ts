import { z } from 'zod';

/** Where a desktop number's WhatsApp Web runs: a browser installed on the computer, or the app's own Chromium (beta). */
export const whatsappBrowsers = ['system-browser', 'electron-window'] as const;
export type WhatsappBrowser = (typeof whatsappBrowsers)[number];

/** An https address, or nothing (the update server the installer was built with). The form sends '' for an empty field. */
export const updateUrl = z
  .string()
  .trim()
  .max(2000)
  .nullable()
  .transform((url) => (url === '' ? null : url))
  .refine((url) => url === null || isHttpsUrl(url), 'An https:// address');

function isHttpsUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.hostname !== '';
  } catch {
    return false;
  }
}

/** Settings → Desktop app. The form and the router check with this same schema. */
export const desktopSettingsInput = z
  .object({
    startAtLogin: z.boolean(),
    updateUrl,
    whatsappBrowser: z.enum(whatsappBrowsers),
  })
  .strict();
