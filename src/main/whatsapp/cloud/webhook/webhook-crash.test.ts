import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cloudCallbackPath } from '../../../../shared/cloud/types';
import { databaseFileName } from '../../../db/open-database';
import { buildCrashChild, spawnCrashChild, type CrashChild } from '../../../outbox/crash-harness';
import { eventually, migrationsDir, startTestCore, tempDir } from '../../../testing/test-core';
import { signatureFor } from './signature';
import { insertCloudNumber } from './testing/cloud-number';
import { messagesValue, metaBody, sender, testPhoneNumberId, textMessage } from './testing/meta-payloads';
import type { CloudCrashChildConfig } from './webhook-crash-child';

/**
 * "Durable acknowledge": the host runs in a child process killed with SIGKILL right after
 * answering 200; a core started again on the same data folder stores every acknowledged
 * message, once, even when Meta then sends one of them again.
 */
let bundle: string;
beforeAll(async () => {
  bundle = await buildCrashChild(path.join(__dirname, 'webhook-crash-child.ts'));
}, 60_000);

const children: CrashChild[] = [];
afterEach(async () => {
  await Promise.all(children.splice(0).map((c) => c.kill()));
});

const secret = 'crash-app-secret';
const pathKey = 'crash-path-key';

async function officeWithCloudNumber(): Promise<string> {
  const dataDir = tempDir();
  const setup = startTestCore({ dataDir });
  insertCloudNumber(setup.core.database.sqlite, { name: 'Cloud', phoneNumberId: testPhoneNumberId, wabaId: 'W', accessToken: 't', appSecret: secret, verifyToken: 'v', pathKey });
  await setup.close();
  return dataDir;
}

const bodies = Array.from({ length: 6 }, (_, i) =>
  JSON.stringify(metaBody({ changes: [{ value: messagesValue([textMessage(`wamid.CRASH${i}`, `96650300000${i}`, `رسالة ${i} قبل الانقطاع`, 1_764_000_000 + i)], [sender(`96650300000${i}`, `عميل ${i}`)]) }] })),
);

async function postAll(port: number): Promise<number[]> {
  const statuses: number[] = [];
  for (const body of bodies) {
    const response = await fetch(`http://127.0.0.1:${port}${cloudCallbackPath(pathKey)}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signatureFor(body, secret) }, body });
    statuses.push(response.status);
  }
  return statuses;
}

async function crashAfterAcknowledging(holdProcessing: boolean) {
  const dataDir = await officeWithCloudNumber();
  const child = spawnCrashChild<CloudCrashChildConfig>(bundle, { dataDir, migrationsDir, holdProcessing });
  children.push(child);
  const port = Number((await eventually(() => /listening (\d+)/.exec(child.output())?.[1] ?? Promise.reject(new Error(child.output())), 30_000)));
  expect(await postAll(port)).toEqual(bodies.map(() => 200));
  await child.kill();
  return dataDir;
}

describe('a crash right after the 200', () => {
  it('loses no acknowledged webhook: what was stored but not processed is processed at the next start, once', async () => {
    const dataDir = await crashAfterAcknowledging(true);
    const killed = new Database(path.join(dataDir, databaseFileName), { readonly: true, fileMustExist: true });
    const atKill = { inbox: (killed.prepare('select count(*) as n from cloud_webhook_inbox').get() as { n: number }).n, messages: (killed.prepare('select count(*) as n from messages').get() as { n: number }).n };
    killed.close();
    expect(atKill).toEqual({ inbox: bodies.length, messages: 0 });

    const after = startTestCore({ dataDir });
    try {
      const { sqlite } = after.core.database;
      await after.core.whatsapp.cloudWebhook.receiver.idle();
      // Meta sends one again (it never saw a 200 in its own view of a flaky network): still once.
      const numberId = (sqlite.prepare('select whatsapp_number_id as id from cloud_numbers').get() as { id: number }).id;
      after.core.whatsapp.cloudWebhook.accept(numberId, Buffer.from(bodies[0]!));
      await after.core.whatsapp.cloudWebhook.receiver.idle();
      expect(sqlite.prepare('select whatsapp_message_id from messages order by whatsapp_message_id').all()).toEqual(bodies.map((_, i) => ({ whatsapp_message_id: `wamid.CRASH${i}` })));
      expect(sqlite.prepare('select count(*) as n from cloud_webhook_inbox').get()).toEqual({ n: 0 });
    } finally {
      await after.close();
    }
  });

  it('loses nothing and doubles nothing when the kill lands while processing runs', async () => {
    const dataDir = await crashAfterAcknowledging(false);
    const after = startTestCore({ dataDir });
    try {
      await after.core.whatsapp.cloudWebhook.receiver.idle();
      expect(after.core.database.sqlite.prepare('select count(*) as n, count(distinct whatsapp_message_id) as d from messages').get()).toEqual({ n: bodies.length, d: bodies.length });
    } finally {
      await after.close();
    }
  });
});
