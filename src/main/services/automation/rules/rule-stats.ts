import type Database from 'better-sqlite3';
import { automationTriggers, triggerLabels, type AutomationStats, type AutomationTrigger, type JobStatus, type StatsPeriod } from '../../../../shared/automation/types';
import type { OfficeCalendar } from '../../../calendar/office-calendar';

const hourMs = 3_600_000;
const periodMs: Record<StatsPeriod, number> = { '24h': 24 * hourMs, '7d': 7 * 24 * hourMs, '30d': 30 * 24 * hourMs };

/** The numbers a reader may count: null for every one. */
export type NumberScope = readonly number[] | null;

interface OutcomeRow {
  day: number;
  trigger: AutomationTrigger;
  status: JobStatus;
  message_status: string | null;
  n: number;
}

/** A job whose message reached WhatsApp (sent, delivered or read) succeeded. */
const delivered = new Set(['sent', 'delivered', 'read']);

/**
 * Seed 003's `/automation/stats`. The period is the last 24 hours, 7 or 30 days up to now; its
 * days are the office days (the office's zone) it touches, oldest first, the first one counted
 * from the period's start. A job counts when it ended (`finished_at`): "sent" once its message
 * was written (status sent, or failed when the outbox gave up on it); success when that message
 * reached sent/delivered/read, failure when it or the job failed; skipped, cancelled and
 * expired jobs are counted apart. Read off the partial index on `finished_at` one office day at
 * a time, and grouped in SQLite, so 100,000 jobs are never handed to JavaScript.
 */
export class RuleStats {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly sqlite: Database.Database) {}

  stats(input: { period: StatsPeriod; numbers: NumberScope; now: number; calendar: OfficeCalendar }): AutomationStats {
    const { now, calendar, numbers } = input;
    const from = now - periodMs[input.period];
    const days = officeDaysBetween(calendar, from, now);
    const scope = numbers === null ? null : JSON.stringify(numbers);

    const rules = this.statement<{ total: number; active: number | null }>(
      'rules',
      `select count(*) as total, sum(is_active) as active from automation_rules
       where @numbers is null or whatsapp_number_id is null or whatsapp_number_id in (select value from json_each(@numbers))`,
    ).get({ numbers: scope })!;

    const sent = this.statement<{ last24h: number | null; last7d: number | null; last30d: number }>(
      'sent',
      `select sum(finished_at >= @d1) as last24h, sum(finished_at >= @d7) as last7d, count(*) as last30d
       from automation_jobs
       where finished_at >= @d30 and finished_at <= @now and status in ('sent', 'failed')
         and (@numbers is null or whatsapp_number_id in (select value from json_each(@numbers)))`,
    ).get({ d1: now - periodMs['24h'], d7: now - periodMs['7d'], d30: now - periodMs['30d'], now, numbers: scope })!;

    const rows = this.statement<OutcomeRow>(
      'outcomes',
      `with days(day, lo, hi) as (select key, json_extract(value, '$[0]'), json_extract(value, '$[1]') from json_each(@days))
       select d.day as day, j.trigger as trigger, j.status as status, m.status as message_status, count(*) as n
       from days d
       join automation_jobs j on j.finished_at >= d.lo and j.finished_at < d.hi and j.finished_at is not null
       left join messages m on m.id = j.message_id
       where j.status <> 'pending' and (@numbers is null or j.whatsapp_number_id in (select value from json_each(@numbers)))
       group by d.day, j.trigger, j.status, m.status`,
    ).all({ days: JSON.stringify(days.map((d) => [d.lo, d.hi])), numbers: scope });

    const daily = days.map((d) => ({ date: d.date, sent: 0, success: 0, failed: 0 }));
    const byTrigger = new Map<AutomationTrigger, number>();
    const notSent = { skipped: 0, cancelled: 0, expired: 0 };
    let total = 0;
    let success = 0;
    let failed = 0;
    for (const row of rows) {
      if (row.status === 'skipped' || row.status === 'cancelled' || row.status === 'expired') {
        notSent[row.status] += row.n;
        continue;
      }
      if (row.status !== 'sent' && row.status !== 'failed') continue;
      const day = daily[row.day]!;
      day.sent += row.n;
      total += row.n;
      byTrigger.set(row.trigger, (byTrigger.get(row.trigger) ?? 0) + row.n);
      if (row.status === 'failed' || row.message_status === 'failed') {
        day.failed += row.n;
        failed += row.n;
      } else if (row.message_status !== null && delivered.has(row.message_status)) {
        day.success += row.n;
        success += row.n;
      }
    }

    return {
      totalRules: rules.total,
      activeRules: rules.active ?? 0,
      inactiveRules: rules.total - (rules.active ?? 0),
      messagesSent: { last24h: sent.last24h ?? 0, last7d: sent.last7d ?? 0, last30d: sent.last30d },
      successRate: percent(success, total),
      failureRate: percent(failed, total),
      topTriggers: [...byTrigger]
        .sort(([a, x], [b, y]) => y - x || automationTriggers.indexOf(a) - automationTriggers.indexOf(b))
        .map(([trigger, count]) => ({ trigger, count, label: triggerLabels[trigger].ar })),
      dailyStats: daily,
      notSent,
      timeZone: calendar.timeZone,
    };
  }

  private statement<R>(name: string, sql: string): Database.Statement<[Record<string, unknown>], R> {
    let statement = this.statements.get(name);
    if (!statement) this.statements.set(name, (statement = this.sqlite.prepare(sql)));
    return statement as Database.Statement<[Record<string, unknown>], R>;
  }
}

/** Percent with one decimal; 0 when nothing was sent. */
function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10;
}

/**
 * The office days from the one holding `from` to the one holding `now`, each as the instants of
 * it inside the period ([lo, hi), the last one up to and including `now`). Day cuts come from
 * the office calendar, so the process's zone never moves them, and a summer-time day is 23 or 25 hours.
 */
export function officeDaysBetween(calendar: OfficeCalendar, from: number, now: number): { date: string; lo: number; hi: number }[] {
  const days: { date: string; lo: number; hi: number }[] = [];
  for (let lo = from; lo <= now; ) {
    const next = calendar.nextDayStart(lo);
    days.push({ date: calendar.officeDay(lo), lo, hi: Math.min(next, now + 1) });
    lo = next;
  }
  return days;
}
