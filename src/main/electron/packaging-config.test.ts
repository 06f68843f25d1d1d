import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/** What electron-builder is told (the binary is packaged on a machine with internet: README, release checklist). */
const config = parse(fs.readFileSync(path.resolve('electron-builder.yml'), 'utf8')) as Record<string, any>;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(full);
    return /\.(ts|tsx|js|mjs|cjs|json|yml)$/.test(entry.name) ? [full] : [];
  });
}

describe('the installers', () => {
  it('flip every security fuse: no Node mode, no NODE_OPTIONS, no inspector, no file:// powers; encrypted cookies, asar only and checked', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      grantFileProtocolExtraPrivileges: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('ship the migrations beside the asar and the SQLite binding outside it', () => {
    expect(config.asar).toBe(true);
    expect(config.extraResources).toContainEqual(expect.objectContaining({ from: 'drizzle', to: 'drizzle' }));
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**');
  });

  it('build AppImage and deb, NSIS, and dmg with the zip macOS updates need', () => {
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.win.target).toContain('nsis');
    expect(config.mac.target).toEqual(expect.arrayContaining(['dmg', 'zip']));
  });

  it('never open a remote debugging port: any local program could drive every page through it', () => {
    // The switch as code passes it (a flag string or appendSwitch), in everything that ships; tests may name it.
    const opensPort = /['"`]--remote-debugging-port|appendSwitch\(\s*['"`]remote-debugging-port/;
    const offenders = [...sourceFiles(path.resolve('src')), path.resolve('electron-builder.yml'), path.resolve('electron.vite.config.ts'), path.resolve('package.json')]
      .filter((file) => !/\.test\.tsx?$/.test(file) && !file.includes(`${path.sep}testing${path.sep}`))
      .filter((file) => opensPort.test(fs.readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
