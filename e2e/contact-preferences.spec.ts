import { expect, setUpFirstAdmin, test } from './fixtures';

test("contact panel: the admin sets what a customer looks for (Arabic), a budget below its minimum is refused under its field, and it reads back in English", async ({ page, host }) => {
  await setUpFirstAdmin(page, host);
  await page.getByTestId('nav-contacts').click();
  await page.getByTestId('contacts-add').click();
  await page.getByTestId('contact-form-name').fill('نورة القحطاني');
  await page.getByTestId('contact-form-phone').fill('0501112233');
  await page.getByTestId('contact-form-submit').click();
  const panel = page.getByTestId('contact-panel');
  await expect(panel.getByTestId('contact-panel-preferences')).toContainText('لم تُحدَّد تفضيلات.');

  await panel.getByTestId('contact-preferences-edit').click();
  const dialog = page.getByTestId('contact-preferences');
  await dialog.getByTestId('contact-preferences-budget-min').fill('900,000');
  await dialog.getByTestId('contact-preferences-budget-max').fill('800,000');
  await dialog.getByTestId('contact-preferences-submit').click();
  await expect(dialog.getByTestId('field-error-budgetMax')).toHaveText('الحد الأعلى أقل من الحد الأدنى.');

  await dialog.getByTestId('contact-preferences-budget-min').fill('700,000');
  await dialog.getByTestId('contact-preferences-city').fill('الرياض');
  await dialog.getByTestId('contact-preferences-districts').fill('الياسمين، النرجس');
  await dialog.getByTestId('contact-preferences-types-apartment').check();
  await dialog.getByTestId('contact-preferences-types-villa').check();
  await dialog.getByTestId('contact-preferences-bedrooms').fill('3');
  await page.screenshot({ path: test.info().outputPath('contact-preferences-dialog-ar.png') });
  await dialog.getByTestId('contact-preferences-submit').click();
  await expect(dialog).toHaveCount(0);

  await expect(panel.getByTestId('contact-preferences-budget')).toContainText('700,000.00');
  await expect(panel.getByTestId('contact-preferences-budget')).toContainText('800,000.00');
  await expect(panel.getByTestId('contact-preferences-districts')).toContainText('الياسمين، النرجس');
  await expect(panel.getByTestId('contact-preferences-types')).toContainText('شقة، فيلا');
  await expect(panel.getByTestId('contact-preferences-bedrooms')).toContainText('3 أو أكثر');
  await page.screenshot({ path: test.info().outputPath('contact-preferences-panel-ar.png'), fullPage: true });

  await page.getByTestId('language-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(panel.getByTestId('contact-preferences-types')).toContainText('Apartment, Villa');
  await expect(panel.getByTestId('contact-preferences-bedrooms')).toContainText('3 or more');
  await page.screenshot({ path: test.info().outputPath('contact-preferences-panel-en.png'), fullPage: true });
});
