import type Database from 'better-sqlite3';
import type { Logger } from '../../base/logger';
import { statement } from '../../db/statement';
import type { SessionManager } from '../../whatsapp/session-manager';

/**
 * An agent read a Cloud API conversation: the customer's latest message is marked read with Meta
 * (the blue ticks on their phone; Meta marks the earlier ones with it). whatsapp-web.js numbers
 * need nothing: the phone shows what WhatsApp Web read.
 */
export function sendReadReceipt(sqlite: Database.Database, sessions: SessionManager, logger: Logger, conversationId: number): void {
  const last = statement<[number], { whatsapp_number_id: number; whatsapp_message_id: string | null; provider: string }>(
    sqlite,
    `select m.whatsapp_number_id, m.whatsapp_message_id, n.provider from messages m join whatsapp_numbers n on n.id = m.whatsapp_number_id
     where m.conversation_id = ? and m.sender = 'customer' order by m.created_at desc limit 1`,
  ).get(conversationId);
  if (!last || last.provider !== 'cloud' || !last.whatsapp_message_id) return;
  const transport = sessions.connectedTransport(last.whatsapp_number_id);
  if (!transport?.markRead) return;
  transport.markRead(last.whatsapp_message_id).catch((error: unknown) =>
    logger.warn('cloud read receipt not sent', { numberId: last.whatsapp_number_id, error: error instanceof Error ? error.message : String(error) }),
  );
}
