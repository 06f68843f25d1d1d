import os from 'node:os';
import path from 'node:path';

export const appFolderName = 'Meras Desk';

/**
 * The same folder Electron's `app.getPath('userData')` gives for our product name, so the
 * desktop and the host shell open the same database unless told otherwise.
 */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), appFolderName);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', appFolderName);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), appFolderName);
}

/** `--data-dir` wins, then MERAS_DATA_DIR, then the platform's app-data folder. */
export function resolveDataDir(cliValue: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(cliValue ?? env.MERAS_DATA_DIR ?? defaultDataDir(process.platform, env));
}
