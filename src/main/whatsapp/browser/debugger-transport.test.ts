import fs from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PipeDebugger } from '../../testing/pipe-debugger';
import { DebuggerTransport } from './debugger-transport';

/**
 * Puppeteer (what whatsapp-web.js drives) over a page's debugger, the way a desktop WhatsApp
 * window is reached: a real Chromium page stands in for Electron's webContents.debugger.
 */
describe('Puppeteer over a page debugger, without a debugging port', () => {
  let debuggee: PipeDebugger;
  let browser: Browser;

  beforeAll(async () => {
    debuggee = await PipeDebugger.launch();
    browser = await puppeteer.connect({ transport: DebuggerTransport.attach(debuggee), defaultViewport: null });
  }, 60_000);
  afterAll(async () => {
    await browser?.disconnect();
    await debuggee?.close();
  });

  it('finds the one page and evaluates in it', async () => {
    const pages = await browser.pages();
    expect(pages).toHaveLength(1);
    expect(await pages[0]!.evaluate(() => 6 * 7)).toBe(42);
  });

  it('exposes a function the page calls, and it survives a navigation', async () => {
    const [page] = await browser.pages();
    const heard: string[] = [];
    await page!.exposeFunction('tellDesk', (text: string) => void heard.push(text));
    await page!.evaluate(() => (globalThis as unknown as { tellDesk(t: string): Promise<void> }).tellDesk('قبل'));
    await page!.goto('data:text/html,<title>second</title><p>after</p>');
    expect(await page!.title()).toBe('second');
    await page!.evaluate(() => (globalThis as unknown as { tellDesk(t: string): Promise<void> }).tellDesk('بعد'));
    expect(heard).toEqual(['قبل', 'بعد']);
  });

  it('refuses to open another page: a WhatsApp window is one page', async () => {
    await expect(browser.newPage()).rejects.toThrow();
    expect(await browser.pages()).toHaveLength(1);
  });

  it('opens no port: Chromium was started on a pipe and wrote no DevToolsActivePort', () => {
    expect(debuggee.args.some((arg) => arg.includes('remote-debugging-port'))).toBe(false);
    expect(fs.existsSync(path.join(debuggee.userDataDir, 'DevToolsActivePort'))).toBe(false);
  });
});
