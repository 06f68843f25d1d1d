import type { Locator, Page } from '@playwright/test';
import { houseSketchPng } from '../src/main/whatsapp/demo/demo-files';
import { expect, setUpFirstAdmin, signIn, test } from './fixtures';
import { shot, demoAgent } from './steps';

// The demo office: a branch, its catalogue (the land in Al Qairawan has no advertising licence) and its conversations.
test.use({ demo: true });

function card(page: Page, name: string): Locator {
  return page.getByTestId('properties-list').getByTestId('property-card').filter({ has: page.getByTestId('property-name').getByText(name, { exact: true }) });
}

const land = 'أرض سكنية – حي القيروان';
const narjis = 'شقة ٤ غرف – حي النرجس';
const nextYear = `${new Date().getFullYear() + 1}-06-30`;

test('an admin adds a branch and licenses a property at a new price; an agent sends its card into a conversation (Arabic), then another in English from the catalogue', async ({ page, host }) => {
  await page.setViewportSize({ width: 1600, height: 900 });
  await setUpFirstAdmin(page, host);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');

  // Branches (admin only): the demo's branch is there; a new one with its phone stored in E.164.
  await page.getByTestId('nav-branches').click();
  await expect(page).toHaveURL(/#\/branches$/);
  await expect(page.getByTestId('branch-card').first()).toContainText('فرع الرياض – حي العليا');
  await expect(page.getByTestId('branch-card').first().getByTestId('branch-usage')).toContainText('رقم واحد');
  await page.getByTestId('branches-add').click();
  const branchForm = page.getByTestId('branch-form-dialog');
  await branchForm.getByTestId('branch-form-phone').fill('12');
  await branchForm.getByTestId('branch-form-submit').click();
  await expect(branchForm.getByTestId('field-error-name')).toHaveText('يجب ألا يقل عدد الأحرف عن 2.');
  await branchForm.getByTestId('branch-form-name').fill('فرع جدة');
  await branchForm.getByTestId('branch-form-name-en').fill('Jeddah branch');
  await branchForm.getByTestId('branch-form-city').fill('جدة');
  await branchForm.getByTestId('branch-form-submit').click();
  await expect(branchForm.getByTestId('field-error-phone')).toHaveText('أدخل رقم جوال صحيحًا بالصيغة الدولية أو المحلية.');
  await branchForm.getByTestId('branch-form-phone').fill('0126543210');
  await shot(page, 'branches-ar-form');
  await branchForm.getByTestId('branch-form-submit').click();
  await expect(branchForm).toHaveCount(0);
  const jeddah = page.getByTestId('branch-card').filter({ hasText: 'فرع جدة' });
  await expect(jeddah).toContainText('+966126543210');
  await expect(jeddah.getByTestId('branch-usage')).toHaveText('غير مستخدم');
  // The demo branch is in use: deleting it is refused with what uses it.
  await page.getByTestId('branch-card').filter({ hasText: 'فرع الرياض' }).getByTestId('branch-delete').click();
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('branches-error')).toContainText('لأنه مستخدم: رقم واحد');
  await shot(page, 'branches-ar');

  // The land: a new price typed in Arabic-Indic digits, its REGA licence, the new branch.
  await page.getByTestId('nav-properties').click();
  await expect(card(page, land).getByTestId('property-licence')).toHaveText('بلا ترخيص إعلان');
  await card(page, land).getByTestId('property-edit').click();
  const form = page.getByTestId('property-form-dialog');
  await form.getByTestId('property-form-price').fill('1.5m');
  await form.getByTestId('property-form-submit').click();
  await expect(form.getByTestId('field-error-price')).toBeVisible();
  await form.getByTestId('property-form-price').fill('١٬٥٠٠٬٠٠٠');
  await expect(form.getByText('يظهر هكذا: 1,500,000.00 ر.س')).toBeVisible();
  await form.getByTestId('property-form-licence').fill('7100099999');
  await form.getByTestId('property-form-licence-expiry').fill(nextYear);
  await form.getByTestId('property-form-branch').selectOption({ label: 'فرع جدة' });
  await form.getByTestId('property-form-status').selectOption('available');
  await form.getByTestId('property-form-photo-file').setInputFiles({ name: 'land.png', mimeType: 'image/png', buffer: houseSketchPng(400, 300) });
  await shot(page, 'property-ar-form');
  await form.getByTestId('property-form-submit').click();
  await expect(form).toHaveCount(0);
  const edited = card(page, land);
  await expect(edited.getByTestId('property-price')).toHaveText('1,500,000.00 ر.س');
  await expect(edited.getByTestId('property-licence')).toContainText('ترخيص الإعلان 7100099999 ساري حتى');
  await expect(edited.getByTestId('property-branch')).toContainText('فرع جدة');
  await edited.getByTestId('property-price-history').click();
  const history = page.getByTestId('price-history-dialog');
  await expect(history.getByTestId('price-history-row')).toHaveCount(1);
  await expect(history.getByTestId('price-history-row')).toContainText('1,800,000.00 ر.س ← 1,500,000.00 ر.س');
  await shot(page, 'property-ar-price-history');
  await page.keyboard.press('Escape');
  await expect(history).toHaveCount(0);

  // An agent sends the land's card from the conversation's interests panel and sees it in the thread.
  await page.getByTestId('signout').click();
  await signIn(page, demoAgent.email, demoAgent.password);
  const row = page.getByTestId('conversation-list').locator('[data-testid^="conversation-row-"]').filter({ has: page.getByTestId('conversation-name').getByText('ماجد العمري', { exact: true }) });
  await row.click();
  const interests = page.getByTestId('property-interests');
  await interests.getByTestId('property-interest-pick').selectOption({ label: land });
  await interests.getByTestId('property-interest-add').click();
  // A double click sends one card, whether its second click comes before or after the first is answered.
  const sendCard = interests.locator('li.property-interest').filter({ hasText: land }).locator('[data-testid^="property-interest-send-card-"]');
  await sendCard.dblclick();
  const thread = page.getByTestId('thread-messages');
  const cardMessage = thread.locator('[data-testid^="message-"][data-sender="agent"]').filter({ hasText: 'رقم ترخيص الإعلان (فال): 7100099999' });
  await expect(cardMessage).toHaveCount(1);
  // The button says the card went, then invites another.
  await expect(sendCard).toHaveText('أُرسلت البطاقة ✓');
  await expect(sendCard).toBeDisabled();
  await expect(sendCard).toHaveText('إرسال بطاقة العقار');
  await expect(cardMessage).toHaveCount(1);
  await expect(cardMessage).toContainText('السعر: 1,500,000.00 ر.س');
  await expect(cardMessage.locator('img')).toBeVisible();
  await shot(page, 'card-ar-thread');

  // In English: from the catalogue, "send to a conversation", an English card.
  await page.getByTestId('language-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await page.getByTestId('nav-properties').click();
  await card(page, narjis).getByTestId('property-send-card').click();
  const dialog = page.getByTestId('send-card-dialog');
  await dialog.getByTestId('send-card-language').selectOption('en');
  await dialog.getByTestId('send-card-search').fill('ماجد');
  // The row by its name: the list re-renders when the typed search lands, and a click on
  // whatever row was first before that could land on a row being replaced.
  await dialog.locator('li.send-card-row').filter({ hasText: 'ماجد العمري' }).getByTestId('send-card-to').click();
  await expect(page).toHaveURL(/#\/inbox\/\d+$/);
  await expect(page.getByTestId('thread-name')).toHaveText('ماجد العمري');
  const english = page.getByTestId('thread-messages').locator('[data-testid^="message-"][data-sender="agent"]').filter({ hasText: 'REGA advertising licence no.: 7100012345' });
  await expect(english).toHaveCount(1);
  await expect(english).toContainText('Price: SAR 950,000.00');
  await shot(page, 'card-en-thread');
});
