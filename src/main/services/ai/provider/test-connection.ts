import { aiProviderErrorMessages, type AiTestConnectionResult } from '../../../../shared/ai/types';
import { complete } from './provider-client';
import type { ProviderSettings } from './provider-store';

/** One tiny completion with the given settings: ok and the model that answered, or the failure in both languages. */
export async function testConnection(settings: ProviderSettings | null): Promise<AiTestConnectionResult> {
  if (!settings || !settings.baseUrl || !settings.model) return { ok: false, errorCode: 'unconfigured', message: aiProviderErrorMessages.unconfigured };
  const result = await complete(settings, [{ role: 'user', content: 'Reply with the word OK.' }], { json: false, maxTokens: 5 });
  if (result.ok) return { ok: true, model: result.completion.model };
  return { ok: false, errorCode: result.code, message: aiProviderErrorMessages[result.code] };
}
