import puppeteer from 'puppeteer-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PipeDebugger } from '../testing/pipe-debugger';
import { loadWhatsappWeb } from '../whatsapp/webjs/real-client-factory';
import { electronWindowProvider, isWhatsappUrl, lockWhatsappWindow, whatsappWindowOptions, type ElectronWindowDeps } from './whatsapp-window';

type Listener = (...args: any[]) => void;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  return {
    listeners,
    openHandler: undefined as undefined | ((details: { url: string }) => { action: string }),
    on(event: string, listener: Listener) {
      listeners.set(event, listener);
      return this;
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      this.openHandler = handler;
    },
  };
}

function fakeSession() {
  const calls: string[] = [];
  return {
    calls,
    request: undefined as undefined | ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void),
    check: undefined as undefined | ((contents: unknown, permission: string) => boolean),
    setPermissionRequestHandler(handler: any) {
      this.request = handler;
    },
    setPermissionCheckHandler(handler: any) {
      this.check = handler;
    },
    clearStorageData: async () => void calls.push('storage'),
    clearCache: async () => void calls.push('cache'),
  };
}

describe('a number’s WhatsApp window on the desktop', () => {
  it('is hidden, in its own persistent partition, sandboxed, without Node or preload, never throttled', () => {
    const options = whatsappWindowOptions(7);
    expect(options.show).toBe(false);
    expect(options.webPreferences).toMatchObject({ partition: 'persist:wa-7', sandbox: true, contextIsolation: true, nodeIntegration: false, backgroundThrottling: false, webviewTag: false });
    expect(options.webPreferences).not.toHaveProperty('preload');
  });

  it('refuses every permission, navigation away from WhatsApp Web, new windows and webviews', () => {
    const contents = fakeContents();
    const session = fakeSession();
    lockWhatsappWindow(contents as never, session as never);
    for (const permission of ['notifications', 'media', 'geolocation', 'clipboard-read']) {
      const callback = vi.fn();
      session.request!({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(session.check!({}, permission)).toBe(false);
    }
    const navigate = (event: string, url: string) => {
      const preventDefault = vi.fn();
      contents.listeners.get(event)!({ url, preventDefault });
      return preventDefault.mock.calls.length > 0;
    };
    expect(navigate('will-navigate', 'https://web.whatsapp.com/')).toBe(false);
    expect(navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(navigate('will-redirect', 'http://web.whatsapp.com/')).toBe(true);
    expect(navigate('will-attach-webview', 'https://web.whatsapp.com/')).toBe(true);
    expect(contents.openHandler!({ url: 'https://web.whatsapp.com/' })).toEqual({ action: 'deny' });
    expect(isWhatsappUrl('https://web.whatsapp.com.evil.example/')).toBe(false);
  });

  describe('driven by whatsapp-web.js through the window’s debugger', () => {
    let debuggee: PipeDebugger | undefined;
    afterEach(async () => {
      await debuggee?.close();
      debuggee = undefined;
    });

    it('hands the Client the window’s own page, which it drives (no browser launched); forgetting clears the partition', async () => {
      debuggee = await PipeDebugger.launch();
      const session = fakeSession();
      let destroyed = false;
      const deps: ElectronWindowDeps = {
        createWindow: () => ({ webContents: Object.assign(fakeContents() as never, { debugger: debuggee! }), destroy: () => void (destroyed = true), isDestroyed: () => destroyed }),
        sessionFor: (partition) => {
          expect(partition).toBe('persist:wa-3');
          return session as never;
        },
        connect: (transport) => puppeteer.connect({ transport, defaultViewport: null }),
      };
      const provider = electronWindowProvider(deps);
      const options = (await provider.launchOptions(3)) as { browser: { disconnect(): Promise<void> }; page: { evaluate<T>(f: () => T): Promise<T> } };

      const wwebjs = await loadWhatsappWeb();
      const client = new wwebjs.Client({ puppeteer: options, webVersionCache: { type: 'none' } }) as { initialize(): Promise<void>; options: { userAgent: string } };
      // No internet here: loading WhatsApp Web fails, after the Client set up the page it was given.
      await expect(client.initialize()).rejects.toThrow(/net::ERR_/);
      expect(await options.page.evaluate(() => navigator.userAgent)).toBe(client.options.userAgent);

      await provider.forget!(3);
      expect(destroyed).toBe(true);
      expect(session.calls).toEqual(['storage', 'cache']);
      await options.browser.disconnect();
    }, 60_000);
  });
});
