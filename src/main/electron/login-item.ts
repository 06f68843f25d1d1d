import fs from 'node:fs';
import path from 'node:path';

/** Started at login, the app opens to the tray: the window appears only when asked for. */
export const hiddenFlag = '--hidden';

export interface LoginItemHost {
  platform: NodeJS.Platform;
  /** Windows and macOS: Electron's own registration. */
  setLoginItemSettings(settings: { openAtLogin: boolean; openAsHidden?: boolean; args?: string[] }): void;
  /** The program to start: the AppImage when running from one (its mount path changes every run). */
  executable: string;
  /** Linux: the XDG autostart folder (`$XDG_CONFIG_HOME/autostart`, default ~/.config/autostart). */
  autostartDir: string;
}

export const autostartFileName = 'meras-desk.desktop';

/** The XDG autostart folder for an environment. */
export function autostartDirFor(env: Readonly<Record<string, string | undefined>>, home: string): string {
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), 'autostart');
}

/** A desktop entry that runs the app hidden; the path is quoted as the Desktop Entry spec asks. */
export function autostartEntry(executable: string): string {
  const quoted = `"${executable.replace(/(["`$\\])/g, '\\$1')}"`;
  return ['[Desktop Entry]', 'Type=Application', 'Name=Meras Desk', 'Name[ar]=مراس ديسك', `Exec=${quoted} ${hiddenFlag}`, 'X-GNOME-Autostart-enabled=true', 'Terminal=false', ''].join('\n');
}

/** Turns "start at login (hidden)" on or off for the computer's account. */
export function setStartAtLogin(host: LoginItemHost, enabled: boolean): void {
  if (host.platform !== 'linux') {
    host.setLoginItemSettings({ openAtLogin: enabled, openAsHidden: true, args: [hiddenFlag] });
    return;
  }
  const file = path.join(host.autostartDir, autostartFileName);
  if (!enabled) {
    fs.rmSync(file, { force: true });
    return;
  }
  fs.mkdirSync(host.autostartDir, { recursive: true });
  fs.writeFileSync(file, autostartEntry(host.executable), { mode: 0o644 });
}

/** Whether this start came from the login item (open to the tray, no window). */
export function startedHidden(argv: readonly string[]): boolean {
  return argv.includes(hiddenFlag);
}
