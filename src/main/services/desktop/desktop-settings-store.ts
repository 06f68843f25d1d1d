import type Database from 'better-sqlite3';
import { whatsappBrowsers, type WhatsappBrowser } from '../../../shared/desktop/schemas';
import type { DesktopSettings } from '../../../shared/desktop/types';
import { readSetting } from '../../base/settings';
import { updateUrlKey } from '../../electron/updates';
import { browserChoiceKey } from '../../whatsapp/webjs/browser-provider';

/**
 * Where Settings → Desktop app lives: under the keys the desktop shell and the session starter
 * already read (`updates.url`, `whatsapp.browser`), so a change needs no second copy.
 */
export const desktopKeys = { startAtLogin: 'desktop.startAtLogin', updateUrl: updateUrlKey, whatsappBrowser: browserChoiceKey } as const;

/** Off until an admin turns it on: an installed app should not add itself to the login items unasked. */
export function readDesktopSettings(sqlite: Database.Database): DesktopSettings {
  const row = sqlite.prepare<[string], { value: string }>('select value from settings where key = ?').get(desktopKeys.startAtLogin);
  let startAtLogin = false;
  try {
    startAtLogin = row ? JSON.parse(row.value) === true : false;
  } catch {
    startAtLogin = false;
  }
  const browser = readSetting(sqlite, desktopKeys.whatsappBrowser);
  const whatsappBrowser: WhatsappBrowser = (whatsappBrowsers as readonly string[]).includes(browser ?? '') ? (browser as WhatsappBrowser) : 'system-browser';
  return { startAtLogin, updateUrl: readSetting(sqlite, desktopKeys.updateUrl), whatsappBrowser };
}

export function writeDesktopSetting(sqlite: Database.Database, key: string, value: unknown, now: number): void {
  sqlite
    .prepare<[string, string, number]>('insert into settings (key, value, updated_at) values (?, ?, ?) on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at')
    .run(key, JSON.stringify(value), now);
}
