import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { chromium, expect, test, type Browser } from '@playwright/test';
import { admin, signIn } from './fixtures';
import { HostOutput } from './host-output';
import { demoAgent } from './steps';

const hostEntry = path.resolve(__dirname, '../out/main/host.js');

interface LanHost {
  child: ChildProcess;
  url: string;
  /** As printed on the host's console for the office to compare (absent with --lan-insecure). */
  printedFingerprint: string | undefined;
  /** The whole console output up to ready. */
  output: string;
}

/** `npm run host -- <flag> --demo` on a free port (it listens on 0.0.0.0; the test only connects to 127.0.0.1). */
async function startLanHost(dataDir: string, flag: '--lan' | '--lan-insecure'): Promise<LanHost> {
  const child = spawn(process.execPath, [hostEntry, '--data-dir', dataDir, '--port', '0', flag, '--demo'], { stdio: ['ignore', 'pipe', 'pipe'] });
  output.follow(child, `host ${flag}`);
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${out}`)), 20_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const url = /Meras Desk is ready at (https?:\/\/\S+)/.exec(out)?.[1];
      const printedFingerprint = /SHA-256 fingerprint:\s+([0-9A-F:]{95})/.exec(out)?.[1];
      // The data folder is printed after everything about the network.
      if (url && /Data folder: /.test(out)) {
        clearTimeout(timer);
        resolve({ child, url, printedFingerprint, output: out });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`host exited with ${code}:\n${out}`)));
  });
}

/** The certificate the host actually serves: its fingerprint, and its key's hash as Chromium pins it. */
function servedCertificate(url: string): Promise<{ fingerprint256: string; spkiSha256: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host: hostname, port: Number(port), rejectUnauthorized: false }, () => {
      const cert = socket.getPeerX509Certificate()!;
      const spki = cert.publicKey.export({ type: 'spki', format: 'der' });
      resolve({ fingerprint256: cert.fingerprint256, spkiSha256: createHash('sha256').update(spki).digest('base64') });
      socket.end();
    });
    socket.once('error', reject);
  });
}

let host: LanHost | undefined;
let browser: Browser | undefined;
let dataDir: string;
/** What this test's host printed, attached to its result if it fails. */
let output = new HostOutput();

test.beforeEach(() => {
  output = new HostOutput();
});

test.afterEach(async ({}, testInfo) => {
  await browser?.close();
  browser = undefined;
  if (host) {
    const { child } = host;
    host = undefined;
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
  await output.attachIfFailed(testInfo);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('on the office network the app is served over HTTPS with the certificate whose fingerprint the host printed; an agent signs in and sees the inbox', async () => {
  test.setTimeout(120_000);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'meras-e2e-lan-'));
  host = await startLanHost(dataDir, '--lan');
  expect(host.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  const printedFingerprint = host.printedFingerprint!;
  // A fresh install on the network prints the one-time code for setting it up from another computer.
  expect(host.output).toMatch(/First-run setup code .*: [A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}/);

  // Trust is pinned: the certificate served must be the one printed, and Chromium accepts only that key.
  const served = await servedCertificate(host.url);
  expect(served.fingerprint256).toBe(printedFingerprint);
  const launch = test.info().project.use.launchOptions ?? {};
  browser = await chromium.launch({ ...launch, args: [...(launch.args ?? []), `--ignore-certificate-errors-spki-list=${served.spkiSha256}`] });

  // The host computer itself sets up the first admin: no setup code is asked.
  const page = await browser.newPage();
  await page.goto(host.url);
  await expect(page.getByTestId('connection-fingerprint')).toContainText(printedFingerprint);
  await expect(page.getByTestId('setup-code')).toHaveCount(0);
  await page.getByTestId('setup-name').fill(admin.name);
  await page.getByTestId('setup-email').fill(admin.email);
  await page.getByTestId('setup-password').fill(admin.password);
  await page.getByTestId('setup-confirm').fill(admin.password);
  await page.getByTestId('setup-submit').click();
  await expect(page.getByTestId('app-shell')).toBeVisible();

  // An agent signs in over HTTPS, the fingerprint under the form, and the inbox comes over WSS.
  await page.getByTestId('signout').click();
  await expect(page.getByTestId('connection-fingerprint')).toContainText(printedFingerprint);
  await signIn(page, demoAgent.email, demoAgent.password);
  await expect(page.getByTestId('inbox-page')).toBeVisible();
  await expect(page.getByTestId('conversation-list').locator('[data-testid^="conversation-row-"]').first()).toBeVisible();
  expect(page.url()).toMatch(/^https:/);
});

test('plain HTTP on the office network, asked for by name, shows a warning on every screen in Arabic and English', async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'meras-e2e-lan-'));
  host = await startLanHost(dataDir, '--lan-insecure');
  expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  browser = await chromium.launch(test.info().project.use.launchOptions ?? {});
  const page = await browser.newPage();
  await page.goto(host.url);
  const banner = page.getByTestId('insecure-connection-banner');
  await expect(banner).toContainText('غير مشفّر');
  await page.getByTestId('language-toggle').click();
  await expect(banner).toContainText('not encrypted');
  await expect(page.getByTestId('connection-fingerprint')).toHaveCount(0);
  await page.getByTestId('setup-name').fill(admin.name);
  await page.getByTestId('setup-email').fill(admin.email);
  await page.getByTestId('setup-password').fill(admin.password);
  await page.getByTestId('setup-confirm').fill(admin.password);
  await page.getByTestId('setup-submit').click();
  await expect(page.getByTestId('app-shell')).toBeVisible();
  await expect(banner).toBeVisible();
});
