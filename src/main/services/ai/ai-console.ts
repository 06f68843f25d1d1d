import type { AiConsoleResult } from '../../../shared/ai/types';
import type { AiConfigStore } from './config/ai-config-store';
import type { Responder } from './engine/responder';
import type { ProviderStore } from './provider/provider-store';

/**
 * The admin's test console: a question answered as a customer's first message would be, with
 * the records used, the tokens, the checks and the decision. Nothing is sent or logged, and the
 * number's switch and hours are not asked (it is a test of the answer, not of the gates).
 */
export async function tryQuestion(deps: { configs: AiConfigStore; provider: ProviderStore; responder: Responder }, numberId: number, question: string): Promise<AiConsoleResult> {
  const config = deps.configs.get(numberId);
  const settings = deps.provider.settings();
  const budgetSpent = settings !== null && settings.dailyBudget > 0 && deps.provider.spentToday() >= settings.dailyBudget;
  const decision = await deps.responder.decide({ config, provider: settings, turns: [{ from: 'customer', text: question }], question, interestIds: [], budgetSpent });
  return {
    recordsUsed: decision.recordsUsed,
    promptTokens: decision.promptTokens,
    completionTokens: decision.completionTokens,
    answer: decision.reply,
    language: decision.language,
    scenario: decision.scenario,
    checks: decision.checks,
    decision: decision.decision,
    reason: decision.reason,
    ...(decision.errorCode ? { errorCode: decision.errorCode } : {}),
  };
}
