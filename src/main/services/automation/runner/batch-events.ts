import type Database from 'better-sqlite3';
import type { JobStatus } from '../../../../shared/automation/types';
import type { Audience, EventBus } from '../../../events/event-bus';
import { conversationSelect, messageViewReader, toConversationView, type ConversationRow } from '../../../ingest/records';
import type { ClaimOutcome } from './job-claim';

/**
 * Tells the windows what one committed batch of due jobs did, with one read per kind rather than
 * per job: every new message (`message.new`, as the outbox's sends are announced), one
 * `conversation.update` per conversation however many of its jobs sent, each job's new state, and
 * the templates and rules whose counts moved. Each number's audience is read once per batch.
 */
export class BatchEvents {
  private readonly q;
  private readonly readViews;

  constructor(
    private readonly deps: { sqlite: Database.Database; bus: EventBus; audienceFor: (numberId: number) => Audience },
  ) {
    const { sqlite } = deps;
    this.readViews = messageViewReader(sqlite);
    this.q = {
      conversations: sqlite.prepare<[string], ConversationRow>(`${conversationSelect} where c.id in (select value from json_each(?))`),
    };
  }

  tell(outcomes: readonly ClaimOutcome[]): void {
    const { bus } = this.deps;
    const audiences = new Map<number, Audience>();
    const audienceFor = (numberId: number): Audience => {
      let audience = audiences.get(numberId);
      if (!audience) audiences.set(numberId, (audience = this.deps.audienceFor(numberId)));
      return audience;
    };
    const sent = outcomes.flatMap((o) => (o.kind === 'sent' ? [o] : []));
    if (sent.length > 0) {
      const views = this.readViews(sent.map((o) => o.message));
      views.forEach((message, i) => bus.publish('message.new', { conversationId: message.conversationId, message }, audienceFor(sent[i]!.message.whatsapp_number_id)));
      const conversationIds = [...new Set(sent.map((o) => o.message.conversation_id))];
      for (const row of this.q.conversations.all(JSON.stringify(conversationIds))) {
        bus.publish('conversation.update', { conversationId: row.id, conversation: toConversationView(row) }, audienceFor(row.whatsapp_number_id));
      }
    }
    for (const outcome of outcomes) {
      const { job } = outcome;
      const status: JobStatus = outcome.kind === 'sent' ? 'sent' : outcome.kind === 'ended' ? outcome.status : 'pending';
      bus.publish(
        'automation.jobs.changed',
        { jobId: job.id, ruleId: job.rule_id, trigger: job.trigger, conversationId: job.conversation_id, contactId: job.contact_id, status },
        audienceFor(job.whatsapp_number_id),
      );
    }
    // Usage counts moved: the templates list shows them; the rules list shows the rules' counts.
    for (const templateId of new Set(sent.map((o) => o.templateId))) bus.publish('templates.changed', { templateId }, { kind: 'all' });
    // The claim read each rule's number already: no query per rule (a batch touches up to hundreds).
    const rules = new Map(sent.map((o) => [o.ruleId, o.ruleNumberId]));
    for (const [ruleId, whatsappNumberId] of rules) bus.publish('automation.rules.changed', { ruleId, whatsappNumberId, deleted: false, countsOnly: true }, { kind: 'all' });
  }
}
