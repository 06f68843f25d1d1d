import type { BrowserWindow, BrowserWindowConstructorOptions, Session } from 'electron';
import type { BrowserProvider } from '../whatsapp/webjs/browser-provider';
import { DebuggerTransport, type CdpTransport, type PageDebugger } from '../whatsapp/browser/debugger-transport';

/**
 * A number's WhatsApp Web on the desktop: a hidden window of the app's own Chromium (a renderer,
 * not a whole browser), reached by Puppeteer through its debugger — no separate browser to
 * install, no debugging port.
 */

export const whatsappOrigin = 'https://web.whatsapp.com';

export function whatsappPartition(numberId: number): string {
  return `persist:wa-${numberId}`;
}

/** Sandboxed, no Node, no preload; never throttled in the background (it must keep receiving). */
export function whatsappWindowOptions(numberId: number): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 1280,
    height: 800,
    webPreferences: {
      partition: whatsappPartition(numberId),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      backgroundThrottling: false,
      spellcheck: false,
      navigateOnDragDrop: false,
    },
  };
}

/** Only WhatsApp Web itself: https on its own origin (its blank first page too). */
export function isWhatsappUrl(url: string): boolean {
  if (url === 'about:blank') return true;
  try {
    return new URL(url).origin === whatsappOrigin;
  } catch {
    return false;
  }
}

type Contents = Pick<BrowserWindow['webContents'], 'on' | 'setWindowOpenHandler'>;
type PartitionSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'clearStorageData' | 'clearCache'>;

/** Every permission refused, navigation held to WhatsApp Web, new windows and webviews refused. */
export function lockWhatsappWindow(contents: Contents, session: Pick<PartitionSession, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  const stay = (event: { url: string; preventDefault(): void }) => {
    if (!isWhatsappUrl(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', stay);
  contents.on('will-redirect', stay);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export interface ElectronWindowDeps {
  createWindow(options: BrowserWindowConstructorOptions): Pick<BrowserWindow, 'destroy' | 'isDestroyed'> & { webContents: Contents & { debugger: PageDebugger } };
  sessionFor(partition: string): PartitionSession;
  /** Puppeteer's connect over a transport (the `puppeteer` whatsapp-web.js itself uses). */
  connect(transport: CdpTransport): Promise<{ pages(): Promise<unknown[]> }>;
}

/**
 * The desktop's browser provider: one hidden window per number; whatsapp-web.js gets its
 * `{ browser, page }` (the pinned patch in patches/ lets its Client take them). Logout or
 * removal clears the number's partition.
 */
export function electronWindowProvider(deps: ElectronWindowDeps): BrowserProvider {
  const windows = new Map<number, { destroy(): void; isDestroyed(): boolean }>();
  return {
    async launchOptions(numberId) {
      const previous = windows.get(numberId);
      if (previous && !previous.isDestroyed()) previous.destroy();
      const window = deps.createWindow(whatsappWindowOptions(numberId));
      windows.set(numberId, window);
      lockWhatsappWindow(window.webContents, deps.sessionFor(whatsappPartition(numberId)));
      const browser = await deps.connect(DebuggerTransport.attach(window.webContents.debugger));
      const [page] = await browser.pages();
      return { browser, page };
    },
    async forget(numberId) {
      const window = windows.get(numberId);
      windows.delete(numberId);
      if (window && !window.isDestroyed()) window.destroy();
      const session = deps.sessionFor(whatsappPartition(numberId));
      await session.clearStorageData();
      await session.clearCache();
    },
  };
}
