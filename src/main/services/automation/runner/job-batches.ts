import type Database from 'better-sqlite3';
import { performance } from 'node:perf_hooks';
import type { JobStatus } from '../../../../shared/automation/types';
import type { OfficeCalendar } from '../../../calendar/office-calendar';
import type { Audience, EventBus } from '../../../events/event-bus';
import type { Outbox } from '../../../outbox/outbox';
import type { MessagePipeline } from '../../../whatsapp/message-pipeline';
import type { JobRow } from '../job-store';
import { JobClaim, type ClaimOutcome } from './job-claim';
import { variableSettingsOf, type VariableSettings } from './job-variables';

/** How much one batch may take: its transaction ends by then, and the event loop is free again. */
export interface BatchLimits {
  /** Jobs read per batch at most. */
  maxJobs: number;
  /** Stop claiming once the batch has run this long (the rest waits for the next batch). */
  budgetMs: number;
}

/** The budget leaves room for telling the windows after the commit, about as long again. */
export const defaultBatchLimits: BatchLimits = { maxJobs: 200, budgetMs: 15 };

/** Test seams for the crash tests: a point inside the claim transaction, and one just after its commit. */
export interface ClaimProbes {
  claimed?(jobId: number): void;
  committed?(jobIds: number[]): void;
  /** The benchmark: how long a whole batch held the event loop (claim, commit and telling the windows). */
  batch?(handled: number, ms: number): void;
}

/**
 * One batch of due jobs: claimed in a single transaction (each job in a savepoint of its own,
 * so one broken job cannot undo the others), then told to the windows after the commit.
 */
export class JobBatches {
  private readonly claim: JobClaim;
  /** One job in a savepoint of its own, inside the batch's transaction. */
  private readonly claimOne;
  /** What every job of a run shares, read once per run rather than per batch. */
  private shared: { calendar: OfficeCalendar; settings: VariableSettings } | null = null;
  probes: ClaimProbes = {};

  constructor(
    private readonly deps: {
      sqlite: Database.Database;
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
    const outcomes: ClaimOutcome[] = [];
    let read = 0;
    sqlite.transaction(() => {
      const jobs = this.claim.due(now, this.limits.maxJobs);
      read = jobs.length;
      for (const job of jobs) {
        outcomes.push(this.one(job, now, calendar, settings));
        this.probes.claimed?.(job.id);
        if (performance.now() - started > this.limits.budgetMs) break;
      }
    })();
    this.probes.committed?.(outcomes.map((o) => o.job.id));
    this.publish(outcomes);
    this.probes.batch?.(outcomes.length, performance.now() - started);
    return { handled: outcomes.length, more: outcomes.length < read || read === this.limits.maxJobs };
  }

  private one(job: JobRow, now: number, calendar: OfficeCalendar, settings: VariableSettings): ClaimOutcome {
    try {
      return this.claimOne(job, now, calendar, settings);
    } catch (error) {
      this.claim.fail(job, now, String(error));
      return { kind: 'ended', job, status: 'failed', reason: 'send_failed' };
    }
  }

  /** After the commit: the new messages, each job's new state, and the rules whose counts moved. */
  private publish(outcomes: ClaimOutcome[]): void {
    const { pipeline } = this.deps;
    // A batch's messages mostly share a few numbers: each number's audience is read once, for
    // the pipeline's events too (its hook is the core's, put back as it was right after).
    const original = pipeline.audienceFor;
    const source = this.deps.audienceFor ?? ((numberId: number) => original.call(pipeline, numberId));
    const audiences = new Map<number, Audience>();
    const audienceFor = (numberId: number): Audience => {
      let audience = audiences.get(numberId);
      if (!audience) audiences.set(numberId, (audience = source(numberId)));
      return audience;
    };
    pipeline.audienceFor = audienceFor;
    try {
      this.tell(outcomes, audienceFor);
    } finally {
      pipeline.audienceFor = original;
    }
  }

  private tell(outcomes: ClaimOutcome[], audienceFor: (numberId: number) => Audience): void {
    const { pipeline, bus } = this.deps;
    const rules = new Set<number>();
    const templates = new Set<number>();
    for (const outcome of outcomes) {
      const { job } = outcome;
      let status: JobStatus = 'pending';
      if (outcome.kind === 'sent') {
        pipeline.publishNew(outcome.message);
        rules.add(outcome.ruleId);
        templates.add(outcome.templateId);
        status = 'sent';
      } else if (outcome.kind === 'ended') status = outcome.status;
      bus.publish(
        'automation.jobs.changed',
        { jobId: job.id, ruleId: job.rule_id, trigger: job.trigger, conversationId: job.conversation_id, contactId: job.contact_id, status },
        audienceFor(job.whatsapp_number_id),
      );
    }
    // Usage counts moved: the templates list shows them.
    for (const templateId of templates) bus.publish('templates.changed', { templateId }, { kind: 'all' });
    for (const ruleId of rules) publishRuleChanged(this.deps.sqlite, bus, ruleId);
  }
}

/** A rule's counts moved: everyone signed in hears it (they filter by number). */
export function publishRuleChanged(sqlite: Database.Database, bus: EventBus, ruleId: number): void {
  const rule = sqlite.prepare<[number], { whatsapp_number_id: number | null }>('select whatsapp_number_id from automation_rules where id = ?').get(ruleId);
  if (rule) bus.publish('automation.rules.changed', { ruleId, whatsappNumberId: rule.whatsapp_number_id, deleted: false }, { kind: 'all' });
}
