import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { automationErrorReasons } from '../../../../shared/automation/types';
import type { followUpInput } from '../../../../shared/automation/schemas';
import type { AutomationJobView } from '../../../../shared/automation/types';
import { errorReasons } from '../../../../shared/errors';
import type { Clock } from '../../../base/clock';
import { AppError } from '../../../rpc/app-error';
import type { Caller } from '../../auth/auth-service';
import type { NumberAccess } from '../../inbox/number-access';
import type { JobRow, JobStore } from '../job-store';
import { jobViewReader } from '../jobs/job-view';

/**
 * An agent's "follow up in …" on a conversation: arms each active `follow_up` rule covering its
 * number for now + inMinutes — the agent's time wins over the rule's delay, which is for
 * viewings marked done. One waiting agent follow-up per rule and conversation: asking again
 * moves it rather than adding a second message. Every refusal is checked before anything is written.
 */
export class AgentFollowUp {
  private readonly q;

  constructor(private readonly deps: { sqlite: Database.Database; clock: Clock; store: JobStore; access: NumberAccess }) {
    const { sqlite } = deps;
    this.q = {
      conversation: sqlite.prepare<[number], { contact_id: number; whatsapp_number_id: number; removed_at: number | null; opted_out_at: number | null }>(
        `select c.contact_id, c.whatsapp_number_id, n.removed_at, ct.automation_opted_out_at as opted_out_at
         from conversations c join whatsapp_numbers n on n.id = c.whatsapp_number_id join contacts ct on ct.id = c.contact_id where c.id = ?`,
      ),
      rules: sqlite.prepare<[number], { id: number; name: string }>(
        `select id, name from automation_rules where is_active = 1 and trigger = 'follow_up' and (whatsapp_number_id is null or whatsapp_number_id = ?) order by id`,
      ),
      waiting: sqlite.prepare<[string, string], JobRow>(
        `select * from automation_jobs where status = 'pending' and idempotency_key >= ? and idempotency_key < ? order by id desc limit 1`,
      ),
    };
  }

  followUp(caller: Caller, input: z.output<typeof followUpInput>): AutomationJobView[] {
    const { conversationId, inMinutes } = input;
    this.deps.access.requireConversation(caller, conversationId);
    const conversation = this.q.conversation.get(conversationId);
    if (!conversation) throw new AppError('NOT_FOUND');
    if (conversation.removed_at !== null) throw new AppError('UNPROCESSABLE_ENTITY', errorReasons.numberRemoved, undefined, 'The number was removed');
    if (conversation.opted_out_at !== null) {
      throw new AppError('UNPROCESSABLE_ENTITY', automationErrorReasons.optedOut, undefined, 'The customer asked to receive no automated messages');
    }
    const rules = this.q.rules.all(conversation.whatsapp_number_id);
    if (rules.length === 0) throw new AppError('UNPROCESSABLE_ENTITY', automationErrorReasons.noFollowUpRule, undefined, 'No active follow-up rule covers this number');
    const now = this.deps.clock.now();
    const dueAt = now + inMinutes * 60_000;
    const { store } = this.deps;
    const rows = this.deps.sqlite.transaction(() =>
      rules.map((rule) => {
        const prefix = `${rule.id}:follow_up:c${conversationId}:u`;
        const waiting = this.q.waiting.get(prefix, `${prefix}\uffff`);
        if (waiting) {
          store.retime(waiting.id, dueAt);
          return store.get(waiting.id)!;
        }
        return store.arm({
          ruleId: rule.id,
          ruleName: rule.name,
          trigger: 'follow_up',
          whatsappNumberId: conversation.whatsapp_number_id,
          conversationId,
          contactId: conversation.contact_id,
          key: `${prefix}${now}`,
          dueAt,
          context: { requestedBy: caller.user.id },
        }) ?? store.byKey(`${prefix}${now}`)!;
      }),
    )();
    return jobViewReader(this.deps.sqlite)(rows);
  }
}
