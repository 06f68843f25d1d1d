import type Database from 'better-sqlite3';
import { officeCalendarOf } from '../../calendar/office-calendar-setting';
import type { NotificationsService } from './notifications-service';

/**
 * The customers whose follow-up day is today (in the office's calendar): whoever holds one of
 * their conversations is told, or, when nobody does, the team of each number they wrote to.
 * Once per contact and day, however often it runs.
 */
export function tellFollowUpsDue(sqlite: Database.Database, notifications: NotificationsService, now: number): number {
  const day = officeCalendarOf(sqlite).officeDay(now);
  // Follow-up days are stored as the UTC midnight of the calendar day (contact-records.ts dayToMs).
  const dayMs = Date.parse(`${day}T00:00:00Z`);
  const due = sqlite.prepare<[number], { id: number; name: string | null; phone: string | null }>('select id, name, phone from contacts where follow_up_date = ?').all(dayMs);
  const holders = sqlite.prepare<[number], { agent: number | null; number: number }>(
    'select assigned_agent_id as agent, whatsapp_number_id as number from conversations where contact_id = ?',
  );
  let told = 0;
  for (const contact of due) {
    const conversations = holders.all(contact.id);
    const agents = [...new Set(conversations.flatMap((c) => (c.agent === null ? [] : [c.agent])))];
    const base = { type: 'follow_up_due' as const, target: { kind: 'contact' as const, id: contact.id }, params: { customer: contact.name?.trim() || contact.phone || '' } };
    if (agents.length > 0) {
      told += notifications.notify({ ...base, userIds: agents, onceKey: `follow_up_due:${contact.id}:${day}` }).length;
      continue;
    }
    for (const numberId of new Set(conversations.map((c) => c.number))) {
      told += notifications.notify({ ...base, audience: { numberId }, onceKey: `follow_up_due:${contact.id}:${day}:${numberId}` }).length;
    }
  }
  return told;
}
