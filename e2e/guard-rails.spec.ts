import { admin, expect, setUpFirstAdmin, test } from './fixtures';
import { shot } from './steps';

test('the setup form shows every field error at once, not one by one', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByTestId('setup-name').fill('ن');
  await page.getByTestId('setup-email').fill('not-an-email');
  await page.getByTestId('setup-password').fill('short');
  await page.getByTestId('setup-confirm').fill('shorter');
  await page.getByTestId('setup-submit').click();
  for (const field of ['name', 'email', 'password', 'confirm']) await expect(page.getByTestId(`field-error-${field}`)).toBeVisible();
  await shot(page, 'setup-errors');
  await expect(page.getByTestId('app-shell')).toHaveCount(0);

  // Fixing them all sets the office up.
  await page.getByTestId('setup-name').fill(admin.name);
  await page.getByTestId('setup-email').fill(admin.email);
  await page.getByTestId('setup-password').fill(admin.password);
  await page.getByTestId('setup-confirm').fill(admin.password);
  await page.getByTestId('setup-submit').click();
  await expect(page.getByTestId('app-shell')).toBeVisible();
});

test('an admin’s own row on the users page offers no deactivate', async ({ page, host }) => {
  await setUpFirstAdmin(page, host);
  await page.getByTestId('nav-users').click();
  const own = page.getByTestId(`user-row-${admin.email}`);
  await expect(own.getByTestId(`user-edit-${admin.email}`)).toBeVisible();
  await expect(own.getByTestId(`user-toggle-active-${admin.email}`)).toHaveCount(0);
});

test.describe('with the demo number', () => {
  test.use({ demo: true });

  test('disconnecting a number asks first, like removing it', async ({ page, host }) => {
    await setUpFirstAdmin(page, host);
    await page.getByTestId('nav-numbers').click();
    const card = page.locator('[data-testid^="number-row-"]').first();
    const name = (await card.getAttribute('data-testid'))!.replace('number-row-', '');
    const disconnect = page.getByTestId(`number-disconnect-${name}`);
    await expect(disconnect).toBeVisible({ timeout: 20_000 });

    await disconnect.click();
    const dialog = page.getByTestId('confirm-dialog');
    await expect(dialog).toContainText('حتى تربطه من جديد');
    await shot(page, 'disconnect-confirm');
    await page.getByTestId('confirm-cancel').click();
    await expect(dialog).toHaveCount(0);
    await expect(disconnect).toBeVisible();

    await disconnect.click();
    await page.getByTestId('confirm-ok').click();
    await expect(dialog).toHaveCount(0);
    await expect(disconnect).toHaveCount(0);
    await expect(page.getByTestId(`number-status-${name}`)).toHaveAttribute('data-state', 'DISCONNECTED');
  });
});
