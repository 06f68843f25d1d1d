import type Database from 'better-sqlite3';
import type { AiReplyLanguage, AiScenario } from '../../../../shared/ai/types';

/** One UTC quarter hour: offsets of every zone are whole quarters, so a quarter lies in one office hour. */
export const quarterMs = 15 * 60_000;

export const scenarioColumns: Record<AiScenario, string> = {
  initialGreeting: 'initial_greeting',
  faqResponses: 'faq_responses',
  propertyInquiryResponse: 'property_inquiry_response',
  appointmentBooking: 'appointment_booking',
  generalQuestions: 'general_questions',
};

export interface QuarterRow {
  quarter: number;
  replies: number;
  handoffs: number;
  reply_ms: number;
  initial_greeting: number;
  faq_responses: number;
  property_inquiry_response: number;
  appointment_booking: number;
  general_questions: number;
  lang_ar: number;
  lang_en: number;
}

/**
 * The stats' rollup (`ai_stats_quarters`): each counted decision (a reply or a hand-off) adds to
 * its number's quarter hour in the decision's own transaction, so 30 days of a million log rows
 * read as a few thousand rows.
 */
export class StatsRollup {
  private readonly add;

  constructor(sqlite: Database.Database) {
    const columns = Object.values(scenarioColumns);
    this.add = sqlite.prepare(
      `insert into ai_stats_quarters (whatsapp_number_id, quarter, replies, handoffs, reply_ms, ${columns.join(', ')}, lang_ar, lang_en)
       values (@numberId, @quarter, @replies, @handoffs, @replyMs, ${columns.map((c) => `@${c}`).join(', ')}, @lang_ar, @lang_en)
       on conflict (whatsapp_number_id, quarter) do update set replies = replies + excluded.replies, handoffs = handoffs + excluded.handoffs,
         reply_ms = reply_ms + excluded.reply_ms, ${columns.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')},
         lang_ar = lang_ar + excluded.lang_ar, lang_en = lang_en + excluded.lang_en`,
    );
  }

  count(entry: { numberId: number; at: number; replied: boolean; handedOff: boolean; responseTimeMs: number; scenario: AiScenario | null; language: AiReplyLanguage | null }): void {
    if (!entry.replied && !entry.handedOff) return;
    const row: Record<string, number> = {
      numberId: entry.numberId,
      quarter: Math.floor(entry.at / quarterMs),
      replies: entry.replied ? 1 : 0,
      handoffs: entry.handedOff ? 1 : 0,
      replyMs: entry.replied ? entry.responseTimeMs : 0,
      lang_ar: entry.language === 'ar' ? 1 : 0,
      lang_en: entry.language === 'en' ? 1 : 0,
    };
    for (const [scenario, column] of Object.entries(scenarioColumns)) row[column] = entry.scenario === scenario ? 1 : 0;
    this.add.run(row);
  }
}
