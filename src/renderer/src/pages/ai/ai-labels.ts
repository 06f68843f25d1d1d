import type { AiOutcome, AiProviderErrorCode, AiReason } from '../../../../shared/ai/types';
import type { MessageKey } from '../../i18n/dictionary';
import type { Translate } from '../../i18n/translate';

// Every code has a text: a code added to the contract without one fails the typecheck here.
const providerErrorKeys: Record<AiProviderErrorCode, MessageKey> = {
  timeout: 'ai.error.timeout',
  unauthorized: 'ai.error.unauthorized',
  model_not_found: 'ai.error.model_not_found',
  rate_limited: 'ai.error.rate_limited',
  server_error: 'ai.error.server_error',
  unreachable: 'ai.error.unreachable',
  bad_response: 'ai.error.bad_response',
  budget_spent: 'ai.error.budget_spent',
  unconfigured: 'ai.error.unconfigured',
};

const reasonKeys: Record<AiReason, MessageKey> = {
  customer_asked: 'ai.reason.customer_asked',
  model_decided: 'ai.reason.model_decided',
  low_confidence: 'ai.reason.low_confidence',
  check_failed: 'ai.reason.check_failed',
  no_matching_record: 'ai.reason.no_matching_record',
  no_viewing_slot: 'ai.reason.no_viewing_slot',
  provider_failed: 'ai.reason.provider_failed',
  fallback_delay: 'ai.reason.fallback_delay',
  scenario_off: 'ai.reason.scenario_off',
  reply_cap: 'ai.reason.reply_cap',
  person_took_over: 'ai.reason.person_took_over',
  out_of_hours: 'ai.reason.out_of_hours',
};

const outcomeKeys: Record<AiOutcome, MessageKey> = {
  replied: 'ai.outcome.replied',
  handed_off: 'ai.outcome.handed_off',
  dropped: 'ai.outcome.dropped',
  silent: 'ai.outcome.silent',
  out_of_hours_sent: 'ai.outcome.out_of_hours_sent',
  failed: 'ai.outcome.failed',
};

// The responder's checks by name (src/main/services/ai/engine); a check this window does not know shows its name.
const checkKeys: Record<string, MessageKey> = {
  schema: 'ai.check.schema',
  records: 'ai.check.records',
  confidence: 'ai.check.confidence',
  scenario: 'ai.check.scenario',
  reply: 'ai.check.reply',
  language: 'ai.check.language',
  figures: 'ai.check.figures',
  prices_allowed: 'ai.check.prices_allowed',
  property_names: 'ai.check.property_names',
  question_match: 'ai.check.question_match',
};

export function checkName(t: Translate, name: string): string {
  const key = checkKeys[name];
  return key ? t(key) : name;
}

/** A provider failure in the reader's language; a code from a newer core reads as a general failure. */
export function providerErrorText(t: Translate, code: AiProviderErrorCode | null): string {
  return t((code && providerErrorKeys[code]) ?? 'ai.error.unknown');
}

export function reasonText(t: Translate, reason: AiReason | null | undefined): string {
  return reason ? t(reasonKeys[reason] ?? 'ai.reason.other') : '';
}

export function outcomeText(t: Translate, outcome: AiOutcome): string {
  return t(outcomeKeys[outcome] ?? 'ai.outcome.other');
}

/** A response time as people read it: seconds, or milliseconds under one second (a local model can be that quick). */
export function durationText(t: Translate, formatNumber: (value: number, options?: Intl.NumberFormatOptions) => string, ms: number): string {
  if (ms > 0 && ms < 1000) return t('ai.stats.ms', { value: formatNumber(Math.round(ms)) });
  return t('ai.stats.seconds', { value: formatNumber(ms / 1000, { maximumFractionDigits: 1 }) });
}
