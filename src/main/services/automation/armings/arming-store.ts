import type Database from 'better-sqlite3';
import { performance } from 'node:perf_hooks';
import { latenessLimitMs, type AutomationTrigger, type JobReason } from '../../../../shared/automation/types';
import type { Clock } from '../../../base/clock';
import type { JobStore, JobToArm } from '../job-store';
import type { ActiveRules } from '../triggers/active-rules';

/**
 * Lazy per-rule jobs for the message-driven triggers (issue 15: ingest with 1,000 active rules at
 * ≥ 90% of ingest without).
 *
 * Why: a customer message used to arm one job row per covering rule (the benchmark's mix: ~64 rows
 * a message, ~13 µs each with the jobs' indexes), so ingest could not pass ~0.5 of ingest without
 * rules. Measured with one upsert per conversation instead: ratio 0.95 wall, 1.00 CPU.
 *
 * Design:
 * - At ingest, `new_inquiry` and `no_response_*` write ONE arming per (conversation, family,
 *   episode), the episode being the message that opened it (the welcome's first customer message,
 *   the silence's first person message) and the anchor the instant jobs are timed from. A later
 *   message of the same episode re-times that one row (`arm` again); an answer, a reply, resolve,
 *   archive or opt-out ends it (`end`). An ended arming stays, so the same episode never re-arms.
 * - `next_due_at` is a lower bound: anchor + the smallest delay among the covering active rules,
 *   read from the in-memory rule cache. The runner asks `firstDue` beside the jobs' own, and
 *   before claiming materialises what fell due (`materialiseDue`): one job row per covering rule
 *   whose instant passed, under the same key as an eagerly armed job
 *   (`<rule>:<trigger>:c<conversation>:m<episode>`), inserted "on conflict do nothing" — a key armed
 *   eagerly (a rule switched on), or cancelled by a person, is never written twice. The claim then
 *   sends, postpones or expires the row exactly as before, in its own transaction with the outbox.
 * - A person looking at or cancelling a conversation's upcoming jobs gets the virtual ones written
 *   as pending rows first (`materialiseAll`), so views and cancels keep working on rows.
 * - Rule changes need no per-arming write: an inactive or deleted rule is not in the cache, a
 *   changed delay is read at materialisation; a shorter delay only needs `lowerNextDue`.
 * - A database from before migration 0041 has no armings; its pending job rows are simply already
 *   materialised.
 */
export type ArmingFamily = 'new_inquiry' | 'no_response';

export const familyTriggers: Record<ArmingFamily, readonly AutomationTrigger[]> = {
  new_inquiry: ['new_inquiry'],
  no_response: ['no_response_24h', 'no_response_48h', 'no_response_72h'],
};

/** The family a message-driven trigger arms in, or null for the triggers that arm jobs directly. */
export function familyOf(trigger: AutomationTrigger): ArmingFamily | null {
  if (trigger === 'new_inquiry') return 'new_inquiry';
  return familyTriggers.no_response.includes(trigger) ? 'no_response' : null;
}

export interface ArmingRow {
  id: number;
  conversation_id: number;
  whatsapp_number_id: number;
  contact_id: number;
  family: ArmingFamily;
  episode: number;
  anchor_at: number;
  next_due_at: number | null;
  ended_reason: string | null;
  created_at: number;
  updated_at: number;
}

export interface ArmingInput {
  conversationId: number;
  numberId: number;
  contactId: number;
  family: ArmingFamily;
  /** The message that opened the episode. */
  episode: number;
  anchorAt: number;
}

type EndedArming = Pick<ArmingRow, 'conversation_id' | 'whatsapp_number_id' | 'contact_id' | 'family'>;
const endedColumns = 'returning conversation_id, whatsapp_number_id, contact_id, family';
/**
 * An arming that ends while it still holds unwritten jobs stays due (at its end, the `updated_at`
 * it is given): the runner then writes those jobs as `cancelled` rows with the end's reason, so a
 * rule's stats and past jobs count them. Not at the end itself: that is ingest's path, and an
 * arming may hold hundreds of rules' jobs.
 */
const dueWhenEnded = 'case when next_due_at is null then null else @now end';

/** The per-rule job key, the same whether the job is armed eagerly or materialised from an arming. */
export const jobKey = (ruleId: number, trigger: AutomationTrigger, conversationId: number, episode: number): string =>
  `${ruleId}:${trigger}:c${conversationId}:m${episode}`;

/** An arming armed, re-timed or ended in a trigger pass: its conversation's team hears it (side panels reload). */
export interface ArmingNote {
  conversationId: number;
  numberId: number;
  contactId: number;
  family: ArmingFamily;
  status: 'pending' | 'cancelled';
}

export class ArmingStore {
  private readonly q;
  /** While a trigger pass runs, what it armed or ended (AutomationTriggers announces it after the commit). */
  noting: ArmingNote[] | null = null;
  /** Told when armings ended: their unwritten jobs are due to be written cancelled (the runner wakes). */
  ended: (at: number) => void = () => {};

  constructor(
    sqlite: Database.Database,
    private readonly clock: Clock,
    private readonly rules: ActiveRules,
  ) {
    this.q = {
      upsert: sqlite.prepare<[number, number, number, string, number, number, number | null, number, number], { next_due_at: number | null }>(
        `insert into automation_armings (conversation_id, whatsapp_number_id, contact_id, family, episode, anchor_at, next_due_at, created_at, updated_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?)
         on conflict (conversation_id, family, episode) do update set anchor_at = excluded.anchor_at, next_due_at = excluded.next_due_at, updated_at = excluded.updated_at
           where automation_armings.ended_reason is null and automation_armings.anchor_at <> excluded.anchor_at
         returning next_due_at`,
      ),
      endOf: sqlite.prepare<{ reason: string; now: number; conversationId: number; family: string }, EndedArming>(
        `update automation_armings set ended_reason = @reason, next_due_at = ${dueWhenEnded}, updated_at = @now where conversation_id = @conversationId and family = @family and ended_reason is null ${endedColumns}`,
      ),
      endArmedBy: sqlite.prepare<{ reason: string; now: number; conversationId: number; at: number }, EndedArming>(
        `update automation_armings set ended_reason = @reason, next_due_at = ${dueWhenEnded}, updated_at = @now where conversation_id = @conversationId and created_at <= @at and ended_reason is null ${endedColumns}`,
      ),
      endContact: sqlite.prepare<{ reason: string; now: number; contactId: number }, EndedArming>(
        `update automation_armings set ended_reason = @reason, next_due_at = ${dueWhenEnded}, updated_at = @now where contact_id = @contactId and ended_reason is null ${endedColumns}`,
      ),
      endNumber: sqlite.prepare<{ reason: string; now: number; numberId: number }>(
        `update automation_armings set ended_reason = @reason, next_due_at = ${dueWhenEnded}, updated_at = @now where whatsapp_number_id = @numberId and ended_reason is null`,
      ),
      endRemoved: sqlite.prepare<{ reason: string; now: number }>(
        `update automation_armings set ended_reason = @reason, next_due_at = ${dueWhenEnded}, updated_at = @now
         where ended_reason is null and whatsapp_number_id in (select id from whatsapp_numbers where removed_at is not null)`,
      ),
      // A silence moved on: its jobs already written (a person opened the panel) follow, as the arming does.
      retimeWritten: sqlite.prepare<{ conversationId: number; episode: string; anchorAt: number; now: number }>(
        `update automation_jobs set due_at = @anchorAt + (select r.delay_minutes * 60000 from automation_rules r where r.id = automation_jobs.rule_id), updated_at = @now
         where conversation_id = @conversationId and status = 'pending' and trigger in ('no_response_24h', 'no_response_48h', 'no_response_72h')
           and substr(idempotency_key, -length(@episode)) = @episode and rule_id is not null
         returning id, due_at`,
      ),
      open: sqlite.prepare<[number, string], ArmingRow>(`select * from automation_armings where conversation_id = ? and family = ? and ended_reason is null order by id desc limit 1`),
      openOf: sqlite.prepare<[number], ArmingRow>(`select * from automation_armings where conversation_id = ? and ended_reason is null`),
      firstDue: sqlite.prepare<[], { at: number | null }>(`select min(next_due_at) as at from automation_armings where next_due_at is not null`),
      due: sqlite.prepare<[number, number], ArmingRow>(`select * from automation_armings where next_due_at is not null and next_due_at <= ? order by next_due_at, id limit ?`),
      lower: sqlite.prepare<{ family: string; numberId: number | null; delayMs: number; now: number }>(
        `update automation_armings set next_due_at = min(next_due_at, anchor_at + @delayMs), updated_at = @now
         where next_due_at is not null and ended_reason is null and family = @family and (@numberId is null or whatsapp_number_id = @numberId) and anchor_at + @delayMs < next_due_at`,
      ),
      cancelVirtual: sqlite.prepare<{ ruleId: number; ruleName: string; trigger: string; family: string; ruleNumber: number | null; keepNumber: number | null; status: string; reason: string; now: number }>(
        `insert into automation_jobs (rule_id, rule_name, trigger, whatsapp_number_id, conversation_id, contact_id, idempotency_key, due_at, status, reason, created_at, updated_at, finished_at)
         select r.id, @ruleName, @trigger, a.whatsapp_number_id, a.conversation_id, a.contact_id,
           r.id || ':' || @trigger || ':c' || a.conversation_id || ':m' || a.episode, a.anchor_at + r.delay_minutes * 60000,
           -- An arming that had ended already (its jobs not written yet) ended them first, at its end.
           @status, coalesce(a.ended_reason, @reason), @now, @now, iif(a.ended_reason is null, @now, a.updated_at)
         from automation_armings a join automation_rules r on r.id = @ruleId
         where a.next_due_at is not null and a.family = @family and (@ruleNumber is null or a.whatsapp_number_id = @ruleNumber)
           and (@keepNumber is null or a.whatsapp_number_id <> @keepNumber)
         on conflict (idempotency_key) do nothing`,
      ),
      writeWaiting: sqlite.prepare<{ ruleId: number; ruleName: string; trigger: string; family: string; ruleNumber: number | null; lateness: number; now: number }>(
        `insert into automation_jobs (rule_id, rule_name, trigger, whatsapp_number_id, conversation_id, contact_id, idempotency_key, due_at, created_at, updated_at)
         select r.id, @ruleName, @trigger, a.whatsapp_number_id, a.conversation_id, a.contact_id,
           r.id || ':' || @trigger || ':c' || a.conversation_id || ':m' || a.episode, a.anchor_at + r.delay_minutes * 60000, @now, @now
         from automation_armings a join automation_rules r on r.id = @ruleId
         where a.next_due_at is not null and a.ended_reason is null and a.family = @family and (@ruleNumber is null or a.whatsapp_number_id = @ruleNumber)
           and a.anchor_at + r.delay_minutes * 60000 >= a.created_at - @lateness
         on conflict (idempotency_key) do nothing`,
      ),
      setNextDue: sqlite.prepare<[number | null, number, number]>(`update automation_armings set next_due_at = ?, updated_at = ? where id = ?`),
    };
  }

  /**
   * Arms (or re-times) an episode: one row whatever the number of covering rules. Returns its
   * next due instant, or null when nothing changed (same anchor, ended, or no rule covers it).
   */
  arm(input: ArmingInput): number | null {
    const nextDueAt = this.firstInstant(input.family, input.numberId, input.anchorAt, -Infinity);
    if (nextDueAt === null) return null;
    const now = this.clock.now();
    const row = this.q.upsert.get(input.conversationId, input.numberId, input.contactId, input.family, input.episode, input.anchorAt, nextDueAt, now, now);
    if (!row) return null;
    this.noting?.push({ conversationId: input.conversationId, numberId: input.numberId, contactId: input.contactId, family: input.family, status: 'pending' });
    return row.next_due_at;
  }

  private noted(rows: EndedArming[]): number {
    if (rows.length > 0) this.ended(this.clock.now());
    if (this.noting) for (const r of rows) this.noting.push({ conversationId: r.conversation_id, numberId: r.whatsapp_number_id, contactId: r.contact_id, family: r.family, status: 'cancelled' });
    return rows.length;
  }

  /** Ends the conversation's open arming of `family` (answered, replied, resolved...); whether one was open. */
  end(conversationId: number, family: ArmingFamily, reason: string): boolean {
    return this.noted(this.q.endOf.all({ reason, now: this.clock.now(), conversationId, family })) > 0;
  }

  /** Resolve or archive: the conversation's armings made by `at` end (a later one is a new episode, opened after it). */
  endArmedBy(conversationId: number, at: number, reason: string): number {
    return this.noted(this.q.endArmedBy.all({ reason, now: this.clock.now(), conversationId, at }));
  }

  /** The contact opted out: every arming to them ends. */
  endContact(contactId: number, reason: string): number {
    return this.noted(this.q.endContact.all({ reason, now: this.clock.now(), contactId }));
  }

  /** A number removed (`null`: every removed number, at start): its armings end. */
  endNumber(numberId: number | null, reason: string): number {
    const now = this.clock.now();
    const ended = (numberId === null ? this.q.endRemoved.run({ reason, now }) : this.q.endNumber.run({ reason, now, numberId })).changes;
    if (ended > 0) this.ended(now);
    return ended;
  }

  /** The silence's written pending jobs follow its new anchor; the earliest new instant, or null when none. */
  retimeWritten(conversationId: number, episode: number, anchorAt: number): { ids: number[]; earliest: number | null } {
    const rows = this.q.retimeWritten.all({ conversationId, episode: `:m${episode}`, anchorAt, now: this.clock.now() }) as { id: number; due_at: number }[];
    let earliest: number | null = null;
    for (const r of rows) if (earliest === null || r.due_at < earliest) earliest = r.due_at;
    return { ids: rows.map((r) => r.id), earliest };
  }

  /** Whether some rule of `family` covering the number still has an instant within its lateness limit. */
  worthArming(family: ArmingFamily, numberId: number, anchorAt: number, now: number): boolean {
    for (const trigger of familyTriggers[family]) {
      for (const rule of this.rules.covering(numberId, trigger)) if (anchorAt + rule.delayMinutes * 60_000 >= now - latenessLimitMs[trigger]) return true;
    }
    return false;
  }

  /** The conversation's open arming of `family`, if any (a silence already armed keeps its episode). */
  open(conversationId: number, family: ArmingFamily): ArmingRow | undefined {
    return this.q.open.get(conversationId, family);
  }

  /**
   * A rule of `family` now waits `delayMinutes` (switched on, or a shorter delay): armings still
   * holding unwritten jobs are looked at no later than its instant. Ended or finished armings are
   * left alone: their instants passed, so the shorter delay's did too.
   */
  lowerNextDue(family: ArmingFamily, numberId: number | null, delayMinutes: number): number {
    return this.q.lower.run({ family, numberId, delayMs: delayMinutes * 60_000, now: this.clock.now() }).changes;
  }

  /**
   * A rule switched off, moved or deleted: the jobs it held in armings that were not written yet
   * are written ended (`rule_off`, `rule_deleted`), as its pending rows are, so the stats count them
   * and a rule switched on again arms new episodes only (their keys exist). `keepNumber`: a rule
   * moved to that number keeps its jobs there. Call before the rule row is deleted.
   */
  cancelVirtual(rule: { id: number; name: string; trigger: AutomationTrigger; whatsappNumberId: number | null }, reason: 'rule_off' | 'rule_deleted', keepNumber: number | null = null): number {
    const family = familyOf(rule.trigger);
    if (!family) return 0;
    return this.q.cancelVirtual.run({
      ruleId: rule.id, ruleName: rule.name, trigger: rule.trigger, family, ruleNumber: rule.whatsappNumberId, keepNumber,
      status: 'cancelled', reason, now: this.clock.now(),
    }).changes;
  }

  /**
   * A person looks at an active rule's upcoming jobs: the ones still waiting in armings are written
   * as pending rows first (one statement), so the list and its paging work on rows. Inside the caller's transaction.
   */
  writeWaiting(rule: { id: number; name: string; trigger: AutomationTrigger; whatsappNumberId: number | null }): number {
    const family = familyOf(rule.trigger);
    if (!family) return 0;
    return this.q.writeWaiting.run({
      ruleId: rule.id, ruleName: rule.name, trigger: rule.trigger, family, ruleNumber: rule.whatsappNumberId, lateness: latenessLimitMs[rule.trigger], now: this.clock.now(),
    }).changes;
  }

  /** The earliest instant an arming may hold a due job, or null. */
  firstDue(): number | null {
    return this.q.firstDue.get()?.at ?? null;
  }

  /**
   * Writes the per-rule jobs of armings that fell due by `now` (at most `limit` armings), and moves
   * each arming's next due on. Runs inside the caller's transaction. Stops after the arming that
   * took it past `budgetMs` (an arming may hold ~94 jobs: 500 of them would hold the event loop
   * far beyond issue 15's 50 ms); returns whether it stopped with armings still due.
   */
  materialiseDue(store: JobStore, now: number, limit: number, budgetMs = 10): boolean {
    const started = performance.now();
    const armings = this.q.due.all(now, limit);
    for (let i = 0; i < armings.length; i++) {
      const arming = armings[i]!;
      if (arming.ended_reason !== null) {
        // Ended while holding jobs: each is written cancelled, at the end's instant and with its reason
        // (a key already written — sent, or ended as a row — keeps its own outcome).
        for (const job of this.jobsOf(arming)) store.armEnded(job, 'cancelled', arming.ended_reason as JobReason, arming.updated_at);
        this.q.setNextDue.run(null, now, arming.id);
      } else {
        for (const job of this.jobsOf(arming)) if (job.dueAt <= now) store.armRow(job);
        this.q.setNextDue.run(this.firstInstant(arming.family, arming.whatsapp_number_id, arming.anchor_at, now), now, arming.id);
      }
      if (performance.now() - started > budgetMs) return i < armings.length - 1 || armings.length === limit;
    }
    return armings.length === limit;
  }

  /** Writes every virtual job of the conversation's open armings as a pending row (a person looks at them or cancels one). */
  materialiseAll(store: JobStore, conversationId: number): void {
    for (const arming of this.q.openOf.all(conversationId)) for (const job of this.jobsOf(arming)) store.armRow(job);
  }

  /**
   * Every job the arming holds: one per covering active rule of its family, except a rule whose
   * instant was already past its lateness limit when the episode was armed (an eager arming never
   * wrote those: they would only turn up as `expired`).
   */
  jobsOf(arming: ArmingRow): JobToArm[] {
    const jobs: JobToArm[] = [];
    for (const trigger of familyTriggers[arming.family]) {
      const lateAt = arming.created_at - latenessLimitMs[trigger];
      for (const rule of this.rules.covering(arming.whatsapp_number_id, trigger)) {
        if (arming.anchor_at + rule.delayMinutes * 60_000 < lateAt) continue;
        jobs.push({
          ruleId: rule.id,
          ruleName: rule.name,
          trigger,
          whatsappNumberId: arming.whatsapp_number_id,
          conversationId: arming.conversation_id,
          contactId: arming.contact_id,
          key: jobKey(rule.id, trigger, arming.conversation_id, arming.episode),
          dueAt: arming.anchor_at + rule.delayMinutes * 60_000,
        });
      }
    }
    return jobs;
  }

  /** anchor + the smallest covering delay whose instant is after `after`; null when none. */
  private firstInstant(family: ArmingFamily, numberId: number, anchorAt: number, after: number): number | null {
    let first: number | null = null;
    for (const trigger of familyTriggers[family]) {
      for (const rule of this.rules.covering(numberId, trigger)) {
        const at = anchorAt + rule.delayMinutes * 60_000;
        if (at > after && (first === null || at < first)) first = at;
      }
    }
    return first;
  }
}
