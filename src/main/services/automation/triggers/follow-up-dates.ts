import type Database from 'better-sqlite3';
import type { OfficeCalendar } from '../../../calendar/office-calendar';
import type { JobStore, JobToArm } from '../job-store';
import type { RuleLike } from './rule-source';

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);

/**
 * `follow_up` from a contact's follow-up date: at the office's next opening on that day (or
 * after it, when that day is closed), for the contact's newest conversation on the rule's
 * number(s). The date is in the key, so a changed date is a new job and the old one ends.
 */
export class FollowUpDates {
  private readonly q;

  constructor(
    private readonly deps: { sqlite: Database.Database; store: JobStore; calendar: () => OfficeCalendar },
  ) {
    const { sqlite } = deps;
    this.q = {
      activeRules: sqlite.prepare<[], RuleLike>(
        `select id, name, delay_minutes as delayMinutes, whatsapp_number_id as whatsappNumberId from automation_rules where is_active = 1 and trigger = 'follow_up'`,
      ),
      dated: sqlite.prepare<[number], { id: number; follow_up_date: number }>(
        'select id, follow_up_date from contacts where follow_up_date >= ? and automation_opted_out_at is null',
      ),
      datedOne: sqlite.prepare<[number, number], { id: number; follow_up_date: number }>(
        'select id, follow_up_date from contacts where id = ? and follow_up_date >= ? and automation_opted_out_at is null',
      ),
      conversation: sqlite.prepare<[number, number | null, number | null], { id: number; whatsapp_number_id: number }>(
        `select c.id, c.whatsapp_number_id from conversations c join whatsapp_numbers n on n.id = c.whatsapp_number_id and n.removed_at is null
         where c.contact_id = ? and (? is null or c.whatsapp_number_id = ?) order by c.last_message_time desc, c.id desc limit 1`,
      ),
    };
  }

  /** The jobs these rules would have for the follow-up dates from today on (one contact's, or everyone's). */
  jobs(rules: RuleLike[], contactId: number | null, now: number): JobToArm[] {
    if (rules.length === 0) return [];
    const calendar = this.deps.calendar();
    const today = dayMs(calendar.officeDay(now));
    const contacts = contactId === null ? this.q.dated.all(today) : this.q.datedOne.all(contactId, today);
    const jobs: JobToArm[] = [];
    for (const contact of contacts) {
      const day = dayOf(contact.follow_up_date);
      const dueAt = calendar.nextOpening(Math.max(calendar.dayStart(day), now)) ?? calendar.dayStart(day);
      for (const rule of rules) {
        const conversation = this.q.conversation.get(contact.id, rule.whatsappNumberId, rule.whatsappNumberId);
        if (!conversation) continue;
        jobs.push({
          ruleId: rule.id,
          ruleName: rule.name,
          trigger: 'follow_up',
          whatsappNumberId: conversation.whatsapp_number_id,
          conversationId: conversation.id,
          contactId: contact.id,
          key: `${rule.id}:follow_up:ct${contact.id}:d${day}`,
          dueAt,
        });
      }
    }
    return jobs;
  }

  /** A contact's date changed (or, with null, many did): jobs for a date no longer set end; the current ones are armed. */
  reconcile(contactId: number | null, now: number): void {
    const { store } = this.deps;
    store.end(
      {
        trigger: 'follow_up',
        ...(contactId !== null ? { contactId } : {}),
        where: {
          sql: `idempotency_key like '%:follow_up:ct%:d%' and not exists (select 1 from contacts ct where ct.id = automation_jobs.contact_id
                  and ct.follow_up_date is not null and automation_jobs.idempotency_key like '%:d' || strftime('%Y-%m-%d', ct.follow_up_date / 1000, 'unixepoch'))`,
          params: [],
        },
      },
      'cancelled',
      'cancelled_by_user',
    );
    for (const job of this.jobs(this.q.activeRules.all(), contactId, now)) store.arm(job);
  }
}
