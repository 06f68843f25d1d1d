import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { findChromium } from '../scripts/chromium';
import { silentLogger } from '../src/main/base/logger';
import { systemClock } from '../src/main/base/clock';
import { databaseFileName, openDatabase } from '../src/main/db/open-database';
import { SearchIndex } from '../src/main/search/search-index';
import { benchAdmin, benchPassword } from './generate';
import { line } from './report';

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

/** What a first-screen bench works with: Chromium, the host's address and the bench admin's session. */
export interface SignedInHost {
  browser: Browser;
  url: string;
  storageState: StorageState;
}

/**
 * The built renderer served by `node out/main/host.js` on a copy of the benchmark database, and
 * Chromium signed in as the bench admin once: what every "first screen in Chromium" bench needs.
 * Host and browser are stopped whatever `use` does.
 */
export async function withSignedInHost(root: string, dataDir: string, workDir: string, use: (session: SignedInHost) => Promise<void>): Promise<void> {
  const hostJs = path.join(root, 'out', 'main', 'host.js');
  if (!fs.existsSync(hostJs)) throw new Error('out/main/host.js is missing: the bench builds it first');
  fs.rmSync(workDir, { recursive: true, force: true });
  fs.mkdirSync(workDir, { recursive: true });
  fs.copyFileSync(path.join(dataDir, databaseFileName), path.join(workDir, databaseFileName));
  // A host still indexing a million messages in the background would be measured instead of the page.
  const queued = buildSearchIndex(workDir, path.join(root, 'drizzle'));
  const host = await startHost(path.join(root, 'node_modules', '.bin', 'node'), hostJs, workDir, root);
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch(await findChromium());
    await use({ browser, url: host.url, storageState: await signedInState(browser, host.url) });
    if (queued) line('  note', queued);
  } finally {
    await browser?.close();
    await stopHost(host.child);
  }
}

/**
 * `runs` page loads, each in a fresh browser context (empty HTTP cache, the session kept in
 * localStorage), after one warm-up that is not counted: what `open` measured in each.
 */
export async function freshLoads<M>(
  session: SignedInHost,
  runs: number,
  viewport: { width: number; height: number },
  open: (context: BrowserContext, url: string) => Promise<M>,
): Promise<M[]> {
  const measured: M[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const context = await session.browser.newContext({ storageState: session.storageState, viewport });
    try {
      const m = await open(context, session.url);
      if (i > 0) measured.push(m);
    } finally {
      await context.close();
    }
  }
  return measured;
}

export async function signedInState(browser: Browser, url: string): Promise<Awaited<ReturnType<BrowserContext['storageState']>>> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.getByTestId('signin-email').fill(benchAdmin.email);
    await page.getByTestId('signin-password').fill(benchPassword);
    await page.getByTestId('signin-submit').click();
    await page.getByTestId('app-shell').waitFor({ state: 'visible', timeout: 30_000 });
    return await context.storageState();
  } finally {
    await context.close();
  }
}

/**
 * The generated database queues every message for the search index; the search bench drains
 * it. When it has not run, the index is built here first, so the host is not indexing a
 * million messages in the background while the page loads.
 */
export function buildSearchIndex(dataDir: string, migrationsDir: string): string | null {
  const database = openDatabase(dataDir, migrationsDir);
  try {
    const index = new SearchIndex(database.sqlite, silentLogger, systemClock);
    const queued = index.pending();
    if (queued === 0) return null;
    const started = performance.now();
    while (index.flush(20_000) > 0) {
      // drained in batches
    }
    return `the search index was built first (${queued.toLocaleString('en-US')} queued rows, ${((performance.now() - started) / 1000).toFixed(0)} s)`;
  } finally {
    database.close();
  }
}

export function startHost(node: string, hostJs: string, dataDir: string, cwd: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(node, [hostJs, '--port', '0', '--data-dir', dataDir], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the host did not start:\n${out}`));
    }, 60_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Meras Desk is ready at (http:\/\/\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]! });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the host exited (${code}):\n${out}`)));
  });
}

export function stopHost(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
