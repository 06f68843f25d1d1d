import type { Page } from '@playwright/test';
import { expect, setUpFirstAdmin, signIn, test } from './fixtures';
import { shot, demoAgent } from './steps';

test.use({ demo: true });

/** The demo office is set up by its admin; the agent then signs in on a wide window (the side panel shows). */
async function agentSignsIn(page: Page, host: { url: string }, language: 'ar' | 'en') {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await setUpFirstAdmin(page, host as never);
  await page.getByTestId('signout').click();
  await signIn(page, demoAgent.email, demoAgent.password);
  await expect(page.getByTestId('app-shell')).toBeVisible();
  if (language === 'en') await page.getByTestId('language-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('dir', language === 'ar' ? 'rtl' : 'ltr');
}

async function openConversation(page: Page, name: string) {
  const row = page.getByTestId('conversation-list').locator('[data-testid^="conversation-row-"]').filter({ has: page.getByTestId('conversation-name').getByText(name, { exact: true }) });
  await row.click();
  await expect(page.getByTestId('thread-name')).toHaveText(name);
}

function propertyCard(page: Page, name: string) {
  return page.getByTestId('properties-list').getByTestId('property-card').filter({ has: page.getByTestId('property-name').getByText(name, { exact: true }) });
}

test('in Arabic, an agent logs a customer’s offer from the conversation, accepts it, and the property shows reserved', async ({ page, host }) => {
  await agentSignsIn(page, host, 'ar');
  const flat = 'شقة ٤ غرف – حي النرجس';
  await openConversation(page, 'ماجد العمري');
  const offers = page.getByTestId('conversation-offers');
  await expect(offers).toContainText('العروض');

  await offers.getByTestId('offer-log').click();
  const dialog = page.getByTestId('log-offer');
  // A shorthand amount is refused under its field before anything is sent.
  await dialog.getByTestId('log-offer-amount').fill('0.9m');
  await dialog.getByTestId('log-offer-submit').click();
  await expect(dialog.getByTestId('field-error-amount')).toHaveText('القيمة غير صالحة.');
  await dialog.getByTestId('log-offer-amount').fill('٩٠٠٬٠٠٠');
  await dialog.getByTestId('log-offer-terms').fill('دفعة أولى ٣٠٪ والباقي تمويل');
  await shot(page, 'offers-ar-log');
  await dialog.getByTestId('log-offer-submit').click();
  await expect(dialog).toHaveCount(0);

  const offer = offers.locator('[data-testid^="conversation-offer-"]');
  await expect(offer).toHaveCount(1);
  await expect(offer).toContainText(flat);
  await expect(offer).toContainText('900,000.00 ر.س');
  await expect(offer.locator('[data-testid^="offer-status-"]')).toHaveAttribute('data-status', 'submitted');
  await expect(offer).toContainText('بانتظار ردّ المكتب');
  // The customer's interest in the flat follows: an offer was made.
  const interests = page.getByTestId('property-interests');
  await expect(interests.locator('select[data-testid^="property-interest-status-"]').first()).toHaveValue('offer_made');
  await shot(page, 'offers-ar-panel');

  await offer.locator('[data-testid^="offer-accept-"]').click();
  await expect(page.getByTestId('confirm-dialog')).toContainText('يحجز العقار');
  await page.getByTestId('confirm-ok').click();
  await expect(offer.locator('[data-testid^="offer-status-"]')).toHaveAttribute('data-status', 'accepted');
  await expect(offer).toContainText('مقبول');

  await page.getByTestId('nav-properties').click();
  const card = propertyCard(page, flat);
  await expect(card).toHaveAttribute('data-status', 'reserved');
  await expect(card.getByTestId('property-status')).toHaveText('محجوز');
  await card.getByTestId('property-offers').click();
  await expect(page.getByTestId('property-offers-dialog')).toContainText('ماجد العمري');
  await shot(page, 'offers-ar-property');
  await page.getByTestId('property-offers-close').click();

  await page.getByTestId('nav-offers').click();
  // The demo's own offers are listed too (demo-deals.ts); Majed's is the one just logged.
  const majedRow = page.getByTestId('offers-list').locator('[data-testid^="offer-row-"]', { hasText: 'ماجد العمري' });
  await expect(majedRow).toHaveCount(1);
  await expect(majedRow).toContainText('900,000.00 ر.س');
  await shot(page, 'offers-ar-page');
});

test('in English, an agent logs an offer, counters it on the Offers page, accepts it, and the property shows reserved', async ({ page, host }) => {
  await agentSignsIn(page, host, 'en');
  const villa = 'فيلا دوبلكس – حي حطين';
  await openConversation(page, 'Faisal Alotaibi');
  const offers = page.getByTestId('conversation-offers');
  await offers.getByTestId('offer-log').click();
  const dialog = page.getByTestId('log-offer');
  await dialog.getByTestId('log-offer-amount').fill('2,950,000.50');
  await dialog.getByTestId('log-offer-submit').click();
  await expect(dialog).toHaveCount(0);
  await expect(offers).toContainText('SAR 2,950,000.50');

  await page.getByTestId('nav-offers').click();
  const row = page.getByTestId('offers-list').locator('[data-testid^="offer-row-"]', { hasText: 'Faisal Alotaibi' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Faisal Alotaibi');
  await row.locator('[data-testid^="offer-counter-"]').click();
  const counter = page.getByTestId('counter-offer');
  await counter.getByTestId('counter-offer-amount').fill('3,100,000');
  await counter.getByTestId('counter-offer-submit').click();
  await expect(counter).toHaveCount(0);
  await expect(row.locator('[data-testid^="offer-status-"]')).toHaveAttribute('data-status', 'countered');
  await expect(row).toContainText('SAR 3,100,000.00');
  await expect(row).toContainText('First offer SAR 2,950,000.50');
  await expect(row).toContainText('Awaiting the customer’s answer');
  await shot(page, 'offers-en-page');

  await row.locator('[data-testid^="offer-accept-"]').click();
  await page.getByTestId('confirm-ok').click();
  await expect(row.locator('[data-testid^="offer-status-"]')).toHaveAttribute('data-status', 'accepted');
  await expect(row).toContainText('Accepted');

  await page.getByTestId('nav-properties').click();
  const card = propertyCard(page, villa);
  await expect(card).toHaveAttribute('data-status', 'reserved');
  await expect(card.getByTestId('property-status')).toHaveText('Reserved');
});

test('an admin adds a promotion on the Offers page: an end before its start is refused under the field, then it shows as valid now', async ({ page, host }) => {
  await page.setViewportSize({ width: 1400, height: 1000 });
  await setUpFirstAdmin(page, host);
  await page.getByTestId('nav-offers').click();
  const section = page.getByTestId('promotions');
  await expect(section).toContainText('العروض الترويجية');
  await section.getByTestId('promotion-add').click();
  const form = page.getByTestId('promotion-form');
  await form.getByTestId('promotion-name').fill('عرض نهاية العام');
  await form.getByTestId('promotion-details-ar').fill('خصم ٣٪ على عمولة السعي حتى نهاية الشهر');
  const start = await form.getByTestId('promotion-valid-from').inputValue();
  const before = new Date(`${start}T12:00:00Z`);
  before.setUTCDate(before.getUTCDate() - 1);
  await form.getByTestId('promotion-valid-until').fill(before.toISOString().slice(0, 10));
  await form.getByTestId('promotion-form-submit').click();
  await expect(form.getByTestId('field-error-validUntil')).toHaveText('يجب ألا يسبق يوم الانتهاء يوم البداية.');
  await form.getByTestId('promotion-valid-until').fill(start);
  await form.getByTestId('promotion-form-submit').click();
  await expect(form).toHaveCount(0);
  const promotion = section.locator('[data-testid^="promotion-"]').filter({ hasText: 'عرض نهاية العام' });
  await expect(promotion).toContainText('سارٍ الآن');
  await shot(page, 'offers-ar-promotions');
});
