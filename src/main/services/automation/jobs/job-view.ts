import type Database from 'better-sqlite3';
import type { AutomationJobView } from '../../../../shared/automation/types';
import { toIso } from '../../../base/clock';
import type { JobRow } from '../job-store';

/** Jobs as the channels return them, with their customer's name and phone (read once per page). */
export function jobViewReader(sqlite: Database.Database): (rows: JobRow[]) => AutomationJobView[] {
  const contacts = sqlite.prepare<[string], { id: number; name: string | null; phone: string | null }>('select id, name, phone from contacts where id in (select value from json_each(?))');
  return (rows) => {
    const who = new Map(contacts.all(JSON.stringify([...new Set(rows.map((r) => r.contact_id))])).map((c) => [c.id, c]));
    return rows.map((row) => ({
      id: row.id,
      ruleId: row.rule_id,
      ruleName: row.rule_name,
      trigger: row.trigger,
      whatsappNumberId: row.whatsapp_number_id,
      conversationId: row.conversation_id,
      contactId: row.contact_id,
      contactName: who.get(row.contact_id)?.name ?? null,
      contactPhone: who.get(row.contact_id)?.phone ?? null,
      viewingId: row.viewing_id,
      propertyId: row.property_id,
      dueAt: toIso(row.due_at),
      status: row.status,
      reason: row.reason,
      error: row.error,
      messageId: row.message_id,
      createdAt: toIso(row.created_at),
      finishedAt: toIso(row.finished_at),
    }));
  };
}
