import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, Tray } from 'electron';
import { createCore, type Core } from '../core/create-core';
import { startApiListener, type ApiListener } from '../api/api-listener';
import { whatsappOptions } from '../core/whatsapp-options';
import { consoleLogger, type Logger } from '../base/logger';
import { installProcessGuard, type GuardedProcess } from '../base/process-guard';
import { registerAppScheme, serveAppScheme } from './app-protocol';
import { electronPrinter } from './electron-printer';
import { demoMode } from './demo-switch';
import { appPage, builtFiles, resolveDataDir, resolveMigrationsDir } from './desktop-paths';
import { bindIpc } from './ipc-binding';
import { autostartDirFor, startedHidden } from './login-item';
import { syncStartAtLogin } from './start-at-login-sync';
import { readDesktopSettings } from '../services/desktop/desktop-settings-store';
import { runSelfTest, selfTestFlag } from './self-test';
import { createMainWindow } from './main-window';
import { createAppTray } from './tray';
import { startUpdates, updateUrlKey, type Updater, type Updates } from './updates';
import { readSetting } from '../base/settings';
import { electronWindowProvider } from './whatsapp-window';
import { applyContentSecurityPolicy, pagePolicy, restrictPermissions } from './window-security';

export interface DesktopApp {
  /** Resolves once the core is up and the window created; false when another instance owns the app. */
  ready: Promise<boolean>;
}

/**
 * The desktop shell's life: one instance, one core, one window (re-opened on macOS dock
 * click), the core closed before the app quits.
 */
/**
 * `process`: where the guard listens once the core runs (a stand-in in the wiring tests).
 * `autostartDir`: the XDG autostart folder on Linux (a temp folder in the wiring tests).
 */
export function startDesktop(options: { logger?: Logger; process?: GuardedProcess; autostartDir?: string } = {}): DesktopApp {
  // The release checklist runs each installer with --self-test: no lock, no window, no user data.
  if (process.argv.includes(selfTestFlag)) {
    const ready = app.whenReady().then(() => {
      const result = runSelfTest(resolveMigrationsDir({ isPackaged: app.isPackaged, resourcesPath: process.resourcesPath, appPath: app.getAppPath() }));
      process.stdout.write(`${JSON.stringify(result)}\n`);
      app.exit(result.ok ? 0 : 1);
      return false;
    });
    return { ready };
  }
  if (!app.requestSingleInstanceLock()) {
    // The first instance gets 'second-instance' and comes to the front.
    app.quit();
    return { ready: Promise.resolve(false) };
  }

  const logger = options.logger ?? consoleLogger;
  const appPath = app.getAppPath();
  const files = builtFiles(appPath);
  const page = appPage({ devServerUrl: app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL });
  // Before ready, or the scheme is not a secure origin.
  registerAppScheme(protocol);
  let core: Core | undefined;
  let binding: { dispose(): void } | undefined;
  let mainWindow: BrowserWindow | undefined;

  // Packaged apps take their icon from the installer; in dev the window shows this one.
  const devIcon = path.join(appPath, 'resources', 'icon.png');
  const icon = !app.isPackaged && fs.existsSync(devIcon) ? devIcon : undefined;

  let tray: Tray | null = null;
  let quitRequested = false;

  function openWindow(): void {
    const window = createMainWindow({ page, preload: files.preload, logger, ...(icon ? { icon } : {}) });
    mainWindow = window;
    window.on('closed', () => (mainWindow = undefined));
    // Closing hides to the tray: the numbers, the outbox and automation keep working. Only Quit stops them.
    window.on('close', (event: { preventDefault(): void }) => {
      if (quitRequested) return;
      event.preventDefault();
      if (tray) window.hide();
      else window.minimize();
    });
  }

  function showWindow(): void {
    if (!mainWindow) {
      if (core) openWindow();
      return;
    }
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  }

  /** WhatsApp Web in hidden windows of this Chromium, reached through their debuggers (chosen by a setting). */
  function appChromium() {
    return electronWindowProvider({
      createWindow: (windowOptions) => new BrowserWindow(windowOptions),
      sessionFor: (partition) => session.fromPartition(partition),
      // Loaded with the first session, never on the start-up path: the same Puppeteer whatsapp-web.js uses.
      connect: async (transport) => (await import('puppeteer')).default.connect({ transport, defaultViewport: null }),
    });
  }

  let closing: Promise<void> | undefined;
  /** The REST API's own server: off until an admin turns it on (Settings → Integrations). */
  let apiListener: ApiListener | undefined;
  /** Unbinds the windows, stops the WhatsApp sessions (keeping their links) and closes the database, once. */
  let stopLoginSync: (() => void) | undefined;
  function shutdown(): Promise<void> {
    stopLoginSync?.();
    stopLoginSync = undefined;
    binding?.dispose();
    binding = undefined;
    if (!closing && core) {
      const open = core;
      closing = (apiListener?.close() ?? Promise.resolve()).then(() => open.close()).catch((error: unknown) => logger.error('core failed to close', { error: String(error) }));
    }
    return closing ?? Promise.resolve();
  }

  app.on('second-instance', () => showWindow());

  app.on('activate', () => {
    if (core && BrowserWindow.getAllWindows().length === 0) openWindow();
  });

  app.on('window-all-closed', () => {
    // macOS apps stay in the dock with no window; the core stays up for 'activate'.
    if (process.platform === 'darwin') return;
    quitAfterShutdown();
  });

  // Quitting waits for the sessions to close: a browser left running would hold the session folder.
  let closed = false;
  let quitting = false;
  let updates: Updates | null = null;
  function quitAfterShutdown(): void {
    if (quitting) return;
    quitting = true;
    // A downloaded update installs now, after a backup of the database as it is (a failed migration in the new version puts it back).
    const install = updates && core ? updates.prepareInstall(() => core!.backups.beforeUpdate()) : Promise.resolve(false);
    void install.then((installing) =>
      shutdown().then(() => {
        closed = true;
        if (installing) updates!.install();
        else app.quit();
      }),
    );
  }

  /** Installed apps only: electron-updater is loaded then, never in the project or its tests. */
  async function startUpdating(open: Core): Promise<void> {
    if (!app.isPackaged) return;
    try {
      const { autoUpdater } = await import('electron-updater');
      updates = startUpdates({ updater: autoUpdater as unknown as Updater, isPackaged: true, feedUrl: readSetting(open.database.sqlite, updateUrlKey), logger });
    } catch (error) {
      logger.warn('updates unavailable', { error: String(error) });
    }
  }
  app.on('before-quit', (event?: { preventDefault(): void }) => {
    quitRequested = true;
    if (closed || !core) return;
    event?.preventDefault();
    quitAfterShutdown();
  });

  const ready = app.whenReady().then(() => {
    const dataDir = resolveDataDir({ argv: process.argv, env: process.env, userDataDir: app.getPath('userData'), cwd: process.cwd() });
    const migrationsDir = resolveMigrationsDir({ isPackaged: app.isPackaged, resourcesPath: process.resourcesPath, appPath });
    try {
      core = createCore({ dataDir, migrationsDir, logger, version: app.getVersion(), invoicePrinter: electronPrinter(), rendererDir: path.dirname(files.rendererHtml), whatsapp: whatsappOptions({ demo: demoMode({ argv: process.argv, isPackaged: app.isPackaged, logger }), logger, appBrowser: appChromium() }) });
    } catch (error) {
      logger.error('core failed to start', { dataDir, error: error instanceof Error ? error.stack : String(error) });
      dialog.showErrorBox('Meras Desk', `Meras Desk could not open its data folder:\n${dataDir}\n\n${String(error)}`);
      app.exit(1);
      return false;
    }
    installProcessGuard(logger, options.process ?? process);
    const open = core;
    stopLoginSync = syncStartAtLogin({
      bus: open.bus,
      current: () => readDesktopSettings(open.database.sqlite).startAtLogin,
      logger,
      host: {
        platform: process.platform,
        setLoginItemSettings: (settings) => app.setLoginItemSettings(settings),
        // An AppImage's mount path changes every run: the login item starts the AppImage itself.
        executable: process.env.APPIMAGE ?? process.execPath,
        autostartDir: options.autostartDir ?? autostartDirFor(process.env, os.homedir()),
      },
    });
    void startUpdating(core);
    logger.info('desktop started', { dataDir });

    restrictPermissions(session.defaultSession);
    const dev = page.load.url.startsWith('http');
    applyContentSecurityPolicy(session.defaultSession, pagePolicy({ dev }));
    serveAppScheme(protocol, path.dirname(files.rendererHtml), pagePolicy({ dev: false }));
    binding = bindIpc({ ipcMain, router: core.router, bus: core.bus, isAppUrl: page.isAppUrl, presence: core.presence });
    apiListener = startApiListener(core, dataDir);
    const trayIcon = app.isPackaged ? path.join(process.resourcesPath, 'icon.png') : devIcon;
    tray = createAppTray({ createTray: (image) => new Tray(image), buildMenu: (template) => Menu.buildFromTemplate(template), icon: trayIcon, locale: app.getLocale(), onOpen: showWindow, onQuit: () => app.quit() });
    // Started at login: the office's numbers come up, the window waits in the tray.
    if (!(startedHidden(process.argv) && tray)) openWindow();
    return true;
  });
  return { ready };
}
