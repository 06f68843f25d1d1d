import { BrowserWindow, shell } from 'electron';
import type { Logger } from '../base/logger';
import type { AppPage } from './desktop-paths';
import { guardWebContents, securePreferences } from './window-security';

export const windowTitle = 'Meras Desk';

/** The one app window: locked down, shown once its first paint is ready. */
export function createMainWindow(options: { page: AppPage; preload: string; logger: Logger; icon?: string }): BrowserWindow {
  const window = new BrowserWindow({
    title: windowTitle,
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 680,
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    ...(options.icon ? { icon: options.icon } : {}),
    webPreferences: securePreferences(options.preload),
  });

  guardWebContents(window.webContents, {
    isAppUrl: options.page.isAppUrl,
    openExternal: (url) => shell.openExternal(url),
  });
  // The page's own <title> must not rename the window.
  window.on('page-title-updated', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());

  const loading = window.loadURL(options.page.load.url);
  loading.catch((error: unknown) => {
    // ready-to-show may never come: show the (blank) window rather than run invisibly.
    options.logger.error('renderer failed to load', { error: String(error) });
    if (!window.isDestroyed() && !window.isVisible()) window.show();
  });
  return window;
}
