import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { appPage, builtFiles, resolveDataDir, resolveMigrationsDir } from './desktop-paths';

const userDataDir = '/home/agent/.config/Meras Desk';
const cwd = '/home/agent';

describe('the desktop data folder', () => {
  it('is the per-user folder when nothing else is asked for', () => {
    expect(resolveDataDir({ argv: ['/usr/bin/electron', '.'], env: {}, userDataDir, cwd })).toBe(userDataDir);
  });

  it('is taken from --data-dir=<path> or --data-dir <path>, relative to the working folder', () => {
    expect(resolveDataDir({ argv: ['electron', '.', '--data-dir=/srv/meras'], env: {}, userDataDir, cwd })).toBe('/srv/meras');
    expect(resolveDataDir({ argv: ['electron', '.', '--data-dir', 'office data'], env: {}, userDataDir, cwd })).toBe(
      path.resolve(cwd, 'office data'),
    );
  });

  it('is taken from MERAS_DATA_DIR, and the command line wins over it', () => {
    expect(resolveDataDir({ argv: [], env: { MERAS_DATA_DIR: '/env/dir' }, userDataDir, cwd })).toBe('/env/dir');
    expect(resolveDataDir({ argv: ['--data-dir=/cli/dir'], env: { MERAS_DATA_DIR: '/env/dir' }, userDataDir, cwd })).toBe('/cli/dir');
  });

  it('ignores an empty or missing --data-dir value', () => {
    expect(resolveDataDir({ argv: ['--data-dir='], env: {}, userDataDir, cwd })).toBe(userDataDir);
    expect(resolveDataDir({ argv: ['--data-dir'], env: {}, userDataDir, cwd })).toBe(userDataDir);
    expect(resolveDataDir({ argv: ['--data-dir', '--inspect'], env: { MERAS_DATA_DIR: '' }, userDataDir, cwd })).toBe(userDataDir);
  });
});

describe('the migrations folder', () => {
  it('is beside the asar in a packaged app and in the project otherwise', () => {
    expect(resolveMigrationsDir({ isPackaged: true, resourcesPath: '/opt/Meras Desk/resources', appPath: '/opt/Meras Desk/resources/app.asar' })).toBe(
      path.join('/opt/Meras Desk/resources', 'drizzle'),
    );
    expect(resolveMigrationsDir({ isPackaged: false, resourcesPath: '/x', appPath: '/work/main' })).toBe(path.join('/work/main', 'drizzle'));
  });
});

describe('the app page', () => {
  const { rendererHtml, preload } = builtFiles('/opt/meras');

  it('is the built renderer served by the app’s own scheme, never a file, with the preload beside it', () => {
    expect(rendererHtml).toBe(path.join('/opt/meras', 'out', 'renderer', 'index.html'));
    expect(preload).toBe(path.join('/opt/meras', 'out', 'preload', 'index.js'));
    expect(appPage({ devServerUrl: undefined }).load).toEqual({ kind: 'url', url: 'app://meras/index.html' });
  });

  it('recognises only the app’s own origin, with any path, hash or query', () => {
    const page = appPage({ devServerUrl: undefined });
    expect(page.isAppUrl('app://meras/index.html')).toBe(true);
    expect(page.isAppUrl('app://meras/index.html#/inbox?x=1')).toBe(true);
    expect(page.isAppUrl(pathToFileURL(rendererHtml).href)).toBe(false);
    expect(page.isAppUrl('app://other/index.html')).toBe(false);
    expect(page.isAppUrl('https://meras/index.html')).toBe(false);
    expect(page.isAppUrl('')).toBe(false);
  });

  it('in dev is the dev server, matched by origin', () => {
    const page = appPage({ devServerUrl: 'http://localhost:5173' });
    expect(page.load).toEqual({ kind: 'url', url: 'http://localhost:5173/' });
    expect(page.isAppUrl('http://localhost:5173/src/main.tsx')).toBe(true);
    expect(page.isAppUrl('http://127.0.0.1:5173/')).toBe(false);
    expect(page.isAppUrl('app://meras/index.html')).toBe(false);
  });

  it('ignores a dev server URL that is not http(s)', () => {
    expect(appPage({ devServerUrl: 'javascript:alert(1)' }).load.url).toBe('app://meras/index.html');
  });
});
