import type Database from 'better-sqlite3';
import { flushStagedCounts } from './staged-counts';
import { rebuildConversationEpisodes } from './stats-rebuild';

/**
 * A customer's `@lid` contact became their phone's contact (src/main/ingest/lid-merge.ts), inside
 * its transaction: the days they wrote move to the phone's contact, and the conversations that
 * took the lid chat's messages get their episodes again from their raw rows — the same walk as a
 * rebuild, over those conversations only. Daily message counts keep their number and day: unchanged.
 */
export function customerMerged(sqlite: Database.Database, merge: { fromContact: number; toContact: number; joined: readonly number[] }): void {
  // The lid contact's staged days move too: in the real tables first.
  flushStagedCounts(sqlite);
  const contacts = { from: merge.fromContact, to: merge.toContact };
  sqlite
    .prepare(
      `insert or ignore into dashboard_contact_days (day, whatsapp_number_id, contact_id)
       select day, whatsapp_number_id, @to from dashboard_contact_days where contact_id = @from`,
    )
    .run(contacts);
  sqlite.prepare('delete from dashboard_contact_days where contact_id = @from').run(contacts);
  sqlite
    .prepare(
      `insert into dashboard_contact_last (contact_id, whatsapp_number_id, last_day)
       select @to, whatsapp_number_id, last_day from dashboard_contact_last where contact_id = @from
       on conflict (contact_id, whatsapp_number_id) do update set last_day = excluded.last_day where excluded.last_day > last_day`,
    )
    .run(contacts);
  sqlite.prepare('delete from dashboard_contact_last where contact_id = @from').run(contacts);
  rebuildConversationEpisodes(sqlite, merge.joined);
}
