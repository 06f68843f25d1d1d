import path from 'node:path';
import { resolveDataDir as resolveSharedDataDir } from '../core/default-data-dir';
import { appEntryUrl, appOrigin } from './app-protocol';

/**
 * Where the desktop app keeps and finds things. Pure functions of what Electron reports,
 * so they are tested without Electron.
 */

export const dataDirFlag = '--data-dir';

/** The desktop's data folder: the shared rule, with Electron's per-user folder as the default. */
export function resolveDataDir(options: {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  userDataDir: string;
  cwd: string;
}): string {
  return resolveSharedDataDir({ cliValue: dataDirFromArgv(options.argv), env: options.env, cwd: options.cwd, fallback: () => options.userDataDir });
}

function dataDirFromArgv(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === dataDirFlag) return argv[i + 1];
    if (arg.startsWith(`${dataDirFlag}=`)) return arg.slice(dataDirFlag.length + 1);
  }
  return undefined;
}

/** SQL migrations: shipped beside the asar as an extra resource, or in the project in dev. */
export function resolveMigrationsDir(options: { isPackaged: boolean; resourcesPath: string; appPath: string }): string {
  return options.isPackaged ? path.join(options.resourcesPath, 'drizzle') : path.join(options.appPath, 'drizzle');
}

/** The built preload and renderer, relative to the app folder (the one holding package.json). */
export function builtFiles(appPath: string): { preload: string; rendererHtml: string } {
  return {
    preload: path.join(appPath, 'out', 'preload', 'index.js'),
    rendererHtml: path.join(appPath, 'out', 'renderer', 'index.html'),
  };
}

/** The page the window shows, and the test of whether a URL is that page. */
export interface AppPage {
  /** What to load: the dev server URL, or the app's own `app://meras/` page. */
  load: { kind: 'url'; url: string };
  /** True for the app's own page (any hash or query), false for anything else. */
  isAppUrl(url: string): boolean;
}

/**
 * In `electron-vite dev` the renderer comes from its dev server (ELECTRON_RENDERER_URL);
 * otherwise from the built files through the app's scheme. Only http(s) dev URLs are accepted.
 */
export function appPage(options: { devServerUrl: string | undefined }): AppPage {
  const dev = parseUrl(options.devServerUrl);
  if (dev && (dev.protocol === 'http:' || dev.protocol === 'https:')) {
    return {
      load: { kind: 'url', url: dev.href },
      isAppUrl: (url) => parseUrl(url)?.origin === dev.origin,
    };
  }
  // The built renderer is served by the app's own scheme (app-protocol.ts), never as a file.
  return {
    load: { kind: 'url', url: appEntryUrl },
    isAppUrl: (url) => {
      const candidate = parseUrl(url);
      return candidate !== undefined && `${candidate.protocol}//${candidate.host}` === appOrigin;
    },
  };
}

function parseUrl(value: string | undefined): URL | undefined {
  if (!value) return undefined;
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}
