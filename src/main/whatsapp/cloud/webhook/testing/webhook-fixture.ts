import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type Database from 'better-sqlite3';
import { cloudCallbackPath } from '../../../../../shared/cloud/types';
import { mountApi } from '../../../../api/mount-api';
import type { Logger } from '../../../../base/logger';
import { fastOutboxPolicy, manualClock, startTestCore } from '../../../../testing/test-core';
import type { FetchCloudMedia } from '../cloud-media-source';
import { signatureFor } from '../signature';
import type { WebhookReceiver } from '../webhook-receiver';
import { insertCloudNumber } from './cloud-number';
import { testPhoneNumberId } from './meta-payloads';

export const appSecret = 'app-secret-of-the-office';
export const verifyToken = 'verify-token-1';
export const pathKey = 'k3y-of-number-1';
export const accessToken = 'EAAG-test-token';

export interface WebhookFixture {
  t: ReturnType<typeof startTestCore>;
  clock: ReturnType<typeof manualClock>;
  sqlite: Database.Database;
  numberId: number;
  receiver: WebhookReceiver;
  base: string;
  post(body: string | Buffer | object, options?: { signature?: string | null; path?: string }): Promise<{ status: number; text: string }>;
  count(table: string): number;
  close(): Promise<void>;
}

/**
 * A real core on a real SQLite file with one linked Cloud number, served by the host's own HTTP
 * handler (`mountApi`, as `startHost` serves it) on a real loopback server.
 */
export async function startWebhookFixture(options: { fetchMedia?: FetchCloudMedia; appSecret?: string | null; logger?: Logger } = {}): Promise<WebhookFixture> {
  const clock = manualClock();
  const t = startTestCore({ clock, ...(options.logger ? { logger: options.logger } : {}), whatsapp: { outboxPolicy: fastOutboxPolicy, ...(options.fetchMedia ? { cloudMedia: options.fetchMedia } : {}) } });
  const { sqlite } = t.core.database;
  const numberId = insertCloudNumber(sqlite, {
    name: 'Cloud',
    phoneNumberId: testPhoneNumberId,
    wabaId: 'WABA1',
    accessToken,
    appSecret: options.appSecret === undefined ? appSecret : options.appSecret,
    verifyToken,
    pathKey,
  });
  const api = mountApi(t.core, (_req, res) => (res.writeHead(404), res.end()));
  const server = http.createServer(api.handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  async function post(body: string | Buffer | object, options: { signature?: string | null; path?: string } = {}) {
    const bytes = Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body), 'utf8');
    const signature = options.signature === undefined ? signatureFor(bytes, appSecret) : options.signature;
    const response = await fetch(`${base}${options.path ?? cloudCallbackPath(pathKey)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(signature === null ? {} : { 'x-hub-signature-256': signature }) },
      body: new Uint8Array(bytes),
    });
    return { status: response.status, text: await response.text() };
  }

  return {
    t,
    clock,
    sqlite,
    numberId,
    receiver: t.core.whatsapp.cloudWebhook.receiver,
    base,
    post,
    count: (table) => (sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n,
    async close() {
      api.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await t.close();
    },
  };
}
