import { blob, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Meta's webhook bodies, raw as signed, stored before the 200 and deleted once processed (issue 19). */
export const cloudWebhookInbox = sqliteTable('cloud_webhook_inbox', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** The number the callback path or the signature picked; null on a shared path signed by several. */
  whatsappNumberId: integer('whatsapp_number_id'),
  body: blob('body', { mode: 'buffer' }).notNull(),
  receivedAt: integer('received_at').notNull(),
});

/** A Cloud message's file: fetched by Meta's media id, which only its webhook carries. */
export const cloudMediaIds = sqliteTable(
  'cloud_media_ids',
  {
    whatsappNumberId: integer('whatsapp_number_id').notNull(),
    whatsappMessageId: text('whatsapp_message_id').notNull(),
    mediaId: text('media_id').notNull(),
    fileName: text('file_name'),
  },
  (t) => [primaryKey({ columns: [t.whatsappNumberId, t.whatsappMessageId] })],
);
