import fs from 'node:fs';
import path from 'node:path';
import { expect, setUpFirstAdmin, test } from './fixtures';
import { shot } from './steps';

test.use({ demo: true });

/** ZATCA's TLV fields back from the QR payload the page drew. */
function decodeTlv(base64: string): string[] {
  const bytes = Buffer.from(base64, 'base64');
  const values: string[] = [];
  for (let at = 0; at < bytes.length; at += 2 + bytes[at + 1]!) values.push(bytes.subarray(at + 2, at + 2 + bytes[at + 1]!).toString('utf8'));
  return values;
}

test('in Arabic, the admin registers the office for VAT, invoices the accepted offer’s commission, issues it, sees its QR, records the payment, downloads the PDF and sends it to the chat', async ({ page, host }) => {
  await page.setViewportSize({ width: 1500, height: 1100 });
  await setUpFirstAdmin(page, host);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');

  // Settings → Office → VAT: a seller name past the QR's 127 bytes is refused as it is typed.
  await page.getByTestId('nav-office').click();
  const tax = page.getByTestId('office-tax-form');
  await tax.getByTestId('office-tax-registered').check();
  await tax.getByTestId('office-tax-seller-ar').fill('م'.repeat(64));
  await tax.getByTestId('office-tax-vat-number').fill('310122393500003');
  await tax.getByTestId('office-tax-save').click();
  await expect(tax.getByTestId('field-error-sellerNameAr')).toContainText('127');
  await tax.getByTestId('office-tax-seller-ar').fill('مكتب ميراس للعقارات');
  await tax.getByTestId('office-tax-save').click();
  await expect(tax.getByTestId('office-tax-saved')).toBeVisible();

  // The demo office has an accepted offer (Badr's, on the Qairawan land, 1,750,000).
  await page.getByTestId('nav-offers').click();
  await expect(page.locator('[data-testid^="offer-row-"][data-status="accepted"]')).toHaveCount(1);

  await page.getByTestId('nav-invoices').click();
  await expect(page.getByTestId('invoices-page')).toBeVisible();
  await page.getByTestId('invoices-new').click();
  const editor = page.getByTestId('invoice-editor');
  const offerSelect = editor.getByTestId('invoice-brokerage-offer');
  await expect(offerSelect.locator('option')).toHaveCount(2);
  await offerSelect.selectOption({ index: 1 });
  await editor.getByTestId('invoice-brokerage-fill').click();
  // 2.5% of 1,750,000 = 43,750.00; VAT 15% = 6,562.50.
  await expect(editor.getByTestId('invoice-line-0-unitPrice')).toHaveValue('43,750.00');
  await expect(editor.getByTestId('invoice-line-0-descriptionAr')).toHaveValue(/عمولة وساطة عقارية/);
  await expect(editor.getByTestId('invoice-live-totals-vat')).toContainText('6,562.50');
  await expect(editor.getByTestId('invoice-live-totals-total')).toContainText('50,312.50');
  // Editable before saving: a second, exempt line shows in its own category at once.
  await editor.getByTestId('invoice-line-add').click();
  await editor.getByTestId('invoice-line-1-descriptionAr').fill('رسوم توثيق');
  await editor.getByTestId('invoice-line-1-unitPrice').fill('100');
  await editor.getByTestId('invoice-line-1-vatCategory').selectOption('exempt');
  await editor.getByTestId('invoice-line-1-exemptionReason').fill('رسوم حكومية');
  await expect(editor.getByTestId('invoice-live-totals-exempt')).toContainText('100.00');
  await expect(editor.getByTestId('invoice-live-totals-total')).toContainText('50,412.50');
  await shot(page, 'invoices-ar-editor');
  await editor.getByTestId('invoice-editor-submit').click();
  await expect(editor).toHaveCount(0);

  const detail = page.getByTestId('invoice-detail');
  await expect(detail).toHaveAttribute('data-status', 'draft');
  await expect(detail.getByTestId('invoice-number')).toHaveText('مسودة');
  await detail.getByTestId('invoice-issue').click();
  await expect(page.getByTestId('confirm-dialog')).toContainText('50,412.50');
  await page.getByTestId('confirm-dialog').getByRole('button', { name: 'إصدار' }).click();
  await expect(detail).toHaveAttribute('data-status', 'issued');
  await expect(detail.getByTestId('invoice-number')).toHaveText('INV-000001');
  await expect(detail.getByTestId('qr-image')).toBeVisible();
  const payload = await detail.getByTestId('invoice-qr').getAttribute('data-payload');
  const [seller, vatNumber, time, total, vat] = decodeTlv(payload!);
  expect([seller, vatNumber, total, vat]).toEqual(['مكتب ميراس للعقارات', '310122393500003', '50412.50', '6562.50']);
  expect(time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  // Issued: no editing or deleting any more, only payments and notes.
  await expect(detail.getByTestId('invoice-edit')).toHaveCount(0);
  await expect(detail.getByTestId('invoice-delete')).toHaveCount(0);
  await shot(page, 'invoices-ar-issued');

  await detail.getByTestId('invoice-add-payment').click();
  const payment = page.getByTestId('invoice-payment');
  await expect(payment.getByTestId('invoice-payment-amount')).toHaveValue('50,412.50');
  await payment.getByTestId('invoice-payment-submit').click();
  await expect(detail.getByTestId('invoice-payment-status')).toHaveText('مدفوعة');
  await expect(page.locator('[data-testid^="invoice-row-"]')).toHaveCount(1);
  await shot(page, 'invoices-ar-paid');

  // The PDF: A4, the bundled Arabic font embedded, named by its number.
  const downloading = page.waitForEvent('download');
  await detail.getByTestId('invoice-pdf').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('INV-000001.pdf');
  const pdf = fs.readFileSync((await download.path())!).toString('latin1');
  expect(pdf.startsWith('%PDF-')).toBe(true);
  expect(pdf).toMatch(/\/BaseFont\s*\/[A-Z]{6}\+IBMPlexSansArabic/);

  // Sent to Badr's chat through the outbox, as a document.
  await detail.getByTestId('invoice-send').click();
  await expect(detail.getByTestId('invoice-sent')).toBeVisible();
  await page.getByTestId('nav-inbox').click();
  await page.getByTestId('conversation-list').locator('[data-testid^="conversation-row-"]').filter({ hasText: 'بدر' }).first().click();
  await expect(page.getByTestId('thread-name')).toHaveText('بدر المطيري');
  const document = page.getByTestId('thread-messages').locator('.attachment-document-name', { hasText: 'INV-000001.pdf' });
  await document.scrollIntoViewIfNeeded();
  await expect(document).toBeInViewport();
  await page.screenshot({ path: path.join(process.env.SCREENSHOT_DIR ?? '/tmp', 'invoices-ar-sent.png') });
  await page.getByTestId('nav-invoices').click();
  await page.locator('[data-testid^="invoice-row-"]').first().click();

  await page.getByTestId('language-toggle').click();
  await expect(detail.getByTestId('invoice-payment-status')).toHaveText('Paid');
  await shot(page, 'invoices-en-paid');
});
