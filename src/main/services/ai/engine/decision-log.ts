import type Database from 'better-sqlite3';
import type { AiOutcome, AiProviderErrorCode, AiReason, AiReplyLanguage, AiScenario } from '../../../../shared/ai/types';
import { StatsRollup } from '../stats/stats-rollup';

export interface LogEntry {
  numberId: number;
  conversationId: number;
  messageId: number | null;
  replyMessageId: number | null;
  scenario: AiScenario | null;
  responseTimeMs: number;
  handedOff: boolean;
  language: AiReplyLanguage | null;
  outcome: AiOutcome;
  reason: AiReason | null;
  errorCode: AiProviderErrorCode | null;
  promptTokens: number;
  completionTokens: number;
  costMillihalalas: number;
  at: number;
}

/** Seed 003's `ai_response_logs`: one row per decision, written in the decision's transaction with its count in the stats' rollup. */
export class DecisionLog {
  private readonly insert;
  private readonly rollup: StatsRollup;

  constructor(sqlite: Database.Database) {
    this.rollup = new StatsRollup(sqlite);
    this.insert = sqlite.prepare(
      `insert into ai_response_logs (whatsapp_number_id, conversation_id, message_id, reply_message_id, scenario, response_time_ms, handed_off, language, outcome, reason,
         error_code, prompt_tokens, completion_tokens, cost_millihalalas, created_at)
       values (@numberId, @conversationId, @messageId, @replyMessageId, @scenario, @responseTimeMs, @handedOff, @language, @outcome, @reason, @errorCode,
         @promptTokens, @completionTokens, @costMillihalalas, @at)`,
    );
  }

  write(entry: LogEntry): void {
    this.insert.run({ ...entry, handedOff: entry.handedOff ? 1 : 0 });
    this.rollup.count({ numberId: entry.numberId, at: entry.at, replied: entry.outcome === 'replied', handedOff: entry.handedOff, responseTimeMs: entry.responseTimeMs, scenario: entry.scenario, language: entry.language });
  }
}
