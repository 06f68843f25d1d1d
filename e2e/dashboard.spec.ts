import type { Page } from '@playwright/test';
import { expect, setUpFirstAdmin, test } from './fixtures';
import { shot } from './steps';

// Issue 17 in the demo office: its seeded conversations are counted once the demo data is in
// (a rebuild from the raw rows); simulated arrivals stay off so the figures hold still.
test.use({ demo: true, demoArrivals: false });

async function openDashboard(page: Page, host: { url: string }) {
  await page.setViewportSize({ width: 1500, height: 1000 });
  await setUpFirstAdmin(page, host as never);
  await page.getByTestId('nav-dashboard').click();
  await expect(page.getByTestId('dashboard-page')).toBeVisible();
  await expect(page.getByTestId('dashboard-cards')).toBeVisible();
}

test('in Arabic, the dashboard shows its cards and a chart, and a figure opens the conversations behind it', async ({ page, host }) => {
  await openDashboard(page, host);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { name: 'الإحصائيات', level: 1 })).toBeVisible();
  await expect(page.getByTestId('card-episodes-value')).not.toHaveText('0');
  await expect(page.getByTestId('dashboard-messages-chart')).toBeVisible();
  await shot(page, 'dashboard-ar');

  // The chart's table view holds the same days as the chart.
  await page.getByTestId('dashboard-messages-toggle').click();
  await expect(page.getByTestId('dashboard-messages-table').locator('tbody tr')).toHaveCount(30);

  const episodes = await page.getByTestId('card-episodes-value').textContent();
  await page.getByTestId('card-episodes').click();
  const drill = page.getByTestId('dashboard-drill');
  await expect(drill).toBeVisible();
  await expect(drill.getByTestId('dashboard-drill-count')).toContainText(episodes!.trim() === '1' ? 'واحد' : episodes!.trim());
  const first = drill.locator('[data-testid^="drill-row-"]').first();
  const customer = (await first.locator('.dashboard-row-main').textContent())!;
  const conversationId = (await first.getAttribute('data-testid'))!.replace('drill-row-', '');
  await first.click();
  await expect(page).toHaveURL(new RegExp(`#/inbox/${conversationId}$`));
  await expect(page.getByTestId('thread-name')).toHaveText(customer);
});

test('in English, the funnel’s first stage lists the inquiries of the range, and the invoices card opens the invoices', async ({ page, host }) => {
  await openDashboard(page, host);
  await page.getByTestId('language-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
  await expect(page.getByTestId('dashboard-funnel')).toContainText('Inquiries');
  await shot(page, 'dashboard-en');

  await page.getByTestId('funnel-inquiries').click();
  const drill = page.getByTestId('dashboard-drill');
  await expect(drill.getByRole('heading', { name: 'Inquiries in the range' })).toBeVisible();
  await expect(drill.locator('[data-testid^="drill-row-"]').first()).toBeVisible();
  await drill.getByTestId('dashboard-drill-close').click();

  await page.getByTestId('card-invoiced').click();
  await expect(page).toHaveURL(/#\/invoices$/);
});
