import type Database from 'better-sqlite3';
import type { Clock } from '../../../base/clock';
import type { ArmingStore } from '../armings/arming-store';
import type { JobStore } from '../job-store';
import type { ActiveRules } from './active-rules';
import { episodeOpener, personSenders, noResponseTriggers } from './conversation-candidates';
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
  contact_id: number;
  /** Open, on a number still in the office, to a contact who did not opt out: automation may write to it. */
  live: 0 | 1;
  last_message_time: number | null;
  opener_id: number | null;
  opener_at: number | null;
  /** A person answered after the episode's opening message. */
  answered: 0 | 1;
  /** The latest message by a person or the customer, when it is a person's: the silence's anchor. */
  silent_at: number | null;
  /** The silence's first person message (its episode). */
  silence_id: number | null;
  /** The open welcome arming's episode, and the open no-response arming's (null: none open). */
  welcome_episode: number | null;
  silence_episode: number | null;
  silence_anchor: number | null;
  /** Jobs of the conversation already written and still waiting (a panel opened, a rule switched on). */
  has_rows: 0 | 1;
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

  constructor(private readonly deps: { sqlite: Database.Database; clock: Clock; store: JobStore; rules: ActiveRules; cursors: Cursors; armings: ArmingStore }) {
    const { sqlite } = deps;
    this.q = {
      maxId: sqlite.prepare<[], { id: number | null }>('select max(id) as id from messages'),
      after: sqlite.prepare<[number, number], MessageRow>(
        'select id, conversation_id, whatsapp_number_id, sender, content, type, created_at from messages where id > ? order by id limit ?',
      ),
      // One read for the whole batch's conversations: the episode's opener and whether a person
      // answered it, and what is armed or written for them.
      states: sqlite.prepare<[string], ConversationState>(
        `select s.id, s.contact_id, s.live, s.last_message_time, s.opener_id, e.created_at as opener_at,
           (e.id is not null and exists (select 1 from messages p where p.conversation_id = s.id and p.sender in ${personSenders}
              and p.created_at >= e.created_at and (p.created_at > e.created_at or p.id > e.id))) as answered,
           null as silent_at, null as silence_id,
           (select a.episode from automation_armings a where a.conversation_id = s.id and a.family = 'new_inquiry' and a.ended_reason is null order by a.id desc limit 1) as welcome_episode,
           o.episode as silence_episode, o.anchor_at as silence_anchor,
           exists (select 1 from automation_jobs j where j.conversation_id = s.id and j.status = 'pending') as has_rows
         from (select c.id, c.contact_id, c.last_message_time,
                 (c.is_archived = 0 and c.status <> 'resolved' and n.removed_at is null and ct.automation_opted_out_at is null) as live,
                 ${episodeOpener('c.id')} as opener_id
               from conversations c
               join whatsapp_numbers n on n.id = c.whatsapp_number_id
               join contacts ct on ct.id = c.contact_id
               where c.id in (select value from json_each(?))) s
         left join messages e on e.id = s.opener_id
         left join automation_armings o on o.id = (select a.id from automation_armings a where a.conversation_id = s.id and a.family = 'no_response' and a.ended_reason is null order by a.id desc limit 1)`,
      ),
      // Only for the conversations that may be silent after a person (most messages are a customer's last word):
      // the latest person-or-customer message when it is a person's, and the silence's first person message.
      silences: sqlite.prepare<[string], { id: number; silent_at: number | null; silence_id: number | null }>(
        `select s.id, case when l.sender in ${personSenders} then l.created_at end as silent_at,
           case when l.sender in ${personSenders} then (select m.id from messages m where m.conversation_id = s.id and m.sender in ${personSenders}
              and (cu.id is null or m.created_at > cu.created_at or (m.created_at = cu.created_at and m.id > cu.id))
              order by m.created_at, m.id limit 1) end as silence_id
         from (select c.id,
                 (select m.id from messages m where m.conversation_id = c.id and m.sender in ('customer', 'agent', 'ai') order by m.created_at desc, m.id desc limit 1) as last_id,
                 (select m.id from messages m where m.conversation_id = c.id and m.sender = 'customer' order by m.created_at desc, m.id desc limit 1) as customer_id
               from conversations c where c.id in (select value from json_each(?))) s
         left join messages l on l.id = s.last_id
         left join messages cu on cu.id = s.customer_id`,
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
    const { rules, store, armings } = this.deps;
    // Only conversations some rule looks at are read, all in one query.
    const watched = [...touched].filter(([, t]) => rules.has(t.numberId, 'new_inquiry') || noResponseTriggers.some((tier) => rules.has(t.numberId, tier)));
    if (watched.length === 0) return;
    const states = new Map(this.q.states.all(JSON.stringify(watched.map(([id]) => id))).map((s) => [s.id, s]));
    const silent: ConversationState[] = [];
    for (const [conversationId, t] of watched) {
      const state = states.get(conversationId);
      if (!state) continue;
      if (rules.has(t.numberId, 'new_inquiry')) {
        // What is open is known from the batch's read: most messages end nothing, and write nothing.
        if (t.person) {
          if (state.welcome_episode !== null) armings.end(conversationId, 'new_inquiry', 'answered');
          // Jobs already written (a person opened the panel, a rule switched on) end as rows.
          if (state.has_rows) store.end({ conversationId, trigger: 'new_inquiry' }, 'cancelled', 'answered');
          state.welcome_episode = null;
        }
        if (t.customer) this.armWelcome(t.numberId, state, now);
      }
      if (!noResponseTriggers.some((tier) => rules.has(t.numberId, tier))) continue;
      if (t.customer) {
        if (state.silence_episode !== null) armings.end(conversationId, 'no_response', 'customer_replied');
        if (state.has_rows) store.end({ conversationId, trigger: noResponseTriggers }, 'cancelled', 'customer_replied');
        state.silence_episode = null;
        state.silence_anchor = null;
      }
      // Whatever the batch held, the conversation's state now says whether it is silent after a person.
      if (state.live && !this.customerHasLastWord(t, state)) silent.push(state);
    }
    if (silent.length === 0) return;
    const silences = new Map(this.q.silences.all(JSON.stringify(silent.map((s) => s.id))).map((s) => [s.id, s]));
    for (const state of silent) {
      const silence = silences.get(state.id);
      if (!silence) continue;
      state.silent_at = silence.silent_at;
      state.silence_id = silence.silence_id;
      this.armSilence(touched.get(state.id)!.numberId, state, now);
    }
  }

  /**
   * The episode's welcome: one arming, unless it is armed already (one lookup, whatever the number
   * of rules), answered, not live, or opened too long ago for any rule to still send it in time.
   */
  private armWelcome(numberId: number, state: ConversationState, now: number): void {
    const { armings } = this.deps;
    if (!state.live || state.answered || state.opener_id === null || state.opener_at === null) return;
    if (state.welcome_episode === state.opener_id) return;
    if (!armings.worthArming('new_inquiry', numberId, state.opener_at, now)) return;
    // A new episode (the conversation was resolved and reopened): the old one's welcome is over.
    if (state.welcome_episode !== null) armings.end(state.id, 'new_inquiry', 'resolved');
    const due = armings.arm({ conversationId: state.id, numberId, contactId: state.contact_id, family: 'new_inquiry', episode: state.opener_id, anchorAt: state.opener_at });
    if (due !== null) this.deps.store.changed(due);
  }

  /** A silence after a person: armed from its first person message, re-timed by each later one (with its jobs already written). */
  private armSilence(numberId: number, state: ConversationState, now: number): void {
    const { armings, store } = this.deps;
    if (!state.live || state.silent_at === null || state.silence_id === null) return;
    if (!armings.worthArming('no_response', numberId, state.silent_at, now)) return;
    const open = state.silence_episode;
    if (open !== null && open !== state.silence_id) armings.end(state.id, 'no_response', 'customer_replied');
    const due = armings.arm({ conversationId: state.id, numberId, contactId: state.contact_id, family: 'no_response', episode: state.silence_id, anchorAt: state.silent_at });
    if (due !== null) store.changed(due);
    if (state.has_rows && open === state.silence_id && state.silence_anchor !== state.silent_at) {
      const { earliest } = armings.retimeWritten(state.id, state.silence_id, state.silent_at);
      if (earliest !== null) store.changed(earliest);
    }
  }

  /**
   * The customer wrote last (no person after them, and nothing in the conversation newer: its
   * last message time is the newest of its messages): not silent after a person, so no
   * no-response tier can arm or re-time, and the candidate query is skipped.
   */
  private customerHasLastWord(t: Touched, state: ConversationState): boolean {
    if (!t.customer || state.last_message_time === null) return false;
    return t.customer.created_at >= state.last_message_time && !(t.person && after(t.person, t.customer));
  }

  /** The customer wrote an opt-out word: automation to them ends until an agent turns it back on. */
  private optOut(conversationId: number, now: number): void {
    const contact = this.q.optOut.get(now, conversationId);
    if (!contact) return;
    this.deps.armings.endContact(contact.id, 'opted_out');
    this.deps.store.end({ contactId: contact.id }, 'cancelled', 'opted_out');
  }
}
