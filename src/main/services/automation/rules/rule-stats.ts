import type Database from 'better-sqlite3';
import { automationTriggers, triggerLabels, type AutomationStats, type AutomationTrigger, type StatsPeriod } from '../../../../shared/automation/types';
import type { OfficeCalendar } from '../../../calendar/office-calendar';
import { JobRollup } from '../rollup/job-rollup';

const hourMs = 3_600_000;
const periodMs: Record<StatsPeriod, number> = { '24h': 24 * hourMs, '7d': 7 * 24 * hourMs, '30d': 30 * 24 * hourMs };

/** The numbers a reader may count: null for every one. */
export type NumberScope = readonly number[] | null;

/** One segment's ended jobs, counted. */
interface SegmentCounts {
  written: number | null;
  failed: number | null;
  queued: number | null;
  skipped: number | null;
  cancelled: number | null;
  expired: number | null;
}

const noCounts: SegmentCounts = { written: 0, failed: 0, queued: 0, skipped: 0, cancelled: 0, expired: 0 };

/** A stretch of the last 30 days that lies wholly inside one office day and each window (24 h, 7 d, the period). */
interface Segment {
  lo: number;
  hi: number;
  date: string;
}

/** A day's totals from the rollup, with its sent and failed jobs per trigger. */
interface DayTotals extends Omit<SegmentCounts, 'queued'> {
  triggers: Map<AutomationTrigger, number>;
}

/**
 * Seed 003's `/automation/stats`. The period is the last 24 hours, 7 or 30 days up to now; its
 * days are the office days (the office's zone) it touches, oldest first, the first one counted
 * from the period's start. A job counts when it ended (`finished_at`): "sent" once its message
 * was written (status `sent`, or `failed` when the outbox gave up on it: the engine turns the job
 * `failed` then, send-outcomes.ts); a failure is a `failed` job; a success a `sent` job whose
 * message left the outbox (sent, delivered or read). Skipped, cancelled and expired jobs are
 * counted apart.
 *
 * Fast on 100,000 jobs: the last 30 days are cut into segments at the office's midnights and at
 * the 24 h / 7 d / period starts. A segment that is a whole office day (or today up to now) is
 * read from the rollup (job-rollup.ts: one row per day, rule, number and trigger, kept by SQLite
 * triggers as jobs end); only the few segments that start inside a day (the windows' edges) walk
 * that day's jobs off the partial index on `finished_at`. The message table (a million rows) is
 * never joined: only the outbox's few queued messages are looked up (its partial index), which
 * is all "not yet a success" needs.
 */
export class RuleStats {
  private readonly statements = new Map<string, Database.Statement>();
  private readonly rollup: JobRollup;

  constructor(private readonly sqlite: Database.Database) {
    this.rollup = new JobRollup(sqlite);
  }

  stats(input: { period: StatsPeriod; numbers: NumberScope; now: number; calendar: OfficeCalendar }): AutomationStats {
    const { now, calendar, numbers } = input;
    // Counted in another zone (the office moved): counted again first.
    this.rollup.ensure(calendar.timeZone);
    const from = now - periodMs[input.period];
    const d1 = now - periodMs['24h'];
    const d7 = now - periodMs['7d'];
    const d30 = now - periodMs['30d'];
    const segments = segmentsOf(calendar, [d30, d7, d1, from], now);
    const scope = numbers === null ? null : JSON.stringify(numbers);

    const rules = this.statement<{ total: number; active: number | null }>(
      'rules',
      `select count(*) as total, sum(is_active) as active from automation_rules
       where @numbers is null or whatsapp_number_id is null or whatsapp_number_id in (select value from json_each(@numbers))`,
    ).get({ numbers: scope })!;

    const scoped = scope === null ? '' : 'and whatsapp_number_id in (select value from json_each(@numbers))';
    const range = `from automation_jobs where finished_at >= @lo and finished_at < @hi and finished_at is not null ${scoped}`;
    const written = `sum(status in ('sent', 'failed')) as written`;
    // Inside the period: what became of the jobs; before it, only the 24 h / 7 d / 30 d counts.
    const inPeriod = this.statement<SegmentCounts>(
      `period ${scoped}`,
      `select ${written}, sum(status = 'failed') as failed,
              sum(status = 'sent' and message_id in (select id from messages where status = 'queued')) as queued,
              sum(status = 'skipped') as skipped, sum(status = 'cancelled') as cancelled, sum(status = 'expired') as expired
       ${range}`,
    );
    const beforePeriod = this.statement<Pick<SegmentCounts, 'written'>>(`before ${scoped}`, `select ${written} ${range}`);
    const perTrigger = this.statement<Record<AutomationTrigger, number | null>>(
      `triggers ${scoped}`,
      `select ${automationTriggers.map((t) => `sum(trigger = '${t}') as ${t}`).join(', ')} ${range} and status in ('sent', 'failed')`,
    );
    const days = this.wholeDays(segments, scoped, scope);
    // Sent jobs whose message the outbox still holds: not yet a success (a handful at any time).
    const queuedAt = this.statement<{ finished_at: number }>(
      `queued ${scoped}`,
      `select j.finished_at from messages m join automation_jobs j on j.message_id = m.id
       where m.status = 'queued' and j.status = 'sent' and j.finished_at >= @lo ${scoped.replace('whatsapp_number_id', 'j.whatsapp_number_id')}`,
    )
      .all({ lo: d30, numbers: scope })
      .map((r) => r.finished_at);

    const daily = new Map<string, { date: string; sent: number; success: number; failed: number }>();
    const messagesSent = { last24h: 0, last7d: 0, last30d: 0 };
    const notSent = { skipped: 0, cancelled: 0, expired: 0 };
    const byTrigger = new Map<AutomationTrigger, number>();
    let total = 0;
    let success = 0;
    let failed = 0;
    for (const segment of segments) {
      const params = { lo: segment.lo, hi: segment.hi, numbers: scope };
      const before = segment.lo < from;
      const whole = isWholeDay(calendar, segment, now) ? (days.get(segment.date) ?? emptyDay()) : null;
      let counts: SegmentCounts;
      if (whole) counts = { ...whole, queued: before ? 0 : queuedAt.filter((at) => at >= segment.lo && at < segment.hi).length };
      else counts = before ? { ...noCounts, ...beforePeriod.get(params)! } : inPeriod.get(params)!;
      const written = counts.written ?? 0;
      messagesSent.last30d += written;
      if (segment.lo >= d7) messagesSent.last7d += written;
      if (segment.lo >= d1) messagesSent.last24h += written;
      if (before) continue;
      const triggers = whole ? whole.triggers : triggerCounts(perTrigger.get(params)!);
      for (const [trigger, count] of triggers) byTrigger.set(trigger, (byTrigger.get(trigger) ?? 0) + count);
      const day = daily.get(segment.date) ?? { date: segment.date, sent: 0, success: 0, failed: 0 };
      daily.set(segment.date, day);
      const segmentFailed = counts.failed ?? 0;
      const segmentSuccess = written - segmentFailed - (counts.queued ?? 0);
      day.sent += written;
      day.failed += segmentFailed;
      day.success += segmentSuccess;
      total += written;
      failed += segmentFailed;
      success += segmentSuccess;
      notSent.skipped += counts.skipped ?? 0;
      notSent.cancelled += counts.cancelled ?? 0;
      notSent.expired += counts.expired ?? 0;
    }
    return {
      totalRules: rules.total,
      activeRules: rules.active ?? 0,
      inactiveRules: rules.total - (rules.active ?? 0),
      messagesSent,
      successRate: percent(success, total),
      failureRate: percent(failed, total),
      topTriggers: automationTriggers
        .map((trigger) => ({ trigger, count: byTrigger.get(trigger) ?? 0, label: triggerLabels[trigger].ar }))
        .filter((t) => t.count > 0)
        .sort((a, b) => b.count - a.count || automationTriggers.indexOf(a.trigger) - automationTriggers.indexOf(b.trigger)),
      dailyStats: [...daily.values()],
      notSent,
      timeZone: calendar.timeZone,
    };
  }

  /** The rollup's totals for every office day the segments touch, in one read of its (day, ...) key. */
  private wholeDays(segments: Segment[], scoped: string, scope: string | null): Map<string, DayTotals> {
    const rows = this.statement<{ day: string; trigger: AutomationTrigger; sent: number; failed: number; skipped: number; cancelled: number; expired: number }>(
      `rollup ${scoped}`,
      `select day, trigger, sum(sent) as sent, sum(failed) as failed, sum(skipped) as skipped, sum(cancelled) as cancelled, sum(expired) as expired
       from automation_rollup where day >= @first and day <= @last ${scoped} group by day, trigger`,
    ).all({ first: segments[0]!.date, last: segments[segments.length - 1]!.date, numbers: scope });
    const days = new Map<string, DayTotals>();
    for (const row of rows) {
      const day = days.get(row.day) ?? emptyDay();
      days.set(row.day, day);
      day.written! += row.sent + row.failed;
      day.failed! += row.failed;
      day.skipped! += row.skipped;
      day.cancelled! += row.cancelled;
      day.expired! += row.expired;
      if (row.sent + row.failed > 0) day.triggers.set(row.trigger, (day.triggers.get(row.trigger) ?? 0) + row.sent + row.failed);
    }
    return days;
  }

  private statement<R>(name: string, sql: string): Database.Statement<[Record<string, unknown>], R> {
    let statement = this.statements.get(name);
    if (!statement) this.statements.set(name, (statement = this.sqlite.prepare(sql)));
    return statement as Database.Statement<[Record<string, unknown>], R>;
  }
}

const emptyDay = (): DayTotals => ({ written: 0, failed: 0, skipped: 0, cancelled: 0, expired: 0, triggers: new Map() });

/** A segment the rollup answers: a whole office day, or today from its midnight up to now. */
function isWholeDay(calendar: OfficeCalendar, segment: Segment, now: number): boolean {
  return segment.lo === calendar.dayStart(segment.date) && (segment.hi === now + 1 || segment.hi === calendar.nextDayStart(segment.lo));
}

function triggerCounts(row: Record<AutomationTrigger, number | null>): Map<AutomationTrigger, number> {
  const counts = new Map<AutomationTrigger, number>();
  for (const trigger of automationTriggers) if (row[trigger]) counts.set(trigger, row[trigger]);
  return counts;
}

/** Percent with one decimal; 0 when nothing was sent. */
function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10;
}

/**
 * The stretch from the earliest cut to `now` (included), cut at each given instant and at every
 * office midnight between (the office calendar's, so the process's zone never moves them, and a
 * summer-time day is 23 or 25 hours); each piece named by its office day.
 */
export function segmentsOf(calendar: OfficeCalendar, cuts: readonly number[], now: number): Segment[] {
  const points = new Set(cuts);
  const first = Math.min(...cuts);
  for (let midnight = calendar.nextDayStart(first); midnight <= now; midnight = calendar.nextDayStart(midnight)) points.add(midnight);
  const sorted = [...points].filter((p) => p <= now).sort((a, b) => a - b);
  return sorted.map((lo, i) => ({ lo, hi: sorted[i + 1] ?? now + 1, date: calendar.officeDay(lo) }));
}
