import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../testing/test-core';
import { autostartDirFor, autostartFileName, setStartAtLogin, startedHidden } from './login-item';

describe('start at login (hidden)', () => {
  it('writes an XDG autostart entry on Linux that starts the app hidden, and removes it when turned off', () => {
    const autostartDir = path.join(tempDir('meras-autostart-'), 'autostart');
    const host = { platform: 'linux' as const, setLoginItemSettings: () => expect.unreachable(), executable: '/opt/Meras Desk/meras-desk', autostartDir };
    setStartAtLogin(host, true);
    const entry = fs.readFileSync(path.join(autostartDir, autostartFileName), 'utf8');
    expect(entry).toContain('[Desktop Entry]');
    expect(entry).toContain('Exec="/opt/Meras Desk/meras-desk" --hidden');
    setStartAtLogin(host, false);
    expect(fs.existsSync(path.join(autostartDir, autostartFileName))).toBe(false);
    setStartAtLogin(host, false); // already off: nothing to remove, no error
  });

  it('asks Electron on Windows and macOS, hidden', () => {
    const asked: unknown[] = [];
    for (const platform of ['win32', 'darwin'] as const) {
      setStartAtLogin({ platform, setLoginItemSettings: (s) => void asked.push(s), executable: 'x', autostartDir: '/nonexistent' }, true);
    }
    expect(asked).toEqual([
      { openAtLogin: true, openAsHidden: true, args: ['--hidden'] },
      { openAtLogin: true, openAsHidden: true, args: ['--hidden'] },
    ]);
  });

  it('finds the autostart folder from XDG_CONFIG_HOME, else ~/.config', () => {
    expect(autostartDirFor({ XDG_CONFIG_HOME: '/cfg' }, '/home/a')).toBe(path.join('/cfg', 'autostart'));
    expect(autostartDirFor({}, '/home/a')).toBe(path.join('/home/a', '.config', 'autostart'));
  });

  it('knows a start from the login item by its flag', () => {
    expect(startedHidden(['/opt/meras', '--hidden'])).toBe(true);
    expect(startedHidden(['/opt/meras'])).toBe(false);
  });
});
