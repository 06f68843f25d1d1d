import type { WebjsClient, WebjsClientFactory, WebjsMessageMedia } from './client-surface';
import type { BrowserProvider } from './browser-provider';

/**
 * Builds real whatsapp-web.js Clients with LocalAuth in each number's own folder.
 * whatsapp-web.js (and Puppeteer under it) is loaded on the first session, never on the
 * app's start-up path.
 */
export function realClientFactory(browser: BrowserProvider): WebjsClientFactory {
  let loaded: WhatsappWebModule | null = null;
  return {
    async create({ numberId, sessionDir }): Promise<WebjsClient> {
      const puppeteer = await browser.launchOptions(numberId);
      const wwebjs = await loadWhatsappWeb();
      loaded = wwebjs;
      return new wwebjs.Client({
        authStrategy: new wwebjs.LocalAuth({ dataPath: sessionDir }),
        puppeteer,
        // The web version is whatever WhatsApp serves; no cache folder in the working directory.
        webVersionCache: { type: 'none' },
        // Our session manager counts QR rounds and decides when to stop.
        qrMaxRetries: 0,
        authTimeoutMs: 60_000,
      }) as unknown as WebjsClient;
    },
    media(mimetype, base64, filename, filesize) {
      // A file is only sent through a Client, which create() made: the module is loaded.
      if (!loaded) throw new Error('whatsapp-web.js is not loaded yet');
      return new loaded.MessageMedia(mimetype, base64, filename, filesize);
    },
  };
}

interface WhatsappWebModule {
  Client: new (options: Record<string, unknown>) => unknown;
  LocalAuth: new (options: { dataPath: string; clientId?: string }) => unknown;
  MessageMedia: new (mimetype: string, data: string, filename?: string | null, filesize?: number | null) => WebjsMessageMedia;
}

export async function loadWhatsappWeb(): Promise<WhatsappWebModule> {
  const mod = (await import('whatsapp-web.js')) as unknown as WhatsappWebModule & { default?: WhatsappWebModule };
  return mod.Client ? mod : mod.default!;
}
