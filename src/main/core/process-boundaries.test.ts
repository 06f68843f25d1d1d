import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, metaContentSecurityPolicy } from '../../shared/csp';

const root = path.resolve(__dirname, '../../..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [full] : [];
  });
}

const importsOf = (file: string) => [...fs.readFileSync(file, 'utf8').matchAll(/(?:from\s+|import\(|require\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);

describe('process boundaries', () => {
  it('keeps Electron out of the core: only the Electron shell imports it', () => {
    const shell = [path.join(root, 'src/main/index.ts'), path.join(root, 'src/main/electron') + path.sep];
    const offenders = sourceFiles(path.join(root, 'src/main'))
      .filter((file) => !shell.some((s) => file === s || file.startsWith(s)))
      .filter((file) => importsOf(file).some((spec) => spec === 'electron' || spec?.startsWith('electron/')));
    expect(offenders.map((f) => path.relative(root, f))).toEqual([]);
  });

  it('keeps the shared contract free of Node and Electron, so the renderer can use it', () => {
    const offenders = sourceFiles(path.join(root, 'src/shared')).filter((file) =>
      importsOf(file).some((spec) => spec === 'electron' || spec?.startsWith('node:') || spec?.includes('/main/')),
    );
    expect(offenders.map((f) => path.relative(root, f))).toEqual([]);
  });

  it('keeps the renderer from reaching into the core or Node', () => {
    const offenders = sourceFiles(path.join(root, 'src/renderer/src')).filter((file) =>
      importsOf(file).some((spec) => spec === 'electron' || spec?.startsWith('node:') || spec?.includes('/main/')),
    );
    expect(offenders.map((f) => path.relative(root, f))).toEqual([]);
  });

  it('gives the page the same Content-Security-Policy in both shells, frame-ancestors only in the header where browsers honour it', () => {
    const html = fs.readFileSync(path.join(root, 'src/renderer/index.html'), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
    expect(meta?.[1]).toBe(metaContentSecurityPolicy);
    expect(meta?.[1]).not.toContain('frame-ancestors');
    expect(contentSecurityPolicy).toBe(`${metaContentSecurityPolicy}; frame-ancestors 'none'`);
  });
});
