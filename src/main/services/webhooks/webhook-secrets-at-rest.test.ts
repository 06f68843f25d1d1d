import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseFileName } from '../../db/open-database';
import { eventually, startTestCore, tempDir } from '../../testing/test-core';
import { startWebhookReceiver, type WebhookReceiver } from '../../testing/webhook-receiver';
import { webhookKeyFileName } from './webhook-secrets';

type TestCore = ReturnType<typeof startTestCore>;
const cores: TestCore[] = [];
const receivers: WebhookReceiver[] = [];
afterEach(async () => {
  for (const t of cores.splice(0)) await t.close();
  for (const r of receivers.splice(0)) await r.close();
});

function office(dataDir: string): TestCore {
  const t = startTestCore({ dataDir });
  cores.push(t);
  return t;
}

async function closeOffice(t: TestCore): Promise<void> {
  cores.splice(cores.indexOf(t), 1);
  await t.close();
}

async function receiver(): Promise<WebhookReceiver> {
  const r = await startWebhookReceiver();
  receivers.push(r);
  return r;
}

/** Whether the database file or its WAL holds `text` anywhere, free space included. */
function onDisk(dataDir: string, text: string): boolean {
  const file = path.join(dataDir, databaseFileName);
  return [file, `${file}-wal`].some((f) => fs.existsSync(f) && fs.readFileSync(f).includes(text));
}

/** The README's recipe, written out independently of the core's own signing code. */
function verifies(secret: string, post: { headers: Record<string, unknown>; body: string }): boolean {
  const timestamp = String(post.headers['x-meras-timestamp']);
  return post.headers['x-meras-signature'] === 'sha256=' + createHmac('sha256', secret).update(`${timestamp}.${post.body}`).digest('hex');
}

const storedSecret = (t: TestCore, id: number) => (t.core.database.sqlite.prepare('select secret from webhook_endpoints where id = ?').get(id) as { secret: string }).secret;

/** An office whose admin added one CRM endpoint, then closed (as an app quit): the data folder, the endpoint, the CRM. */
async function closedOfficeWithEndpoint() {
  const dataDir = tempDir();
  const first = office(dataDir);
  const admin = await first.setupAdmin();
  const crm = await receiver();
  const { endpoint } = await first.call('webhooks.create', { url: crm.url, events: ['contact.created'] }, admin.token);
  await closeOffice(first);
  return { dataDir, endpoint, crm };
}

describe('CRM webhook signing secrets at rest', () => {
  it('a new endpoint’s secret is never in the database file, and its deliveries are signed with the secret shown once', async () => {
    const dataDir = tempDir();
    const t = office(dataDir);
    const admin = await t.setupAdmin();
    const crm = await receiver();
    const { endpoint, secret } = await t.call('webhooks.create', { url: crm.url, events: ['contact.created'] }, admin.token);
    expect(storedSecret(t, endpoint.id)).not.toContain(secret);
    await t.call('webhooks.sendTest', { id: endpoint.id }, admin.token);
    await eventually(() => expect(crm.posts).toHaveLength(1));
    expect(verifies(secret, crm.posts[0]!)).toBe(true);
    await closeOffice(t);
    expect(onDisk(dataDir, secret)).toBe(false);
  });

  it('a secret an older version kept in plain text is sealed at the next start, once, gone from the file, and still signs', async () => {
    const { dataDir, endpoint, crm } = await closedOfficeWithEndpoint();
    // As an older version wrote it.
    const legacy = 'whsec_legacyPlainSecretFromAnOlderVersion0123456';
    const raw = new Database(path.join(dataDir, databaseFileName));
    raw.prepare('update webhook_endpoints set secret = ? where id = ?').run(legacy, endpoint.id);
    raw.close();
    expect(onDisk(dataDir, legacy)).toBe(true);

    const second = office(dataDir);
    const sealed = storedSecret(second, endpoint.id);
    expect(sealed).not.toContain(legacy);
    await closeOffice(second);
    expect(onDisk(dataDir, legacy)).toBe(false);

    // A later start leaves the sealed row as it is; the CRM still checks the POST with its secret.
    const third = office(dataDir);
    expect(storedSecret(third, endpoint.id)).toBe(sealed);
    const { token } = await third.call('auth.signIn', { email: 'admin@office.test', password: 'admin-pass-123' });
    await third.call('webhooks.sendTest', { id: endpoint.id }, token);
    await eventually(() => expect(crm.posts).toHaveLength(1));
    expect(verifies(legacy, crm.posts[0]!)).toBe(true);
  });

  it('a secret that no longer opens (another key file) sends nothing unsigned: the attempt fails and says why', async () => {
    const { dataDir, endpoint, crm } = await closedOfficeWithEndpoint();
    fs.rmSync(path.join(dataDir, webhookKeyFileName));

    const second = office(dataDir);
    const { token } = await second.call('auth.signIn', { email: 'admin@office.test', password: 'admin-pass-123' });
    await second.call('webhooks.sendTest', { id: endpoint.id }, token);
    await eventually(async () =>
      expect((await second.call('webhooks.deliveries', { endpointId: endpoint.id }, token)).items).toMatchObject([{ attempts: 1, lastError: 'signing_secret_unavailable' }]),
    );
    expect(crm.posts).toHaveLength(0);
  });
});
