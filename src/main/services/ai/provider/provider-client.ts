import OpenAI from 'openai';
import type { AiProviderErrorCode } from '../../../../shared/ai/types';
import type { ProviderSettings } from './provider-store';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface Completion {
  text: string;
  model: string;
  promptTokens: number;
  completionTokens: number;
}

export type CallResult = { ok: true; completion: Completion } | { ok: false; code: AiProviderErrorCode };

/**
 * One chat completion through the maintained `openai` client, pointed at the office's base URL
 * (OpenAI, Ollama, LM Studio, any compatible server). Our own timeout and one retry; every
 * failure comes back as a code the settings and notifications word, never as a throw.
 */
export async function complete(settings: ProviderSettings, messages: ChatMessage[], options: { json: boolean; maxTokens?: number }): Promise<CallResult> {
  // Local servers take no key, but the client wants one: any non-empty text does.
  const client = new OpenAI({ apiKey: settings.apiKey || 'no-key', baseURL: settings.baseUrl, timeout: settings.timeoutMs, maxRetries: 1 });
  try {
    const answer = await client.chat.completions.create({
      model: settings.model,
      messages,
      max_tokens: options.maxTokens ?? settings.maxTokens,
      temperature: 0.2,
      ...(options.json ? { response_format: { type: 'json_object' as const } } : {}),
    });
    const text = answer.choices[0]?.message?.content;
    if (typeof text !== 'string') return { ok: false, code: 'bad_response' };
    return {
      ok: true,
      completion: { text, model: answer.model || settings.model, promptTokens: answer.usage?.prompt_tokens ?? 0, completionTokens: answer.usage?.completion_tokens ?? 0 },
    };
  } catch (error) {
    return { ok: false, code: providerErrorCode(error) };
  }
}

/** The failure's name: timeout, 401/403, 404 (a missing model), 429, 5xx, unreachable, or an answer we cannot read. */
export function providerErrorCode(error: unknown): AiProviderErrorCode {
  if (error instanceof OpenAI.APIConnectionTimeoutError) return 'timeout';
  if (error instanceof OpenAI.APIConnectionError) return 'unreachable';
  if (error instanceof OpenAI.AuthenticationError || error instanceof OpenAI.PermissionDeniedError) return 'unauthorized';
  if (error instanceof OpenAI.NotFoundError) return 'model_not_found';
  if (error instanceof OpenAI.RateLimitError) return 'rate_limited';
  if (error instanceof OpenAI.APIError && typeof error.status === 'number' && error.status >= 500) return 'server_error';
  return 'bad_response';
}

/** Thousandths of a halala a call cost at the provider's per-million-token rates (halalas). */
export function costMillihalalas(settings: Pick<ProviderSettings, 'promptPricePerMillion' | 'completionPricePerMillion'>, promptTokens: number, completionTokens: number): number {
  return Math.ceil((promptTokens * settings.promptPricePerMillion + completionTokens * settings.completionPricePerMillion) / 1000);
}
