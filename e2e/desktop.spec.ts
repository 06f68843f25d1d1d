import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * The desktop shell itself, driven by Playwright through Electron. Electron's binary is a
 * download that `npm install` does not make (it comes on the first `npm start`), so on a
 * machine without it this file has nothing to launch; everything it checks is also covered
 * by the shell's wiring tests with `electron` replaced.
 */
const electronDir = path.resolve(__dirname, '../node_modules/electron');
function electronBinary(): string | undefined {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return undefined;
  const binary = path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(electronDir, 'dist'), fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(binary) ? binary : undefined;
}
const binary = electronBinary();

test.describe('the desktop window', () => {
  test.skip(!binary, 'Electron binary not downloaded on this machine (npm start fetches it on first launch)');

  test('opens the first-run setup in a sandboxed window with only the contract bridge', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'meras-desktop-'));
    const app = await electron.launch({
      executablePath: binary!,
      args: [path.resolve(__dirname, '..'), '--no-sandbox', `--data-dir=${dataDir}`],
    });
    const window = await app.firstWindow();
    await expect(window.getByTestId('setup-submit')).toBeVisible();
    await expect(window.locator('html')).toHaveAttribute('dir', 'rtl');
    const surface = await window.evaluate(() => ({
      hasRequire: typeof (globalThis as { require?: unknown }).require !== 'undefined',
      hasProcess: typeof (globalThis as { process?: unknown }).process !== 'undefined',
      bridge: Object.keys((window as unknown as { meras: object }).meras).sort(),
    }));
    expect(surface).toEqual({ hasRequire: false, hasProcess: false, bridge: ['channels', 'onEvent'] });
    expect(fs.existsSync(path.join(dataDir, 'meras.db'))).toBe(true);
    await app.close();
  });
});
