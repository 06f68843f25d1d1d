import { startFakeGraph, type FakeGraph } from '../src/main/testing/fake-graph';
import { expect, setUpFirstAdmin, test as base } from './fixtures';

/** Meta's Graph API stand-in, started before the host, which is pointed at it (`--graph-base-url`). */
const test = base.extend<{ graph: FakeGraph }>({
  graph: async ({}, use) => {
    const graph = await startFakeGraph();
    graph.addNumber({ phoneNumberId: '106540352242922', wabaId: '102290129340398', accessToken: 'EAAGe2e-access-token-0123456789', displayPhoneNumber: '+966 11 234 5678', verifiedName: 'ميراس للعقار' });
    await use(graph);
    await graph.close();
  },
  graphBaseUrl: async ({ graph }, use) => use(graph.baseUrl),
});

const credentials = { phoneNumberId: '106540352242922', wabaId: '102290129340398', accessToken: 'EAAGe2e-access-token-0123456789', appSecret: '0123456789abcdef0123456789abcdef' };

test('an admin links a Cloud API number in Arabic, sees its name, and copies the callback URL and verify token', async ({ page, host }) => {
  await setUpFirstAdmin(page, host);
  await page.goto(`${host.url}/#/cloud`);
  await expect(page.getByTestId('cloud-page')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');

  // A wrong token first: Meta refuses it, and the form says so under the field, in Arabic.
  await page.getByTestId('cloud-link-open').click();
  await page.getByTestId('cloud-link-name').fill('الرقم الرسمي');
  await page.getByTestId('cloud-link-phone-id').fill(credentials.phoneNumberId);
  await page.getByTestId('cloud-link-waba-id').fill(credentials.wabaId);
  await page.getByTestId('cloud-link-token').fill('EAAG-an-expired-token-000000');
  await page.getByTestId('cloud-link-secret').fill(credentials.appSecret);
  await page.getByTestId('cloud-link-verify').fill('meras-verify-token-42');
  await page.getByTestId('cloud-link-submit').click();
  await expect(page.getByTestId('cloud-link-dialog')).toContainText('رفضت Meta رمز الوصول');

  await page.getByTestId('cloud-link-token').fill(credentials.accessToken);
  await page.getByTestId('cloud-link-submit').click();
  await expect(page.getByTestId('cloud-linked')).toContainText('ميراس للعقار');
  await expect(page.getByTestId('cloud-number-verified-name')).toContainText('ميراس للعقار');
  await expect(page.getByTestId('cloud-verify-token')).toHaveText('meras-verify-token-42');
  await expect(page.getByTestId('cloud-callback-path')).toHaveText(/^\/api\/v1\/whatsapp\/webhook\/cloud\/[A-Za-z0-9_-]+$/);
  // No public URL yet: the banner says Cloud messages cannot arrive.
  await expect(page.getByTestId('cloud-banner')).toContainText('لا يوجد عنوان عام');

  // The office's own stable address (port forwarding): the full callback URL to paste into Meta.
  await page.getByTestId('cloud-mode').selectOption('manual');
  await page.getByTestId('cloud-public-url').fill('https://desk.meras-office.sa');
  await page.getByTestId('cloud-tunnel-save').click();
  await expect(page.getByTestId('cloud-callback-url')).toHaveText(/^https:\/\/desk\.meras-office\.sa\/api\/v1\/whatsapp\/webhook\/cloud\/[A-Za-z0-9_-]+$/);
  await page.screenshot({ path: 'test-results/cloud-connection.png', fullPage: true });

  // The number is on the Numbers page, connected through the Cloud API.
  await page.goto(`${host.url}/#/numbers`);
  await expect(page.getByTestId('number-row-الرقم الرسمي')).toBeVisible();
});
