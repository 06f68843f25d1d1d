import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type Database from 'better-sqlite3';
import { fastOutboxPolicy, manualClock, startTestCore } from '../../../../testing/test-core';
import type { CloudEndpoint, CloudEndpoints } from '../endpoints';
import { signatureFor } from '../signature';
import { cloudInboundSource, type FetchCloudMedia } from '../cloud-media-source';
import { createCloudWebhookHandler } from '../webhook-http';
import { WebhookReceiver } from '../webhook-receiver';
import { testPhoneNumberId } from './meta-payloads';

export const appSecret = 'app-secret-of-the-office';
export const verifyToken = 'verify-token-1';
export const pathKey = 'k3y-of-number-1';

/**
 * A real core on a real SQLite file, one Cloud number, the receiver fed through the core's
 * own pipeline and ingest, and a real HTTP server in front of it.
 */
export type WebhookFixture = Awaited<ReturnType<typeof startWebhookFixture>>;

export async function startWebhookFixture(options: { fetchMedia?: FetchCloudMedia; appSecret?: string | null } = {}): Promise<{
  t: ReturnType<typeof startTestCore>;
  clock: ReturnType<typeof manualClock>;
  sqlite: Database.Database;
  numberId: number;
  receiver: WebhookReceiver;
  base: string;
  post(body: string | Buffer | object, options?: { signature?: string | null; path?: string }): Promise<{ status: number; text: string }>;
  count(table: string): number;
  close(): Promise<void>;
}> {
  const clock = manualClock();
  const t = startTestCore({ clock, whatsapp: { outboxPolicy: fastOutboxPolicy } });
  const sqlite: Database.Database = t.core.database.sqlite;
  const numberId = Number(sqlite.prepare("insert into whatsapp_numbers (name, phone_number) values ('Cloud', '+966500000001')").run().lastInsertRowid);
  const endpoint: CloudEndpoint = { numberId, appSecret: options.appSecret === undefined ? appSecret : options.appSecret, verifyToken };
  const endpoints: CloudEndpoints = {
    byPathKey: (key) => (key === pathKey ? endpoint : null),
    all: () => [endpoint],
    byPhoneNumberId: (id) => (id === testPhoneNumberId ? endpoint : null),
  };
  const fetchMedia: FetchCloudMedia = options.fetchMedia ?? (() => Promise.resolve(null));
  const receiver = new WebhookReceiver({
    sqlite,
    clock,
    logger: t.core.logger,
    pipeline: t.core.whatsapp.pipeline,
    endpoints,
    sourceFor: (id) => cloudInboundSource(sqlite, id, fetchMedia),
  });
  const handler = createCloudWebhookHandler(() => ({ endpoints, accept: (signer, body) => receiver.accept(signer, body) }), t.core.logger);
  const server = http.createServer((req, res) => (handler.handles(req) ? handler.handle(req, res) : (res.writeHead(404), res.end())));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  /** Posts bytes as Meta would, signed with the app secret unless `signature` says otherwise. */
  async function post(body: string | Buffer | object, options: { signature?: string | null; path?: string } = {}) {
    const bytes = Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body), 'utf8');
    const signature = options.signature === undefined ? signatureFor(bytes, appSecret) : options.signature;
    const response = await fetch(`${base}${options.path ?? `/webhook/cloud/${pathKey}`}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(signature === null ? {} : { 'x-hub-signature-256': signature }) },
      body: new Uint8Array(bytes),
    });
    return { status: response.status, text: await response.text() };
  }

  const count = (table: string) => (sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

  return {
    t,
    clock,
    sqlite,
    numberId,
    receiver,
    base,
    post,
    count,
    async close() {
      receiver.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await t.close();
    },
  };
}
