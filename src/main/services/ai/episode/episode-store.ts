import type Database from 'better-sqlite3';
import type { AiConversationState, AiHolder, AiReason } from '../../../../shared/ai/types';
import { toIso, type Clock } from '../../../base/clock';

export interface EpisodeRow {
  conversation_id: number;
  whatsapp_number_id: number;
  episode_started_at: number;
  holder: string;
  paused: number;
  replies_count: number;
  ai_started_at: number | null;
  handed_off_at: number | null;
  reason: string | null;
  out_of_hours_sent_at: number | null;
  due_at: number | null;
  due_message_id: number | null;
  answered_message_id: number;
  fallback_at: number | null;
  /** appointmentBooking's open offer (JSON ViewingOffer). */
  viewing_offer: string | null;
  updated_at: number;
}

/**
 * A conversation's AI episode, one row per conversation: who holds it, its replies, and its two
 * persisted timers (the debounce `due_at` and the fallback `fallback_at`). The row is removed
 * when the conversation is resolved, so a reopened conversation starts afresh.
 */
export class EpisodeStore {
  private readonly q;

  constructor(private readonly deps: { sqlite: Database.Database; clock: Clock }) {
    const { sqlite } = deps;
    this.q = {
      get: sqlite.prepare<[number], EpisodeRow>('select * from ai_conversation_state where conversation_id = ?'),
      // A new episode owes nothing before `answered_message_id`: what the customer wrote in an
      // earlier episode (resolved since) or while the AI was off is not its to answer.
      ensure: sqlite.prepare<[number, number, number, number, number]>(
        'insert into ai_conversation_state (conversation_id, whatsapp_number_id, episode_started_at, answered_message_id, updated_at) values (?, ?, ?, ?, ?) on conflict (conversation_id) do nothing',
      ),
      newest: sqlite.prepare<[number], { id: number | null }>('select max(id) as id from messages where conversation_id = ?'),
      arm: sqlite.prepare<[number, number, number, number]>(
        'update ai_conversation_state set due_at = ?, due_message_id = max(coalesce(due_message_id, 0), ?), updated_at = ? where conversation_id = ?',
      ),
      pause: sqlite.prepare<[string, number, number, number]>(
        "update ai_conversation_state set paused = 1, holder = 'person', reason = ?, handed_off_at = ?, due_at = null, fallback_at = null, updated_at = ? where conversation_id = ? and paused = 0",
      ),
      // Resumed: what the customer wrote while a person held it was the person's to answer.
      resume: sqlite.prepare<[number, number, number]>(
        "update ai_conversation_state set paused = 0, holder = 'none', reason = null, handed_off_at = null, replies_count = 0, ai_started_at = null, fallback_at = null, answered_message_id = max(answered_message_id, ?), due_at = null, updated_at = ? where conversation_id = ?",
      ),
      due: sqlite.prepare<[number, number], EpisodeRow>('select * from ai_conversation_state where due_at is not null and due_at <= ? order by due_at limit ?'),
      nextDue: sqlite.prepare<[], { at: number | null }>(
        'select min(at) as at from (select min(due_at) as at from ai_conversation_state where due_at is not null union all select min(fallback_at) from ai_conversation_state where fallback_at is not null)',
      ),
      fallbackDue: sqlite.prepare<[number, number], EpisodeRow>('select * from ai_conversation_state where fallback_at is not null and fallback_at <= ? order by fallback_at limit ?'),
      clearDue: sqlite.prepare<[number, number]>('update ai_conversation_state set due_at = null, updated_at = ? where conversation_id = ?'),
      clearFallback: sqlite.prepare<[number, number]>('update ai_conversation_state set fallback_at = null, updated_at = ? where conversation_id = ?'),
      forget: sqlite.prepare<[number]>('delete from ai_conversation_state where conversation_id = ?'),
      forgetResolved: sqlite.prepare("delete from ai_conversation_state where conversation_id in (select id from conversations where status = 'resolved')"),
    };
  }

  get(conversationId: number): EpisodeRow | undefined {
    return this.q.get.get(conversationId);
  }

  /** The conversation's episode; a new one starts after `answeredUpTo` (default: every message so far). */
  ensure(conversationId: number, numberId: number, answeredUpTo?: number): EpisodeRow {
    const now = this.deps.clock.now();
    this.q.ensure.run(conversationId, numberId, now, answeredUpTo ?? this.q.newest.get(conversationId)?.id ?? 0, now);
    return this.q.get.get(conversationId)!;
  }

  /** (Re)starts the quiet-time wait for a customer's message: the burst is answered once, after the last. */
  arm(conversationId: number, numberId: number, messageId: number, dueAt: number): void {
    this.ensure(conversationId, numberId, messageId - 1);
    this.q.arm.run(dueAt, messageId, this.deps.clock.now(), conversationId);
  }

  /** A person holds the conversation now; true when that changed anything. */
  pause(conversationId: number, numberId: number, reason: AiReason): boolean {
    this.ensure(conversationId, numberId);
    const now = this.deps.clock.now();
    return this.q.pause.run(reason, now, now, conversationId).changes > 0;
  }

  resume(conversationId: number): void {
    this.q.resume.run(this.q.newest.get(conversationId)?.id ?? 0, this.deps.clock.now(), conversationId);
  }

  due(now: number, limit: number): EpisodeRow[] {
    return this.q.due.all(now, limit);
  }

  fallbackDue(now: number, limit: number): EpisodeRow[] {
    return this.q.fallbackDue.all(now, limit);
  }

  /** The soonest timer of any conversation, or null. */
  nextTimer(): number | null {
    return this.q.nextDue.get()?.at ?? null;
  }

  clearDue(conversationId: number): void {
    this.q.clearDue.run(this.deps.clock.now(), conversationId);
  }

  clearFallback(conversationId: number): void {
    this.q.clearFallback.run(this.deps.clock.now(), conversationId);
  }

  /** Resolved: the next message starts a new episode. */
  forget(conversationId: number): void {
    this.q.forget.run(conversationId);
  }

  forgetResolved(): void {
    this.q.forgetResolved.run();
  }

  view(conversationId: number, enabled: boolean): AiConversationState {
    const row = this.q.get.get(conversationId);
    if (!row) return { conversationId, holder: 'none', paused: false, repliesThisEpisode: 0, enabled };
    return {
      conversationId,
      holder: holderOf(row),
      paused: row.paused === 1,
      repliesThisEpisode: row.replies_count,
      ...(row.handed_off_at !== null ? { handedOffAt: toIso(row.handed_off_at) } : {}),
      ...(row.reason !== null ? { reason: row.reason as AiReason } : {}),
      enabled,
    };
  }
}

export function holderOf(row: Pick<EpisodeRow, 'paused' | 'handed_off_at' | 'replies_count' | 'ai_started_at'>): AiHolder {
  if (row.paused === 1 || row.handed_off_at !== null) return 'person';
  if (row.replies_count > 0 || row.ai_started_at !== null) return 'ai';
  return 'none';
}
