import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../base/logger';
import { startUpdates, type Updater } from './updates';

class FakeUpdater extends EventEmitter implements Updater {
  autoDownload = false;
  autoInstallOnAppQuit = true;
  feed: unknown = null;
  checks = 0;
  installs: Array<[boolean | undefined, boolean | undefined]> = [];
  setFeedURL(options: unknown) {
    this.feed = options;
  }
  async checkForUpdates() {
    this.checks++;
    return null;
  }
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean) {
    this.installs.push([isSilent, isForceRunAfter]);
  }
}

describe('updates', () => {
  it('never run from the project: only an installed app updates itself', () => {
    const updater = new FakeUpdater();
    expect(startUpdates({ updater, isPackaged: false, feedUrl: null, logger: silentLogger })).toBeNull();
    expect(updater.checks).toBe(0);
  });

  it('check and download in the background from the admin’s server, and never install behind the office’s back', () => {
    const updater = new FakeUpdater();
    const updates = startUpdates({ updater, isPackaged: true, feedUrl: 'https://updates.office.example/meras', logger: silentLogger })!;
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(false);
    expect(updater.feed).toEqual({ provider: 'generic', url: 'https://updates.office.example/meras' });
    expect(updater.checks).toBe(1);
    expect(updates.pending()).toBeNull();
    updates.stop();
  });

  it('install a downloaded version on quit only after a backup succeeds', async () => {
    const updater = new FakeUpdater();
    const updates = startUpdates({ updater, isPackaged: true, feedUrl: null, logger: silentLogger })!;
    const backups: string[] = [];
    expect(await updates.prepareInstall(async () => void backups.push('x'))).toBe(false); // nothing downloaded
    expect(backups).toEqual([]);
    updater.emit('update-downloaded', { version: '1.2.0' });
    expect(updates.pending()).toBe('1.2.0');
    expect(await updates.prepareInstall(async () => Promise.reject(new Error('disk full')))).toBe(false);
    expect(await updates.prepareInstall(async () => void backups.push('before 1.2.0'))).toBe(true);
    expect(backups).toEqual(['before 1.2.0']);
    updates.install();
    expect(updater.installs).toEqual([[true, false]]);
    updates.stop();
  });
});
