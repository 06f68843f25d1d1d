import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { HostOutput } from './host-output';
import { describePage } from './page-digest';

export interface HostProcess {
  url: string;
  dataDir: string;
  /** Stops the host process (SIGTERM) and waits for it to exit: the browser loses the desk. */
  stop(): Promise<void>;
  /** Starts it again on the same port and data folder, as the office restarting the desk. */
  restart(): Promise<void>;
}

const hostEntry = path.resolve(__dirname, '../out/main/host.js');

/**
 * Starts `node out/main/host.js` on a free port with its own data folder; resolves when it prints
 * its URL. `demo` adds `--demo`: simulated WhatsApp and the demo office's data.
 */
async function startHostProcess(output: HostOutput, dataDir: string, demo: boolean, port = 0, demoArrivals = true, graphBaseUrl?: string): Promise<{ child: ChildProcess; url: string }> {
  if (!fs.existsSync(hostEntry)) throw new Error('out/main/host.js is missing: run `npm run build` before the e2e tests.');
  const args = [hostEntry, '--data-dir', dataDir, '--port', String(port), ...(demo ? ['--demo'] : []), ...(graphBaseUrl ? ['--graph-base-url', graphBaseUrl] : [])];
  const env = demoArrivals ? process.env : { ...process.env, MERAS_DEMO_ARRIVALS: 'off' };
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
  output.follow(child, port === 0 ? 'host' : `host restarted on port ${port}`);
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${out}`)), 20_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Meras Desk is ready at (http:\/\/\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`host exited with ${code}:\n${out}`)));
  });
  return { child, url };
}

/**
 * Each test gets its own host process, port and data folder, so tests never see each other's data.
 * `test.use({ demo: true })` starts that host in demo mode; `demoArrivals: false` keeps its simulated
 * customers quiet until the test makes one write (demo.newCustomerWrites). What the host printed is
 * attached to a failed test's result (host-output.txt).
 */
export const test = base.extend<{ demo: boolean; demoArrivals: boolean; graphBaseUrl: string | undefined; host: HostProcess }>({
  // A failed test prints what the user was looking at (messages, open dialogs, the address):
  // CI keeps only the log's end, not the screenshot. Naming `host` tears the page down first,
  // while the desk still answers, so the page shows the failure, not the host stopping.
  page: async ({ page, host }, use, testInfo) => {
    void host;
    await use(page);
    if (testInfo.status !== testInfo.expectedStatus) console.log(`[page at failure]\n${await describePage(page)}`);
  },
  demo: [false, { option: true }],
  demoArrivals: [true, { option: true }],
  /** Issue 19: the Cloud API's Graph API for this host (a spec's local stand-in), `--graph-base-url`. */
  graphBaseUrl: [undefined, { option: true }],
  host: async ({ demo, demoArrivals, graphBaseUrl }, use, testInfo) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'meras-e2e-'));
    const output = new HostOutput();
    // A host that does not start says why in the error, with what it printed.
    const started = await startHostProcess(output, dataDir, demo, 0, demoArrivals, graphBaseUrl);
    let child: ChildProcess | null = started.child;
    const { url } = started;
    const stop = async () => {
      const running = child;
      child = null;
      if (!running || running.exitCode !== null) return;
      running.kill('SIGTERM');
      await new Promise((resolve) => running.once('exit', resolve));
    };
    const restart = async () => {
      await stop();
      child = (await startHostProcess(output, dataDir, demo, Number(new URL(url).port), demoArrivals, graphBaseUrl)).child;
    };
    await use({ url, dataDir, stop, restart });
    await stop();
    await output.attachIfFailed(testInfo);
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };

export const admin = { name: 'نورة القحطاني', email: 'noura@office.test', password: 'noura-pass-2026' };

/** First run: create the office's first admin through the setup page. */
export async function setUpFirstAdmin(page: Page, host: HostProcess): Promise<void> {
  await page.goto(host.url);
  await page.getByTestId('setup-name').fill(admin.name);
  await page.getByTestId('setup-email').fill(admin.email);
  await page.getByTestId('setup-password').fill(admin.password);
  await page.getByTestId('setup-confirm').fill(admin.password);
  await page.getByTestId('setup-submit').click();
  await expect(page.getByTestId('app-shell')).toBeVisible();
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByTestId('signin-email').fill(email);
  await page.getByTestId('signin-password').fill(password);
  await page.getByTestId('signin-submit').click();
}

/** On the users page: add a user through the dialog and wait for their row. */
export async function addUser(page: Page, user: { name: string; email: string; password: string }, role: 'admin' | 'supervisor' | 'agent'): Promise<void> {
  await page.getByTestId('users-add').click();
  await page.getByTestId('user-form-name').fill(user.name);
  await page.getByTestId('user-form-email').fill(user.email);
  await page.getByTestId('user-form-password').fill(user.password);
  await page.getByTestId('user-form-role').selectOption(role);
  await page.getByTestId('user-form-submit').click();
  await expect(page.getByTestId(`user-row-${user.email}`)).toBeVisible();
}

/** On the numbers page: add a WhatsApp number through the dialog and wait for its card. */
export async function addNumber(page: Page, name: string, ownerName?: string): Promise<void> {
  await page.getByTestId('numbers-add').click();
  await page.getByTestId('number-form-name').fill(name);
  if (ownerName) await page.getByTestId('number-form-employee').selectOption({ label: ownerName });
  await page.getByTestId('number-form-submit').click();
  await expect(page.getByTestId(`number-row-${name}`)).toBeVisible();
}
