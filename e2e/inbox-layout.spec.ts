import type { Page } from '@playwright/test';
import { expect, setUpFirstAdmin, test } from './fixtures';

// The demo office's seeded conversations fill the list; the contact panel is opened beside a thread.
test.use({ demo: true });

const sizes = [
  { width: 1024, height: 700 },
  { width: 1366, height: 768 },
] as const;

/** The composer can be typed in and sent from: its textbox at least 320 px wide, the send button on screen. */
async function expectUsableComposer(page: Page, size: { width: number; height: number }) {
  const input = await page.getByTestId('composer-input').boundingBox();
  const send = await page.getByTestId('composer-send').boundingBox();
  expect(input, 'the composer textbox is laid out').not.toBeNull();
  expect(send, 'the send button is laid out').not.toBeNull();
  expect(input!.width).toBeGreaterThanOrEqual(320);
  expect(input!.x).toBeGreaterThanOrEqual(0);
  expect(input!.x + input!.width).toBeLessThanOrEqual(size.width);
  expect(input!.y + input!.height).toBeLessThanOrEqual(size.height);
  expect(send!.x).toBeGreaterThanOrEqual(0);
  expect(send!.x + send!.width).toBeLessThanOrEqual(size.width);
  expect(send!.y).toBeGreaterThanOrEqual(0);
  expect(send!.y + send!.height).toBeLessThanOrEqual(size.height);
}

/** Names ellipsize; none is squeezed to a letter or two: each has room for about ten letters, or is shown whole. */
async function expectReadableNames(page: Page) {
  const names = await page
    .getByTestId('conversation-name')
    .evaluateAll((els) => els.slice(0, 8).map((el) => ({ room: el.parentElement!.getBoundingClientRect().width, whole: el.scrollWidth <= el.clientWidth })));
  const thread = await page.getByTestId('thread-name').evaluate((el) => ({ room: el.getBoundingClientRect().width, whole: el.scrollWidth <= el.clientWidth }));
  expect(names.length).toBeGreaterThan(2);
  for (const name of [...names, thread]) expect(name.whole || name.room >= 100, JSON.stringify(name)).toBe(true);
}

test('the inbox holds its shape at 1024×700 and 1366×768 with the contact panel open, in Arabic and English', async ({ page, host }) => {
  test.setTimeout(90_000);
  await page.setViewportSize(sizes[0]);
  await setUpFirstAdmin(page, host);
  await page.getByTestId('conversation-list').locator('[data-testid^="conversation-row-"]').first().click();
  await expect(page.getByTestId('thread-name')).toBeVisible();
  const toggle = page.getByTestId('contact-panel-toggle');
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  await expect(page.getByTestId('inbox-contact-panel')).toBeVisible();

  for (const language of ['ar', 'en'] as const) {
    if (language === 'en') await page.getByTestId('language-toggle').click();
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    for (const size of sizes) {
      await page.setViewportSize(size);
      await expect(page.getByTestId('inbox-contact-panel')).toBeVisible();
      await expectUsableComposer(page, size);
      await expectReadableNames(page);
      // The side menu: icons only below ~1280 px, each still named for screen readers and on hover.
      const inboxLink = page.getByTestId('nav-inbox');
      // Its name leads with the page; the unread count follows it.
      await expect(inboxLink).toHaveAccessibleName(language === 'ar' ? /^المحادثات/ : /^Inbox/);
      if (size.width < 1280) {
        expect((await inboxLink.boundingBox())!.width).toBeLessThan(64);
        await expect(inboxLink).toHaveAttribute('title', language === 'ar' ? 'المحادثات' : 'Inbox');
      }
      await page.screenshot({ path: `test-results/inbox-layout-${language}-${size.width}x${size.height}.png` });
    }
  }
});
