import type { aiChannels } from '../../../shared/ai/contract';
import { signedIn, type HandlerMap } from '../../rpc/handler-map';
import { tryQuestion } from './ai-console';
import { testConnection } from './provider/test-connection';
import type { Ai } from './start-ai';

/** Binds the AI slice's channels to its services; the router has checked the role. */
export function aiHandlers(s: { ai: Ai }): HandlerMap<typeof aiChannels> {
  const { configs, provider, faq, conversations, stats, audit } = s.ai;
  return {
    'ai.getConfig': (input) => configs.get(input.numberId),
    'ai.saveConfig': (input, { caller }) => audit.saveConfig(signedIn(caller).user.id, input),
    'ai.toggleConfig': (input, { caller }) => audit.toggleConfig(signedIn(caller).user.id, input.numberId),
    'ai.getProvider': () => provider.view(),
    'ai.saveProvider': (input, { caller }) => audit.saveProvider(signedIn(caller).user.id, input),
    'ai.testConnection': async (input) => {
      const saved = provider.settings();
      const merged = saved || input.baseUrl ? { ...(saved ?? { apiKey: null, dailyBudget: 0, promptPricePerMillion: 0, completionPricePerMillion: 0, mayQuotePrices: false, timeoutMs: 20_000, maxTokens: 400, baseUrl: '', model: '' }), ...definedOf(input) } : null;
      const result = await testConnection(merged);
      // A test of the saved settings is what the settings show: working, or the failure and its time.
      if (saved && merged && sameProvider(saved, merged)) {
        if (result.ok) provider.succeeded();
        else if (result.errorCode && result.errorCode !== 'unconfigured') provider.failed(result.errorCode);
      }
      return result;
    },
    'ai.listFaq': (input) => faq.list(input.language),
    'ai.saveFaq': (input, { caller }) => audit.saveFaq(signedIn(caller).user.id, input),
    'ai.deleteFaq': (input, { caller }) => audit.deleteFaq(signedIn(caller).user.id, input.id),
    'ai.console': (input) => tryQuestion(s.ai, input.numberId, input.question),
    'ai.conversationState': (input, { caller }) => conversations.state(signedIn(caller), input.conversationId),
    'ai.resume': (input, { caller }) => conversations.resume(signedIn(caller), input.conversationId),
    'ai.rateMessage': (input, { caller }) => conversations.rate(signedIn(caller), input.messageId, input.rating),
    'ai.stats': (input) => stats.stats(input),
    'ai.logs': (input) => stats.logs(input),
  };
}

/** Whether a test reached the saved provider (what was typed, if anything, is what is saved). */
function sameProvider(a: { baseUrl: string; model: string; apiKey: string | null }, b: { baseUrl: string; model: string; apiKey: string | null }): boolean {
  return a.baseUrl.replace(/\/+$/, '') === b.baseUrl.replace(/\/+$/, '') && a.model === b.model && (a.apiKey ?? null) === (b.apiKey ?? null);
}

/** The fields the admin typed (a key typed replaces the saved one; null or '' tests without one). */
function definedOf<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>;
}
