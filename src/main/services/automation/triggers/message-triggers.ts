import type Database from 'better-sqlite3';
import { latenessLimitMs } from '../../../../shared/automation/types';
import type { Clock } from '../../../base/clock';
import type { JobStore } from '../job-store';
import type { ActiveRules } from './active-rules';
import { episodeOpener, newInquiryCandidates, noResponseCandidates, noResponseTriggers } from './conversation-candidates';
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
  created_at: number;
}

interface Touched {
  numberId: number;
  /** The batch's latest customer message and latest person message in this conversation, by (time, id). */
  customer: MessageRow | null;
  person: MessageRow | null;
}

/** What the message path reads of a touched conversation, for all of a batch's at once. */
interface ConversationState {
  id: number;
  last_message_time: number | null;
  opener_id: number | null;
  opener_at: number | null;
}

/** Whether `a` comes after `b` in a conversation's order (time, then id). */
const after = (a: MessageRow, b: MessageRow | null): boolean => b === null || a.created_at > b.created_at || (a.created_at === b.created_at && a.id > b.id);

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
        'select id, conversation_id, whatsapp_number_id, sender, content, type, created_at from messages where id > ? order by id limit ?',
      ),
      states: sqlite.prepare<[string], ConversationState>(
        `select s.id, s.last_message_time, s.opener_id, (select created_at from messages where id = s.opener_id) as opener_at
         from (select c.id, c.last_message_time, ${episodeOpener('c.id')} as opener_id
               from conversations c where c.id in (select value from json_each(?))) s`,
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
      const t = touched.get(m.conversation_id) ?? { numberId: m.whatsapp_number_id, customer: null, person: null };
      if (m.sender === 'customer') {
        if (after(m, t.customer)) t.customer = m;
        if (m.type === 'text' && isOptOut(m.content)) this.optOut(m.conversation_id, now);
      } else if (after(m, t.person)) {
        t.person = m;
      }
      touched.set(m.conversation_id, t);
    }
    const { rules, store } = this.deps;
    // Only conversations some rule looks at are read, all in one query.
    const watched = [...touched].filter(([, t]) => rules.has(t.numberId, 'new_inquiry') || noResponseTriggers.some((tier) => rules.has(t.numberId, tier)));
    if (watched.length === 0) return;
    const states = new Map(this.q.states.all(JSON.stringify(watched.map(([id]) => id))).map((s) => [s.id, s]));
    // Each conversation's cancels first, then one candidate query per kind for the whole batch:
    // a query's fixed cost is paid once, not per conversation.
    const inquiries: number[] = [];
    const silences: number[] = [];
    for (const [conversationId, t] of watched) {
      const state = states.get(conversationId);
      const inquiry = rules.has(t.numberId, 'new_inquiry');
      if (t.person && inquiry) store.end({ conversationId, trigger: 'new_inquiry' }, 'cancelled', 'answered');
      if (t.customer && inquiry && !this.welcomeArmed(conversationId, t.numberId, state, now)) inquiries.push(conversationId);
      if (!noResponseTriggers.some((tier) => rules.has(t.numberId, tier))) continue;
      if (t.customer) store.end({ conversationId, trigger: noResponseTriggers }, 'cancelled', 'customer_replied');
      // Whatever the batch held, the conversation's state now says whether it is silent after a person.
      if (!this.customerHasLastWord(t, state)) silences.push(conversationId);
    }
    if (inquiries.length > 0) store.armOrRetime(newInquiryCandidates({ kind: 'active' }, { kind: 'conversations', conversationIds: inquiries }, now));
    // Every tier in one query, each job armed or re-timed by its key.
    if (silences.length > 0) store.armOrRetime(noResponseCandidates(noResponseTriggers, { kind: 'active' }, { kind: 'conversations', conversationIds: silences }, now));
  }

  /**
   * Most customer messages continue an episode whose welcome is already armed (or sent, or
   * cancelled), or opened too long ago to arm one: then the candidate query could only find the
   * same keys at the same instants, or nothing, and is skipped. It runs when the episode is new,
   * or a covering rule could still arm or re-time a job for it.
   */
  private welcomeArmed(conversationId: number, numberId: number, state: ConversationState | undefined, now: number): boolean {
    if (!state || state.opener_id === null || state.opener_at === null) return false;
    const openerAt = state.opener_at;
    return this.deps.rules.covering(numberId, 'new_inquiry').every((rule) => {
      const dueAt = openerAt + rule.delayMinutes * 60_000;
      // An episode opened longer ago than the welcome's lateness limit arms nothing, armed or not (a rule newer than the episode).
      if (dueAt < now - latenessLimitMs.new_inquiry) return true;
      const job = this.deps.store.byKey(`${rule.id}:new_inquiry:c${conversationId}:m${state.opener_id}`);
      return job !== undefined && (job.status !== 'pending' || job.due_at === dueAt);
    });
  }

  /**
   * The customer wrote last (no person after them, and nothing in the conversation newer: its
   * last message time is the newest of its messages): not silent after a person, so no
   * no-response tier can arm or re-time, and the candidate query is skipped.
   */
  private customerHasLastWord(t: Touched, state: ConversationState | undefined): boolean {
    if (!t.customer || !state || state.last_message_time === null) return false;
    return t.customer.created_at >= state.last_message_time && !(t.person && after(t.person, t.customer));
  }

  /** The customer wrote an opt-out word: automation to them ends until an agent turns it back on. */
  private optOut(conversationId: number, now: number): void {
    const contact = this.q.optOut.get(now, conversationId);
    if (contact) this.deps.store.end({ contactId: contact.id }, 'cancelled', 'opted_out');
  }
}
