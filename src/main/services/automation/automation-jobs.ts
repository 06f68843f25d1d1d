import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { type AutomationJobPage, type AutomationJobView, type AutomationTrigger, type ContactAutomationState } from '../../../shared/automation/types';
import type { ruleJobsInput } from '../../../shared/automation/schemas';
import { toIso, type Clock } from '../../base/clock';
import type { EventBus } from '../../events/event-bus';
import { AppError } from '../../rpc/app-error';
import type { ActivityLog } from '../activity/activity-log';
import type { Caller } from '../auth/auth-service';
import { ContactAccess } from '../contacts/contact-access';
import type { NumberAccess } from '../inbox/number-access';
import type { JobRow, JobStore } from './job-store';
import type { AutomationTriggers } from './automation-triggers';
import { jobViewReader } from './jobs/job-view';
import { pendingDueFloorSql } from './jobs/pending-floor';

const day = 24 * 60 * 60_000;
/** CONFLICT's reason for cancelling a job that already sent, or ended otherwise. */
export const jobEnded = 'job_ended';
/** How long ended jobs stay in a conversation's panel. */
const recentEndedMs = 7 * day;
const recentEndedLimit = 20;

/** The jobs as people see them: a rule's and a conversation's, cancelling one, a contact's opt-out. */
export class AutomationJobs {
  private readonly q;
  private readonly view: (rows: JobRow[]) => AutomationJobView[];
  private readonly contacts: ContactAccess;

  constructor(readonly deps: { sqlite: Database.Database; access: NumberAccess; activity: ActivityLog; bus: EventBus; clock: Clock; store: JobStore; triggers: AutomationTriggers }) {
    const { sqlite } = deps;
    this.view = jobViewReader(sqlite);
    this.contacts = new ContactAccess(sqlite, (caller) => deps.access.allowedNumbers(caller));
    this.q = {
      rule: sqlite.prepare<[number], { id: number; name: string; trigger: AutomationTrigger; is_active: number; whatsapp_number_id: number | null }>(
        'select id, name, trigger, is_active, whatsapp_number_id from automation_rules where id = ?',
      ),
      // Upcoming: pending, soonest first; the cursor is the last job's (due_at, id).
      upcoming: sqlite.prepare<{ rule: number; status: string | null; afterDue: number; afterId: number; limit: number }, JobRow>(
        `select * from automation_jobs where rule_id = @rule and status = 'pending' and (@status is null or @status = 'pending') and due_at >= ${pendingDueFloorSql}
           and (due_at > @afterDue or (due_at = @afterDue and id > @afterId))
         order by due_at, id limit @limit`,
      ),
      // Past: ended, newest first by when they ended.
      past: sqlite.prepare<{ rule: number; status: string | null; beforeAt: number; beforeId: number; limit: number }, JobRow>(
        `select * from automation_jobs where rule_id = @rule and status <> 'pending' and (@status is null or status = @status)
           and (coalesce(finished_at, updated_at) < @beforeAt or (coalesce(finished_at, updated_at) = @beforeAt and id < @beforeId))
         order by coalesce(finished_at, updated_at) desc, id desc limit @limit`,
      ),
      pendingOf: sqlite.prepare<[number], JobRow>("select * from automation_jobs where conversation_id = ? and status = 'pending' order by due_at, id"),
      endedOf: sqlite.prepare<[number, number, number], JobRow>(
        "select * from automation_jobs where conversation_id = ? and status <> 'pending' and finished_at >= ? order by finished_at desc, id desc limit ?",
      ),
      cancel: sqlite.prepare<[number, number, number]>(
        "update automation_jobs set status = 'cancelled', reason = 'cancelled_by_user', finished_at = ?, updated_at = ? where id = ? and status = 'pending'",
      ),
      contact: sqlite.prepare<[number], { id: number; opted_out_at: number | null }>('select id, automation_opted_out_at as opted_out_at from contacts where id = ?'),
      sentTo: sqlite.prepare<[number, number], { n: number }>("select count(*) as n from automation_jobs where contact_id = ? and status = 'sent' and finished_at > ?"),
      resume: sqlite.prepare<[number, number]>('update contacts set automation_opted_out_at = null, updated_at = ? where id = ? and automation_opted_out_at is not null'),
    };
  }

  /** A rule's jobs: upcoming soonest first, or past newest first; `before` is the last job of the previous page. */
  ruleJobs(caller: Caller, input: z.output<typeof ruleJobsInput>): AutomationJobPage {
    const rule = this.q.rule.get(input.ruleId);
    if (!rule) throw new AppError('NOT_FOUND');
    if (rule.whatsapp_number_id !== null) this.deps.access.requireNumber(caller, rule.whatsapp_number_id);
    // Its jobs still waiting in armings become rows first, so the upcoming list (and its paging) holds them.
    if (input.view === 'upcoming' && rule.is_active === 1) {
      this.deps.sqlite.transaction(() => this.deps.triggers.armings.writeWaiting({ id: rule.id, name: rule.name, trigger: rule.trigger, whatsappNumberId: rule.whatsapp_number_id }))();
    }
    const cursor = input.before === undefined ? undefined : this.deps.store.get(input.before);
    const status = input.status ?? null;
    const rows =
      input.view === 'upcoming'
        ? this.q.upcoming.all({ rule: rule.id, status, afterDue: cursor?.due_at ?? Number.MIN_SAFE_INTEGER, afterId: cursor?.id ?? 0, limit: input.limit + 1 })
        : this.q.past.all({ rule: rule.id, status, beforeAt: cursor ? (cursor.finished_at ?? cursor.updated_at) : Number.MAX_SAFE_INTEGER, beforeId: cursor?.id ?? Number.MAX_SAFE_INTEGER, limit: input.limit + 1 });
    const page = rows.slice(0, input.limit);
    const allowed = this.deps.access.allowedNumbers(caller);
    // An every-number rule's jobs: a caller limited to some numbers sees theirs only.
    const visible = allowed === null ? page : page.filter((row) => allowed.includes(row.whatsapp_number_id));
    return { jobs: this.view(visible), nextBefore: rows.length > input.limit ? page.at(-1)!.id : null };
  }

  /** The conversation's pending automations, soonest first, then those that ended in the last week. */
  conversationJobs(caller: Caller, conversationId: number): AutomationJobView[] {
    this.deps.access.requireConversation(caller, conversationId);
    // Jobs still waiting in armings become rows first: listed, and cancellable by their id.
    this.deps.sqlite.transaction(() => this.deps.triggers.armings.materialiseAll(this.deps.store, conversationId))();
    const now = this.deps.clock.now();
    return this.view([...this.q.pendingOf.all(conversationId), ...this.q.endedOf.all(conversationId, now - recentEndedMs, recentEndedLimit)]);
  }

  /** Cancels a pending job; an ended one is a CONFLICT, another number's is refused as its conversation would be. */
  cancel(caller: Caller, id: number): AutomationJobView {
    const job = this.deps.store.get(id);
    if (!job) throw new AppError('NOT_FOUND');
    this.deps.access.requireNumber(caller, job.whatsapp_number_id);
    const now = this.deps.clock.now();
    const cancelled = this.deps.sqlite.transaction(() => {
      if (this.q.cancel.run(now, now, id).changes === 0) return false;
      this.deps.activity.record({
        userId: caller.user.id,
        action: 'automation.job_cancelled',
        entityType: job.conversation_id === null ? 'contact' : 'conversation',
        entityId: job.conversation_id ?? job.contact_id,
        details: { jobId: id, ruleId: job.rule_id, name: job.rule_name, trigger: job.trigger, conversationId: job.conversation_id },
      });
      return true;
    })();
    if (!cancelled) throw new AppError('CONFLICT', jobEnded, undefined, `The automation already ended (${job.status})`);
    const row = this.deps.store.get(id)!;
    this.deps.bus.publish(
      'automation.jobs.changed',
      { jobId: id, ruleId: row.rule_id, trigger: row.trigger, conversationId: row.conversation_id, contactId: row.contact_id, status: row.status },
      this.deps.access.audience(row.whatsapp_number_id),
    );
    return this.view([row])[0]!;
  }

  contactState(caller: Caller, contactId: number): ContactAutomationState {
    const contact = this.requireContact(caller, contactId);
    const sent = this.q.sentTo.get(contactId, this.deps.clock.now() - day)!.n;
    return { contactId, optedOut: contact.opted_out_at !== null, optedOutAt: toIso(contact.opted_out_at), sentLast24h: sent };
  }

  /** An agent turns automation back on for a customer who wrote an opt-out word; recorded in the activity log. */
  resumeContact(caller: Caller, contactId: number): ContactAutomationState {
    this.requireContact(caller, contactId);
    const now = this.deps.clock.now();
    const resumed = this.deps.sqlite.transaction(() => {
      if (this.q.resume.run(now, contactId).changes === 0) return false;
      this.deps.activity.record({ userId: caller.user.id, action: 'automation.contact_resumed', entityType: 'contact', entityId: contactId });
      return true;
    })();
    // The contact panel redraws wherever the customer is open.
    if (resumed) this.deps.bus.publish('contact.changed', { contactId }, this.contacts.audience(contactId));
    return this.contactState(caller, contactId);
  }

  private requireContact(caller: Caller, contactId: number): { id: number; opted_out_at: number | null } {
    const contact = this.q.contact.get(contactId);
    if (!contact) throw new AppError('NOT_FOUND');
    this.contacts.require(caller, contactId);
    return contact;
  }
}
