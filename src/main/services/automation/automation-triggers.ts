import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { followUpInput } from '../../../shared/automation/schemas';
import type { AutomationDryRun, AutomationJobView, AutomationTrigger } from '../../../shared/automation/types';
import type { Caller } from '../auth/auth-service';
import type { Clock } from '../../base/clock';
import type { Logger } from '../../base/logger';
import type { BusMessage, EventBus } from '../../events/event-bus';
import type { OfficeCalendar } from '../../calendar/office-calendar';
import type { NumberAccess } from '../inbox/number-access';
import { ArmingStore, familyOf, familyTriggers, type ArmingNote } from './armings/arming-store';
import type { JobCandidates, JobStore } from './job-store';
import type { RuleHooks, RuleSnapshot } from './rule-hooks';
import { ActiveRules } from './triggers/active-rules';
import { ActivityTriggers } from './triggers/activity-triggers';
import { AgentFollowUp } from './triggers/agent-follow-up';
import { newInquiryCandidates, noResponseCandidates } from './triggers/conversation-candidates';
import { Cursors } from './triggers/cursors';
import { FollowUpDates } from './triggers/follow-up-dates';
import { MessageTriggers } from './triggers/message-triggers';
import { PriceTriggers } from './triggers/price-triggers';
import type { RuleLike } from './triggers/rule-source';
import { reminderCandidates } from './triggers/viewing-candidates';
import { ViewingTriggers } from './triggers/viewing-triggers';

type Drain = 'messages' | 'activity' | 'prices';

/** A pass that changed more jobs than this is announced by nobody (see `guard`). */
const announcedAtMost = 200;

/**
 * Arms, re-times and cancels jobs from what happens in the office (issue 15 "Triggers"):
 * messages, resolves and archives, follow-ups, viewings, properties and prices.
 *
 * Crash-safe by construction: what is read from an append-only record (messages, the activity
 * log, the price history) goes through a cursor committed with the jobs it armed or ended; what
 * is a state (viewings, follow-up dates, removed numbers) is reconciled from the state. The bus
 * only wakes the work, after the change committed, and start catches up on everything.
 */
export class AutomationTriggers implements RuleHooks {
  private readonly rules: ActiveRules;
  /** The message-driven triggers' episodes, whose per-rule jobs are written when they fall due. */
  readonly armings: ArmingStore;
  private readonly messages: MessageTriggers;
  private readonly activity: ActivityTriggers;
  private readonly prices: PriceTriggers;
  private readonly viewings: ViewingTriggers;
  private readonly dates: FollowUpDates;
  private readonly agent: AgentFollowUp;
  private readonly scheduled = new Set<Drain>();
  private wake: NodeJS.Immediate | null = null;
  private stopped = true;

  constructor(
    readonly deps: { sqlite: Database.Database; bus: EventBus; clock: Clock; logger: Logger; store: JobStore; calendar: () => OfficeCalendar; access: NumberAccess },
  ) {
    const { sqlite, clock, store } = deps;
    this.rules = new ActiveRules(sqlite);
    this.armings = new ArmingStore(sqlite, clock, this.rules);
    store.lazy = this.armings;
    // Read at each call: the runner sets the store's hook when it starts.
    this.armings.ended = (at) => store.changed(at);
    const cursors = new Cursors(sqlite);
    const shared = { sqlite, clock, store, rules: this.rules, cursors, armings: this.armings };
    this.messages = new MessageTriggers(shared);
    this.activity = new ActivityTriggers(shared);
    this.prices = new PriceTriggers(shared);
    this.viewings = new ViewingTriggers({ clock, store, rules: this.rules });
    this.dates = new FollowUpDates({ sqlite, store, calendar: deps.calendar });
    this.agent = new AgentFollowUp({ sqlite, clock, store, access: deps.access });
  }

  /** Catches up on what happened while closed, then listens; returns the stop. */
  start(): () => void {
    this.stopped = false;
    this.catchUp();
    const unsubscribe = this.deps.bus.subscribe((message) => this.heard(message));
    return () => {
      this.stopped = true;
      unsubscribe();
      if (this.wake) clearImmediate(this.wake);
      this.wake = null;
    };
  }

  /** Everything at once: the cursors, every viewing, every follow-up date, removed numbers. Idempotent. */
  catchUp(): void {
    this.guard('catch-up', () => {
      this.drain('messages');
      this.drain('activity');
      this.drain('prices');
      const { sqlite, store, clock } = this.deps;
      sqlite.transaction(() => {
        store.end({ where: { sql: 'whatsapp_number_id in (select id from whatsapp_numbers where removed_at is not null)', params: [] } }, 'cancelled', 'number_removed');
        this.armings.endNumber(null, 'number_removed');
        this.notInterested(null);
        this.viewings.reconcile({ kind: 'all' });
        if (this.rules.any(['follow_up'])) this.dates.reconcile(null, clock.now());
      })();
    });
  }

  /** What a `message.new` wakes: the messages past the cursor, read now. */
  readMessages(): void {
    this.drain('messages');
  }

  /** An agent's "follow up in …" on a conversation: arms its follow-up rules for then. */
  followUp(caller: Caller, input: z.output<typeof followUpInput>): AutomationJobView[] {
    return this.agent.followUp(caller, input);
  }

  saved(rule: RuleSnapshot, previous: RuleSnapshot | null): void {
    this.rules.invalidate();
    const { store } = this.deps;
    const wasOn = previous?.isActive ?? false;
    if (!rule.isActive) {
      if (wasOn) {
        store.end({ ruleId: rule.id }, 'cancelled', 'rule_off');
        this.armings.cancelVirtual(previous!, 'rule_off');
      }
      return;
    }
    // Armings time their jobs from the rules as they are now: a rule on, or with a shorter delay, may fall due sooner.
    const family = familyOf(rule.trigger);
    if (family) this.armings.lowerNextDue(family, rule.whatsappNumberId, rule.delayMinutes);
    if (previous && wasOn) {
      const moved = previous.trigger !== rule.trigger || previous.whatsappNumberId !== rule.whatsappNumberId;
      if (moved) {
        // Jobs the rule no longer covers (another trigger, another number) end as if it were off for them.
        store.end(
          {
            ruleId: rule.id,
            where: { sql: 'trigger <> ? or (? is not null and whatsapp_number_id <> ?)', params: [rule.trigger, rule.whatsappNumberId, rule.whatsappNumberId] },
          },
          'cancelled',
          'rule_off',
        );
        this.armings.cancelVirtual(previous, 'rule_off', previous.trigger === rule.trigger ? rule.whatsappNumberId : null);
      } else if (previous.delayMinutes !== rule.delayMinutes) {
        this.shift(rule, (rule.delayMinutes - previous.delayMinutes) * 60_000);
      }
      if (!moved) return;
    }
    this.armNow(rule);
  }

  deleted(rule: RuleSnapshot): void {
    this.rules.invalidate();
    this.deps.store.end({ ruleId: rule.id }, 'cancelled', 'rule_deleted');
    if (rule.isActive) this.armings.cancelVirtual(rule, 'rule_deleted');
  }

  dryRun(rule: Pick<RuleSnapshot, 'trigger' | 'delayMinutes' | 'whatsappNumberId'>, sampleSize: number): AutomationDryRun {
    const like: RuleLike = { id: 0, name: '', delayMinutes: rule.delayMinutes, whatsappNumberId: rule.whatsappNumberId };
    const now = this.deps.clock.now();
    const iso = (ms: number) => new Date(ms).toISOString();
    if (rule.trigger === 'follow_up') {
      const jobs = this.dates.jobs([like], null, now).sort((a, b) => a.dueAt - b.dueAt);
      const contact = this.deps.sqlite.prepare<[number], { name: string | null; phone: string | null }>('select name, phone from contacts where id = ?');
      return {
        count: jobs.length,
        sample: jobs.slice(0, sampleSize).map((j) => {
          const who = contact.get(j.contactId);
          return { conversationId: j.conversationId, contactId: j.contactId, contactName: who?.name ?? null, contactPhone: who?.phone ?? null, dueAt: iso(j.dueAt) };
        }),
      };
    }
    const candidates = this.candidatesNow(rule.trigger, like, now);
    if (!candidates) return { count: 0, sample: [] };
    const { count, sample } = this.deps.store.preview(candidates, sampleSize);
    return {
      count,
      sample: sample.map((s) => ({ conversationId: s.conversation_id, contactId: s.contact_id, contactName: s.contact_name, contactPhone: s.contact_phone, dueAt: iso(s.due_at) })),
    };
  }

  /**
   * A rule switched on arms for what is true now, in one statement whatever the office's size:
   * unanswered inquiries, silences past a person's message, upcoming viewings, follow-up dates.
   * Keys already armed (before it was switched off) arm nothing: on again means new episodes only.
   * A new or newly available property, a price change, a viewing marked done: events, not states.
   */
  private armNow(rule: RuleSnapshot): void {
    const now = this.deps.clock.now();
    if (rule.trigger === 'follow_up') {
      for (const job of this.dates.jobs([rule], null, now)) this.deps.store.arm(job);
      return;
    }
    const candidates = this.candidatesNow(rule.trigger, rule, now);
    if (candidates) this.deps.store.armFrom(candidates);
  }

  private candidatesNow(trigger: AutomationTrigger, rule: RuleLike, now: number): JobCandidates | null {
    const source = { kind: 'rule', rule } as const;
    const all = { kind: 'all' } as const;
    switch (trigger) {
      case 'new_inquiry':
        return newInquiryCandidates(source, all, now);
      case 'no_response_24h':
      case 'no_response_48h':
      case 'no_response_72h':
        return noResponseCandidates(trigger, source, all, now);
      case 'appointment_reminder':
        return reminderCandidates(source, all, now);
      default:
        return null;
    }
  }

  /** A changed delay re-times the waiting jobs; an agent's follow-up and a follow-up date keep their time. */
  private shift(rule: RuleSnapshot, deltaMs: number): void {
    const filter =
      rule.trigger === 'follow_up' ? { ruleId: rule.id, where: { sql: 'viewing_id is not null', params: [] } } : { ruleId: rule.id };
    this.deps.store.shift(filter, deltaMs);
  }

  private heard(message: BusMessage): void {
    switch (message.event) {
      case 'message.new':
        return this.schedule('messages');
      // A rule saved elsewhere: the in-memory list of active rules is read again when next needed. Counts moving
      // (every batch of sends) leave the rules as they were: reading 1,000 rules again per batch cost the runner.
      case 'automation.rules.changed':
        if ((message.data as BusMessage<'automation.rules.changed'>['data']).countsOnly) return;
        return this.rules.invalidate();
      case 'conversation.update':
      case 'properties.changed':
        return this.schedule('activity');
      case 'properties.priceChanged':
        return this.schedule('prices');
      case 'viewings.changed': {
        const { viewingId } = message.data as BusMessage<'viewings.changed'>['data'];
        return this.later(() => this.deps.sqlite.transaction(() => this.viewings.reconcile({ kind: 'viewing', viewingId }))());
      }
      case 'contact.changed': {
        const { contactId } = message.data as BusMessage<'contact.changed'>['data'];
        return this.later(() => this.deps.sqlite.transaction(() => this.dates.reconcile(contactId, this.deps.clock.now()))());
      }
      case 'interests.changed': {
        const { conversationId } = message.data as BusMessage<'interests.changed'>['data'];
        return this.later(() => this.notInterested(conversationId));
      }
      case 'number.removed': {
        const { id } = message.data as BusMessage<'number.removed'>['data'];
        return this.later(() =>
          this.deps.sqlite.transaction(() => {
            this.armings.endNumber(id, 'number_removed');
            this.deps.store.end({ whatsappNumberId: id }, 'cancelled', 'number_removed');
          })(),
        );
      }
      default:
        return;
    }
  }

  /** A customer marked not interested in a property gets no waiting price or match message about it. */
  private notInterested(conversationId: number | null): void {
    this.deps.store.end(
      {
        trigger: ['price_change', 'property_match'],
        ...(conversationId !== null ? { conversationId } : {}),
        where: {
          sql: `exists (select 1 from conversation_property_interests i where i.conversation_id = automation_jobs.conversation_id
                  and i.property_id = automation_jobs.property_id and i.status = 'not_interested')`,
          params: [],
        },
      },
      'cancelled',
      'not_interested',
    );
  }

  /** Coalesces wake-ups: a burst of messages is read in one pass after the publisher's turn ends. */
  private schedule(drain: Drain): void {
    this.scheduled.add(drain);
    if (this.wake) return;
    this.wake = setImmediate(() => {
      this.wake = null;
      if (this.stopped) return;
      const drains = [...this.scheduled];
      this.scheduled.clear();
      for (const d of drains) this.guard(d, () => this.drain(d));
    });
  }

  private later(run: () => void): void {
    setImmediate(() => {
      if (!this.stopped) this.guard('reconcile', run);
    });
  }

  private drain(drain: Drain): void {
    if (drain === 'messages') this.messages.drain();
    else if (drain === 'activity') this.activity.drain();
    else this.prices.drain();
  }

  /**
   * A failing pass is logged and left to the next wake or start: its cursor did not move. A pass
   * that went through tells the conversations' teams of each job it armed, re-timed or ended
   * (their side panels and the rules' pending counts follow); a pass over the whole office
   * (start, a rule switched on) is too big to announce job by job, and nobody waits on it.
   */
  private guard(what: string, run: () => void): void {
    let touched: number[];
    const armed: ArmingNote[] = [];
    const outer = this.armings.noting;
    this.armings.noting = armed;
    try {
      touched = this.deps.store.collect(run);
    } catch (error) {
      this.deps.logger.error('automation triggers failed', { what, error: String(error) });
      return;
    } finally {
      this.armings.noting = outer;
    }
    if (touched.length + armed.length === 0 || touched.length + armed.length > announcedAtMost) return;
    // Jobs still waiting in an arming have no row yet (jobId 0): the conversation's panel reads them afresh.
    for (const a of armed) {
      this.deps.bus.publish(
        'automation.jobs.changed',
        { jobId: 0, ruleId: null, trigger: familyTriggers[a.family][0]!, conversationId: a.conversationId, contactId: a.contactId, status: a.status },
        this.deps.access.audience(a.numberId),
      );
    }
    // Each job once, as it is now (a pass may arm a job and end it again).
    for (const id of new Set(touched)) {
      const now = this.deps.store.get(id);
      if (!now) continue;
      this.deps.bus.publish(
        'automation.jobs.changed',
        { jobId: now.id, ruleId: now.rule_id, trigger: now.trigger, conversationId: now.conversation_id, contactId: now.contact_id, status: now.status },
        this.deps.access.audience(now.whatsapp_number_id),
      );
    }
  }
}
