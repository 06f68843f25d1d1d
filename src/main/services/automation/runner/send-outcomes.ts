import type Database from 'better-sqlite3';
import type { Clock } from '../../../base/clock';
import type { Audience, BusMessage, EventBus } from '../../../events/event-bus';
import type { JobRow } from '../job-store';
import { publishRuleChanged } from './job-batches';

/** A message with this client id was written by the job with that id (job-claim.ts). */
export const automationClientId = /^automation:(\d+)$/;

/**
 * Follows automated messages after the outbox took them (issue 15 "success"): a message that
 * reached sent/delivered/read counts as the rule's success; one the outbox gave up on fails its
 * job (`send_failed`, with the outbox's error). It listens to the outbox's status changes as the
 * windows hear them (`message.status`), and a rule's success count is recounted from the
 * messages rather than incremented, so a repeated status, a sent → delivered → read run, or a
 * crash between the outbox's write and this one can never count a message twice or lose it.
 */
export class SendOutcomes {
  private readonly q;

  constructor(
    private readonly deps: { sqlite: Database.Database; bus: EventBus; clock: Clock; audienceFor: (numberId: number) => Audience },
  ) {
    const { sqlite } = deps;
    this.q = {
      message: sqlite.prepare<[number], { client_id: string | null; status: string; error: string | null }>('select client_id, status, error from messages where id = ?'),
      job: sqlite.prepare<[number], JobRow>('select * from automation_jobs where id = ?'),
      failed: sqlite.prepare<[string | null, number, number]>(
        "update automation_jobs set status = 'failed', reason = 'send_failed', error = ?, updated_at = ? where id = ? and status = 'sent'",
      ),
      // Sent again after a retry the agent pressed: the job did send after all.
      recovered: sqlite.prepare<[number, number]>("update automation_jobs set status = 'sent', reason = null, error = null, updated_at = ? where id = ? and status = 'failed' and message_id is not null"),
      recount: sqlite.prepare<[number]>(
        `update automation_rules set success_count = (
           select count(*) from automation_jobs j join messages m on m.id = j.message_id
           where j.rule_id = automation_rules.id and j.status = 'sent' and m.status in ('sent', 'delivered', 'read'))
         where id = ?`,
      ),
      rulesWithSends: sqlite.prepare<[], { rule_id: number }>("select distinct rule_id from automation_jobs where rule_id is not null and message_id is not null"),
    };
  }

  /** Listens until the returned stop; first recounts every rule (what happened while the app was closed). */
  start(): () => void {
    this.deps.sqlite.transaction(() => {
      for (const { rule_id } of this.q.rulesWithSends.all()) this.q.recount.run(rule_id);
    })();
    return this.deps.bus.subscribe((m) => {
      if (m.event === 'message.status') this.statusChanged((m as BusMessage<'message.status'>).data.messageId);
    });
  }

  statusChanged(messageId: number): void {
    const message = this.q.message.get(messageId);
    const jobId = message?.client_id ? automationClientId.exec(message.client_id)?.[1] : undefined;
    if (!message || jobId === undefined) return;
    const job = this.q.job.get(Number(jobId));
    if (!job || job.rule_id === null || job.message_id !== messageId) return;
    const now = this.deps.clock.now();
    const moved = this.deps.sqlite.transaction(() => {
      const changed =
        message.status === 'failed' ? this.q.failed.run(message.error, now, job.id).changes > 0 : message.status !== 'queued' && this.q.recovered.run(now, job.id).changes > 0;
      this.q.recount.run(job.rule_id!);
      return changed;
    })();
    if (moved) {
      const status = message.status === 'failed' ? 'failed' : 'sent';
      this.deps.bus.publish(
        'automation.jobs.changed',
        { jobId: job.id, ruleId: job.rule_id, trigger: job.trigger, conversationId: job.conversation_id, contactId: job.contact_id, status },
        this.deps.audienceFor(job.whatsapp_number_id),
      );
    }
    publishRuleChanged(this.deps.sqlite, this.deps.bus, job.rule_id);
  }
}
