import fs from 'node:fs';
import path from 'node:path';

/** Where Chrome, Chromium and Edge usually live, per platform, in the order we prefer them. */
export function knownBrowserPaths(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((r): r is string => !!r);
    return roots.flatMap((root) => [
      path.win32.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      path.win32.join(root, 'Chromium', 'Application', 'chrome.exe'),
      path.win32.join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
    ]);
  }
  if (platform === 'darwin') {
    return [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
  }
  return [
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/microsoft-edge',
    '/usr/bin/microsoft-edge-stable',
  ];
}

export class BrowserNotFoundError extends Error {
  constructor(readonly tried: string[]) {
    super(`No Chrome, Chromium or Edge was found to run WhatsApp in. Tried: ${tried.join(', ')}. Install one, or set its path in the settings.`);
    this.name = 'BrowserNotFoundError';
  }
}

/**
 * The browser a number's session runs in: the path from the settings first, then the
 * usual install places. Throws, naming everything tried, when none exists.
 */
export function resolveBrowserPath(options: {
  setting: string | null;
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
  exists?: (file: string) => boolean;
}): string {
  const exists = options.exists ?? ((file: string) => fs.existsSync(file));
  const candidates = [
    ...(options.setting ? [options.setting] : []),
    ...knownBrowserPaths(options.platform ?? process.platform, options.env ?? process.env),
  ];
  const found = candidates.find((file) => exists(file));
  if (!found) throw new BrowserNotFoundError(candidates);
  return found;
}

/**
 * Puppeteer's launch options for a system browser: over a pipe, never a remote-debugging
 * port another program on the machine could attach to. Headless: the window is ours, not
 * WhatsApp Web's. A later provider can hand the desktop's own Chromium here instead.
 */
export function systemBrowserLaunchOptions(executablePath: string): Record<string, unknown> {
  return {
    executablePath,
    pipe: true,
    headless: true,
    defaultViewport: null,
    args: [
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      // Chromium's sandbox needs privileges a container or some Linux desktops lack.
      ...(process.platform === 'linux' && typeof process.getuid === 'function' && process.getuid() === 0 ? ['--no-sandbox'] : []),
    ],
  };
}

export interface BrowserProvider {
  /**
   * whatsapp-web.js's `puppeteer` options for one number's session: how to launch a system
   * browser, or (desktop) an already open `{ browser, page }` of the app's own Chromium.
   */
  launchOptions(numberId: number): Record<string, unknown> | Promise<Record<string, unknown>>;
  /** The number was logged out or removed: what its browser kept of it goes too. */
  forget?(numberId: number): Promise<void>;
}

export function systemBrowserProvider(setting: () => string | null): BrowserProvider {
  return { launchOptions: () => systemBrowserLaunchOptions(resolveBrowserPath({ setting: setting() })) };
}

/** Settings key: `electron-window` runs a desktop number in the app's own Chromium; anything else a system browser. */
export const browserChoiceKey = 'whatsapp.browser';

/**
 * The provider a session uses, chosen when it starts: the desktop's own Chromium when the
 * setting asks for it and the shell has one, else the system browser (the host shell's only
 * way, and the desktop's default until the release checklist has linked a real phone through it).
 */
export function chosenBrowserProvider(choice: () => string | null, system: BrowserProvider, app: BrowserProvider | undefined): BrowserProvider {
  const pick = () => (app && choice() === 'electron-window' ? app : system);
  return {
    launchOptions: (numberId) => pick().launchOptions(numberId),
    async forget(numberId) {
      await Promise.all([system.forget?.(numberId), app?.forget?.(numberId)]);
    },
  };
}
