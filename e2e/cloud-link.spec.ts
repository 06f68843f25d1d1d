import { createHmac } from 'node:crypto';
import type { Page } from '@playwright/test';
import { startFakeGraph, type FakeGraph } from '../src/main/testing/fake-graph';
import { expect, setUpFirstAdmin, test as base, type HostProcess } from './fixtures';

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
  await expect(page.getByTestId('number-cloud-الرقم الرسمي')).toHaveText('Cloud API الرسمية');
  await expect(page.getByTestId('number-status-الرقم الرسمي')).toContainText('متصل');
  await page.screenshot({ path: 'test-results/cloud-number-card.png' });
});

/** Links the number through the connection screen; the callback path it shows. */
async function linkCloudNumber(page: Page, host: HostProcess): Promise<string> {
  await page.goto(`${host.url}/#/cloud`);
  await page.getByTestId('cloud-link-open').click();
  await page.getByTestId('cloud-link-name').fill('الرقم الرسمي');
  await page.getByTestId('cloud-link-phone-id').fill(credentials.phoneNumberId);
  await page.getByTestId('cloud-link-waba-id').fill(credentials.wabaId);
  await page.getByTestId('cloud-link-token').fill(credentials.accessToken);
  await page.getByTestId('cloud-link-secret').fill(credentials.appSecret);
  await page.getByTestId('cloud-link-verify').fill('meras-verify-token-42');
  await page.getByTestId('cloud-link-submit').click();
  await expect(page.getByTestId('cloud-linked')).toContainText('ميراس للعقار');
  return (await page.getByTestId('cloud-callback-path').textContent())!;
}

/** What Meta POSTs: its envelope around one change, signed with the app secret over the exact bytes sent. */
async function metaPosts(url: string, value: Record<string, unknown>): Promise<void> {
  const bytes = JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [{ id: credentials.wabaId, changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '966112345678', phone_number_id: credentials.phoneNumberId }, ...value } }] }],
  });
  const signature = `sha256=${createHmac('sha256', credentials.appSecret).update(bytes).digest('hex')}`;
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature }, body: bytes });
  expect(response.status).toBe(200);
}
const now = () => String(Math.floor(Date.now() / 1000));

test('a signed webhook shows the customer live in Arabic; the answer reaches Meta with our id and ticks sent, delivered, read', async ({ page, host, graph }) => {
  await setUpFirstAdmin(page, host);
  const callback = `${host.url}${await linkCloudNumber(page, host)}`;
  await page.getByTestId('nav-inbox').click();

  const question = 'السلام عليكم، هل الفيلا في حي النرجس ما زالت متاحة؟';
  await metaPosts(callback, {
    contacts: [{ profile: { name: 'سارة العتيبي' }, wa_id: '966501234567' }],
    messages: [{ from: '966501234567', id: 'wamid.E2E-Q1', timestamp: now(), type: 'text', text: { body: question } }],
  });
  const row = page.getByTestId('conversation-list').locator('[data-testid^="conversation-row-"]', { hasText: 'سارة العتيبي' });
  await expect(row).toHaveCount(1);
  await row.click();
  const thread = page.getByTestId('thread');
  await expect(thread.locator('[data-sender="customer"]', { hasText: question })).toBeVisible();
  // Inside the 24-hour window: free text may go, and the composer says until when.
  await expect(page.getByTestId('cloud-window-open')).toBeVisible();

  const answer = 'وعليكم السلام، نعم متاحة. هل يناسبك موعد معاينة غداً العصر؟';
  await page.getByTestId('composer-input').fill(answer);
  await page.getByTestId('composer-input').press('Enter');
  const sent = thread.locator('[data-sender="agent"]', { hasText: answer });
  await expect(sent).toHaveAttribute('data-status', 'sent');
  const [request] = graph.requestsTo('POST', new RegExp(`^/${credentials.phoneNumberId}/messages$`)).filter((r) => (r.body as { type?: string }).type === 'text');
  expect(request!.body).toMatchObject({ to: '966501234567', type: 'text', text: { body: answer }, biz_opaque_callback_data: expect.stringMatching(/^meras:\d+$/) });

  // Meta's statuses for the wamid its stand-in answered, one after another: each ticks in the thread.
  for (const [state, label] of [['sent', 'أُرسلت'], ['delivered', 'وصلت'], ['read', 'قُرئت']] as const) {
    await metaPosts(callback, { statuses: [{ id: 'wamid.FAKE1', status: state, timestamp: now(), recipient_id: '966501234567', biz_opaque_callback_data: (request!.body as { biz_opaque_callback_data: string }).biz_opaque_callback_data }] });
    await expect(sent).toHaveAttribute('data-status', state);
    await expect(sent.getByTestId('message-ticks')).toHaveAttribute('aria-label', label);
  }
  await page.screenshot({ path: 'test-results/cloud-thread.png' });
});

test('a customer silent for more than 24 hours gets an approved template: the composer says why and offers it', async ({ page, host, graph }) => {
  graph.templates.set(credentials.wabaId, [
    { id: '9001', name: 'viewing_follow_up', language: 'ar', status: 'APPROVED', category: 'UTILITY', components: [{ type: 'BODY', text: 'مرحباً {{1}}، هل ما زلت مهتماً بـ{{2}}؟' }] },
  ]);
  await setUpFirstAdmin(page, host);
  const callback = `${host.url}${await linkCloudNumber(page, host)}`;
  await page.getByTestId('cloud-templates-sync').click();
  await expect(page.getByTestId('cloud-templates-synced')).toHaveText('زومن قالب واحد.');

  // Meta's own timestamp: the customer wrote 25 hours ago (delivered late, as after a long outage).
  await metaPosts(callback, {
    contacts: [{ profile: { name: 'خالد الدوسري' }, wa_id: '966502223344' }],
    messages: [{ from: '966502223344', id: 'wamid.E2E-OLD', timestamp: String(Math.floor(Date.now() / 1000) - 25 * 3600), type: 'text', text: { body: 'أبغى فيلا في الرياض' } }],
  });
  await page.getByTestId('nav-inbox').click();
  await page.getByTestId('conversation-list').locator('[data-testid^="conversation-row-"]', { hasText: 'خالد الدوسري' }).click();
  await expect(page.getByTestId('cloud-window-closed')).toContainText('مضى أكثر من 24 ساعة');
  await page.getByTestId('cloud-template-select').selectOption({ label: 'viewing_follow_up (ar)' });
  await page.getByTestId('cloud-template-body-0').fill('خالد');
  await page.getByTestId('cloud-template-body-1').fill('فيلا حطين');
  await page.getByTestId('cloud-template-send').click();
  const sent = page.getByTestId('thread').locator('[data-sender="agent"]', { hasText: 'مرحباً خالد، هل ما زلت مهتماً بـفيلا حطين؟' });
  await expect(sent).toHaveAttribute('data-status', 'sent');
  // Opening the conversation sent Meta a read receipt first; the template is the one with a type.
  const [request] = graph.requestsTo('POST', new RegExp(`^/${credentials.phoneNumberId}/messages$`)).filter((r) => (r.body as { type?: string }).type === 'template');
  expect(request!.body).toMatchObject({
    to: '966502223344',
    type: 'template',
    template: { name: 'viewing_follow_up', language: { code: 'ar' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'خالد' }, { type: 'text', text: 'فيلا حطين' }] }] },
  });
  await page.screenshot({ path: 'test-results/cloud-window-closed.png' });
});
