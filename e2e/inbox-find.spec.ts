import type { Locator, Page } from '@playwright/test';
import { admin, expect, setUpFirstAdmin, signIn, test } from './fixtures';
import { shot, demoAgent } from './steps';

// The demo office: a linked demo number worked by both demo agents, and seeded Arabic and
// English conversations (src/main/whatsapp/demo/demo-seed-data.ts).
test.use({ demo: true });

const agent2 = { name: 'مها الرشيد' };
/** Seeded, unassigned, one unread message: «كم السعي عندكم على الإيجار؟» */
const nasser = 'ناصر السهلي';

function rows(page: Page): Locator {
  return page.getByTestId('conversation-list').locator('[data-testid^="conversation-row-"]');
}

function row(page: Page, customer: string): Locator {
  return rows(page).filter({ has: page.getByTestId('conversation-name').getByText(customer, { exact: true }) });
}

async function search(page: Page, text: string): Promise<void> {
  await page.getByTestId('inbox-search').fill(text);
}

test('search ignores hamza forms and tashkeel and highlights the match; filters, star and assignment reach the agent live', async ({ page, host, browser }) => {
  test.setTimeout(120_000);
  await setUpFirstAdmin(page, host);
  await expect(row(page, nasser)).toBeVisible();
  // The conversations waiting to be read, in the window title.
  await expect(page).toHaveTitle(/^\(\d+\) ميراس ديسك$/);
  await shot(page, 'ar-1-inbox');

  // Agent 1 signs in elsewhere before anything is assigned: the notice must arrive live.
  const agentContext = await browser.newContext();
  const agentPage = await agentContext.newPage();
  await agentPage.goto(host.url);
  await signIn(agentPage, demoAgent.email, demoAgent.password);
  await expect(agentPage.getByTestId('inbox-page')).toBeVisible();

  // «الإيجار» typed with a bare alef: found, and the original spelling is highlighted.
  await page.keyboard.press('Control+k');
  await expect(page.getByTestId('inbox-search')).toBeFocused();
  await page.keyboard.type('الايجار');
  const found = row(page, nasser);
  await expect(found.getByTestId('conversation-match').locator('mark')).toHaveText('الإيجار');
  await shot(page, 'ar-2-search');

  // Written with tashkeel, «السَّعي» finds «السعي» too, and only that conversation.
  await search(page, 'السَّعي');
  await expect(rows(page)).toHaveCount(1);
  await expect(found.getByTestId('conversation-match').locator('mark')).toHaveText('السعي');

  // Typed without the article, «ايجار» finds «الإيجار»: the word is marked, the article is not.
  await search(page, 'ايجار');
  await expect(found.getByTestId('conversation-match').locator('mark')).toHaveText('إيجار');

  // Escape clears the search: the whole inbox again.
  await page.getByTestId('inbox-search').press('Escape');
  await expect(page.getByTestId('inbox-search')).toHaveValue('');
  await expect(rows(page).nth(5)).toBeVisible();

  // Unread only: every row has unread messages, Nasser's among them.
  await page.getByTestId('inbox-unread-filter').click();
  await expect(page.getByTestId('inbox-unread-filter')).toHaveAttribute('aria-pressed', 'true');
  await expect(found).toBeVisible();
  for (const unread of await rows(page).evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-unread'))))) expect(unread).toBeGreaterThan(0);
  await shot(page, 'ar-3-unread');

  // Opening it marks it read; it stays listed while open.
  await found.click();
  await expect(page.getByTestId('thread-name')).toHaveText(nasser);
  await expect(found).toHaveAttribute('data-unread', '0');

  // Star it, then show only starred conversations.
  await page.getByTestId('thread-star').click();
  await expect(page.getByTestId('thread-star')).toHaveAttribute('aria-pressed', 'true');
  await expect(found.getByTestId('conversation-star')).toBeVisible();
  await page.getByTestId('inbox-unread-filter').click();
  await page.getByTestId('inbox-starred-filter').click();
  await expect(rows(page)).toHaveCount(1);
  await expect(found).toBeVisible();

  // Assign it to agent 1, who is told at once and finds it under "assigned to me".
  await page.getByTestId('thread-assign').selectOption({ label: demoAgent.name });
  await expect(found.getByTestId('conversation-assignee')).toContainText(demoAgent.name);
  await shot(page, 'ar-4-starred-assigned');

  const notice = agentPage.getByTestId('assigned-notice');
  await expect(notice).toContainText(admin.name);
  await expect(notice).toContainText(nasser);
  await agentPage.getByTestId('inbox-assigned-filter').selectOption('me');
  await expect(row(agentPage, nasser)).toBeVisible();
  await expect(row(agentPage, nasser).getByTestId('conversation-assignee')).toHaveAttribute('data-agent-id', /\d+/);
  await shot(agentPage, 'ar-5-agent-notice');
  await agentPage.getByTestId('assigned-notice-open').click();
  await expect(agentPage.getByTestId('thread-name')).toHaveText(nasser);
  await expect(notice).toHaveCount(0);
  await agentContext.close();
});

test('Alt+ArrowDown and Alt+ArrowUp move between conversations; the shortcuts are listed; English layout', async ({ page, host }) => {
  // The system's notification permission, answered "granted" and counted.
  await page.addInitScript(() => {
    const w = window as unknown as { permissionAsked: number; Notification: unknown };
    w.permissionAsked = 0;
    let permission = 'default';
    w.Notification = class {
      static get permission() {
        return permission;
      }
      static requestPermission() {
        w.permissionAsked += 1;
        permission = 'granted';
        return Promise.resolve(permission);
      }
    };
  });
  await setUpFirstAdmin(page, host);
  // The bell asks for permission once, on the click, and the choice is remembered.
  const bell = page.getByTestId('inbox-notify-toggle');
  await expect(bell).toHaveAttribute('data-state', 'off');
  await bell.click();
  await expect(bell).toHaveAttribute('data-state', 'on');
  expect(await page.evaluate(() => (window as unknown as { permissionAsked: number }).permissionAsked)).toBe(1);
  expect(await page.evaluate(() => localStorage.getItem('meras.desktopNotifications'))).toBe('on');

  // Agent 2's seeded conversations by customer name: an order no new message changes.
  await page.getByTestId('inbox-assigned-filter').selectOption({ label: agent2.name });
  // Names start A to Z; the direction button reverses them.
  await page.getByTestId('inbox-sort').selectOption('customerName');
  await expect(page.getByTestId('inbox-sort-order')).toHaveAttribute('data-order', 'asc');
  const names = page.getByTestId('conversation-list').getByTestId('conversation-name');
  const byName = ['Faisal Alotaibi', 'Khalid Bin Saeed', 'Yazeed Alkhaldi', 'سعد القرني', 'محمد الغامدي'];
  await expect(names).toHaveText(byName);
  await page.getByTestId('inbox-sort-order').click();
  await expect(names).toHaveText([...byName].reverse());
  await page.getByTestId('inbox-sort-order').click();
  await expect(names).toHaveText(byName);

  await row(page, 'Faisal Alotaibi').click();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.getByTestId('thread-name')).toHaveText('Khalid Bin Saeed');
  // From the composer too.
  await page.getByTestId('composer-input').click();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.getByTestId('thread-name')).toHaveText('Yazeed Alkhaldi');
  await page.keyboard.press('Alt+ArrowUp');
  await expect(page.getByTestId('thread-name')).toHaveText('Khalid Bin Saeed');
  await expect(row(page, 'Khalid Bin Saeed')).toHaveAttribute('aria-current', 'true');

  // Ctrl+Enter sends as Enter does.
  const input = page.getByTestId('composer-input');
  await input.fill('I will call you at 4pm.');
  await input.press('Control+Enter');
  // The conversation is Maha's: the admin is asked first, once.
  await page.getByTestId('composer-send-anyway').click();
  await expect(input).toHaveValue('');
  await expect(page.getByTestId('thread').locator('[data-sender="agent"]', { hasText: 'I will call you at 4pm.' })).toHaveCount(1);

  // "?" outside a text field lists the shortcuts.
  await page.getByTestId('thread-name').click();
  await page.keyboard.press('?');
  await expect(page.getByTestId('inbox-shortcuts')).toBeVisible();
  await shot(page, 'ar-6-shortcuts');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('inbox-shortcuts')).toBeHidden();
  // "/" goes to the search.
  await page.keyboard.press('/');
  await expect(page.getByTestId('inbox-search')).toBeFocused();

  await page.getByTestId('language-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await page.getByTestId('inbox-assigned-filter').selectOption('');
  await page.getByTestId('inbox-sort').selectOption('lastMessageTime');
  await page.getByTestId('inbox-search').fill('villa');
  await expect(row(page, 'Faisal Alotaibi').getByTestId('conversation-match').locator('mark').first()).toHaveText(/villa/i);
  await shot(page, 'en-1-search');
  await page.getByTestId('inbox-search').fill('0505 523');
  await expect(row(page, 'ماجد العمري').getByTestId('conversation-match').locator('mark')).toHaveText('505523');
  await shot(page, 'en-2-phone-search');
});

test('the admin chooses who works a number; only they are offered to assign; archive and mark unread', async ({ page, host }) => {
  await setUpFirstAdmin(page, host);
  await page.getByTestId('nav-numbers').click();
  const agents = page.getByTestId('number-agents');
  await expect(agents).toContainText(demoAgent.name);
  await expect(agents).toContainText(agent2.name);
  await page.locator('[data-testid^="number-edit-"]').click();
  await page.getByTestId('number-form-agent-agent2@demo.meras').uncheck();
  await page.getByTestId('number-form-submit').click();
  await expect(page.getByTestId('number-form-dialog')).toHaveCount(0);
  await expect(agents).toHaveText(demoAgent.name);

  await page.getByTestId('nav-inbox').click();
  await row(page, nasser).click();
  const assign = page.getByTestId('thread-assign');
  await expect(assign.locator('option', { hasText: demoAgent.name })).toHaveCount(1);
  await expect(assign.locator('option', { hasText: agent2.name })).toHaveCount(0);

  // Archived: out of the inbox, in the archive, and back.
  await page.getByTestId('thread-archive').click();
  await expect(row(page, nasser)).toHaveCount(0);
  await page.getByTestId('inbox-archived-filter').click();
  await expect(row(page, nasser)).toBeVisible();
  await page.getByTestId('thread-archive').click();
  await expect(row(page, nasser)).toHaveCount(0);
  await page.getByTestId('inbox-archived-filter').click();
  await expect(row(page, nasser)).toBeVisible();

  // Marked unread: the thread closes so it is not read again at once.
  await expect(row(page, nasser)).toHaveAttribute('data-unread', '0');
  await page.getByTestId('thread-mark-unread').click();
  await expect(page.getByTestId('thread-placeholder')).toBeVisible();
  await expect(row(page, nasser)).toHaveAttribute('data-unread', '1');
});
