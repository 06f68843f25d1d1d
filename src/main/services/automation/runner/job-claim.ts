import { serviceWindow } from '../../cloud/service-window';
import type Database from 'better-sqlite3';
import { latenessLimitMs, perContactDailyCap, type JobReason, type JobStatus } from '../../../../shared/automation/types';
import type { OfficeCalendar } from '../../../calendar/office-calendar';
import type { MessageRow } from '../../../ingest/records';
import type { Outbox } from '../../../outbox/outbox';
import type { JobRow } from '../job-store';
import { BatchSubjects } from './batch-subjects';
import { JobVariables, templateLanguage, type MessageLanguage, type VariableSettings } from './job-variables';

const day = 24 * 60 * 60_000;

/** What became of one due job inside the claim transaction. */
export type ClaimOutcome =
  /** `ruleNumberId`: the rule's own number (null: every number), as its counts' event names it. */
  | { kind: 'sent'; job: JobRow; message: MessageRow; ruleId: number; ruleNumberId: number | null; templateId: number }
  | { kind: 'ended'; job: JobRow; status: Exclude<JobStatus, 'pending' | 'sent'>; reason: JobReason }
  /** Office hours only, and the office is closed: due again at its next opening. */
  | { kind: 'postponed'; job: JobRow; dueAt: number };

interface RuleRow {
  id: number;
  name: string;
  is_active: number;
  template_id: number;
  office_hours_only: number;
  whatsapp_number_id: number | null;
}
interface TemplateRow {
  id: number;
  content: string;
  variables: string;
  is_active: number;
}
/** A template as the batch uses it: its variables parsed and its language seen once, not per job. */
interface BatchTemplate {
  id: number;
  content: string;
  variables: string[];
  language: MessageLanguage;
  isActive: boolean;
}

/** A WhatsApp group or broadcast list (or status): never a customer's own chat. */
export function isIndividualChat(chatId: string | null): boolean {
  return chatId === null || !(chatId.endsWith('@g.us') || chatId.endsWith('@broadcast') || chatId.endsWith('@newsletter'));
}

/**
 * Claims one due job inside the caller's transaction: checks again everything that may have
 * changed since it was armed (issue 15 "Guards"), then writes its outbox message, the job's
 * end and the counters, so a crash leaves either all of it or none of it.
 */
export class JobClaim {
  private readonly q;
  private readonly variables: JobVariables;
  /** Rules and templates read in this batch's transaction: many jobs share a few (nothing else writes meanwhile). */
  private readonly rules = new Map<number, RuleRow | undefined>();
  private readonly templates = new Map<number, BatchTemplate | undefined>();
  /** The batch's conversations, contacts and per-contact sends, read at once when its jobs are. */
  private readonly subjects: BatchSubjects;
  /** Sends per rule and per template in this batch: their counters move once, at the batch's end. */
  private readonly ruleSends = new Map<number, number>();
  private readonly templateSends = new Map<number, number>();

  constructor(
    private readonly sqlite: Database.Database,
    private readonly outbox: Outbox,
  ) {
    this.variables = new JobVariables(sqlite);
    this.subjects = new BatchSubjects(sqlite);
    this.q = {
      due: sqlite.prepare<[number, number], JobRow>("select * from automation_jobs where status = 'pending' and due_at <= ? order by due_at, id limit ?"),
      rule: sqlite.prepare<[number], RuleRow>('select id, name, is_active, template_id, office_hours_only, whatsapp_number_id from automation_rules where id = ?'),
      rules: sqlite.prepare<[string], RuleRow>(
        'select id, name, is_active, template_id, office_hours_only, whatsapp_number_id from automation_rules where id in (select value from json_each(?))',
      ),
      template: sqlite.prepare<[number], TemplateRow>('select id, content, variables, is_active from message_templates where id = ?'),
      viewingStart: sqlite.prepare<[number], { start_at: number; status: string }>('select start_at, status from viewings where id = ?'),
      end: sqlite.prepare<[string, string, string | null, number, number, number]>(
        "update automation_jobs set status = ?, reason = ?, error = ?, finished_at = ?, updated_at = ? where id = ? and status = 'pending'",
      ),
      retime: sqlite.prepare<[number, number, number]>("update automation_jobs set due_at = ?, updated_at = ? where id = ? and status = 'pending'"),
      sent: sqlite.prepare<[number, number, number, number]>(
        "update automation_jobs set status = 'sent', message_id = ?, finished_at = ?, updated_at = ? where id = ? and status = 'pending'",
      ),
      ruleTriggered: sqlite.prepare<[number, number, number]>('update automation_rules set triggered_count = triggered_count + ?, last_triggered = ? where id = ?'),
      templateUsed: sqlite.prepare<[number, number]>('update message_templates set usage_count = usage_count + ? where id = ?'),
    };
  }

  /** The pending jobs due by `now`, soonest first, with what their claims read of their subjects (call inside the batch's transaction). */
  due(now: number, limit: number): JobRow[] {
    const jobs = this.q.due.all(now, limit);
    this.subjects.read(jobs, now - day);
    // The batch's rules in one read (a batch of 10,000 due jobs' touches hundreds): a rule not found stays unknown, as deleted.
    const ruleIds = [...new Set(jobs.flatMap((j) => (j.rule_id === null ? [] : [j.rule_id])))];
    for (const id of ruleIds) this.rules.set(id, undefined);
    for (const rule of this.q.rules.all(JSON.stringify(ruleIds))) this.rules.set(rule.id, rule);
    return jobs;
  }

  /** A batch's transaction begins: nothing read or counted in an earlier (or rolled back) one is kept. */
  beginBatch(): void {
    this.rules.clear();
    this.templates.clear();
    this.ruleSends.clear();
    this.templateSends.clear();
  }

  /** Before the batch's commit: the rules' and templates' counters move by the batch's sends, in its transaction. */
  endBatch(now: number): void {
    for (const [ruleId, sends] of this.ruleSends) this.q.ruleTriggered.run(sends, now, ruleId);
    for (const [templateId, sends] of this.templateSends) this.q.templateUsed.run(sends, templateId);
  }

  /** Decides one job and writes the outcome; call inside the batch's transaction (between beginBatch and endBatch). */
  claim(job: JobRow, now: number, calendar: OfficeCalendar, settings: VariableSettings): ClaimOutcome {
    const end = (status: Exclude<JobStatus, 'pending' | 'sent'>, reason: JobReason, error: string | null = null): ClaimOutcome => {
      this.q.end.run(status, reason, error, now, now, job.id);
      return { kind: 'ended', job, status, reason };
    };
    const rule = job.rule_id === null ? undefined : this.ruleOf(job.rule_id);
    if (!rule) return end('cancelled', 'rule_deleted');
    if (!rule.is_active) return end('cancelled', 'rule_off');
    const template = this.templateOf(rule.template_id);
    if (!template || !template.isActive) return end('skipped', 'template_inactive');
    const conversation = this.subjects.conversation(job.conversation_id);
    if (!conversation) return end('skipped', 'conversation_gone');
    if (conversation.removed_at !== null) return end('cancelled', 'number_removed');
    if (!isIndividualChat(conversation.wa_chat_id)) return end('skipped', 'not_individual');

    // Late is measured from when the job could first have gone: a job armed "now" for an
    // instant already past (a reminder booked inside its window) is on time.
    const lateBy = now - Math.max(job.due_at, job.created_at);
    if (lateBy > latenessLimitMs[job.trigger]) return end('expired', 'too_late');
    if (job.trigger === 'appointment_reminder' && job.viewing_id !== null) {
      const viewing = this.q.viewingStart.get(job.viewing_id);
      if (viewing?.status === 'cancelled') return end('cancelled', 'viewing_cancelled');
      if (viewing && viewing.start_at <= now) return end('expired', 'viewing_started');
    }
    if (conversation.opted_out_at !== null) return end('skipped', 'opted_out');
    if (rule.office_hours_only && !calendar.isOpen(now)) {
      // An office that never opens (no working day) does not hold its messages for ever.
      const opening = calendar.nextOpening(now);
      if (opening !== null) {
        this.q.retime.run(opening, now, job.id);
        return { kind: 'postponed', job, dueAt: opening };
      }
    }
    if (this.subjects.sentTo(job.contact_id) >= perContactDailyCap) return end('skipped', 'contact_cap');
    // A rule's message is free text: a Cloud API number may not send it outside the 24-hour window
    // (asked only of Cloud numbers, whose provider the batch already read: not two queries per job).
    if (conversation.provider === 'cloud' && !serviceWindow(this.sqlite, { now: () => now }, conversation.id).open) return end('skipped', 'window_closed');

    const filled = this.variables.fill(
      template,
      { trigger: job.trigger, conversationId: job.conversation_id, contactId: job.contact_id, viewingId: job.viewing_id, propertyId: job.property_id, context: job.context ? (JSON.parse(job.context) as Record<string, unknown>) : null },
      settings,
      { contact: this.subjects.contact(job.contact_id), conversation },
    );
    if (filled.missing.length > 0) return end('skipped', 'variable_missing', filled.missing.join(', '));

    // In the batch's transaction (or the job's savepoint when the batch is retried job by job): no savepoint per message.
    const message = this.outbox.enqueueInTransaction({
      conversationId: conversation.id,
      whatsappNumberId: conversation.whatsapp_number_id,
      content: filled.text,
      sender: 'system',
      senderName: rule.name,
      templateId: template.id,
      clientId: `automation:${job.id}`,
    });
    this.q.sent.run(message.id, now, now, job.id);
    // Counted last: a job whose savepoint rolls back never reaches here.
    this.subjects.sent(job.contact_id);
    this.ruleSends.set(rule.id, (this.ruleSends.get(rule.id) ?? 0) + 1);
    this.templateSends.set(template.id, (this.templateSends.get(template.id) ?? 0) + 1);
    return { kind: 'sent', job, message, ruleId: rule.id, ruleNumberId: rule.whatsapp_number_id, templateId: template.id };
  }

  private ruleOf(id: number): RuleRow | undefined {
    if (!this.rules.has(id)) this.rules.set(id, this.q.rule.get(id));
    return this.rules.get(id);
  }

  private templateOf(id: number): BatchTemplate | undefined {
    if (!this.templates.has(id)) {
      const row = this.q.template.get(id);
      this.templates.set(
        id,
        row && { id: row.id, content: row.content, variables: JSON.parse(row.variables) as string[], language: templateLanguage(row.content), isActive: row.is_active === 1 },
      );
    }
    return this.templates.get(id);
  }

  /** A job whose claim threw (a broken row, a vanished conversation): failed, so it is not tried for ever. */
  fail(job: JobRow, now: number, error: string): void {
    this.q.end.run('failed', 'send_failed', error, now, now, job.id);
  }
}
