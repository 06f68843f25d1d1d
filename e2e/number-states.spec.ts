import { expect, setUpFirstAdmin, test } from './fixtures';

// The demo phone makes WhatsApp Web's own states happen; the number's card and link dialog say them.
test.use({ demo: true });

const numberName = 'فرع الملقا';

test('a number shows WhatsApp syncing 40% then connected, reconnecting, a fresh QR after a logout from the phone, and banned, in Arabic and English', async ({ page, host }) => {
  test.setTimeout(90_000);
  await setUpFirstAdmin(page, host);
  await page.getByTestId('nav-numbers').click();
  await page.getByTestId('numbers-add').click();
  await page.getByTestId('number-form-name').fill(numberName);
  await page.getByTestId('number-form-submit').click();
  const card = page.getByTestId(`number-row-${numberName}`);
  const label = card.getByTestId(`number-status-${numberName}-label`);
  const simulate = async (event: string) => {
    await card.getByTestId(`demo-event-${numberName}`).selectOption(event);
    await card.getByTestId(`demo-event-run-${numberName}`).click();
  };

  // Link: the QR shows; the demo phone's sync will stop at 40% once scanned.
  await card.getByTestId(`number-connect-${numberName}`).click();
  const dialog = page.getByTestId('qr-dialog');
  await expect(dialog.getByTestId('qr-image')).toBeVisible();
  await dialog.getByTestId('qr-close').click();
  await simulate('sync40');
  await card.getByTestId(`number-connect-${numberName}`).click();
  await dialog.getByTestId('qr-demo-scan').click();
  await expect(dialog.getByTestId('link-sync-percent')).toHaveText('مزامنة 40٪');
  await page.screenshot({ path: 'test-results/number-states-dialog-syncing-ar.png' });
  await dialog.getByTestId('qr-close').click();
  await expect(label).toHaveText('مزامنة 40٪');
  await simulate('sync100');
  await expect(label).toHaveText('متصل');

  // WhatsApp loses its servers and finds them again, on the same session.
  await simulate('TIMEOUT');
  await expect(label).toHaveText('جارٍ إعادة الاتصال');
  await expect(card.getByTestId(`number-status-${numberName}-notice`)).toBeVisible();
  await simulate('CONNECTED');
  await expect(label).toHaveText('متصل');

  await page.getByTestId('language-toggle').click();
  await expect(label).toHaveText('Connected');
  // An offline catch-up's progress once connected.
  await simulate('sync40');
  await expect(label).toHaveText('Syncing 40%');
  await simulate('sync100');
  await expect(label).toHaveText('Connected');

  // The phone unlinks this device: a fresh QR is offered without pressing Link, and the card says why.
  await simulate('logout');
  await expect(card.getByTestId(`number-status-${numberName}-notice`)).toHaveAttribute('data-notice', 'phone_logged_out');
  await expect(label).toHaveText('Waiting for QR scan');
  await card.getByTestId(`number-connect-${numberName}`).click();
  await expect(dialog.getByTestId('link-notice')).toContainText('unlinked this device');
  await expect(dialog.getByTestId('qr-image')).toBeVisible();
  await page.screenshot({ path: 'test-results/number-states-relink-en.png' });
  await dialog.getByTestId('qr-demo-scan').click();
  await expect(dialog).toHaveCount(0);
  await expect(label).toHaveText('Connected');

  // Banned: said plainly, with why, and no retry time.
  await simulate('TOS_BLOCK');
  await expect(label).toHaveText('Banned by WhatsApp');
  await expect(card.getByTestId(`number-status-${numberName}-reason`)).toContainText('will not retry');
  await expect(card.getByTestId(`number-status-${numberName}`)).not.toContainText('Retrying automatically');
  await page.screenshot({ path: 'test-results/number-states-banned-en.png' });
  await page.getByTestId('language-toggle').click();
  await expect(label).toHaveText('محظور من واتساب');
  await expect(card.getByTestId(`number-status-${numberName}-reason`)).toContainText('لن نعيد المحاولة');
  await page.screenshot({ path: 'test-results/number-states-banned-ar.png' });
});
