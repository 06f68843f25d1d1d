import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { addUser, expect, setUpFirstAdmin, signIn, test } from './fixtures';
import { demoAgent, shot } from './steps';

test.use({ demo: true });

const supervisor = { name: 'سلمان العتيبي', email: 'salman@office.test', password: 'salman-pass-2026' };

/** The admin registers the office for VAT and issues one invoice to the first customer. */
async function issueOneInvoice(page: Page): Promise<void> {
  await page.getByTestId('nav-office').click();
  const tax = page.getByTestId('office-tax-form');
  await tax.getByTestId('office-tax-registered').check();
  await tax.getByTestId('office-tax-seller-ar').fill('مكتب ميراس للعقارات');
  await tax.getByTestId('office-tax-vat-number').fill('310122393500003');
  await tax.getByTestId('office-tax-save').click();
  await expect(tax.getByTestId('office-tax-saved')).toBeVisible();

  await page.getByTestId('nav-invoices').click();
  await page.getByTestId('invoices-new').click();
  const editor = page.getByTestId('invoice-editor');
  await expect(editor.getByTestId('invoice-contact').locator('option')).not.toHaveCount(1);
  await editor.getByTestId('invoice-contact').selectOption({ index: 1 });
  await editor.getByTestId('invoice-line-0-descriptionAr').fill('عمولة وساطة عقارية');
  await editor.getByTestId('invoice-line-0-unitPrice').fill('10,000');
  await editor.getByTestId('invoice-editor-submit').click();
  await expect(editor).toHaveCount(0);
  const detail = page.getByTestId('invoice-detail');
  await detail.getByTestId('invoice-issue').click();
  await page.getByTestId('confirm-dialog').getByRole('button', { name: 'إصدار' }).click();
  await expect(detail.getByTestId('invoice-number')).toHaveText('INV-000001');
}

test('in Arabic, a supervisor exports the archive of issued invoices for this month, sees it prepared and saves the zip with the PDF, the JSON and the index', async ({ page, host }) => {
  await page.setViewportSize({ width: 1400, height: 1000 });
  await setUpFirstAdmin(page, host);
  await issueOneInvoice(page);
  await page.getByTestId('nav-users').click();
  await addUser(page, supervisor, 'supervisor');
  await page.getByTestId('signout').click();
  await signIn(page, supervisor.email, supervisor.password);

  await page.getByTestId('nav-invoices').click();
  await page.getByTestId('invoices-archive').click();
  const dialog = page.getByTestId('invoice-archive');
  await expect(dialog).toContainText('تصدير أرشيف المستندات المُصدَرة');
  // The range is office days: from the month's first to today.
  const to = await dialog.getByTestId('invoice-archive-to').inputValue();
  await expect(dialog.getByTestId('invoice-archive-from')).toHaveValue(`${to.slice(0, 8)}01`);
  await shot(page, 'invoice-archive-ar-form');

  const downloading = page.waitForEvent('download');
  await dialog.getByTestId('invoice-archive-submit').click();
  const download = await downloading;
  // The core's progress: one document of one, the bar full; then what was saved.
  await expect(dialog.getByTestId('invoice-archive-progress')).toContainText('1 من 1');
  await expect(dialog.getByTestId('invoice-archive-progress').getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
  await expect(dialog.getByTestId('invoice-archive-saved')).toContainText('مستند واحد');
  await shot(page, 'invoice-archive-ar-saved');

  expect(download.suggestedFilename()).toBe(`invoices-${to.slice(0, 8)}01-${to}.zip`);
  const files = unzipSync(new Uint8Array(fs.readFileSync((await download.path())!)));
  expect(Object.keys(files).sort()).toEqual(['json/INV-000001.json', 'manifest.json', 'pdf/INV-000001.pdf']);
  expect(Buffer.from(files['pdf/INV-000001.pdf']!).toString('latin1').startsWith('%PDF-')).toBe(true);
  const json = JSON.parse(Buffer.from(files['json/INV-000001.json']!).toString('utf8'));
  expect(json).toMatchObject({ number: 1, status: 'issued', total: 1_150_000, qr: expect.any(String), uuid: expect.any(String) });
  const manifest = JSON.parse(Buffer.from(files['manifest.json']!).toString('utf8'));
  expect(manifest).toMatchObject({ documents: 1, chain: { unbroken: true, lastHash: json.hash }, entries: [{ numberText: 'INV-000001', pdf: 'pdf/INV-000001.pdf' }] });

  await dialog.getByTestId('invoice-archive-close').click();
  await expect(dialog).toHaveCount(0);

  // An agent drafts invoices but has no archive to export.
  await page.getByTestId('signout').click();
  await signIn(page, demoAgent.email, demoAgent.password);
  await page.getByTestId('nav-invoices').click();
  await expect(page.getByTestId('invoices-new')).toBeVisible();
  await expect(page.getByTestId('invoices-archive')).toHaveCount(0);
});
