import { describe, expect, it } from 'vitest';
import { classifyStartError } from './start-errors';
import { BrowserNotFoundError, chosenBrowserProvider, resolveBrowserPath, systemBrowserLaunchOptions } from './browser-provider';

describe('finding the browser a session runs in', () => {
  it('takes the path from the settings first', () => {
    expect(resolveBrowserPath({ setting: '/opt/chrome/chrome', platform: 'linux', env: {}, exists: () => true })).toBe('/opt/chrome/chrome');
  });

  it('falls back to the usual Chrome, Chromium and Edge places of the platform', () => {
    const present = new Set(['/usr/bin/chromium']);
    expect(resolveBrowserPath({ setting: null, platform: 'linux', env: {}, exists: (f) => present.has(f) })).toBe('/usr/bin/chromium');
    const windows = resolveBrowserPath({
      setting: null,
      platform: 'win32',
      env: { PROGRAMFILES: 'C:\\Program Files' },
      exists: (f) => f.endsWith('msedge.exe'),
    });
    expect(windows).toBe('C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe');
  });

  it('names everything it tried when there is no browser, and the number shows browser_missing', () => {
    let error: unknown;
    try {
      resolveBrowserPath({ setting: '/missing/chrome', platform: 'darwin', env: {}, exists: () => false });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BrowserNotFoundError);
    expect((error as Error).message).toContain('/missing/chrome');
    expect((error as Error).message).toContain('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
    expect(classifyStartError(error).reason).toBe('browser_missing');
  });

  it('launches over a pipe, never a remote-debugging port', () => {
    const options = systemBrowserLaunchOptions('/usr/bin/chromium');
    expect(options).toMatchObject({ executablePath: '/usr/bin/chromium', pipe: true, headless: true });
    expect(JSON.stringify(options)).not.toMatch(/remote-debugging/);
  });
});

describe('the browser a session runs in', () => {
  const provider = (name: string, forgotten: string[]) => ({ launchOptions: () => ({ name }), forget: async (id: number) => void forgotten.push(`${name}:${id}`) });

  it('is the desktop’s own Chromium only when the setting asks and the shell has one; forgetting clears both', async () => {
    const forgotten: string[] = [];
    let choice: string | null = null;
    const chosen = chosenBrowserProvider(() => choice, provider('system', forgotten), provider('app', forgotten));
    expect(await chosen.launchOptions(1)).toEqual({ name: 'system' });
    choice = 'electron-window';
    expect(await chosen.launchOptions(1)).toEqual({ name: 'app' });
    await chosen.forget!(4);
    expect(forgotten.sort()).toEqual(['app:4', 'system:4']);
    const hostShell = chosenBrowserProvider(() => 'electron-window', provider('system', forgotten), undefined);
    expect(await hostShell.launchOptions(1)).toEqual({ name: 'system' });
  });
});
