import { afterEach, describe, expect, it } from 'vitest';
import { readSetting } from '../../base/settings';
import { updateUrlKey } from '../../electron/updates';
import { trackedCores } from '../../testing/demo-core';
import { browserChoiceKey } from '../../whatsapp/webjs/browser-provider';

const cores = trackedCores(afterEach);

async function officeWithAdmin() {
  const t = cores.start();
  const admin = await t.setupAdmin();
  return { t, admin };
}

function snapshot(t: ReturnType<typeof cores.start>) {
  const sqlite = t.core.database.sqlite;
  return {
    settings: sqlite.prepare("select key, value from settings where key in ('desktop.startAtLogin', 'updates.url', 'whatsapp.browser') order by key").all(),
    activity: (sqlite.prepare("select count(*) as n from activity_log where action = 'desktop.updated'").get() as { n: number }).n,
  };
}

describe('Settings → Desktop app', () => {
  it('starts with start at login off, the installer’s update server and the system browser', async () => {
    const { t, admin } = await officeWithAdmin();
    expect(await t.call('desktop.settings', {}, admin.token)).toEqual({ startAtLogin: false, updateUrl: null, whatsappBrowser: 'system-browser' });
  });

  it('keeps what the admin saves under the keys the updater and the session starter read, logs each change old → new, and tells the admins', async () => {
    const { t, admin } = await officeWithAdmin();
    const saved = await t.call('desktop.updateSettings', { startAtLogin: true, updateUrl: ' https://updates.office.test/meras ', whatsappBrowser: 'electron-window' }, admin.token);
    expect(saved).toEqual({ startAtLogin: true, updateUrl: 'https://updates.office.test/meras', whatsappBrowser: 'electron-window' });
    expect(await t.call('desktop.settings', {}, admin.token)).toEqual(saved);
    const sqlite = t.core.database.sqlite;
    expect(readSetting(sqlite, updateUrlKey)).toBe('https://updates.office.test/meras');
    expect(readSetting(sqlite, browserChoiceKey)).toBe('electron-window');

    const log = await t.call('activity.list', { action: 'desktop.updated' }, admin.token);
    expect(log[0]!.details).toEqual({
      changes: [
        { field: 'desktop.startAtLogin', from: false, to: true },
        { field: 'desktop.updateUrl', from: null, to: 'https://updates.office.test/meras' },
        { field: 'desktop.whatsappBrowser', from: 'system-browser', to: 'electron-window' },
      ],
    });
    const changed = t.events.filter((e) => e.event === 'desktop.changed');
    expect(changed).toEqual([{ event: 'desktop.changed', data: saved, audience: { kind: 'users', userIds: [admin.user.id] } }]);

    // Clearing the URL goes back to the installer's server; only that change is logged.
    await t.call('desktop.updateSettings', { ...saved, updateUrl: '' }, admin.token);
    expect(readSetting(sqlite, updateUrlKey)).toBeNull();
    const again = await t.call('activity.list', { action: 'desktop.updated' }, admin.token);
    expect(again[0]!.details).toEqual({ changes: [{ field: 'desktop.updateUrl', from: 'https://updates.office.test/meras', to: null }] });
  });

  it.each([
    ['an http address', { updateUrl: 'http://updates.office.test/meras' }, 'updateUrl'],
    ['something that is not an address', { updateUrl: 'updates server' }, 'updateUrl'],
    ['a browser the app does not know', { whatsappBrowser: 'firefox' }, 'whatsappBrowser'],
  ] as const)('refuses %s with VALIDATION_ERROR on the field, and changes nothing', async (_what, bad, field) => {
    const { t, admin } = await officeWithAdmin();
    await t.call('desktop.updateSettings', { startAtLogin: false, updateUrl: 'https://updates.office.test/', whatsappBrowser: 'system-browser' }, admin.token);
    const before = snapshot(t);
    const error = await t.failure('desktop.updateSettings', { startAtLogin: true, updateUrl: null, whatsappBrowser: 'electron-window', ...bad }, admin.token);
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(error.details).toEqual([expect.objectContaining({ field })]);
    expect(snapshot(t)).toEqual(before);
    expect(t.events.filter((e) => e.event === 'desktop.changed')).toHaveLength(1);
  });
});
