import type Database from 'better-sqlite3';
import type { Clock } from '../base/clock';
import { phoneFromWhatsApp } from '../base/phone';
import { customerMerged } from '../services/dashboard/stats-merge';

/**
 * When WhatsApp reveals the phone behind an `@lid` customer, the lid-only contact becomes
 * that phone's contact. If the customer was already known by phone (they wrote from it
 * before), the two become one: conversations on the same number are joined, messages moved,
 * unread counts added, the dashboard's figures moved with them, and the lid contact removed. Returns the conversations that changed.
 */
export function linkLidToPhone(sqlite: Database.Database, clock: Clock, lid: string, phoneDigits: string): number[] {
  const phone = phoneFromWhatsApp(phoneDigits);
  if (!phone) return [];
  return sqlite.transaction((): number[] => {
    const now = clock.now();
    const lidContact = sqlite.prepare<[string], { id: number; phone: string | null; name: string | null }>(
      'select id, phone, name from contacts where wa_lid = ?',
    ).get(lid);
    if (!lidContact || lidContact.phone === phone) return [];
    if (lidContact.phone) return []; // already tied to another phone: WhatsApp's word is not enough to move it
    const phoneContact = sqlite.prepare<[string], { id: number }>('select id from contacts where phone = ?').get(phone);
    const conversationsOf = sqlite.prepare<[number], { id: number; whatsapp_number_id: number }>(
      'select id, whatsapp_number_id from conversations where contact_id = ?',
    );
    if (!phoneContact) {
      sqlite.prepare('update contacts set phone = ?, updated_at = ? where id = ?').run(phone, now, lidContact.id);
      return conversationsOf.all(lidContact.id).map((c) => c.id);
    }

    const changed: number[] = [];
    const joined: number[] = [];
    const target = new Map(conversationsOf.all(phoneContact.id).map((c) => [c.whatsapp_number_id, c.id]));
    for (const conversation of conversationsOf.all(lidContact.id)) {
      const into = target.get(conversation.whatsapp_number_id);
      if (into === undefined) {
        sqlite.prepare('update conversations set contact_id = ?, updated_at = ? where id = ?').run(phoneContact.id, now, conversation.id);
        changed.push(conversation.id);
        continue;
      }
      sqlite.prepare('update messages set conversation_id = ? where conversation_id = ?').run(into, conversation.id);
      sqlite
        .prepare(
          `update conversations set
             unread_count = unread_count + (select unread_count from conversations where id = @from),
             last_message = case when coalesce((select last_message_time from conversations where id = @from), 0) > coalesce(last_message_time, 0)
                                 then (select last_message from conversations where id = @from) else last_message end,
             last_message_time = max(coalesce(last_message_time, 0), coalesce((select last_message_time from conversations where id = @from), 0)),
             wa_chat_id = coalesce((select wa_chat_id from conversations where id = @from), wa_chat_id),
             status = case when (select status from conversations where id = @from) = 'active' then 'active' else status end,
             updated_at = @now
           where id = @into`,
        )
        .run({ from: conversation.id, into, now });
      sqlite.prepare('delete from conversations where id = ?').run(conversation.id);
      changed.push(into);
      joined.push(into, conversation.id);
    }
    // The dashboard's figures follow the messages, in this transaction.
    customerMerged(sqlite, { fromContact: lidContact.id, toContact: phoneContact.id, joined });
    sqlite
      .prepare('update contacts set wa_lid = coalesce(wa_lid, ?), name = coalesce(name, ?), updated_at = ? where id = ?')
      .run(lid, lidContact.name, now, phoneContact.id);
    sqlite.prepare('delete from contacts where id = ?').run(lidContact.id);
    return changed;
  })();
}
