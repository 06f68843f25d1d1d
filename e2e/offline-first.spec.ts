import type { Page } from '@playwright/test';
import { expect, setUpFirstAdmin, signIn, test } from './fixtures';
import { shot, conversationRow, demoAgent } from './steps';

// Issue 12: an agent on the office network keeps working while the desk (the host) is away,
// and a conversation has an address of its own. The demo office gives a linked number and
// «بدر المطيري»'s conversation (src/main/whatsapp/demo/demo-seed-data.ts).
test.use({ demo: true });

const badr = 'بدر المطيري';

async function send(page: Page, text: string): Promise<void> {
  await page.getByTestId('composer-input').fill(text);
  await page.getByTestId('composer-input').press('Enter');
  await expect(page.getByTestId('composer-input')).toHaveValue('');
}

/** The agent's answers in the open thread, top to bottom. */
const answersShown = (page: Page) => page.getByTestId('thread').locator('[data-sender="agent"] .message-text').allTextContents();

test('answers typed while the desk is down wait in the browser through a reload and go out once, in order, when it is back', async ({ page, host, browser }) => {
  test.setTimeout(120_000);
  await setUpFirstAdmin(page, host);
  const context = await browser.newContext();
  const agentPage = await context.newPage();
  await agentPage.goto(host.url);
  await signIn(agentPage, demoAgent.email, demoAgent.password);
  await conversationRow(agentPage, badr).click();
  const thread = agentPage.getByTestId('thread');
  await expect(thread.getByTestId('thread-name')).toHaveText(badr);
  await expect(agentPage).toHaveURL(/#\/inbox\/\d+$/);
  const address = agentPage.url();
  // Counted once the thread's messages are on screen, not while they load.
  await expect(thread.locator('[data-sender="customer"]').first()).toBeVisible();
  const history = await thread.locator('[data-sender="customer"]').count();
  expect(history).toBeGreaterThan(0);
  const before = await answersShown(agentPage);

  await host.stop();
  const banner = agentPage.getByTestId('connection-banner');
  await expect(banner).toContainText('انقطع الاتصال بجهاز المكتب');
  // The number may or may not still be linked: nobody here can know.
  await expect(thread.locator('.thread-badges')).toContainText('غير معروف — جهاز المكتب غير متصل');
  // What was loaded stays readable.
  await expect(thread.locator('[data-sender="customer"]')).toHaveCount(history);

  const first = 'أرسلت لك موقع الفيلا على الخريطة';
  const second = 'ونقدر نرتب زيارة بكرة العصر إن شاء الله';
  await send(agentPage, first);
  await send(agentPage, second);
  const waiting = thread.getByTestId('pending-answer');
  await expect(waiting).toHaveCount(2);
  await expect(waiting.first()).toContainText(first);
  await expect(waiting.last()).toContainText(second);
  await expect(waiting.first().getByTestId('pending-answer-mark')).toHaveText('بانتظار جهاز المكتب');
  await expect(banner.getByTestId('connection-banner-waiting')).toHaveText('ردّان بانتظار جهاز المكتب');
  await shot(agentPage, 'offline-1-waiting-ar');

  // A reload while the desk is down cannot even load the page; the answers are kept in the browser.
  await agentPage.reload().catch(() => undefined);
  await host.restart();
  await agentPage.goto(address);

  // The address reopens the conversation, and both answers go out, once each and in order.
  await expect(thread.getByTestId('thread-name')).toHaveText(badr);
  await expect(thread.getByTestId('pending-answer')).toHaveCount(0, { timeout: 20_000 });
  await expect.poll(() => answersShown(agentPage)).toEqual([...before, first, second]);
  await expect(thread.locator('[data-sender="agent"]', { hasText: second })).toHaveAttribute('data-status', /^(sent|delivered|read)$/, { timeout: 20_000 });
  await expect(agentPage.getByTestId('connection-banner')).toHaveCount(0);

  // Read again from the desk: stored once each.
  await agentPage.reload();
  await expect(thread.getByTestId('thread-name')).toHaveText(badr);
  await expect.poll(() => answersShown(agentPage)).toEqual([...before, first, second]);
  await shot(agentPage, 'offline-2-sent-ar');
  await context.close();
});

test('in English the banner shows while the desk is down and clears by itself; an answer written meanwhile goes out without a reload', async ({ page, host }) => {
  test.setTimeout(90_000);
  await setUpFirstAdmin(page, host);
  await page.getByTestId('language-toggle').click();
  await conversationRow(page, badr).click();
  const thread = page.getByTestId('thread');
  await expect(thread.locator('.thread-badges')).toContainText('Connected');

  await host.stop();
  const banner = page.getByTestId('connection-banner');
  await expect(banner).toContainText('Lost the connection to the desk');
  await expect(thread.locator('.thread-badges')).toContainText('Unknown — desk offline');
  const answer = 'The villa is still available, I will send the location shortly.';
  await send(page, answer);
  await expect(thread.getByTestId('pending-answer-mark')).toHaveText('Waiting for the desk');
  await expect(banner.getByTestId('connection-banner-waiting')).toHaveText('1 answer waiting for the desk');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await shot(page, 'offline-3-waiting-en');

  await host.restart();
  await expect(banner).toHaveCount(0, { timeout: 20_000 });
  await expect(thread.getByTestId('pending-answer')).toHaveCount(0);
  const sent = thread.locator('[data-sender="agent"]', { hasText: answer });
  await expect(sent).toHaveCount(1);
  await expect(sent).toHaveAttribute('data-status', /^(sent|delivered|read)$/, { timeout: 20_000 });
  await expect(thread.locator('.thread-badges')).toContainText('Connected', { timeout: 20_000 });
});

test('a conversation has its own address, the title and the menu count unread conversations, and an unknown address says page not found', async ({ page, host }) => {
  await setUpFirstAdmin(page, host);
  await expect(page).toHaveTitle(/^\(\d+\) ميراس ديسك$/);
  const unread = (/^\((\d+)\)/.exec(await page.title()) ?? [])[1];
  await expect(page.getByTestId('nav-unread')).toHaveText(unread!);

  await conversationRow(page, badr).click();
  await expect(page).toHaveURL(/#\/inbox\/\d+$/);
  const id = /#\/inbox\/(\d+)$/.exec(page.url())![1]!;
  await page.reload();
  await expect(page.getByTestId('thread')).toHaveAttribute('data-conversation-id', id);
  await expect(page.getByTestId('thread-name')).toHaveText(badr);
  await expect(page.getByTestId(`conversation-row-${id}`)).toHaveAttribute('aria-current', 'true');
  // The count follows the page: still in the title on another page.
  await page.getByTestId('nav-contacts').click();
  await expect(page).toHaveTitle(/^\(\d+\) ميراس ديسك$/);

  await page.goto(`${host.url}/#/no-such-page`);
  const notFound = page.getByTestId('not-found-page');
  await expect(notFound).toContainText('الصفحة غير موجودة');
  await expect(notFound.getByTestId('not-found-path')).toHaveText('/no-such-page');
  await shot(page, 'offline-4-not-found-ar');
  await notFound.getByTestId('not-found-back').click();
  await expect(page.getByTestId('inbox-page')).toBeVisible();

  await page.getByTestId('language-toggle').click();
  await expect(page).toHaveTitle(/^\(\d+\) Meras Desk$/);
  await page.goto(`${host.url}/#/inbox/${id}/extra`);
  await expect(page.getByTestId('not-found-page')).toContainText('Page not found');
  await page.getByTestId('not-found-back').click();
  await page.goto(`${host.url}/#/inbox/999999`);
  await expect(page.getByTestId('inbox-link-not-found')).toHaveText('This conversation was not found, or it is not on your numbers.');
  await expect(page).toHaveURL(/#\/inbox$/);
});
