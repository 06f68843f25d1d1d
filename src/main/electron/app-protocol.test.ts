import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../testing/test-core';
import { rendererFileFor } from './app-protocol';

describe('the app:// scheme', () => {
  const root = tempDir('meras-renderer-');
  fs.mkdirSync(path.join(root, 'assets'));
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
  fs.writeFileSync(path.join(root, 'assets', 'app-1a2b.js'), '');
  const outside = tempDir('meras-outside-');
  fs.writeFileSync(path.join(outside, 'secret.txt'), 'not for the page');
  fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'link.txt'));
  const real = fs.realpathSync(root);

  it('serves the page and its assets from the renderer folder', () => {
    expect(rendererFileFor('app://meras/', root)).toBe(path.join(real, 'index.html'));
    expect(rendererFileFor('app://meras/index.html#/inbox/4', root)).toBe(path.join(real, 'index.html'));
    expect(rendererFileFor('app://meras/assets/app-1a2b.js?v=1', root)).toBe(path.join(real, 'assets', 'app-1a2b.js'));
  });

  it('serves nothing outside it: no climbing up, no link out, no other host, no missing file', () => {
    expect(rendererFileFor('app://meras/../../etc/passwd', root)).toBeNull();
    expect(rendererFileFor('app://meras/%2e%2e/%2e%2e/etc/passwd', root)).toBeNull();
    expect(rendererFileFor('app://meras/link.txt', root)).toBeNull();
    expect(rendererFileFor('app://evil/index.html', root)).toBeNull();
    expect(rendererFileFor('file:///etc/passwd', root)).toBeNull();
    expect(rendererFileFor('app://meras/missing.js', root)).toBeNull();
    expect(rendererFileFor('app://meras/%E0%A4%A', root)).toBeNull();
  });
});
