import type Database from 'better-sqlite3';
import { performance } from 'node:perf_hooks';
import type { OfficeCalendar } from '../../../calendar/office-calendar';
import type { Audience, EventBus } from '../../../events/event-bus';
import type { Outbox } from '../../../outbox/outbox';
import type { MessagePipeline } from '../../../whatsapp/message-pipeline';
import type { JobRow, JobStore } from '../job-store';
import { BatchEvents } from './batch-events';
import { JobClaim, type ClaimOutcome } from './job-claim';
import { variableSettingsOf, type VariableSettings } from './job-variables';

/** How much one batch may take: its transaction ends and its windows are told by then, and the event loop is free again. */
export interface BatchLimits {
  /** Jobs read per batch at most. */
  maxJobs: number;
  /** Stop claiming once the batch's claims, plus telling the windows of them as long as that took lately, reach this. */
  budgetMs: number;
}

/** Well inside issue 15's 50 ms, so a slow moment (a page fault, a busy core) does not push a batch over it. */
export const defaultBatchLimits: BatchLimits = { maxJobs: 500, budgetMs: 20 };

/** Test seams for the crash tests: a point inside the claim transaction, and one just after its commit. */
export interface ClaimProbes {
  claimed?(jobId: number): void;
  committed?(jobIds: number[]): void;
  /** The benchmark: how long a whole batch held the event loop (claim, commit and telling the windows). */
  batch?(handled: number, ms: number): void;
}

/**
 * One batch of due jobs: claimed in a single transaction, then told to the windows after the
 * commit (batch-events.ts). Jobs are claimed straight in the batch's transaction; should one
 * throw (a broken row), the batch is rolled back and claimed again with each job in a savepoint
 * of its own, so one broken job cannot undo the others — savepoints cost every job, a retry only
 * the rare batch that needs it.
 */
export class JobBatches {
  private readonly claim: JobClaim;
  private readonly events: BatchEvents;
  /** One job in a savepoint of its own, inside the batch's transaction. */
  private readonly claimOne;
  /** What every job of a run shares, read once per run rather than per batch. */
  private shared: { calendar: OfficeCalendar; settings: VariableSettings } | null = null;
  /** Telling the windows of one job, lately (ms): the claims stop early enough to leave room for it. */
  private tellMsPerJob = 0.05;
  /** How many jobs the last batch claimed within its budget: the next reads about that many, not every due row. */
  private lastClaimed = 0;
  probes: ClaimProbes = {};

  constructor(
    private readonly deps: {
      sqlite: Database.Database;
      store: JobStore;
      outbox: Outbox;
      pipeline: MessagePipeline;
      bus: EventBus;
      calendar: () => OfficeCalendar;
      officeValues: () => Record<string, string>;
      /** Who hears of a number's jobs; the pipeline's audience (the number's team) unless given. */
      audienceFor?: (numberId: number) => Audience;
    },
    private readonly limits: BatchLimits = defaultBatchLimits,
  ) {
    this.claim = new JobClaim(deps.sqlite, deps.outbox);
    const { pipeline } = deps;
    // The pipeline's hook is read at each call: the core sets it after the runner is built.
    this.events = new BatchEvents({ sqlite: deps.sqlite, bus: deps.bus, audienceFor: deps.audienceFor ?? ((numberId) => pipeline.audienceFor(numberId)) });
    this.claimOne = deps.sqlite.transaction((job: JobRow, now: number, calendar: OfficeCalendar, settings: VariableSettings) => this.claim.claim(job, now, calendar, settings));
  }

  /** A run starts: the office's calendar and settings are read again (they may have changed since the last). */
  begin(): void {
    this.shared = null;
  }

  /** Claims what is due by `now`; whether more may be due (the batch stopped at its limit). */
  run(now: number): { handled: number; more: boolean } {
    const started = performance.now();
    const { sqlite } = this.deps;
    this.shared ??= { calendar: this.deps.calendar(), settings: variableSettingsOf(sqlite, this.deps.officeValues) };
    const { calendar, settings } = this.shared;
    let outcomes: ClaimOutcome[] = [];
    let read = 0;
    let lazyMore = false;
    const batch = (safely: boolean) =>
      sqlite.transaction(() => {
        outcomes = [];
        this.claim.beginBatch();
        // Jobs still waiting in armings become rows first, in this transaction, so they are claimed like any other.
        lazyMore = this.deps.store.materialiseDue(now, this.readLimit());
        const jobs = this.claim.due(now, this.readLimit());
        read = jobs.length;
        for (const job of jobs) {
          outcomes.push(safely ? this.one(job, now, calendar, settings) : this.claim.claim(job, now, calendar, settings));
          this.probes.claimed?.(job.id);
          if (performance.now() - started + outcomes.length * this.tellMsPerJob > this.limits.budgetMs) break;
        }
        this.claim.endBatch(now);
      })();
    try {
      batch(false);
    } catch {
      batch(true);
    }
    this.probes.committed?.(outcomes.map((o) => o.job.id));
    const telling = performance.now();
    this.events.tell(outcomes);
    if (outcomes.length > 0) this.tellMsPerJob = 0.5 * this.tellMsPerJob + (0.5 * (performance.now() - telling)) / outcomes.length;
    this.probes.batch?.(outcomes.length, performance.now() - started);
    const limit = this.readLimit();
    this.lastClaimed = outcomes.length;
    return { handled: outcomes.length, more: lazyMore || outcomes.length < read || read === limit };
  }

  /** Twice what the budget let through last time (and a few more), up to the limit: a full batch grows it. */
  private readLimit(): number {
    return Math.min(this.limits.maxJobs, Math.max(16, 2 * this.lastClaimed));
  }

  private one(job: JobRow, now: number, calendar: OfficeCalendar, settings: VariableSettings): ClaimOutcome {
    try {
      return this.claimOne(job, now, calendar, settings);
    } catch (error) {
      this.claim.fail(job, now, String(error));
      return { kind: 'ended', job, status: 'failed', reason: 'send_failed' };
    }
  }
}

/** A rule's counts moved: everyone signed in hears it (they filter by number). */
export function publishRuleChanged(sqlite: Database.Database, bus: EventBus, ruleId: number): void {
  const rule = sqlite.prepare<[number], { whatsapp_number_id: number | null }>('select whatsapp_number_id from automation_rules where id = ?').get(ruleId);
  if (rule) bus.publish('automation.rules.changed', { ruleId, whatsappNumberId: rule.whatsapp_number_id, deleted: false, countsOnly: true }, { kind: 'all' });
}
