import type Database from 'better-sqlite3';
import type { Clock } from '../../../base/clock';
import type { JobStore } from '../job-store';
import type { ActiveRules } from './active-rules';
import { newInquiryCandidates, noResponseCandidates, noResponseTriggers } from './conversation-candidates';
import { cursorKeys, type Cursors } from './cursors';
import { isOptOut } from './opt-out';

const batchSize = 500;

interface MessageRow {
  id: number;
  conversation_id: number;
  whatsapp_number_id: number;
  sender: 'customer' | 'agent' | 'ai' | 'system';
  content: string;
  type: string;
}

interface Touched {
  numberId: number;
  customer: boolean;
  person: boolean;
}

/**
 * The message-driven triggers, as a cursor over the messages table: every message past the
 * cursor is read once, in id order, and its effects — opt-out, cancelling what it answers, arming
 * or re-timing what it opens — commit together with the cursor. Woken after messages are stored,
 * and at start; nothing runs inside ingest itself.
 */
export class MessageTriggers {
  private readonly q;

  constructor(private readonly deps: { sqlite: Database.Database; clock: Clock; store: JobStore; rules: ActiveRules; cursors: Cursors }) {
    const { sqlite } = deps;
    this.q = {
      maxId: sqlite.prepare<[], { id: number | null }>('select max(id) as id from messages'),
      after: sqlite.prepare<[number, number], MessageRow>(
        'select id, conversation_id, whatsapp_number_id, sender, content, type from messages where id > ? order by id limit ?',
      ),
      optOut: sqlite.prepare<[number, number], { id: number }>(
        `update contacts set automation_opted_out_at = ? where id = (select contact_id from conversations where id = ?) and automation_opted_out_at is null returning id`,
      ),
    };
  }

  /** Reads every message past the cursor; returns how many. */
  drain(): number {
    let seen = 0;
    for (;;) {
      const done = this.deps.sqlite.transaction(() => {
        const now = this.deps.clock.now();
        const from = this.deps.cursors.get(cursorKeys.messages, () => this.q.maxId.get()?.id ?? 0, now);
        const batch = this.q.after.all(from, batchSize);
        if (batch.length === 0) return 0;
        this.apply(batch, now);
        this.deps.cursors.set(cursorKeys.messages, batch[batch.length - 1]!.id, now);
        return batch.length;
      })();
      seen += done;
      if (done < batchSize) return seen;
    }
  }

  private apply(batch: MessageRow[], now: number): void {
    const touched = new Map<number, Touched>();
    for (const m of batch) {
      // Automated and system messages (notices, the automation's own) never answer or open anything.
      if (m.sender === 'system') continue;
      const t = touched.get(m.conversation_id) ?? { numberId: m.whatsapp_number_id, customer: false, person: false };
      if (m.sender === 'customer') {
        t.customer = true;
        if (m.type === 'text' && isOptOut(m.content)) this.optOut(m.conversation_id, now);
      } else {
        t.person = true;
      }
      touched.set(m.conversation_id, t);
    }
    const { rules, store } = this.deps;
    for (const [conversationId, t] of touched) {
      const scope = { kind: 'conversation', conversationId } as const;
      const inquiry = rules.has(t.numberId, 'new_inquiry');
      if (t.person && inquiry) store.end({ conversationId, trigger: 'new_inquiry' }, 'cancelled', 'answered');
      if (t.customer && inquiry) store.armFrom(newInquiryCandidates({ kind: 'active' }, scope, now));
      const tiers = noResponseTriggers.filter((tier) => rules.has(t.numberId, tier));
      if (tiers.length === 0) continue;
      if (t.customer) store.end({ conversationId, trigger: tiers }, 'cancelled', 'customer_replied');
      // Whatever the batch held, the conversation's state now says whether it is silent after a person.
      for (const tier of tiers) {
        const candidates = noResponseCandidates(tier, { kind: 'active' }, scope, now);
        store.retimeFrom(candidates);
        store.armFrom(candidates);
      }
    }
  }

  /** The customer wrote an opt-out word: automation to them ends until an agent turns it back on. */
  private optOut(conversationId: number, now: number): void {
    const contact = this.q.optOut.get(now, conversationId);
    if (contact) this.deps.store.end({ contactId: contact.id }, 'cancelled', 'opted_out');
  }
}
