import { expect, setUpFirstAdmin, signIn, test } from './fixtures';
import { demoAgent } from './steps';

// Simulated WhatsApp: a QR the demo phone "scans", customers who write in, acks that come back.
test.use({ demo: true });

const numberName = 'مبيعات العليا';

test('an admin links a number by QR, a customer writes in live, and the answer goes out and is read', async ({ page, host }) => {
  test.setTimeout(120_000);
  await setUpFirstAdmin(page, host);
  // Everyone lands on the inbox.
  await expect(page.getByTestId('inbox-page')).toBeVisible();
  // Marks this page load: if anything reloaded the page, the mark would be gone.
  await page.evaluate(() => ((window as unknown as { noReload: boolean }).noReload = true));

  await page.getByTestId('nav-numbers').click();
  await page.getByTestId('numbers-add').click();
  await expect(page.getByTestId('number-form-quota')).toHaveValue('1000');
  await page.getByTestId('number-form-employee').selectOption({ label: demoAgent.name });
  await page.getByTestId('number-form-name').fill(numberName);
  // An empty daily limit is refused under its field, and nothing is added.
  await page.getByTestId('number-form-quota').fill('');
  await page.getByTestId('number-form-submit').click();
  await expect(page.getByTestId('field-error-quotaLimit')).toBeVisible();
  await page.getByTestId('number-form-quota').fill('1000');
  await page.getByTestId('number-form-submit').click();
  const card = page.getByTestId(`number-row-${numberName}`);
  await expect(card).toContainText(demoAgent.name);
  const status = page.getByTestId(`number-status-${numberName}`);
  await expect(status).toHaveAttribute('data-state', 'DISCONNECTED');

  await page.getByTestId(`number-connect-${numberName}`).click();
  const dialog = page.getByTestId('qr-dialog');
  await expect(dialog.getByTestId('qr-image')).toBeVisible();
  await expect(dialog.getByTestId('qr-image')).toHaveAttribute('src', /^data:image\/png;base64,/);
  await expect(dialog.getByTestId('qr-round')).toHaveAttribute('data-round', '1');
  await dialog.getByTestId('qr-demo-scan').click();

  // The dialog closes by itself once WhatsApp reports the number ready.
  await expect(dialog).toHaveCount(0);
  await expect(status).toHaveAttribute('data-state', 'CONNECTED');
  await expect(page.getByTestId('numbers-success')).toContainText(numberName);
  await expect(card.getByTestId('number-phone')).toHaveAttribute('dir', 'ltr');
  await expect(card.getByTestId('number-phone')).toHaveText(/^\+\d{8,15}$/);

  await page.getByTestId('nav-inbox').click();
  await page.getByTestId('inbox-number-filter').selectOption({ label: numberName });
  const list = page.getByTestId('conversation-list');
  const firstRow = list.locator('[data-testid^="conversation-row-"]').first();
  // A simulated customer writes within seconds of the number being ready.
  await expect(firstRow).toBeVisible({ timeout: 25_000 });
  await expect(firstRow).toContainText(numberName);
  await firstRow.click();

  const thread = page.getByTestId('thread');
  await expect(thread.locator('[data-sender="customer"]').first()).toBeVisible();
  // Opened and seen: the conversation is marked read.
  await expect(firstRow).toHaveAttribute('data-unread', '0');

  const answer = 'أهلًا بك، نعم العقار متاح. متى يناسبك موعد المعاينة؟';
  const input = page.getByTestId('composer-input');
  await input.fill(answer);
  await input.press('Enter');
  await expect(input).toHaveValue('');
  const sent = thread.locator('[data-sender="agent"]', { hasText: answer });
  await expect(sent).toHaveCount(1);
  await expect(sent).toHaveAttribute('data-status', /^(queued|sent|delivered|read)$/);
  await expect(sent).toHaveAttribute('data-status', 'read', { timeout: 15_000 });
  await expect(sent.getByTestId('message-ticks')).toBeVisible();
  // The list shows the answer as the last message, still without a reload.
  await expect(firstRow.getByTestId('conversation-preview')).toHaveText(answer);
  expect(await page.evaluate(() => (window as unknown as { noReload?: boolean }).noReload)).toBe(true);
});

test('Shift+Enter starts a new line and an empty message is not sent', async ({ page, host }) => {
  await setUpFirstAdmin(page, host);
  const firstRow = page.getByTestId('conversation-list').locator('[data-testid^="conversation-row-"]').first();
  await firstRow.click();
  const input = page.getByTestId('composer-input');
  await input.press('Enter');
  await expect(page.getByTestId('thread').locator('[data-status="queued"]')).toHaveCount(0);
  await input.fill('السطر الأول');
  await input.press('Shift+Enter');
  await input.pressSequentially('السطر الثاني');
  await expect(input).toHaveValue('السطر الأول\nالسطر الثاني');
  await input.press('Enter');
  await expect(input).toHaveValue('');
  await expect(page.getByTestId('thread').locator('[data-sender="agent"]', { hasText: 'السطر الثاني' })).toHaveCount(1);
});

test('the numbers page and the inbox read right to left in Arabic and left to right in English', async ({ page, host }) => {
  await setUpFirstAdmin(page, host);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByTestId('nav-inbox')).toHaveText(/^المحادثات/); // then the unread count
  await page.getByTestId('nav-numbers').click();
  await expect(page.getByTestId('numbers-page')).toContainText('أرقام واتساب');
  const demoStatus = page.locator('[data-testid^="number-status-"]').first();
  await expect(demoStatus).toHaveAttribute('data-state', 'CONNECTED');
  await expect(demoStatus).toContainText('متصل');
  await expect(page.getByTestId('number-phone').first()).toHaveAttribute('dir', 'ltr');

  await page.getByTestId('language-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('numbers-page')).toContainText('WhatsApp numbers');
  await expect(demoStatus).toContainText('Connected');
  await expect(page.getByTestId('numbers-add')).toHaveText(/Add number/);

  await page.getByTestId('nav-inbox').click();
  await expect(page.getByTestId('inbox-status-filter')).toContainText('All statuses');
  await page.getByTestId('conversation-list').locator('[data-testid^="conversation-row-"]').first().click();
  await expect(page.getByTestId('composer-input')).toHaveAttribute('placeholder', 'Type a message…');

  await page.getByTestId('language-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByTestId('composer-input')).toHaveAttribute('placeholder', 'اكتب رسالة…');
});

test('an agent sees the numbers read-only and cannot link or remove them', async ({ page, host }) => {
  await setUpFirstAdmin(page, host);
  await page.getByTestId('signout').click();
  await signIn(page, demoAgent.email, demoAgent.password);
  await expect(page.getByTestId('inbox-page')).toBeVisible();
  await page.getByTestId('nav-numbers').click();
  await expect(page.getByTestId('numbers-read-only')).toBeVisible();
  await expect(page.locator('[data-testid^="number-row-"]').first()).toBeVisible();
  await expect(page.getByTestId('numbers-add')).toHaveCount(0);
  await expect(page.locator('[data-testid^="number-connect-"], [data-testid^="number-remove-"], [data-testid^="number-relink-"]')).toHaveCount(0);
});

test('removing a number asks first and keeps its conversations readable', async ({ page, host }) => {
  await setUpFirstAdmin(page, host);
  await page.getByTestId('nav-numbers').click();
  // The demo office's own number, with its customers' conversations.
  const demoCard = page.locator('[data-testid^="number-row-"]').first();
  const demoName = (await demoCard.getAttribute('data-testid'))!.replace('number-row-', '');
  await page.getByTestId(`number-remove-${demoName}`).click();
  await expect(page.getByTestId('confirm-dialog')).toContainText('محفوظة');
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId(`number-row-${demoName}`)).toHaveCount(0);
  await expect(page.getByTestId('numbers-success')).toBeVisible();
  await expect(page.getByTestId('numbers-empty')).toBeVisible();

  await page.getByTestId('nav-inbox').click();
  const row = page.getByTestId('conversation-list').locator('[data-testid^="conversation-row-"]').first();
  await expect(row).toContainText(demoName);
  await row.click();
  await expect(page.getByTestId('thread').locator('[data-sender="customer"]').first()).toBeVisible();
  await expect(page.getByTestId('composer-number-removed')).toBeVisible();
});
