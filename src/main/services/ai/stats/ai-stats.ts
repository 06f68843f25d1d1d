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

const periodMs: Record<AiStatsPeriod, number> = { '24h': 24 * 3_600_000, '7d': 7 * 86_400_000, '30d': 30 * 86_400_000 };
/** Rows are grouped by UTC quarter hour in SQL; each quarter maps to one office hour and day (zones move on quarter hours). */
const quarter = 15 * 60_000;

interface BucketRow {
  b: number;
  replies: number;
  handoffs: number;
  reply_ms: number;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const percent = (part: number, whole: number) => (whole === 0 ? 0 : round1((part / whole) * 100));

/**
 * Seed 003's GET /ai/stats over the decision log. A "response" is a reply the AI sent; a
 * hand-off is a decision to give the conversation to a person; `handoffRate` is hand-offs over
 * both. Hours and days are the office's zone: the log is grouped by UTC quarter hour in SQL and
 * each quarter placed in its office hour and day here.
 */
export class AiStatsService {
  private readonly q;

  constructor(private readonly deps: { sqlite: Database.Database; clock: Clock; calendar: () => OfficeCalendar }) {
    const { sqlite } = deps;
    const numberFilter = '(@numberId is null or whatsapp_number_id = @numberId)';
    const inPeriod = `created_at >= @from and created_at < @to and ${numberFilter}`;
    this.q = {
      buckets: sqlite.prepare<[{ from: number; to: number; numberId: number | null }], BucketRow>(
        `select created_at / ${quarter} as b, sum(outcome = 'replied') as replies, sum(handed_off) as handoffs,
           sum(case when outcome = 'replied' then response_time_ms else 0 end) as reply_ms
         from ai_response_logs where ${inPeriod} and (outcome = 'replied' or handed_off = 1) group by b`,
      ),
      breakdown: sqlite.prepare<[{ from: number; to: number; numberId: number | null }], { scenario: string | null; language: string | null; n: number }>(
        `select scenario, language, count(*) as n from ai_response_logs where ${inPeriod} and (outcome = 'replied' or handed_off = 1) group by scenario, language`,
      ),
      ratings: sqlite.prepare<[{ from: number; to: number; numberId: number | null }], { up: number | null; total: number }>(
        `select sum(r.rating = 'up') as up, count(*) as total from ai_message_ratings r join messages m on m.id = r.message_id
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
    const range = { from, to, numberId: input.numberId ?? null };
    const calendar = this.deps.calendar();
    const zone = new ZoneTime(calendar.timeZone);

    let replies = 0;
    let handoffs = 0;
    let replyMs = 0;
    const hours = new Map<number, number>();
    const days = new Map<string, { responses: number; handoffs: number; ms: number }>();
    for (const row of this.q.buckets.all(range)) {
      replies += row.replies;
      handoffs += row.handoffs;
      replyMs += row.reply_ms;
      const wall = zone.wall(row.b * quarter);
      const hour = Math.floor(wall.minute / 60);
      hours.set(hour, (hours.get(hour) ?? 0) + row.replies);
      const day = dayName(wall.day);
      const d = days.get(day) ?? { responses: 0, handoffs: 0, ms: 0 };
      d.responses += row.replies;
      d.handoffs += row.handoffs;
      d.ms += row.reply_ms;
      days.set(day, d);
    }

    const scenarios = new Map<AiScenario, number>();
    const languages = new Map<AiReplyLanguage, number>();
    for (const row of this.q.breakdown.all(range)) {
      if (row.scenario && (aiScenarios as readonly string[]).includes(row.scenario)) scenarios.set(row.scenario as AiScenario, (scenarios.get(row.scenario as AiScenario) ?? 0) + row.n);
      if (row.language === 'ar' || row.language === 'en') languages.set(row.language, (languages.get(row.language) ?? 0) + row.n);
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
      hourlyDistribution: [...hours]
        .filter(([, count]) => count > 0)
        .sort((a, b) => a[0] - b[0])
        .map(([hour, count]) => ({ hour, count })),
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
