import type { Locator, Page } from '@playwright/test';
import { admin, expect, setUpFirstAdmin, signIn, test } from './fixtures';
import { shot, demoAgent } from './steps';

// The demo office: a linked demo number worked by both demo agents; Nasser (Arabic) and Hessa
// (English) write in unassigned (src/main/whatsapp/demo/demo-seed-data.ts).
test.use({ demo: true });

const nasser = 'ناصر السهلي';
const hessa = 'Hessa Almansour';

function conversationRow(page: Page, customer: string): Locator {
  return page
    .getByTestId('conversation-list')
    .locator('[data-testid^="conversation-row-"]')
    .filter({ has: page.getByTestId('conversation-name').getByText(customer, { exact: true }) });
}

async function unreadCount(page: Page): Promise<number> {
  const badge = page.getByTestId('notification-count');
  return (await badge.count()) === 0 ? 0 : Number(await badge.textContent());
}

/** The admin opens the customer's conversation and gives it to agent 1. */
async function assignToAgent(page: Page, customer: string): Promise<void> {
  await conversationRow(page, customer).click();
  await expect(page.getByTestId('thread-name')).toHaveText(customer);
  await page.getByTestId('thread-assign').selectOption({ label: demoAgent.name });
  await expect(conversationRow(page, customer).getByTestId('conversation-assignee')).toContainText(demoAgent.name);
}

/** On the agent's screen: the bell counts one more, and its list opens the conversation. */
async function agentIsToldAndOpens(agentPage: Page, before: number, customer: string, text: RegExp): Promise<void> {
  await expect.poll(() => unreadCount(agentPage)).toBeGreaterThan(before);
  await agentPage.getByTestId('notification-bell').click();
  const told = agentPage.getByTestId('notification-row').filter({ hasText: customer }).and(agentPage.locator('[data-type="conversation_assigned"]'));
  await expect(told).toHaveCount(1);
  await expect(told).toContainText(text);
  await expect(told).toContainText(admin.name);
  await shot(agentPage, `bell-${customer}`);
  await told.click();
  await expect(agentPage.getByTestId('notification-panel')).toHaveCount(0);
  await expect(agentPage.getByTestId('thread-name')).toHaveText(customer);
  // Read now: shown as read when the list opens again.
  await agentPage.getByTestId('notification-bell').click();
  await expect(told).not.toHaveClass(/notification-unread/);
  await agentPage.keyboard.press('Escape');
}

test('an admin assigns a conversation to an agent signed in elsewhere: their bell counts it live and its list opens it, in Arabic then in English', async ({ page, host, browser }) => {
  test.setTimeout(150_000);
  await setUpFirstAdmin(page, host);
  await expect(conversationRow(page, nasser)).toBeVisible();

  const agentContext = await browser.newContext();
  const agentPage = await agentContext.newPage();
  await agentPage.goto(host.url);
  await signIn(agentPage, demoAgent.email, demoAgent.password);
  await expect(agentPage.getByTestId('inbox-page')).toBeVisible();
  // Away from the inbox, so opening the notification has somewhere to go.
  await agentPage.getByTestId('nav-contacts').click();
  await expect(agentPage.getByTestId('contacts-page')).toBeVisible();

  // Arabic.
  let before = await unreadCount(agentPage);
  await assignToAgent(page, nasser);
  await agentIsToldAndOpens(agentPage, before, nasser, /أسند .* إليك المحادثة مع/);

  // The admin was told of the agent's sign-in, worded for an admin.
  await page.getByTestId('notification-bell').click();
  await expect(page.getByTestId('notification-row').filter({ hasText: demoAgent.name }).first()).toContainText('دخل');
  await shot(page, 'admin-bell-ar');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('notification-panel')).toHaveCount(0);

  // English, both sides.
  await page.getByTestId('language-toggle').click();
  await agentPage.getByTestId('language-toggle').click();
  await agentPage.getByTestId('nav-contacts').click();
  before = await unreadCount(agentPage);
  await assignToAgent(page, hessa);
  await agentIsToldAndOpens(agentPage, before, hessa, /assigned you the conversation with/);

  await agentContext.close();
});

test('each user chooses per type: an agent turns assignments off and is not told of the next one; an admin sends the team a note', async ({ page, host, browser }) => {
  test.setTimeout(120_000);
  await setUpFirstAdmin(page, host);
  const agentContext = await browser.newContext();
  const agentPage = await agentContext.newPage();
  await agentPage.goto(host.url);
  await signIn(agentPage, demoAgent.email, demoAgent.password);
  await agentPage.getByTestId('nav-profile').click();
  await expect(agentPage.getByTestId('notification-settings')).toBeVisible();
  // An agent is never told of staff sign-ins, so has no such setting.
  await expect(agentPage.getByTestId('notification-mode-staff_signed_in')).toHaveCount(0);
  await agentPage.getByTestId('notification-mode-conversation_assigned').selectOption('off');
  await agentPage.getByTestId('notification-settings').scrollIntoViewIfNeeded();
  await shot(agentPage, 'settings-ar');
  await agentPage.reload();
  await expect(agentPage.getByTestId('notification-mode-conversation_assigned')).toHaveValue('off');

  // The admin writes to the agents; the agent's bell shows it live.
  await page.getByTestId('nav-users').click();
  await page.getByTestId('users-send-notification').click();
  await page.getByTestId('send-notification-to').selectOption('agent');
  await page.getByTestId('send-notification-title').fill('اجتماع الفريق الساعة ٤');
  await page.getByTestId('send-notification-body').fill('في قاعة الاجتماعات');
  await page.getByTestId('send-notification-submit').click();
  // Both demo agents.
  await expect(page.getByTestId('send-notification-sent')).toHaveText('أُرسل الإشعار إلى مستخدمَين.');
  await shot(page, 'send-ar');
  await page.getByTestId('send-notification-cancel').click();

  await expect(agentPage.getByTestId('notification-count')).toBeVisible();
  await agentPage.getByTestId('notification-bell').click();
  await expect(agentPage.getByTestId('notification-row').first()).toContainText('اجتماع الفريق الساعة ٤');
  await agentPage.keyboard.press('Escape');

  // Assignments are off for this agent: Nasser's goes to them and nothing is counted.
  await page.getByTestId('nav-inbox').click();
  await assignToAgent(page, nasser);
  // Another note after it: once it is counted, the assignment (sent before it) would have been too.
  await page.getByTestId('nav-users').click();
  await page.getByTestId('users-send-notification').click();
  await page.getByTestId('send-notification-to').selectOption('agent');
  await page.getByTestId('send-notification-title').fill('تذكير');
  await page.getByTestId('send-notification-submit').click();
  await expect(page.getByTestId('send-notification-sent')).toBeVisible();
  await agentPage.getByTestId('notification-bell').click();
  await expect(agentPage.getByTestId('notification-row').filter({ hasText: 'تذكير' })).toHaveCount(1);
  await expect(agentPage.locator('[data-type="conversation_assigned"]')).toHaveCount(0);
  // Nor does the window raise its own notice of the assignment: it follows the same choice.
  await expect(agentPage.getByTestId('assigned-notice')).toHaveCount(0);
  await shot(agentPage, 'bell-notes-ar');

  // Mark all read: the badge goes, and the rows show read.
  await agentPage.getByTestId('notifications-mark-all').click();
  await expect(agentPage.getByTestId('notification-count')).toHaveCount(0);
  await expect(agentPage.locator('.notification-unread')).toHaveCount(0);
  await agentContext.close();
});
