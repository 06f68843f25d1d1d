import type { Locator, Page } from '@playwright/test';
import { expect, setUpFirstAdmin, test } from './fixtures';

// The demo office's seeded conversations: three speak of «إيجار» (rent).
test.use({ demo: true });

function row(page: Page, customer: string): Locator {
  return page
    .getByTestId('conversation-list')
    .locator('[data-testid^="conversation-row-"]')
    .filter({ has: page.getByTestId('conversation-name').getByText(customer, { exact: true }) });
}

test('a search says when archived conversations match too, and one click shows them', async ({ page, host }) => {
  await setUpFirstAdmin(page, host);
  for (const customer of ['أم فيصل', 'محمد الغامدي']) {
    await row(page, customer).click();
    await page.getByTestId('thread-archive').click();
    await expect(row(page, customer)).toHaveCount(0);
  }
  await expect(page.getByTestId('archived-matches-hint')).toHaveCount(0);

  await page.getByTestId('inbox-search').fill('ايجار');
  await expect(row(page, 'ناصر السهلي')).toBeVisible();
  const hint = page.getByTestId('archived-matches-hint');
  await expect(hint).toContainText('محادثتان مؤرشفتان تطابقان البحث أيضًا');
  // Archiving a result there and then counts it at once.
  await row(page, 'ناصر السهلي').click();
  await page.getByTestId('thread-archive').click();
  await expect(row(page, 'ناصر السهلي')).toHaveCount(0);
  await expect(hint).toContainText('3 محادثات مؤرشفة تطابق البحث أيضًا');
  await page.getByTestId('archived-matches-show').click();
  for (const customer of ['أم فيصل', 'محمد الغامدي', 'ناصر السهلي']) await expect(row(page, customer)).toBeVisible();
  await expect(page.getByTestId('inbox-archived-filter')).toHaveAttribute('aria-pressed', 'true');
  await expect(hint).toHaveCount(0);
});
