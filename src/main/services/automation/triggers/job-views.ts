import type Database from 'better-sqlite3';
import type { AutomationJobView } from '../../../../shared/automation/types';
import type { JobRow } from '../job-store';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Jobs as the channels return them, with their contact's name and phone. */
export function jobViews(sqlite: Database.Database, rows: JobRow[]): AutomationJobView[] {
  const contact = sqlite.prepare<[number], { name: string | null; phone: string | null }>('select name, phone from contacts where id = ?');
  return rows.map((row) => {
    const who = contact.get(row.contact_id);
    return {
      id: row.id,
      ruleId: row.rule_id,
      ruleName: row.rule_name,
      trigger: row.trigger,
      whatsappNumberId: row.whatsapp_number_id,
      conversationId: row.conversation_id,
      contactId: row.contact_id,
      contactName: who?.name ?? null,
      contactPhone: who?.phone ?? null,
      viewingId: row.viewing_id,
      propertyId: row.property_id,
      dueAt: new Date(row.due_at).toISOString(),
      status: row.status,
      reason: row.reason,
      error: row.error,
      messageId: row.message_id,
      createdAt: new Date(row.created_at).toISOString(),
      finishedAt: iso(row.finished_at),
    };
  });
}
