import fs from 'node:fs';
import path from 'node:path';
import { findChromium } from '../scripts/chromium';
import { chromium, type Browser, type Page } from '@playwright/test';
import { createCore } from '../src/main/core/create-core';
import { silentLogger } from '../src/main/base/logger';
import { hashPassword } from '../src/main/services/auth/passwords';
import { signedInState, startHost, stopHost } from './browser-host';
import { benchAdmin, benchPassword } from './generate';
import { describe, distribution, heading, line, ms, target } from './report';

const threadLength = 10_000;
const customerPhone = '966501234500';

/**
 * Issue 5: lists "stay smooth with … a 10,000-message thread". One conversation of 10,000
 * messages (Arabic and English, long and short) in its own data folder; in Chromium against the
 * host the agent opens it and scrolls up until every message is loaded (page by page, as a
 * person would), then the thread is scrolled from bottom to top one step per frame while frame
 * times are recorded, and answers are sent and timed until they show.
 */
export async function benchLongThread(root: string, migrationsDir: string, workDir: string): Promise<void> {
  heading(`A ${threadLength.toLocaleString('en-US')}-message thread in Chromium against the host`);
  const conversationName = await generateThread(workDir, migrationsDir);
  const hostJs = path.join(root, 'out', 'main', 'host.js');
  if (!fs.existsSync(hostJs)) throw new Error('out/main/host.js is missing: the host bench builds it first');
  const host = await startHost(path.join(root, 'node_modules', '.bin', 'node'), hostJs, workDir, root);
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch(await findChromium());
    const context = await browser.newContext({ storageState: await signedInState(browser, host.url), viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${host.url}#/inbox`);
    await page.locator('[data-testid^="conversation-row-"]', { hasText: conversationName }).first().click();
    await page.getByTestId('thread').waitFor({ state: 'visible' });
    await page.locator('[data-testid="thread-messages"] [data-sender]').first().waitFor();

    const loadStarted = performance.now();
    const loaded = await loadWholeThread(page);
    line('scrolled up until all were loaded', `${loaded.toLocaleString('en-US')} messages in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s`);

    const frames = distribution(await scrollFrames(page));
    target('frame while scrolling the whole thread', describe(frames), frames.median < 17 && frames.p95 < 50, 'median < 17, p95 < 50 ms');

    const sends: number[] = [];
    for (let i = 0; i < 5; i++) sends.push(await sendAndSee(page, `رد رقم ${i + 1} على المحادثة الطويلة`));
    const shown = distribution(sends);
    line('an answer: Enter → shown in the thread', `${describe(shown)} (each ${sends.map(ms).join(', ')})`);
    await context.close();
  } finally {
    await browser?.close();
    await stopHost(host.child);
  }
}

/** A fresh data folder: the bench admin, one number, one customer who has written 10,000 times. */
async function generateThread(workDir: string, migrationsDir: string): Promise<string> {
  fs.rmSync(workDir, { recursive: true, force: true });
  fs.mkdirSync(workDir, { recursive: true });
  const core = createCore({ dataDir: workDir, migrationsDir, logger: silentLogger });
  try {
    const { sqlite } = core.database;
    const now = Date.now();
    sqlite
      .prepare("insert into users (name, email, password_hash, role, language, is_active, created_at, updated_at) values (?, ?, ?, 'admin', 'ar', 1, ?, ?)")
      .run(benchAdmin.name, benchAdmin.email, await hashPassword(benchPassword), now, now);
    const numberId = Number(sqlite.prepare("insert into whatsapp_numbers (name, created_at, updated_at) values ('Bench', ?, ?)").run(now, now).lastInsertRowid);
    const lines = [
      'السلام عليكم، عندكم شقق للبيع في حي النرجس؟',
      'نعم متوفرة، ٤ غرف والسعر ٨٥٠ ألف',
      'Could you send the floor plan and the service charges, please? We are a family of five and need parking for two cars.',
      'تمام',
      'ممكن نحجز موعد معاينة يوم السبت بعد العصر؟ وإذا فيه مجال للتفاوض على السعر يكون أفضل، لأن الميزانية محدودة شوي هالفترة.',
    ];
    const start = now - threadLength * 60_000;
    sqlite.transaction(() => {
      for (let i = 0; i < threadLength; i++) {
        core.whatsapp.ingest.ingest(numberId, {
          providerId: `${i % 2 === 1}_${customerPhone}@c.us_BENCH${i}`, chatId: `${customerPhone}@c.us`, fromMe: i % 2 === 1, chatKind: 'user',
          customerPhone, customerLid: null, profileName: 'عميل المحادثة الطويلة', body: lines[i % lines.length]!, type: 'chat', hasMedia: false,
          timestamp: start + i * 60_000,
        });
      }
    })();
    return 'عميل المحادثة الطويلة';
  } finally {
    await core.close();
  }
}

/** Scrolls to the top until the thread's start shows; returns how many messages are then loaded. */
async function loadWholeThread(page: Page): Promise<number> {
  const scroller = page.getByTestId('thread-messages');
  const loaded = async () => Number(await scroller.getAttribute('data-loaded-count'));
  for (let stalls = 0, count = await loaded(); stalls < 100; ) {
    await scroller.evaluate((element) => (element.scrollTop = 0));
    if ((await page.getByText('بداية المحادثة').count()) > 0) break;
    await page.waitForTimeout(20);
    const now = await loaded();
    stalls = now === count ? stalls + 1 : 0;
    count = now;
  }
  return loaded();
}

/** From the bottom to the top, 300 px a frame; the time between frames. */
async function scrollFrames(page: Page): Promise<number[]> {
  // A string, run in the page (the bench is compiled without the DOM's types).
  return (await page.evaluate(`new Promise((resolve) => {
    const element = document.querySelector('[data-testid="thread-messages"]');
    element.scrollTop = element.scrollHeight;
    const gaps = [];
    let last = performance.now();
    const step = () => {
      const now = performance.now();
      gaps.push(now - last);
      last = now;
      if (element.scrollTop <= 0 || gaps.length > 5000) resolve(gaps.slice(1));
      else {
        element.scrollTop -= 300;
        requestAnimationFrame(step);
      }
    };
    requestAnimationFrame(step);
  })`)) as number[];
}

async function sendAndSee(page: Page, text: string): Promise<number> {
  await page.getByTestId('composer-input').fill(text);
  const started = performance.now();
  await page.getByTestId('composer-input').press('Enter');
  await page.locator('[data-testid="thread-messages"] [data-sender="agent"]', { hasText: text }).waitFor({ state: 'attached' });
  return performance.now() - started;
}
