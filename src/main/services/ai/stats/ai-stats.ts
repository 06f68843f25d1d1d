import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { aiLogsInput, aiStatsInput } from '../../../../shared/ai/schemas';
import {
  aiReplyLanguageLabels,
  aiScenarioLabels,
  aiScenarios,
  type AiLogPage,
  type AiLogRow,
  type AiReplyLanguage,
  type AiScenario,
  type AiStats,
  type AiStatsPeriod,
} from '../../../../shared/ai/types';
import { toIso, type Clock } from '../../../base/clock';
import type { OfficeCalendar } from '../../../calendar/office-calendar';
import { dayName, ZoneTime } from '../../../calendar/zone-time';
import { quarterMs, scenarioColumns, type QuarterRow } from './stats-rollup';

const periodMs: Record<AiStatsPeriod, number> = { '24h': 24 * 3_600_000, '7d': 7 * 86_400_000, '30d': 30 * 86_400_000 };

const round1 = (n: number) => Math.round(n * 10) / 10;
const percent = (part: number, whole: number) => (whole === 0 ? 0 : round1((part / whole) * 100));
const counted = "(outcome = 'replied' or handed_off = 1)";
const rawQuarters = `created_at / ${quarterMs} as quarter, sum(outcome = 'replied') as replies, sum(handed_off) as handoffs,
  sum(case when outcome = 'replied' then response_time_ms else 0 end) as reply_ms,
  ${Object.entries(scenarioColumns).map(([scenario, column]) => `sum(scenario = '${scenario}') as ${column}`).join(', ')},
  sum(language = 'ar') as lang_ar, sum(language = 'en') as lang_en`;
const rolledQuarters = `quarter, sum(replies) as replies, sum(handoffs) as handoffs, sum(reply_ms) as reply_ms,
  ${Object.values(scenarioColumns).map((column) => `sum(${column}) as ${column}`).join(', ')}, sum(lang_ar) as lang_ar, sum(lang_en) as lang_en`;

interface Range {
  from: number;
  to: number;
  /** The whole quarters inside [from, to): read from the rollup; the edges from the log. */
  firstQuarter: number;
  endQuarter: number;
  numberId: number | null;
}

/**
 * Seed 003's GET /ai/stats. A "response" is a reply the AI sent; a hand-off is a decision to give
 * the conversation to a person; `handoffRate` is hand-offs over both. Hours and days are the
 * office's zone. The whole quarter hours of the period come from the rollup (a few thousand rows
 * for 30 days, whatever the log's size), the partial quarters at its two ends from the log.
 */
export class AiStatsService {
  private readonly q;

  constructor(private readonly deps: { sqlite: Database.Database; clock: Clock; calendar: () => OfficeCalendar }) {
    const { sqlite } = deps;
    const numberFilter = '(@numberId is null or whatsapp_number_id = @numberId)';
    this.q = {
      rolled: sqlite.prepare<[Range], QuarterRow>(
        `select ${rolledQuarters} from ai_stats_quarters where quarter >= @firstQuarter and quarter < @endQuarter and ${numberFilter} group by quarter`,
      ),
      // One range each (the head and the tail of the period): each reads the created_at index alone.
      edge: sqlite.prepare<[{ from: number; to: number; numberId: number | null }], QuarterRow>(
        `select ${rawQuarters} from ai_response_logs where created_at >= @from and created_at < @to and ${counted} and ${numberFilter} group by quarter`,
      ),
      ratings: sqlite.prepare<[Range], { up: number | null; total: number }>(
        // CROSS JOIN keeps the ratings (few) outside: each finds its message by id, never a scan of the messages.
        `select sum(r.rating = 'up') as up, count(*) as total from ai_message_ratings r cross join messages m on m.id = r.message_id
         where m.sender = 'ai' and m.created_at >= @from and m.created_at < @to and (@numberId is null or m.whatsapp_number_id = @numberId)`,
      ),
      logs: sqlite.prepare<[{ numberId: number | null; limit: number; offset: number }], LogRowDb>(
        `select * from ai_response_logs where ${numberFilter} order by id desc limit @limit offset @offset`,
      ),
      logCount: sqlite.prepare<[{ numberId: number | null }], { n: number }>(`select count(*) as n from ai_response_logs where ${numberFilter}`),
    };
  }

  stats(input: z.output<typeof aiStatsInput>): AiStats {
    const to = this.deps.clock.now() + 1;
    const from = to - periodMs[input.period];
    const firstQuarter = Math.ceil(from / quarterMs);
    const endQuarter = Math.max(firstQuarter, Math.floor(to / quarterMs));
    const range: Range = { from, to, firstQuarter, endQuarter, numberId: input.numberId ?? null };
    const calendar = this.deps.calendar();
    const zone = new ZoneTime(calendar.timeZone);

    let replies = 0;
    let handoffs = 0;
    let replyMs = 0;
    const hours = new Map<number, number>();
    const days = new Map<string, { responses: number; handoffs: number; ms: number }>();
    const scenarios = new Map<AiScenario, number>();
    const languages = new Map<AiReplyLanguage, number>();
    const add = <K,>(m: Map<K, number>, key: K, n: number) => {
      if (n > 0) m.set(key, (m.get(key) ?? 0) + n);
    };
    const head = { from, to: firstQuarter * quarterMs, numberId: range.numberId };
    const tail = { from: endQuarter * quarterMs, to, numberId: range.numberId };
    for (const row of [...this.q.rolled.all(range), ...this.q.edge.all(head), ...this.q.edge.all(tail)]) {
      replies += row.replies;
      handoffs += row.handoffs;
      replyMs += row.reply_ms;
      const wall = zone.wall(row.quarter * quarterMs);
      add(hours, Math.floor(wall.minute / 60), row.replies);
      const day = dayName(wall.day);
      const d = days.get(day) ?? { responses: 0, handoffs: 0, ms: 0 };
      d.responses += row.replies;
      d.handoffs += row.handoffs;
      d.ms += row.reply_ms;
      days.set(day, d);
      for (const [scenario, column] of Object.entries(scenarioColumns) as [AiScenario, keyof QuarterRow][]) add(scenarios, scenario, row[column]);
      add(languages, 'ar', row.lang_ar);
      add(languages, 'en', row.lang_en);
    }

    const scenarioTotal = [...scenarios.values()].reduce((a, b) => a + b, 0);
    const languageTotal = [...languages.values()].reduce((a, b) => a + b, 0);
    const rated = this.q.ratings.get(range);
    const avg = replies === 0 ? 0 : Math.round(replyMs / replies);

    return {
      totalResponses: replies,
      avgResponseTimeMs: avg,
      avgResponseTimeFormatted: `${(avg / 1000).toFixed(1)} ثانية`,
      satisfactionRate: rated && rated.total > 0 ? percent(rated.up ?? 0, rated.total) : null,
      handoffRate: percent(handoffs, replies + handoffs),
      handoffCount: handoffs,
      // Most first; ties in the seed's order.
      scenarioBreakdown: [...scenarios]
        .sort((a, b) => b[1] - a[1] || aiScenarios.indexOf(a[0]) - aiScenarios.indexOf(b[0]))
        .map(([scenario, count]) => ({ scenario, count, label: aiScenarioLabels[scenario].ar, labelEn: aiScenarioLabels[scenario].en, percentage: percent(count, scenarioTotal) })),
      languageBreakdown: [...languages]
        .sort((a, b) => b[1] - a[1] || (a[0] === 'ar' ? -1 : 1))
        .map(([language, count]) => ({ language, count, label: aiReplyLanguageLabels[language].ar, labelEn: aiReplyLanguageLabels[language].en, percentage: percent(count, languageTotal) })),
      hourlyDistribution: [...hours].sort((a, b) => a[0] - b[0]).map(([hour, count]) => ({ hour, count })),
      dailyStats: this.everyDay(calendar, from, to).map((date) => {
        const d = days.get(date);
        return { date, responses: d?.responses ?? 0, handoffs: d?.handoffs ?? 0, avgResponseTime: d && d.responses > 0 ? Math.round(d.ms / d.responses) : 0 };
      }),
    };
  }

  logs(input: z.output<typeof aiLogsInput>): AiLogPage {
    const numberId = input.numberId ?? null;
    const total = this.q.logCount.get({ numberId })?.n ?? 0;
    const rows = this.q.logs.all({ numberId, limit: input.limit, offset: (input.page - 1) * input.limit });
    return { data: rows.map(toLogRow), pagination: { page: input.page, limit: input.limit, total, totalPages: Math.ceil(total / input.limit) } };
  }

  /** The office days from `from` to `to`, oldest first. */
  private everyDay(calendar: OfficeCalendar, from: number, to: number): string[] {
    const out: string[] = [];
    for (let at = from; at < to; at = calendar.nextDayStart(at)) out.push(calendar.officeDay(at));
    return out;
  }
}

interface LogRowDb {
  id: number;
  whatsapp_number_id: number;
  conversation_id: number;
  message_id: number | null;
  reply_message_id: number | null;
  scenario: string | null;
  response_time_ms: number;
  handed_off: number;
  language: string | null;
  outcome: string;
  reason: string | null;
  error_code: string | null;
  prompt_tokens: number;
  completion_tokens: number;
  cost_millihalalas: number;
  created_at: number;
}

function toLogRow(row: LogRowDb): AiLogRow {
  return {
    id: row.id,
    whatsappNumberId: row.whatsapp_number_id,
    conversationId: row.conversation_id,
    messageId: row.message_id,
    replyMessageId: row.reply_message_id,
    scenario: row.scenario as AiLogRow['scenario'],
    responseTimeMs: row.response_time_ms,
    handedOff: row.handed_off === 1,
    language: row.language as AiLogRow['language'],
    outcome: row.outcome as AiLogRow['outcome'],
    reason: row.reason as AiLogRow['reason'],
    errorCode: row.error_code as AiLogRow['errorCode'],
    promptTokens: row.prompt_tokens,
    completionTokens: row.completion_tokens,
    costMillihalalas: row.cost_millihalalas,
    createdAt: toIso(row.created_at),
  };
}
