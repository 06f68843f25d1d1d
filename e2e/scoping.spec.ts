import type { Page } from '@playwright/test';
import { expect, setUpFirstAdmin, signIn, test } from './fixtures';
import { shot } from './steps';

// The demo office: one linked number, owned by agent 1 and worked by both demo agents.
test.use({ demo: true });

const agent1 = { name: 'أحمد الحربي' };
const agent2 = { name: 'مها الرشيد', email: 'agent2@demo.meras', password: 'demo-pass-123' };
/** A seeded customer of the demo number. */
const nasser = 'ناصر السهلي';

const contactNamed = (page: Page, name: string) => page.getByTestId('contact-list').getByTestId('contact-name').getByText(name, { exact: true });

test('an agent whose conversation is moved is told; taken off the number, its customers leave their contacts', async ({ page, host, browser }) => {
  test.setTimeout(120_000);
  await setUpFirstAdmin(page, host);

  // Agent 2 works the demo number: its customers are in their contacts.
  const agentContext = await browser.newContext();
  const agentPage = await agentContext.newPage();
  await agentPage.goto(host.url);
  await signIn(agentPage, agent2.email, agent2.password);
  await expect(agentPage.getByTestId('inbox-page')).toBeVisible();
  await agentPage.getByTestId('nav-contacts').click();
  await expect(contactNamed(agentPage, nasser)).toBeVisible();

  // The admin assigns Nasser's conversation to agent 2, then moves it to agent 1: agent 2 is told.
  const conversation = page.getByTestId('conversation-list').locator('[data-testid^="conversation-row-"]').filter({ hasText: nasser });
  await conversation.click();
  await page.getByTestId('thread-assign').selectOption({ label: agent2.name });
  await expect(agentPage.locator('[data-testid="assigned-notice"][data-kind="assigned"]')).toBeVisible();
  await page.getByTestId('thread-assign').selectOption({ label: agent1.name });
  const moved = agentPage.locator('[data-testid="assigned-notice"][data-kind="transferred"]');
  await expect(moved).toContainText('محادثتك مع');
  await expect(moved).toContainText(agent1.name);
  await shot(agentPage, 'ar-transferred-notice');

  // The admin takes agent 2 off the number: its conversations leave their inbox at once, its customers their contacts.
  await agentPage.getByTestId('nav-inbox').click();
  const agentRow = agentPage.getByTestId('conversation-list').locator('[data-testid^="conversation-row-"]').filter({ hasText: nasser });
  await expect(agentRow).toBeVisible();
  await page.getByTestId('nav-numbers').click();
  await page.locator('[data-testid^="number-edit-"]').click();
  await page.getByTestId('number-form-agent-agent2@demo.meras').uncheck();
  await page.getByTestId('number-form-submit').click();
  await expect(page.getByTestId('number-form-dialog')).toHaveCount(0);

  await expect(agentRow).toHaveCount(0);
  await agentPage.getByTestId('nav-contacts').click();
  await expect(agentPage.getByTestId('contact-list-empty')).toBeVisible();
  await expect(contactNamed(agentPage, nasser)).toHaveCount(0);
  await shot(agentPage, 'ar-contacts-after-access-removed');
  await agentContext.close();
});
