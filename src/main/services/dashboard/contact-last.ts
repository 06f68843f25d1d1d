import type Database from 'better-sqlite3';
import { readSetting } from '../../base/settings';
import { statement } from '../../db/statement';

/**
 * In settings while dashboard_contact_days has rows not yet folded into dashboard_contact_last
 * (each customer's last day on a number): the earliest office day those rows may be on (JSON). The staged
 * counts' flush writes it with the contact days (lowering it for a late message's earlier day),
 * so it is committed with them and a crash leaves them consistent.
 */
export const contactLastFromKey = 'dashboard.contactLastFrom';

/**
 * Keeping each customer's last day current at every flush rewrote a page of dashboard_contact_last
 * at random for each customer who wrote (a third of a WAL page per message ingested): the last
 * day is folded in from the contact days instead, when something is about to read it. A fold
 * covers the days from the mark on (a day's rows are read by the table's key) and is idempotent:
 * a day folded twice moves nothing.
 */
export function foldContactLast(sqlite: Database.Database): void {
  const from = readSetting(sqlite, contactLastFromKey);
  if (from === null) return;
  sqlite.transaction(() => {
    statement<[{ from: string }]>(
      sqlite,
      `insert into dashboard_contact_last (contact_id, whatsapp_number_id, last_day)
       select contact_id, whatsapp_number_id, max(day) from dashboard_contact_days where day >= @from
       group by contact_id, whatsapp_number_id order by contact_id, whatsapp_number_id
       on conflict (contact_id, whatsapp_number_id) do update set last_day = excluded.last_day where excluded.last_day > last_day`,
    ).run({ from });
    statement<[string]>(sqlite, 'delete from settings where key = ?').run(contactLastFromKey);
  })();
}
