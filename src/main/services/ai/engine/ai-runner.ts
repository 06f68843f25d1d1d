import type Database from 'better-sqlite3';
import { aiLimits, type AiConfigView, type AiReason, type AiReplyLanguage } from '../../../../shared/ai/types';
import type { WakingClock } from '../../../base/clock';
import type { Logger } from '../../../base/logger';
import type { OfficeCalendar } from '../../../calendar/office-calendar';
import type { BusMessage, EventBus } from '../../../events/event-bus';
import type { MessageRow } from '../../../ingest/records';
import type { Outbox } from '../../../outbox/outbox';
import type { MessagePipeline } from '../../../whatsapp/message-pipeline';
import type { NotificationsService } from '../../notifications/notifications-service';
import type { AiConfigStore } from '../config/ai-config-store';
import type { AiConversations } from '../episode/ai-conversations';
import type { EpisodeRow, EpisodeStore } from '../episode/episode-store';
import { costMillihalalas } from '../provider/provider-client';
import type { ProviderStore } from '../provider/provider-store';
import { DecisionLog } from './decision-log';
import { handoffText } from './handoff-text';
import { answersNow } from './hours-gate';
import { isIndividualChat, MessageWatch } from './message-watch';
import { languageOf, type Turn } from './prompt';
import type { Decision, Responder } from './responder';
import type { BookingAction, ViewingBooking } from '../booking/viewing-booking';

/** A decision, with what a viewing booking does in its commit. */
type Decided = Decision & { action?: BookingAction };

export interface RunnerDeps {
  sqlite: Database.Database;
  clock: WakingClock;
  logger: Logger;
  bus: EventBus;
  outbox: Outbox;
  pipeline: MessagePipeline;
  notifications: NotificationsService;
  configs: AiConfigStore;
  provider: ProviderStore;
  episodes: EpisodeStore;
  conversations: AiConversations;
  responder: Responder;
  booking: ViewingBooking;
  calendar: () => OfficeCalendar;
}

interface ConversationRow {
  id: number;
  whatsapp_number_id: number;
  wa_chat_id: string | null;
  status: string;
  removed_at: number | null;
  customer: string | null;
}

interface TurnRow {
  id: number;
  sender: string;
  content: string;
  type: string;
}

/** What one burst's decision committed, for the events and notifications after the commit. */
type Committed = { message: MessageRow | null; handedOff: AiReason | null; outage: Decision['errorCode']; viewingId?: number | null };

/**
 * The responder's loop. Customer messages arm a persisted quiet-time wait per conversation
 * (MessageWatch); when it falls due the burst is decided once (at most four provider calls in
 * flight) and the decision, its log row and its outbox message commit in one transaction that
 * first checks nothing changed meanwhile — a person took over (dropped), or the customer wrote
 * again (the next wait answers everything). A restart finds the waits in the table.
 */
export class AiRunner {
  private readonly watch: MessageWatch;
  private readonly log: DecisionLog;
  private readonly q;
  private stopped = true;
  private wait: { at: number; cancel: () => void } | null = null;
  private scheduled = false;
  private readonly taken = new Set<number>();
  private inFlight = 0;
  private readonly queue: (() => void)[] = [];
  private readonly running = new Set<Promise<void>>();
  /** Crash tests stop the process after the provider answered (before the commit) and just after the commit. */
  readonly probes: { answered?: () => void; committed?: () => void } = {};

  constructor(private readonly deps: RunnerDeps) {
    const { sqlite } = deps;
    this.watch = new MessageWatch({ sqlite, clock: deps.clock, configs: deps.configs, episodes: deps.episodes });
    this.log = new DecisionLog(sqlite);
    this.q = {
      conversation: sqlite.prepare<[number], ConversationRow>(
        `select c.id, c.whatsapp_number_id, c.wa_chat_id, c.status, n.removed_at, ct.name as customer from conversations c
         join whatsapp_numbers n on n.id = c.whatsapp_number_id join contacts ct on ct.id = c.contact_id where c.id = ?`,
      ),
      turns: sqlite.prepare<[number, number], TurnRow>(
        "select id, sender, content, type from messages where conversation_id = ? and created_at >= ? and sender <> 'system' and deleted_at is null order by id desc limit 20",
      ),
      burst: sqlite.prepare<[number, number, number], { id: number; content: string }>(
        "select id, content from messages where conversation_id = ? and sender = 'customer' and id > ? and id <= ? and deleted_at is null order by id",
      ),
      interests: sqlite.prepare<[number], { property_id: number }>(
        "select property_id from conversation_property_interests where conversation_id = ? and status <> 'not_interested' order by updated_at desc limit 3",
      ),
      answered: sqlite.prepare<[number, number, number]>('update ai_conversation_state set answered_message_id = ?, due_at = null, updated_at = ? where conversation_id = ?'),
      replied: sqlite.prepare<[{ answered: number; now: number; fallbackMs: number | null; id: number }]>(
        `update ai_conversation_state set replies_count = replies_count + 1, holder = 'ai', ai_started_at = coalesce(ai_started_at, @now),
           fallback_at = case when @fallbackMs is null then null else coalesce(fallback_at, @now + @fallbackMs) end,
           answered_message_id = @answered, due_at = null, updated_at = @now where conversation_id = @id`,
      ),
      awaySent: sqlite.prepare<[number, number, number, number]>(
        'update ai_conversation_state set out_of_hours_sent_at = ?, answered_message_id = ?, due_at = null, updated_at = ? where conversation_id = ?',
      ),
    };
  }

  start(): () => void {
    this.stopped = false;
    this.deps.episodes.forgetResolved();
    const unsubscribe = this.deps.bus.subscribe((message) => {
      if (message.event === 'message.new') this.schedule();
      else if (message.event === 'conversation.update') {
        const { data } = message as BusMessage<'conversation.update'>;
        if (data.conversation.status === 'resolved') this.resolved(data.conversationId);
      }
    });
    this.schedule();
    return () => {
      this.stopped = true;
      unsubscribe();
      this.wait?.cancel();
      this.wait = null;
    };
  }

  /** Provider calls under way, and decisions waiting for a slot (at most four run at once). */
  get calls(): { inFlight: number; waiting: number } {
    return { inFlight: this.inFlight, waiting: this.queue.length };
  }

  /** Resolves once nothing is due and no decision is under way (tests and the benchmark wait on it). */
  async settled(): Promise<void> {
    for (;;) {
      while (this.scheduled) await new Promise((resolve) => setImmediate(resolve));
      if (this.running.size === 0) return;
      await Promise.all([...this.running]);
    }
  }

  /** Reads new messages and runs what is due, soon (never inside the caller's transaction). */
  schedule(): void {
    if (this.stopped || this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      if (this.stopped) return;
      try {
        this.pass();
      } catch (error) {
        this.deps.logger.error('ai pass failed', { error: String(error) });
      }
    });
  }

  private pass(): void {
    const { paused } = this.watch.drain();
    for (const p of paused) this.deps.conversations.changed(p.conversationId, p.numberId);
    const now = this.deps.clock.now();
    for (const row of this.deps.episodes.fallbackDue(now, 100)) this.fallback(row);
    for (const row of this.deps.episodes.due(now, 200)) {
      if (this.taken.has(row.conversation_id)) continue;
      this.taken.add(row.conversation_id);
      const run = this.decideBurst(row)
        .catch((error: unknown) => this.deps.logger.error('ai decision failed', { conversationId: row.conversation_id, error: String(error) }))
        .finally(() => {
          this.taken.delete(row.conversation_id);
          this.running.delete(run);
          this.schedule();
        });
      this.running.add(run);
    }
    this.armNext();
  }

  private armNext(): void {
    const next = this.deps.episodes.nextTimer();
    if (next === null || (this.wait && this.wait.at === next)) return;
    this.wait?.cancel();
    this.wait = null;
    if (next <= this.deps.clock.now()) {
      // Due now but taken (a decision under way): its end schedules the next pass.
      if (this.running.size === 0) this.schedule();
      return;
    }
    const cancel = this.deps.clock.wakeAt(next, () => {
      this.wait = null;
      this.schedule();
    });
    this.wait = { at: next, cancel };
  }

  private resolved(conversationId: number): void {
    this.deps.episodes.forget(conversationId);
  }

  /** Runs `task` when fewer than four provider calls are in flight. */
  private async limited<T>(task: () => Promise<T>): Promise<T> {
    if (this.inFlight >= aiLimits.providerCallsInFlight) await new Promise<void>((resolve) => this.queue.push(resolve));
    this.inFlight++;
    try {
      return await task();
    } finally {
      this.inFlight--;
      this.queue.shift()?.();
    }
  }

  private async decideBurst(row: EpisodeRow): Promise<void> {
    const { sqlite, clock, configs } = this.deps;
    const started = clock.now();
    const conversation = this.q.conversation.get(row.conversation_id);
    const config = configs.current(row.whatsapp_number_id);
    const dueId = row.due_message_id ?? 0;
    // Nothing the customer wrote before the AI was switched on is its to answer.
    const burst = this.q.burst.all(row.conversation_id, Math.max(row.answered_message_id, configs.enabledFrom(row.whatsapp_number_id)), dueId);
    const closeWait = () => sqlite.transaction(() => this.q.answered.run(Math.max(dueId, row.answered_message_id), clock.now(), row.conversation_id))();
    if (!conversation || conversation.removed_at !== null || !config.enabled || row.paused === 1 || !isIndividualChat(conversation.wa_chat_id) || burst.length === 0) {
      closeWait();
      return;
    }
    const question = burst.map((m) => m.content).join('\n');
    const customerLanguage = languageOf(question);

    if (!answersNow(config, this.deps.calendar(), started)) {
      this.outOfHours(row, config, customerLanguage, dueId);
      return;
    }
    if (row.replies_count >= aiLimits.repliesPerEpisode) {
      this.commit(row, dueId, started, { decision: 'handoff', reason: 'reply_cap', reply: '', language: customerLanguage, scenario: null, recordsUsed: [], checks: [], promptTokens: 0, completionTokens: 0, errorCode: null, called: false }, config, customerLanguage);
      return;
    }

    const turns: Turn[] = this.q
      .turns.all(row.conversation_id, row.episode_started_at)
      .reverse()
      .map((m) => ({ from: m.sender === 'customer' ? 'customer' : m.sender === 'ai' ? 'assistant' : 'agent', text: m.content }));
    const interestIds = this.q.interests.all(row.conversation_id).map((r) => r.property_id);
    // A viewing asked for, or a slot picked: offered or booked without the model.
    const booking = this.deps.booking.decide({
      conversationId: row.conversation_id,
      numberId: row.whatsapp_number_id,
      config,
      question,
      language: this.deps.responder.replyLanguage(config, question),
      turns,
      interestIds,
      offerJson: row.viewing_offer,
      now: started,
    });
    if (booking) {
      this.commit(row, dueId, started, booking, config, customerLanguage);
      return;
    }

    const settings = this.deps.provider.settings();
    const budgetSpent = settings !== null && settings.dailyBudget > 0 && this.deps.provider.spentToday() >= settings.dailyBudget;
    const decision = await this.limited(() => this.deps.responder.decide({ config, provider: settings, turns, question, interestIds, budgetSpent }));
    if (this.stopped) return;
    this.probes.answered?.();
    if (decision.called && decision.errorCode === null) this.deps.provider.succeeded();
    this.commit(row, dueId, started, decision, config, customerLanguage);
  }

  /**
   * The decision, its log row and its message in one transaction, after checking the episode is
   * as it was: paused meanwhile → dropped (logged); a newer customer message → nothing (its own
   * wait answers the whole burst).
   */
  private commit(row: EpisodeRow, dueId: number, started: number, proposed: Decided, config: AiConfigView, customerLanguage: AiReplyLanguage): void {
    const { sqlite, clock, episodes, outbox } = this.deps;
    const settings = this.deps.provider.settings();
    const cost = settings && proposed.called ? costMillihalalas(settings, proposed.promptTokens, proposed.completionTokens) : 0;
    const committed = sqlite.transaction((): Committed | null => {
      const now = clock.now();
      const current = episodes.get(row.conversation_id);
      if (!current || current.answered_message_id !== row.answered_message_id) return null;
      // A booking's effect, once nothing changed meanwhile: the slot taken since it was offered → a person takes over.
      let decision: Decision = proposed;
      let viewingId: number | null = null;
      if (proposed.action && current.paused !== 1 && (current.due_message_id ?? 0) === dueId) {
        const applied = this.deps.booking.apply(row.conversation_id, proposed.action);
        if (applied) viewingId = applied.viewingId;
        else decision = { ...proposed, decision: 'handoff', reason: 'no_viewing_slot', reply: '' };
      }
      const base = {
        numberId: row.whatsapp_number_id,
        conversationId: row.conversation_id,
        messageId: dueId || null,
        scenario: decision.scenario,
        responseTimeMs: Math.max(0, now - started),
        language: decision.language,
        reason: decision.reason,
        errorCode: decision.errorCode,
        promptTokens: decision.promptTokens,
        completionTokens: decision.completionTokens,
        costMillihalalas: cost,
        at: now,
      };
      if (current.paused === 1) {
        this.q.answered.run(dueId, now, row.conversation_id);
        this.log.write({ ...base, replyMessageId: null, handedOff: false, outcome: 'dropped', reason: 'person_took_over' });
        return { message: null, handedOff: null, outage: null };
      }
      if ((current.due_message_id ?? 0) !== dueId) return null;

      if (decision.decision === 'reply') {
        const message = outbox.enqueue({ conversationId: row.conversation_id, content: decision.reply, sender: 'ai', senderId: null, senderName: null, clientId: `ai:${dueId}` });
        this.q.replied.run({ answered: dueId, now, fallbackMs: config.fallbackToHuman ? config.fallbackDelay * 60_000 : null, id: row.conversation_id });
        this.log.write({ ...base, replyMessageId: message.id, handedOff: false, outcome: 'replied' });
        return { message, handedOff: null, outage: null, viewingId };
      }
      const reason = decision.reason ?? 'model_decided';
      // The customer is told once, in their language; a provider failure or the reply cap sends
      // nothing (the message waits for a person, and a bot on the other side hears no more).
      const language = customerLanguage;
      const message = reason === 'provider_failed' || reason === 'reply_cap' ? null : outbox.enqueue({ conversationId: row.conversation_id, content: handoffText[language], sender: 'ai', senderId: null, senderName: null, clientId: `ai-handoff:${dueId}` });
      episodes.pause(row.conversation_id, row.whatsapp_number_id, reason);
      this.q.answered.run(dueId, now, row.conversation_id);
      this.log.write({ ...base, replyMessageId: message?.id ?? null, handedOff: true, outcome: 'handed_off', reason, language });
      return { message, handedOff: reason, outage: decision.errorCode };
    })();
    if (committed) this.probes.committed?.();
    if (committed) this.announce(row, committed);
    if (committed?.viewingId) this.deps.booking.announce(committed.viewingId);
  }

  private announce(row: EpisodeRow, done: Committed): void {
    const { pipeline, conversations, notifications, provider } = this.deps;
    if (done.message) {
      pipeline.publishNew(done.message);
      pipeline.publishConversation(row.conversation_id);
    }
    conversations.changed(row.conversation_id, row.whatsapp_number_id);
    if (done.outage) {
      // One notification per outage: only the failure that turned the provider to failing tells.
      if (provider.failed(done.outage)) notifications.notify({ audience: { roles: ['admin'] }, type: 'ai_provider_failing', target: null, params: { error: done.outage } });
    } else if (done.handedOff) {
      const customer = this.q.conversation.get(row.conversation_id)?.customer ?? null;
      notifications.notify({ audience: { numberId: row.whatsapp_number_id }, type: 'ai_handoff', target: { kind: 'conversation', id: row.conversation_id }, params: { customer, reason: done.handedOff } });
    }
  }

  /** Not its hours: outside the office's (mode `inside`) the away message once per episode; otherwise silence. */
  private outOfHours(row: EpisodeRow, config: AiConfigView, language: AiReplyLanguage, dueId: number): void {
    const { sqlite, clock, outbox } = this.deps;
    const message = sqlite.transaction(() => {
      const now = clock.now();
      const current = this.deps.episodes.get(row.conversation_id);
      if (!current || current.paused === 1 || current.answered_message_id !== row.answered_message_id) return null;
      // The away message is for a closed office: in the "outside" mode the AI is silent while people are in.
      if (!config.outOfHoursMessage || config.hoursMode !== 'inside' || current.out_of_hours_sent_at !== null) {
        this.q.answered.run(dueId, now, row.conversation_id);
        return null;
      }
      const sent = outbox.enqueue({ conversationId: row.conversation_id, content: config.outOfHoursMessage, sender: 'ai', senderId: null, senderName: null, clientId: `ai-away:${row.episode_started_at}` });
      this.q.awaySent.run(now, dueId, now, row.conversation_id);
      this.log.write({
        numberId: row.whatsapp_number_id,
        conversationId: row.conversation_id,
        messageId: dueId || null,
        replyMessageId: sent.id,
        scenario: null,
        responseTimeMs: 0,
        handedOff: false,
        language,
        outcome: 'out_of_hours_sent',
        reason: 'out_of_hours',
        errorCode: null,
        promptTokens: 0,
        completionTokens: 0,
        costMillihalalas: 0,
        at: now,
      });
      return sent;
    })();
    if (message) {
      this.deps.pipeline.publishNew(message);
      this.deps.pipeline.publishConversation(row.conversation_id);
    }
  }

  /** `fallbackDelay` minutes of AI handling passed: a person takes over. */
  private fallback(row: EpisodeRow): void {
    const { sqlite, clock, outbox, episodes } = this.deps;
    const committed = sqlite.transaction((): Committed | null => {
      const current = episodes.get(row.conversation_id);
      if (!current || current.fallback_at === null || current.fallback_at > clock.now()) return null;
      if (current.paused === 1) return null;
      // Switched off since: the team has the number's conversations already; the AI says nothing more.
      if (!this.deps.configs.current(row.whatsapp_number_id).enabled) {
        episodes.clearFallback(row.conversation_id);
        return null;
      }
      const last = this.q.turns.all(row.conversation_id, row.episode_started_at).find((m) => m.sender === 'customer');
      const language = languageOf(last?.content ?? '');
      const message = outbox.enqueue({ conversationId: row.conversation_id, content: handoffText[language], sender: 'ai', senderId: null, senderName: null, clientId: `ai-fallback:${current.ai_started_at ?? current.fallback_at}` });
      episodes.pause(row.conversation_id, row.whatsapp_number_id, 'fallback_delay');
      this.log.write({
        numberId: row.whatsapp_number_id,
        conversationId: row.conversation_id,
        messageId: null,
        replyMessageId: message.id,
        scenario: null,
        responseTimeMs: 0,
        handedOff: true,
        language,
        outcome: 'handed_off',
        reason: 'fallback_delay',
        errorCode: null,
        promptTokens: 0,
        completionTokens: 0,
        costMillihalalas: 0,
        at: clock.now(),
      });
      return { message, handedOff: 'fallback_delay', outage: null };
    })();
    if (committed) this.announce(row, committed);
  }
}
