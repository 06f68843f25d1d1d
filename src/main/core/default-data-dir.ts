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

export const dataDirEnv = 'MERAS_DATA_DIR';

/**
 * Both shells choose the data folder this way: `--data-dir` wins, then MERAS_DATA_DIR, then
 * the shell's default (the platform's app-data folder). Relative paths resolve against `cwd`.
 */
export function resolveDataDir(options: {
  cliValue: string | undefined;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  fallback: () => string;
}): string {
  const chosen = nonEmpty(options.cliValue) ?? nonEmpty(options.env[dataDirEnv]);
  return chosen ? path.resolve(options.cwd, chosen) : options.fallback();
}

function nonEmpty(value: string | undefined): string | undefined {
  return value && value.trim() !== '' && !value.startsWith('--') ? value : undefined;
}
