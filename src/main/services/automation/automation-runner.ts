import type Database from 'better-sqlite3';
import type { WakingClock } from '../../base/clock';
import type { Logger } from '../../base/logger';
import type { Audience, EventBus } from '../../events/event-bus';
import type { OfficeCalendar } from '../../calendar/office-calendar';
import type { Outbox } from '../../outbox/outbox';
import type { MessagePipeline } from '../../whatsapp/message-pipeline';
import type { JobStore } from './job-store';
import { defaultBatchLimits, JobBatches, type BatchLimits, type ClaimProbes } from './runner/job-batches';
import { startTicks } from './runner/ticks';
import { SendOutcomes } from './runner/send-outcomes';

export interface RunnerDeps {
  sqlite: Database.Database;
  clock: WakingClock;
  logger: Logger;
  bus: EventBus;
  store: JobStore;
  outbox: Outbox;
  pipeline: MessagePipeline;
  calendar: () => OfficeCalendar;
  /** The office's values for templates (office phone...). */
  officeValues: () => Record<string, string>;
  /** Who hears of a number's jobs; the pipeline's audience (the number's team) unless given. */
  audienceFor?: (numberId: number) => Audience;
  limits?: BatchLimits;
  /** node-cron's pattern for the wake-up tick (every 15 s); false: no tick (the clock alone wakes it). */
  tick?: string | false;
}

/**
 * Sends due jobs (issue 15 "Reliability"). Nothing here keeps time of its own: node-cron's tick
 * and the clock's wait for the next due job only wake it, and each wake claims whatever is due
 * by the clock's `now`. A missed tick is made up by the next one or the clock; a doubled or
 * overlapping wake finds the jobs already ended (one run at a time, and each claim re-checks
 * `status = 'pending'` in its transaction). On start it first catches up on what fell due while
 * the app was closed, within each trigger's lateness limit (older jobs end `expired`).
 */
export class AutomationRunner {
  private readonly batches: JobBatches;
  private readonly outcomes: SendOutcomes;
  private running = false;
  private again = false;
  private stopped = true;
  private wait: { at: number; cancel: () => void } | null = null;

  constructor(readonly deps: RunnerDeps) {
    const audienceFor = deps.audienceFor ?? ((numberId: number) => deps.pipeline.audienceFor(numberId));
    this.batches = new JobBatches(deps, deps.limits ?? defaultBatchLimits);
    this.outcomes = new SendOutcomes({ sqlite: deps.sqlite, bus: deps.bus, clock: deps.clock, audienceFor });
  }

  /** Crash tests stop the process inside and just after a claim. */
  get probes(): ClaimProbes {
    return this.batches.probes;
  }

  start(): () => void {
    this.stopped = false;
    const stopOutcomes = this.outcomes.start();
    // A job armed (or re-timed) earlier than the wait: wake for it instead.
    this.deps.store.changed = (earliest) => {
      if (earliest === null || this.wait === null || earliest < this.wait.at) this.armNext(earliest);
    };
    const stopTicks = this.deps.tick === false ? () => {} : startTicks(this.deps.tick ?? '*/15 * * * * *', () => this.wake(), this.deps.logger);
    // Catch-up: whatever fell due while the app was closed goes (or expires) now.
    this.wake();
    return () => {
      this.stopped = true;
      this.deps.store.changed = () => {};
      stopTicks();
      stopOutcomes();
      this.wait?.cancel();
      this.wait = null;
    };
  }

  /** Runs the due jobs soon (never inside the caller's own transaction); a wake during a run runs it again after. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    setImmediate(() => void this.run());
  }

  /** Resolves once nothing due by the clock is left (tests and the benchmark wait on it). */
  async settled(): Promise<void> {
    while (this.running) await new Promise((resolve) => setImmediate(resolve));
  }

  private async run(): Promise<void> {
    try {
      do {
        this.again = false;
        this.batches.begin();
        for (;;) {
          if (this.stopped) return;
          const { more } = this.batches.run(this.deps.clock.now());
          if (!more) break;
          // The event loop breathes between batches: the windows' calls and WhatsApp's events go first.
          await new Promise((resolve) => setImmediate(resolve));
        }
      } while (this.again && !this.stopped);
    } catch (error) {
      this.deps.logger.error('automation run failed', { error: String(error) });
    } finally {
      this.running = false;
      if (!this.stopped) this.armNext(null);
    }
  }

  /** Waits on the clock for the next due job (`hint`: an instant just armed, to avoid a query). */
  private armNext(hint: number | null): void {
    if (this.stopped) return;
    const next = hint ?? this.deps.store.nextDue();
    this.wait?.cancel();
    this.wait = null;
    if (next === null) return;
    if (next <= this.deps.clock.now()) {
      this.wake();
      return;
    }
    const cancel = this.deps.clock.wakeAt(next, () => {
      this.wait = null;
      this.wake();
    });
    this.wait = { at: next, cancel };
  }
}
