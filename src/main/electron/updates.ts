import type { Logger } from '../base/logger';

/** The part of electron-updater's autoUpdater this uses (a stand-in in tests). */
export interface Updater {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export interface UpdatesDeps {
  updater: Updater;
  /** Only an installed app updates itself: never from the project, never in tests of the shell. */
  isPackaged: boolean;
  /** An admin-set update server (electron-builder's generic provider); null: the build's own publish config (GitHub Releases). */
  feedUrl: string | null;
  logger: Logger;
  everyMs?: number;
}

export interface Updates {
  /** The version downloaded and waiting to be installed on quit, if any. */
  pending(): string | null;
  /**
   * On quit, with a downloaded update: runs `backup` (the database as it is before the new
   * version migrates it) and says whether to install. A failed backup keeps the running version.
   */
  prepareInstall(backup: () => Promise<unknown>): Promise<boolean>;
  install(): void;
  stop(): void;
}

const sixHours = 6 * 60 * 60 * 1000;
/** Settings key: an admin's generic update server (electron-builder's `generic` provider). */
export const updateUrlKey = 'updates.url';

/** Checks in the background, downloads in the background, installs only on quit and only after a backup. */
export function startUpdates(deps: UpdatesDeps): Updates | null {
  if (!deps.isPackaged) return null;
  const { updater, logger } = deps;
  updater.autoDownload = true;
  // Installing is ours to decide: after the backup, never behind its back.
  updater.autoInstallOnAppQuit = false;
  if (deps.feedUrl) updater.setFeedURL({ provider: 'generic', url: deps.feedUrl });
  let downloaded: string | null = null;
  updater.on('update-downloaded', (info) => {
    downloaded = info.version;
    logger.info('update downloaded; it installs when the app quits', { version: info.version });
  });
  updater.on('error', (error) => logger.warn('update check failed', { error: error.message }));
  const check = () => void updater.checkForUpdates().catch((error: unknown) => logger.warn('update check failed', { error: String(error) }));
  check();
  const timer = setInterval(check, deps.everyMs ?? sixHours);
  timer.unref();
  return {
    pending: () => downloaded,
    async prepareInstall(backup) {
      if (!downloaded) return false;
      try {
        await backup();
        return true;
      } catch (error) {
        logger.error('backup before the update failed: the update waits for the next quit', { version: downloaded, error: String(error) });
        return false;
      }
    },
    install: () => updater.quitAndInstall(true, false),
    stop: () => clearInterval(timer),
  };
}
