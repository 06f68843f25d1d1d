import type { Locator, Page } from '@playwright/test';
import { houseSketchPng } from '../src/main/whatsapp/demo/demo-files';
import { expect, setUpFirstAdmin, signIn, test } from './fixtures';
import { shot, demoAgent } from './steps';

function cards(page: Page): Locator {
  return page.getByTestId('properties-list').getByTestId('property-card');
}

function card(page: Page, name: string): Locator {
  return cards(page).filter({ has: page.getByTestId('property-name').getByText(name, { exact: true }) });
}

const villa = 'فيلا دوبلكس – حي حطين';

test.describe('a fresh office', () => {
  test('a manager adds photos while adding a property, the card shows the first, and a photo can be taken off; a non-image is refused', async ({ page, host }) => {
    await setUpFirstAdmin(page, host);
    await page.getByTestId('nav-properties').click();
    await page.getByTestId('properties-add').click();
    const form = page.getByTestId('property-form-dialog');
    await form.getByTestId('property-form-name').fill('شقة الياسمين');
    const file = form.getByTestId('property-form-photo-file');
    await file.setInputFiles({ name: 'plan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') });
    await expect(form.getByTestId('property-photo-error')).toContainText('لا يمكن إرسال هذا النوع من الملفات');
    await file.setInputFiles([
      { name: 'front.png', mimeType: 'image/png', buffer: houseSketchPng(400, 300) },
      { name: 'side.png', mimeType: 'image/png', buffer: houseSketchPng(200, 150) },
    ]);
    await expect(form.getByTestId('property-form-photo')).toHaveCount(2);
    await shot(page, 'properties-ar-photos-form');
    await form.getByTestId('property-form-submit').click();
    await expect(form).toHaveCount(0);

    const added = card(page, 'شقة الياسمين');
    await expect(added.getByTestId('property-photo')).toHaveAttribute('data-photo-count', '2');
    const image = added.getByTestId('property-photo-image');
    await expect(image).toBeVisible();
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(400);
    await expect(added.getByTestId('property-photo')).toContainText('الصور: 2');
    await shot(page, 'properties-ar-photo-card');

    // The first photo taken off: the second becomes the card's.
    await added.getByTestId('property-edit').click();
    await expect(form.getByTestId('property-form-photo')).toHaveCount(2);
    await form.getByTestId('property-form-photo').first().getByRole('button').click();
    await form.getByTestId('property-form-submit').click();
    await expect(form).toHaveCount(0);
    await expect(added.getByTestId('property-photo')).toHaveAttribute('data-photo-count', '1');
    await expect.poll(() => added.getByTestId('property-photo-image').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(200);
  });

  test('an admin adds a property in Arabic (Arabic digits read, price shown in riyals), edits its status, finds it by search and filters, and deletes it', async ({ page, host }) => {
    await setUpFirstAdmin(page, host);
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByTestId('nav-properties')).toHaveText('العقارات');
    await page.getByTestId('nav-properties').click();
    await expect(page).toHaveURL(/#\/properties$/);
    await expect(page.getByTestId('properties-empty')).toContainText('لا توجد عقارات في الكتالوج بعد.');

    // The form refuses what it can before sending: no name, a fraction of a bedroom.
    await page.getByTestId('properties-add').click();
    const form = page.getByTestId('property-form-dialog');
    await form.getByTestId('property-form-bedrooms').fill('2.5');
    await form.getByTestId('property-form-submit').click();
    await expect(form.getByTestId('field-error-name')).toHaveText('هذا الحقل مطلوب.');
    await expect(form.getByTestId('field-error-bedrooms')).toHaveText('أدخل عددًا صحيحًا بلا كسور.');
    await expect(form.getByTestId('property-form-photos')).toBeVisible();

    await form.getByTestId('property-form-name').fill(villa);
    await form.getByTestId('property-form-type').selectOption({ label: 'فيلا' });
    await form.getByTestId('property-form-location').fill('حطين، الرياض');
    // Typed as a Saudi keyboard writes it: Arabic-Indic digits and the Arabic thousands separator.
    await form.getByTestId('property-form-price').fill('٣٬٢٠٠٬٠٠٠');
    await expect(form.getByText('يظهر هكذا: 3,200,000.00 ر.س')).toBeVisible();
    await form.getByTestId('property-form-bedrooms').fill('٦');
    await form.getByTestId('property-form-area').fill('450');
    await form.getByTestId('property-form-submit').click();
    await expect(form).toHaveCount(0);
    await expect(page.getByTestId('properties-success')).toContainText('أُضيف العقار');

    const added = card(page, villa);
    await expect(added.getByTestId('property-price')).toHaveText('3,200,000.00 ر.س');
    await expect(added.getByTestId('property-type')).toHaveText('فيلا');
    await expect(added.getByTestId('property-status')).toHaveText('متاح');
    await expect(added.getByTestId('property-bedrooms')).toHaveText('غرف النوم: 6');
    await expect(added.getByTestId('property-area')).toHaveText('450 م²');
    await expect(added.getByTestId('property-location')).toHaveText('حطين، الرياض');
    await expect(added.getByTestId('property-interested')).toHaveText('لا يوجد مهتمون بعد');
    await expect(added.getByTestId('property-interested')).toBeDisabled();
    await expect(added.getByTestId('property-photo')).toHaveAttribute('aria-label', 'فيلا — لا توجد صور لهذا العقار بعد');

    // A second, cheaper one without a price yet.
    await page.getByTestId('properties-add').click();
    await form.getByTestId('property-form-name').fill('شقة العليا');
    await form.getByTestId('property-form-location').fill('العليا، الرياض');
    await form.getByTestId('property-form-submit').click();
    await expect(form).toHaveCount(0);
    await expect(card(page, 'شقة العليا').getByTestId('property-price')).toHaveText('السعر غير محدد');
    await expect(page.getByTestId('properties-count')).toHaveText('عدد العقارات: 2');

    // Edit the status.
    await added.getByTestId('property-edit').click();
    await expect(form.getByTestId('property-form-price')).toHaveValue('3,200,000.00');
    await form.getByTestId('property-form-status').selectOption({ label: 'محجوز' });
    await form.getByTestId('property-form-submit').click();
    await expect(form).toHaveCount(0);
    await expect(added.getByTestId('property-status')).toHaveText('محجوز');
    await expect(page.getByTestId('properties-success')).toContainText('حُفظت تعديلات العقار');

    // Newest first by default; by price the unpriced one goes last.
    await expect(cards(page).getByTestId('property-name')).toHaveText(['شقة العليا', villa]);
    await page.getByTestId('properties-sort').selectOption('price_desc');
    await expect(cards(page).getByTestId('property-name')).toHaveText([villa, 'شقة العليا']);
    await page.getByTestId('properties-sort').selectOption('price_asc');
    await expect(cards(page).getByTestId('property-name')).toHaveText([villa, 'شقة العليا']);

    // Search by location, then filters.
    await page.getByTestId('properties-search').fill('حطين');
    await expect(cards(page)).toHaveCount(1);
    await expect(added).toBeVisible();
    await page.getByTestId('properties-search').fill('');
    await page.getByTestId('properties-type-filter').selectOption('apartment');
    await expect(cards(page).getByTestId('property-name')).toHaveText(['شقة العليا']);
    await page.getByTestId('properties-status-filter').selectOption('reserved');
    await expect(page.getByTestId('properties-empty')).toContainText('لا توجد عقارات تطابق البحث أو التصفية.');
    await page.getByTestId('properties-clear').click();
    await page.getByTestId('properties-status-filter').selectOption('reserved');
    await expect(cards(page).getByTestId('property-name')).toHaveText([villa]);
    await shot(page, 'properties-ar-filtered');
    await page.getByTestId('properties-status-filter').selectOption('');

    // Delete: the confirmation names the property; with no interests it says only that.
    await added.getByTestId('property-delete').click();
    const confirm = page.getByTestId('confirm-dialog');
    await expect(confirm).toContainText(villa);
    await expect(confirm.locator('.dialog-message')).toHaveText(/^سيُحذف العقار «.+» من الكتالوج نهائيًا\.$/);
    await confirm.getByTestId('confirm-ok').click();
    await expect(confirm).toHaveCount(0);
    await expect(added).toHaveCount(0);
    await expect(page.getByTestId('properties-success')).toContainText('حُذف العقار');
    await expect(cards(page)).toHaveCount(1);
  });

  test('in English the page reads left to right with English labels and SAR prices', async ({ page, host }) => {
    await setUpFirstAdmin(page, host);
    await page.getByTestId('language-toggle').click();
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
    await expect(page.getByTestId('nav-properties')).toHaveText('Properties');
    await page.getByTestId('nav-properties').click();
    await expect(page.getByTestId('properties-page').getByRole('heading', { level: 1 })).toHaveText('Properties');
    await expect(page.getByTestId('properties-add')).toHaveText('Add property');
    await expect(page.getByTestId('properties-sort').locator('option:checked')).toHaveText('Newest first');

    await page.getByTestId('properties-add').click();
    const form = page.getByTestId('property-form-dialog');
    await expect(form.getByRole('heading', { level: 2 })).toHaveText('Add a property');
    await form.getByTestId('property-form-name').fill('Hittin villa');
    await form.getByTestId('property-form-type').selectOption({ label: 'Villa' });
    await form.getByTestId('property-form-price').fill('-5');
    await form.getByTestId('property-form-submit').click();
    await expect(form.getByTestId('field-error-price')).toHaveText('Must be at least 0.');
    await form.getByTestId('property-form-price').fill('3,200,000');
    await form.getByTestId('property-form-submit').click();
    await expect(form).toHaveCount(0);
    const added = card(page, 'Hittin villa');
    await expect(added.getByTestId('property-price')).toHaveText('SAR 3,200,000.00');
    await expect(added.getByTestId('property-status')).toHaveText('Available');
    await expect(added.getByTestId('property-type')).toHaveText('Villa');
    await expect(added.getByTestId('property-interested')).toHaveText('No interest yet');
    await shot(page, 'properties-en');
  });
});

test.describe('the demo office', () => {
  // Seeded customers already interested in the demo's properties (src/main/whatsapp/demo/demo-seed.ts).
  test.use({ demo: true });

  const narjis = 'شقة ٤ غرف – حي النرجس';

  test('each property shows who is interested; a row opens that conversation in the inbox; deleting says the interests go too', async ({ page, host }) => {
    await page.setViewportSize({ width: 1366, height: 860 });
    await setUpFirstAdmin(page, host);
    await page.getByTestId('nav-properties').click();
    const apartment = card(page, narjis);
    await expect(apartment.getByTestId('property-interested')).toHaveText('محادثات مهتمة: 2');
    const land = card(page, 'أرض سكنية – حي القيروان').getByTestId('property-interested');
    // Badr's accepted offer on the land (demo-deals.ts) makes him interested.
    await expect(land).toContainText('محادثات مهتمة: 1');
    await expect(land).toContainText('غير مهتم: 1');
    await shot(page, 'properties-ar-demo');

    await apartment.getByTestId('property-interested').click();
    const dialog = page.getByTestId('interested-dialog');
    const rows = dialog.getByTestId('interested-list').getByRole('button');
    await expect(rows).toHaveCount(2);
    await expect(dialog).toContainText('ماجد العمري');
    await expect(dialog).toContainText('موعد معاينة');
    await expect(dialog).toContainText('عبدالرحمن الدوسري');
    await expect(dialog).toContainText('تم تقديم عرض');
    await shot(page, 'properties-ar-interested');
    await rows.filter({ hasText: 'ماجد العمري' }).click();
    await expect(page).toHaveURL(/#\/inbox\/\d+$/);
    await expect(page.getByTestId('thread-name')).toHaveText('ماجد العمري');

    // The side panel shows the same interest; deleting the property from the catalogue takes it away.
    await page.getByTestId('nav-properties').click();
    await apartment.getByTestId('property-delete').click();
    const confirm = page.getByTestId('confirm-dialog');
    await expect(confirm).toContainText('ويُحذف معه اهتمام العملاء المسجّل به في المحادثات (عددها: 2)');
    await shot(page, 'properties-ar-delete');
    await confirm.getByTestId('confirm-ok').click();
    await expect(apartment).toHaveCount(0);
  });

  test('an agent browses the catalogue read-only and still sees who is interested on their number', async ({ page, host }) => {
    await setUpFirstAdmin(page, host);
    await page.getByTestId('signout').click();
    await signIn(page, demoAgent.email, demoAgent.password);
    await expect(page.getByTestId('inbox-page')).toBeVisible();
    await page.getByTestId('nav-properties').click();
    await expect(page.getByTestId('properties-read-only')).toBeVisible();
    await expect(cards(page)).toHaveCount(4);
    await expect(page.getByTestId('properties-add')).toHaveCount(0);
    await expect(page.getByTestId('property-edit')).toHaveCount(0);
    await expect(page.getByTestId('property-delete')).toHaveCount(0);
    await expect(card(page, narjis).getByTestId('property-interested')).toHaveText('محادثات مهتمة: 2');
    await card(page, narjis).getByTestId('property-interested').click();
    await expect(page.getByTestId('interested-list').getByRole('button')).toHaveCount(2);
  });
});
