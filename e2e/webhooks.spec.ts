import { createHmac } from 'node:crypto';
import { startWebhookReceiver, type WebhookReceiver } from '../src/main/testing/webhook-receiver';
import { expect, setUpFirstAdmin, test } from './fixtures';

/** The README's recipe, written out here so the test checks what a CRM would check. */
function signedAsDocumented(secret: string, post: { headers: Record<string, unknown>; body: string }): boolean {
  const timestamp = String(post.headers['x-meras-timestamp']);
  return post.headers['x-meras-signature'] === 'sha256=' + createHmac('sha256', secret).update(`${timestamp}.${post.body}`).digest('hex');
}

let crm: WebhookReceiver | null = null;
test.afterEach(async () => {
  await crm?.close();
  crm = null;
});

test('an admin adds a CRM webhook, sees its secret once, sends a test the CRM can verify, reads the log with a failing retry, pauses and deletes it', async ({ page, host, context }) => {
  test.setTimeout(90_000);
  // A CRM on this computer: a real HTTP server in the test's process that answers 200.
  crm = await startWebhookReceiver();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: host.url });
  await setUpFirstAdmin(page, host);
  await page.getByTestId('nav-integrations').click();
  const section = page.getByTestId('webhooks-section');
  await expect(section.getByRole('heading', { name: 'ويب هوك لنظام CRM' })).toBeVisible();
  await expect(section.getByTestId('webhooks-empty')).toHaveText('لا توجد عناوين بعد.');

  await section.getByTestId('webhook-new').click();
  const dialog = page.getByTestId('webhook-dialog');
  // A plain-http address elsewhere is refused under its field, and nothing is added.
  await dialog.getByTestId('webhook-url').fill('http://crm.example.com/hook');
  await dialog.getByTestId('webhook-form-submit').click();
  await expect(dialog.locator('.field-error').first()).toBeVisible();
  await dialog.getByTestId('webhook-url').fill(crm.url);
  await expect(dialog.getByText('رسالة جديدة')).toBeVisible();
  await dialog.getByTestId('webhook-event-message.new').uncheck();
  await dialog.getByTestId('webhook-form-submit').click();

  // The signing secret, once, with its warning and a copy button.
  const secretDialog = page.getByTestId('webhook-secret-dialog');
  await expect(secretDialog.getByTestId('webhook-secret-once')).toContainText('لن يظهر مرة أخرى');
  const secret = (await secretDialog.getByTestId('webhook-secret').textContent())!.trim();
  expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
  await secretDialog.getByTestId('webhook-copy').click();
  await expect(secretDialog.getByTestId('webhook-copy')).toHaveText('نُسخ');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  await page.screenshot({ path: test.info().outputPath('webhook-secret.png') });
  await secretDialog.getByTestId('webhook-secret-done').click();
  await expect(secretDialog).toHaveCount(0);
  expect(await page.content()).not.toContain(secret);

  const row = section.getByTestId('webhooks-table').locator('tbody tr').first();
  await expect(row.getByTestId('webhook-url-cell')).toHaveText(crm.url);
  await expect(row).toContainText('إسناد محادثة');
  await expect(row).not.toContainText('رسالة جديدة');
  await expect(row.getByTestId('webhook-status')).toHaveText('يعمل');
  await expect(row.getByTestId('webhook-last-delivery')).toHaveText('لا شيء بعد');

  // "Send test": the CRM gets one POST, signed with that secret; the log shows it delivered.
  await row.getByRole('button', { name: 'إرسال تجربة' }).click();
  const log = page.getByTestId('webhook-log-dialog');
  await expect(log.getByTestId('webhook-log-notice')).toBeVisible();
  const delivery = log.locator('.webhook-log-row').first();
  await expect(delivery.getByTestId('webhook-delivery-status')).toHaveText('سُلّم');
  await expect(delivery.getByTestId('webhook-delivery-event')).toHaveText('تجربة');
  await expect(delivery.getByTestId('webhook-delivery-result')).toHaveText('HTTP 200');
  await expect(delivery.getByTestId('webhook-delivery-attempts')).toHaveText('محاولة واحدة');
  await expect(delivery.getByTestId('webhook-delivery-when')).toContainText('سُلّم في');
  expect(crm.posts).toHaveLength(1);
  const post = crm.posts[0]!;
  expect(signedAsDocumented(secret, post)).toBe(true);
  const body = JSON.parse(post.body) as { id: string; event: string };
  expect(body.event).toBe('webhook.test');
  expect(post.headers['x-meras-delivery']).toBe(body.id);
  await page.screenshot({ path: test.info().outputPath('webhook-log.png') });
  await log.getByTestId('webhook-log-close').click();
  await expect(row.getByTestId('webhook-last-delivery')).toContainText('سُلّم');
  await expect(row.getByTestId('webhook-last-delivery')).toContainText('HTTP 200');

  // The CRM starts failing: the next test waits for its retry, newest first in the log.
  crm.answerWith(500);
  await row.getByRole('button', { name: 'إرسال تجربة' }).click();
  const [retrying, delivered] = [log.locator('.webhook-log-row').nth(0), log.locator('.webhook-log-row').nth(1)];
  await expect(retrying.getByTestId('webhook-delivery-result')).toHaveText('HTTP 500');
  await expect(retrying.getByTestId('webhook-delivery-status')).toHaveText('في الانتظار');
  await expect(retrying.getByTestId('webhook-delivery-when')).toContainText('المحاولة التالية');
  await expect(delivered.getByTestId('webhook-delivery-status')).toHaveText('سُلّم');
  expect(crm.posts).toHaveLength(2);
  await page.screenshot({ path: test.info().outputPath('webhook-log-retry.png') });
  await log.getByTestId('webhook-log-close').click();

  // Paused by the admin: the list says so and by whom, and the waiting retry is cancelled.
  await row.getByRole('button', { name: 'إيقاف' }).click();
  await expect(row.getByTestId('webhook-status')).toContainText('متوقف');
  await expect(row.getByTestId('webhook-paused-reason')).toContainText('أوقفه مدير');
  await expect(row.getByRole('button', { name: 'استئناف' })).toBeVisible();
  await expect(row.getByTestId('webhook-last-delivery')).toContainText('أُلغي');
  await page.screenshot({ path: test.info().outputPath('webhooks-list.png'), fullPage: true });

  // The same in English, left to right; then it is deleted after a confirmation.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(section.getByRole('heading', { name: 'CRM webhooks' })).toBeVisible();
  await expect(row.getByTestId('webhook-status')).toContainText('Paused');
  await expect(row.getByTestId('webhook-paused-reason')).toContainText('Paused by an admin');
  await row.getByRole('button', { name: 'Delivery log' }).click();
  await expect(log.locator('.webhook-log-row').nth(0).getByTestId('webhook-delivery-status')).toHaveText('Cancelled');
  await expect(log.locator('.webhook-log-row').nth(1).getByTestId('webhook-delivery-status')).toHaveText('Delivered');
  await expect(log.locator('.webhook-log-row').nth(1).getByTestId('webhook-delivery-attempts')).toHaveText('1 attempt');
  await page.screenshot({ path: test.info().outputPath('webhook-log-english.png') });
  await log.getByTestId('webhook-log-close').click();
  await row.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByTestId('confirm-dialog')).toContainText(crm.url);
  await page.getByTestId('confirm-dialog').getByTestId('confirm-ok').click();
  await expect(section.getByTestId('webhooks-empty')).toHaveText('No endpoints yet.');
  expect(crm.posts).toHaveLength(2);
});
