import { createHmac } from 'node:crypto';
import WebSocket from 'ws';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { admin, expect, setUpFirstAdmin, test } from './fixtures';

/** Meta's signature, written out as Meta computes it over the bytes it sends. */
const signatureFor = (body: string, secret: string) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/** Meta's webhook envelope for one change of the number. */
const metaBody = (value: Record<string, unknown>) => ({
  object: 'whatsapp_business_account',
  entry: [{ id: wabaId, changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '966500000001', phone_number_id: phoneNumberId }, ...value } }] }],
});
const textFrom = (id: string, from: string, name: string, body: string) =>
  metaBody({ contacts: [{ profile: { name }, wa_id: from }], messages: [{ from, id, timestamp: String(Math.floor(Date.now() / 1000)), type: 'text', text: { body } }] });
const statusOf = (id: string, state: string, offsetSec: number) =>
  metaBody({ statuses: [{ id, status: state, timestamp: String(Math.floor(Date.now() / 1000) + offsetSec), recipient_id: '966512345678' }] });

/** A window's socket to the host: the same contract calls the connection screen makes. */
async function contractCall(url: string, channel: string, input: unknown, token?: string): Promise<{ success: boolean; data?: any; error?: unknown }> {
  const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/ws`, { origin: url });
  await new Promise<void>((resolve, reject) => (socket.once('open', () => resolve()), socket.once('error', reject)));
  try {
    return await new Promise((resolve) => {
      socket.on('message', (raw) => {
        const message = JSON.parse(String(raw)) as { type: string; id?: number; result?: { success: boolean } };
        if (message.type === 'result' && message.id === 1) resolve(message.result!);
      });
      socket.send(JSON.stringify({ type: 'call', id: 1, channel, input, ...(token ? { token } : {}) }));
    });
  } finally {
    socket.close();
  }
}

/**
 * Issue 19 in Chromium against the host: a Cloud API number linked by an admin (through the
 * contract, checked against a local Graph API stand-in), a signed webhook from "Meta" shows the
 * chat live in Arabic, the answer goes out through the Graph API, and Meta's statuses tick it.
 */
interface GraphStandIn {
  baseUrl: string;
  sends: { path: string; body: Record<string, unknown> }[];
  close(): Promise<void>;
}

/** Meta's Graph API as the linking and sending need it, on loopback (the unit tests use src/main/testing/fake-graph.ts). */
async function startGraphStandIn(): Promise<GraphStandIn> {
  const sends: GraphStandIn['sends'] = [];
  let wamids = 0;
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://graph').pathname.replace(/^\/v\d+\.\d+/, '');
      const json = (status: number, body: unknown) => (res.writeHead(status, { 'content-type': 'application/json' }), res.end(JSON.stringify(body)));
      if (req.headers.authorization !== `Bearer ${accessToken}`) return json(401, { error: { message: 'Invalid OAuth access token', code: 190 } });
      if (req.method === 'GET' && path === `/${phoneNumberId}`) return json(200, { id: phoneNumberId, display_phone_number: '+966 50 000 0001', verified_name: 'مكتب ميراس للعقار', quality_rating: 'GREEN' });
      if (req.method === 'GET' && path === `/${wabaId}`) return json(200, { id: wabaId, name: 'Meras' });
      if (req.method === 'POST' && path === `/${phoneNumberId}/messages`) {
        const body = JSON.parse(raw) as Record<string, unknown>;
        sends.push({ path, body });
        if (body.status === 'read') return json(200, { success: true });
        return json(200, { messaging_product: 'whatsapp', contacts: [{ input: body.to, wa_id: body.to }], messages: [{ id: `wamid.FAKE${++wamids}` }] });
      }
      if (req.method === 'POST' && path === `/${wabaId}/subscribed_apps`) return json(200, { success: true });
      if (req.method === 'GET' && path === `/${wabaId}/message_templates`) return json(200, { data: [], paging: {} });
      return json(400, { error: { message: `Unsupported ${req.method} ${path}`, code: 100 } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, sends, close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))) };
}

let graph: GraphStandIn | null = null;
test.afterEach(async () => {
  await graph?.close();
  graph = null;
});

const phoneNumberId = '106540352242922';
const wabaId = '102290129340398';
const accessToken = 'test-access-token-of-the-office-number';
const appSecret = '0123456789abcdef0123456789abcdef';

test('a signed Meta webhook shows the customer’s chat live in Arabic; the answer goes out by the Graph API and Meta’s statuses tick it', async ({ page, host }) => {
  test.setTimeout(90_000);
  graph = await startGraphStandIn();
  await setUpFirstAdmin(page, host);

  // The admin links the number (the connection screen calls the same channels).
  const signedIn = await contractCall(host.url, 'auth.signIn', { email: admin.email, password: admin.password });
  if (!signedIn.success) throw new Error(JSON.stringify(signedIn.error));
  const token = (signedIn.data as { token: string }).token;
  expect((await contractCall(host.url, 'cloud.saveGraphSettings', { baseUrl: graph.baseUrl, version: 'v21.0' }, token)).success).toBe(true);
  const linked = await contractCall(host.url, 'cloud.link', { name: 'الرقم الرسمي', phoneNumberId, wabaId, accessToken, appSecret, verifyToken: 'meras-verify-token' }, token);
  if (!linked.success) throw new Error(JSON.stringify(linked.error));
  const callback = `${host.url}${(linked.data as { callbackPath: string }).callbackPath}`;

  // Meta verifies the callback URL, then a customer writes.
  const verified = await fetch(`${callback}?hub.mode=subscribe&hub.verify_token=meras-verify-token&hub.challenge=4242`);
  expect([verified.status, await verified.text()]).toEqual([200, '4242']);
  const question = 'السلام عليكم، هل الشقة في حي الملقا ما زالت متاحة؟';
  const post = async (body: object) => {
    const bytes = JSON.stringify(body);
    const response = await fetch(callback, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signatureFor(bytes, appSecret) }, body: bytes });
    expect(response.status).toBe(200);
  };
  // A forged one first: refused, and nothing shows.
  const forged = await fetch(callback, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signatureFor('{}', appSecret) }, body: JSON.stringify(textFrom('wamid.FORGED', '966512345678', 'مزور', 'مزور')) });
  expect(forged.status).toBe(401);
  await post(textFrom('wamid.Q1', '966512345678', 'محمد أحمد', question));

  // Live: no reload, the conversation appears under the customer's name.
  const row = page.getByTestId('conversation-list').locator('[data-testid^="conversation-row-"]', { hasText: 'محمد أحمد' });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('conversation-preview')).toHaveText(question);
  await expect(page.getByText('مزور')).toHaveCount(0);
  await row.click();
  const thread = page.getByTestId('thread');
  await expect(thread.locator('[data-sender="customer"]', { hasText: question })).toBeVisible();

  const answer = 'وعليكم السلام، نعم متاحة. متى يناسبك موعد المعاينة؟';
  const input = page.getByTestId('composer-input');
  await input.fill(answer);
  await input.press('Enter');
  const sent = thread.locator('[data-sender="agent"]', { hasText: answer });
  await expect(sent).toHaveAttribute('data-status', 'sent', { timeout: 15_000 });
  const sends = graph.sends.filter((r) => r.body.type === 'text');
  expect(sends).toHaveLength(1);
  expect(sends[0]!.body).toMatchObject({ to: '966512345678', text: { body: answer } });

  // Meta's statuses for the wamid the send returned (the stand-in's first): delivered, then read, out of order.
  const wamid = 'wamid.FAKE1';
  await post(statusOf(wamid, 'read', 2));
  await post(statusOf(wamid, 'delivered', 1));
  await expect(sent).toHaveAttribute('data-status', 'read');
  await expect(sent.getByTestId('message-ticks')).toHaveAttribute('aria-label', 'قُرئت');
  await page.screenshot({ path: test.info().outputPath('cloud-webhook-thread.png') });

  // The connection screen says when Meta was last heard from.
  await page.goto(`${host.url}/#/cloud`);
  const last = page.getByTestId('cloud-last-webhook');
  await expect(last).toContainText('آخر ويب هوك وصل');
  await expect(last).not.toContainText('لم يصل شيء بعد');
});
