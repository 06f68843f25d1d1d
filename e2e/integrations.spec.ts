import { expect, setUpFirstAdmin, test } from './fixtures';

test('an admin turns the API on, creates a key and sees it once, the key calls the API, and once revoked it is refused', async ({ page, host }) => {
  test.setTimeout(90_000);
  await setUpFirstAdmin(page, host);
  await page.getByTestId('nav-integrations').click();
  const pageRoot = page.getByTestId('integrations-page');
  await expect(pageRoot).toBeVisible();
  await expect(pageRoot.getByRole('heading', { name: 'التكاملات' })).toBeVisible();

  await page.getByTestId('api-enabled').check();
  await expect(page.getByTestId('api-address')).toHaveText(`${host.url}/api/v1/whatsapp`);

  await page.getByTestId('api-key-new').click();
  const dialog = page.getByTestId('api-key-dialog');
  await dialog.getByTestId('api-key-name').fill('نظام CRM');
  await dialog.getByTestId('api-key-scope-send').check();
  await dialog.getByTestId('api-key-form-submit').click();

  const secretDialog = page.getByTestId('api-key-secret-dialog');
  await expect(secretDialog.getByTestId('api-key-secret-once')).toContainText('المرة الوحيدة');
  const secret = (await secretDialog.getByTestId('api-key-secret').textContent())!.trim();
  expect(secret).toMatch(/^mdk_[A-Za-z0-9_-]{43}$/);
  await page.screenshot({ path: test.info().outputPath('integrations-secret.png') });
  await secretDialog.getByTestId('api-key-secret-done').click();
  await expect(secretDialog).toHaveCount(0);

  // Shown once: the list has its prefix only, and the page holds the secret nowhere.
  const row = page.getByTestId('api-keys-table').locator('tbody tr').first();
  await expect(row).toContainText(secret.slice(0, 12));
  await expect(row.getByTestId('api-key-state')).toHaveText('فعّال');
  expect(await page.content()).not.toContain(secret.slice(12));

  const numbers = await page.request.get(`${host.url}/api/v1/whatsapp/numbers`, { headers: { Authorization: `Bearer ${secret}` } });
  expect(numbers.status()).toBe(200);
  expect(await numbers.json()).toMatchObject({ success: true, data: [], meta: { total: 0 } });

  await page.reload();
  await expect(row).not.toContainText('لم يُستخدم');
  await page.screenshot({ path: test.info().outputPath('integrations-list.png') });
  await row.getByRole('button', { name: 'إبطال' }).click();
  await page.getByTestId('confirm-dialog').getByTestId('confirm-ok').click();
  await expect(row.getByTestId('api-key-state')).toHaveText('مُبطل');

  // The page in English reads the same, left to right.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(pageRoot.getByRole('heading', { name: 'Integrations' })).toBeVisible();
  await expect(row.getByTestId('api-key-state')).toHaveText('Revoked');
  await page.screenshot({ path: test.info().outputPath('integrations-english.png') });

  const refused = await page.request.get(`${host.url}/api/v1/whatsapp/numbers`, { headers: { Authorization: `Bearer ${secret}` } });
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toMatchObject({ success: false, error: { code: 'UNAUTHORIZED' } });
});
