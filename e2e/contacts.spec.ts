import fs from 'node:fs';
import { admin, expect, setUpFirstAdmin, test } from './fixtures';

const customer = { name: 'مُحَمَّد العُتَيْبِي', phone: '0501234567' };

/** A small spreadsheet as an office exports it: Arabic headers, a quoted name with a comma, a bad phone, a repeated one. */
const csv = [
  'الاسم,رقم الجوال,البريد,الوسوم,تاريخ المتابعة',
  'فَاطِمَة الزَّهْرَانِيّ,0551112233,fatimah@example.com,"شراء، فيلا",2026-12-01',
  '"الحربي، سعد",+966 55 444 5566,,إيجار,',
  'رقم خطأ,12345,,,',
  'مكرر,966551112233,,,',
].join('\r\n');

test('contacts: create one (a repeated phone is refused on the phone field), add a note, import a CSV and find it by an Arabic name typed without tashkeel', async ({ page, host }) => {
  await setUpFirstAdmin(page, host);
  await page.getByTestId('nav-contacts').click();
  await expect(page).toHaveURL(/#\/contacts$/);
  await expect(page.getByTestId('contacts-page')).toBeVisible();
  await expect(page.getByTestId('contact-list-empty')).toBeVisible();

  // Create: the phone is typed in the local form and shown in the international one.
  await page.getByTestId('contacts-add').click();
  await page.getByTestId('contact-form-name').fill(customer.name);
  await page.getByTestId('contact-form-phone').fill(customer.phone);
  await page.getByTestId('contact-form-tags').fill('مستثمر، VIP');
  await page.getByTestId('contact-form-submit').click();
  await expect(page.getByTestId('contact-form-dialog')).toHaveCount(0);
  const panel = page.getByTestId('contact-panel');
  await expect(panel.getByTestId('contact-panel-name')).toHaveText(customer.name);
  await expect(panel.getByTestId('contact-panel-phone')).toHaveText('+966501234567');
  await expect(panel.getByTestId('contact-panel-phone')).toHaveAttribute('dir', 'ltr');
  await expect(panel.getByTestId('contact-panel-tags')).toContainText('VIP');

  // The same phone in another form is refused, under the phone field, and the dialog stays open.
  await page.getByTestId('contacts-add').click();
  await page.getByTestId('contact-form-name').fill('نسخة مكررة');
  await page.getByTestId('contact-form-phone').fill('+966 50 123 4567');
  await page.getByTestId('contact-form-submit').click();
  await expect(page.getByTestId('field-error-phone')).toHaveText('هذا الرقم مسجّل لجهة اتصال أخرى.');
  await expect(page.getByTestId('contact-form-phone')).toHaveAttribute('aria-invalid', 'true');
  await page.getByTestId('contact-form-cancel').click();
  await expect(page.getByTestId('contact-list').locator('[data-testid^="contact-row-"]')).toHaveCount(1);

  // A note, with who wrote it.
  await panel.getByTestId('note-input').fill('يبحث عن فيلا في حي الملقا، الميزانية مليونان.');
  await panel.getByTestId('note-submit').click();
  const note = panel.getByTestId('contact-notes').locator('li.note').filter({ hasText: 'الملقا' });
  await expect(note).toBeVisible();
  await expect(note.getByTestId('note-meta')).toContainText(admin.name);
  await expect(panel.getByTestId('note-input')).toHaveValue('');

  // Import: the file goes up in pieces (saved by Excel as UTF-16, which the core decodes, and
  // labelled as Windows does); the preview marks the bad rows, nothing is stored until confirmed.
  await page.getByTestId('contacts-import').click();
  const wizard = page.getByTestId('import-dialog');
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, 'utf16le')]);
  await wizard.getByTestId('import-file').setInputFiles({ name: 'عملاء.csv', mimeType: 'application/vnd.ms-excel', buffer: utf16 });
  await expect(wizard.getByTestId('import-preview')).toBeVisible();
  await expect(wizard.getByTestId('import-map-phone')).toHaveValue('1');
  await expect(wizard.getByTestId('import-map-name')).toHaveValue('0');
  await expect(wizard.getByTestId('import-row-2')).toHaveAttribute('data-state', 'ok');
  await expect(wizard.getByTestId('import-row-3')).toContainText('الحربي، سعد');
  await expect(wizard.getByTestId('import-row-4')).toHaveAttribute('data-state', 'error');
  await expect(wizard.getByTestId('import-row-4')).toContainText('رقم الجوال غير صالح.');
  await expect(wizard.getByTestId('import-row-5')).toHaveAttribute('data-state', 'error');
  await expect(wizard.getByTestId('import-summary-line')).toContainText('جديدة 2');
  await expect(page.getByTestId('contacts-count')).toHaveText('جهة اتصال واحدة');

  await wizard.getByTestId('import-confirm').click();
  const bar = wizard.getByTestId('import-progress-bar');
  await expect(bar).toBeVisible();
  await expect(wizard.getByTestId('import-summary')).toBeVisible();
  // Every row was checked, as the progress reports from the core said.
  await expect(bar).toHaveAttribute('aria-valuenow', '4');
  await expect(bar).toHaveAttribute('aria-valuemax', '4');
  await expect(wizard.getByTestId('import-created')).toContainText('2');
  await expect(wizard.getByTestId('import-errors')).toContainText('2');
  await wizard.getByTestId('import-close').click();
  await expect(page.getByTestId('contacts-count')).toContainText('3');

  // Search by the name typed without tashkeel, with ه for ة and ي for يّ.
  await page.getByTestId('contacts-search').fill('فاطمه الزهراني');
  const rows = page.getByTestId('contact-list').locator('[data-testid^="contact-row-"]');
  await expect(rows).toHaveCount(1);
  await expect(rows.first().getByTestId('contact-name')).toHaveText('فَاطِمَة الزَّهْرَانِيّ');
  await expect(rows.first().locator('mark')).not.toHaveCount(0);
  await expect(rows.first().getByTestId('contact-phone')).toHaveText('+966551112233');
  await rows.first().click();
  await expect(panel.getByTestId('contact-panel-email')).toHaveText('fatimah@example.com');
  await expect(panel.getByTestId('contact-panel-tags')).toContainText('فيلا');

  // Export takes the list's search: a UTF-8 file with a BOM (Excel shows the Arabic), Arabic headers.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('contacts-export').click()]);
  expect(download.suggestedFilename()).toMatch(/^جهات-الاتصال-\d{4}-\d{2}-\d{2}\.csv$/);
  const exported = fs.readFileSync(await download.path()).toString('utf8');
  // The property preferences (issue 15) follow the original five columns.
  expect(exported.startsWith('\uFEFFالاسم,الجوال,البريد الإلكتروني,الوسوم,تاريخ المتابعة,الميزانية من,')).toBe(true);
  expect(exported).toContain('فَاطِمَة الزَّهْرَانِيّ,\u200E+966551112233,fatimah@example.com,"شراء, فيلا",2026-12-01');
  expect(exported.trim().split('\r\n')).toHaveLength(2);
});
