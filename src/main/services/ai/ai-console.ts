import type { AiConsoleResult } from '../../../shared/ai/types';
import { toIso, type Clock } from '../../base/clock';
import type { ViewingBooking } from './booking/viewing-booking';
import type { AiConfigStore } from './config/ai-config-store';
import type { Responder } from './engine/responder';
import type { ProviderStore } from './provider/provider-store';

export interface ConsoleDeps {
  clock: Clock;
  configs: AiConfigStore;
  provider: ProviderStore;
  responder: Responder;
  booking: ViewingBooking;
}

/**
 * The admin's test console: a question answered as a customer's first message would be, with
 * the records used, the tokens, the checks and the decision. Nothing is sent or logged, and the
 * number's switch and hours are not asked (it is a test of the answer, not of the gates). A
 * viewing request shows the slots appointmentBooking would offer; the offer is not kept, so
 * nothing can be booked from it.
 */
export async function tryQuestion(deps: ConsoleDeps, numberId: number, question: string): Promise<AiConsoleResult> {
  const config = deps.configs.get(numberId);
  const turns = [{ from: 'customer' as const, text: question }];
  const booking = deps.booking.decide({
    conversationId: null,
    numberId,
    config,
    question,
    language: deps.responder.replyLanguage(config, question),
    turns,
    interestIds: [],
    offerJson: null,
    now: deps.clock.now(),
  });
  const settings = deps.provider.settings();
  const budgetSpent = settings !== null && settings.dailyBudget > 0 && deps.provider.spentToday() >= settings.dailyBudget;
  const decision = booking ?? (await deps.responder.decide({ config, provider: settings, turns, question, interestIds: [], budgetSpent }));
  const offer = booking?.action?.kind === 'offer' ? booking.action.offer : null;
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
    ...(offer ? { viewingOffer: { propertyId: offer.propertyId, propertyName: offer.propertyName, slots: offer.slots.map((s) => toIso(s)) } } : {}),
  };
}
