import type { Logger } from '../../../base/logger';
import type { InboundMessage, Transport } from '../../../whatsapp/transport';
import { fastOutboxPolicy, manualClock, startTestCore } from '../../../testing/test-core';
import { startFakeGraph, type FakeGraphNumber } from '../../../testing/fake-graph';

/** What a Cloud number is linked with in tests; Meta's stand-in knows it. */
export const cloudCredentials = {
  phoneNumberId: '106540352242922',
  wabaId: '102290129340398',
  accessToken: 'EAAGtest-access-token-0123456789',
  appSecret: '0123456789abcdef0123456789abcdef',
  verifyToken: 'meras-verify-token-42',
};

export const cloudPhone: FakeGraphNumber = {
  phoneNumberId: cloudCredentials.phoneNumberId,
  wabaId: cloudCredentials.wabaId,
  accessToken: cloudCredentials.accessToken,
  displayPhoneNumber: '+966 11 234 5678',
  verifiedName: 'ميراس للعقار',
};

/** Every line the core logs, to check no secret ever reaches one. */
export function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const put = (level: string) => (message: string, fields?: Record<string, unknown>) => void lines.push(JSON.stringify({ level, message, ...fields }));
  return { lines, info: put('info'), warn: put('warn'), error: put('error') };
}

/** An office with Meta's stand-in, an admin, and the Graph settings pointing at the stand-in (nothing linked yet). */
export async function cloudOffice(options: { timeoutMs?: number; confirmWaitMs?: number } = {}) {
  const graph = await startFakeGraph();
  graph.addNumber(cloudPhone);
  const clock = manualClock();
  const logger = recordingLogger();
  const t = startTestCore({ clock, logger, whatsapp: { outboxPolicy: fastOutboxPolicy, cloud: { timeoutMs: options.timeoutMs ?? 5_000, confirmWaitMs: options.confirmWaitMs ?? 60_000 } } });
  const admin = await t.setupAdmin();
  await t.call('cloud.saveGraphSettings', { baseUrl: graph.baseUrl, version: 'v21.0' }, admin.token);

  const link = () => t.call('cloud.link', { name: 'الرقم الرسمي', ...cloudCredentials }, admin.token);

  /**
   * A customer writes to the Cloud number, as the webhook receiver hands it on (the Transport's
   * `message` event into the pipeline). Returns the conversation's id.
   */
  let sequence = 0;
  function customerWrites(numberId: number, body: string, phone = '966501234567'): number {
    const message: InboundMessage = {
      providerId: `wamid.IN${++sequence}`,
      chatId: `${phone}@c.us`,
      fromMe: false,
      chatKind: 'user',
      customerPhone: phone,
      customerLid: null,
      profileName: 'سارة',
      body,
      type: 'chat',
      hasMedia: false,
      timestamp: clock.now(),
    };
    // Text needs nothing of the transport (no file, no lid to resolve).
    t.core.whatsapp.pipeline.message(numberId, message, {} as Transport);
    const row = t.core.database.sqlite
      .prepare<[number, string], { conversation_id: number }>('select conversation_id from messages where whatsapp_number_id = ? and whatsapp_message_id = ?')
      .get(numberId, message.providerId);
    if (!row) throw new Error('the customer message was not stored');
    return row.conversation_id;
  }

  const messageRow = (id: number) =>
    t.core.database.sqlite.prepare<[number], { status: string; error: string | null; error_code: string | null; whatsapp_message_id: string | null }>('select * from messages where id = ?').get(id)!;

  return {
    t,
    graph,
    clock,
    logger,
    admin,
    link,
    customerWrites,
    messageRow,
    close: async () => {
      await t.close();
      await graph.close();
    },
  };
}
