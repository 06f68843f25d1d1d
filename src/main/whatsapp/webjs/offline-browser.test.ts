import fs from 'node:fs';
import { createRequire } from 'node:module';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../../../scripts/chromium';
import { eventually, startTestCore } from '../../testing/test-core';

/**
 * The real webjs transport: whatsapp-web.js 1.34.7 launching the machine's Chromium over a
 * pipe. This machine (like an office whose line is down) cannot reach WhatsApp Web, so the
 * number must end disconnected with that reason and a retry scheduled, with nothing else
 * disturbed. The browser is the tests' Chromium (scripts/chromium.ts: CHROMIUM_PATH, a system
 * one, or the npm package's); MERAS_TEST_BROWSER picks another.
 */
let browser = process.env.MERAS_TEST_BROWSER ?? '';
beforeAll(async () => {
  browser ||= (await findChromium()).executablePath;
}, 60_000);

describe('a real WhatsApp session with no internet', () => {
  let t: ReturnType<typeof startTestCore> | undefined;
  afterEach(async () => {
    await t?.close();
  });

  it('ends disconnected as unreachable, schedules a retry, and the rest of the app keeps working', async () => {
    expect(fs.existsSync(browser), `a browser at ${browser}`).toBe(true);
    t = startTestCore({ whatsapp: { sessionPolicy: { startTimeoutMs: 60_000, readyTimeoutMs: 60_000, qrRounds: 3, retryBaseMs: 60_000, retryMaxMs: 60_000, conflictWindowMs: 60_000 } } });
    t.core.database.sqlite.prepare("insert into settings (key, value) values ('whatsapp.browserPath', ?)").run(JSON.stringify(browser));
    const admin = await t.setupAdmin();
    const number = await t.call('numbers.create', { name: 'Sales' }, admin.token);
    // whatsapp-web.js (and Puppeteer) stay off the start-up path until a number starts.
    const loaded = () => Object.keys(createRequire(import.meta.url).cache).some((file) => file.includes(`${'/'}whatsapp-web.js${'/'}`));
    expect(loaded()).toBe(false);
    await t.call('numbers.connect', { id: number.id }, admin.token);
    const view = await eventually(async () => {
      const [n] = await t!.call('numbers.list', {}, admin.token);
      expect(n?.connection.state).toBe('DISCONNECTED');
      return n!;
    }, 45_000);
    expect(loaded()).toBe(true);
    expect(view.connection.reason).toBe('unreachable');
    expect(view.connection.detail).toMatch(/net::ERR_|ENOTFOUND|EAI_AGAIN/);
    expect(Date.parse(view.connection.nextRetryAt!)).toBeGreaterThan(Date.now());
    // Nothing else is disturbed: the inbox answers and an agent can queue a message.
    expect((await t.call('conversations.list', {}, admin.token)).data).toEqual([]);
  }, 60_000);
});
