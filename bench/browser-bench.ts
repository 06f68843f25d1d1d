import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { findChromium } from '../scripts/chromium';
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { silentLogger } from '../src/main/base/logger';
import { systemClock } from '../src/main/base/clock';
import { databaseFileName, openDatabase } from '../src/main/db/open-database';
import { SearchIndex } from '../src/main/search/search-index';
import { benchAdmin, benchPassword } from './generate';
import { describe, distribution, heading, line, ms, target } from './report';

const runs = 5;
const firstRow = '[data-testid^="conversation-row-"]';

/**
 * Issue 5: "in Chromium against the host, the inbox's first screen with 100,000 conversations
 * renders in under 1 s". The built renderer served by `node out/main/host.js` on a copy of the
 * benchmark database; Debian's Chromium signs in as the bench admin once, then opens the inbox
 * in a fresh browser context (empty HTTP cache, the session kept in localStorage) `runs` times
 * after one warm-up. Measured in the page: navigation start → the first frame in which a
 * conversation row is laid out; and, from outside, goto → Playwright sees a row visible.
 */
export async function benchBrowserInbox(root: string, dataDir: string, workDir: string): Promise<void> {
  heading(`Inbox first screen in Chromium against the host (${runs} fresh page loads after one warm-up)`);
  const hostJs = path.join(root, 'out', 'main', 'host.js');
  if (!fs.existsSync(hostJs)) throw new Error('out/main/host.js is missing: the host bench builds it first');
  fs.rmSync(workDir, { recursive: true, force: true });
  fs.mkdirSync(workDir, { recursive: true });
  fs.copyFileSync(path.join(dataDir, databaseFileName), path.join(workDir, databaseFileName));
  const queued = buildSearchIndex(workDir, path.join(root, 'drizzle'));

  const host = await startHost(path.join(root, 'node_modules', '.bin', 'node'), hostJs, workDir, root);
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch(await findChromium());
    const storageState = await signedInState(browser, host.url);
    const inPage: number[] = [];
    const outside: number[] = [];
    const domReady: number[] = [];
    for (let i = 0; i < runs + 1; i++) {
      const context = await browser.newContext({ storageState, viewport: { width: 1280, height: 800 } });
      try {
        const m = await openInbox(context, host.url);
        if (i === 0) continue;
        inPage.push(m.firstRows);
        outside.push(m.outside);
        domReady.push(m.domContentLoaded);
      } finally {
        await context.close();
      }
    }
    const d = distribution(inPage);
    target('navigation → first conversation rows shown', describe(d), d.median < 1000, 'median < 1 s');
    line('  each load', inPage.map(ms).join(', '));
    line('  goto → row visible (seen by Playwright)', describe(distribution(outside)));
    line('  DOMContentLoaded', describe(distribution(domReady)));
    if (queued) line('  note', queued);
  } finally {
    await browser?.close();
    await stopHost(host.child);
  }
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

async function openInbox(context: BrowserContext, url: string): Promise<{ firstRows: number; outside: number; domContentLoaded: number }> {
  // A string, run in the page (the bench is compiled without the DOM's types). Watches the
  // DOM without forcing layouts; the frame after the first row is added is when it is shown.
  await context.addInitScript({
    content: `(() => {
      const seen = new MutationObserver(() => {
        if (!document.querySelector(${JSON.stringify(firstRow)})) return;
        seen.disconnect();
        requestAnimationFrame(() => (window.__firstRowsAt = performance.now()));
      });
      seen.observe(document, { childList: true, subtree: true });
    })();`,
  });
  const page = await context.newPage();
  const started = performance.now();
  await page.goto(`${url}#/inbox`, { waitUntil: 'commit' });
  await page.locator(firstRow).first().waitFor({ state: 'visible', timeout: 30_000 });
  const outside = performance.now() - started;
  await page.waitForFunction(() => (globalThis as { __firstRowsAt?: number }).__firstRowsAt !== undefined);
  const timing = (await page.evaluate(
    `({ firstRows: window.__firstRowsAt, domContentLoaded: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd })`,
  )) as { firstRows: number; domContentLoaded: number };
  return { ...timing, outside };
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
