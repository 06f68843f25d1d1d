import { z } from 'zod';
import { saveProviderInput } from '../../../../shared/ai/schemas';
import type { AiProviderView } from '../../../../shared/ai/types';
import { latinDigits, moneyFieldText, moneyInput } from '../../../../shared/money';

/** Where the common OpenAI-compatible services listen (the presets). */
export const providerPresets = {
  openai: 'https://api.openai.com/v1',
  ollama: 'http://localhost:11434/v1',
  lmstudio: 'http://localhost:1234/v1',
} as const;
export type ProviderPreset = keyof typeof providerPresets;

export function presetOf(baseUrl: string): ProviderPreset | '' {
  const found = (Object.keys(providerPresets) as ProviderPreset[]).find((preset) => providerPresets[preset] === baseUrl.trim().replace(/\/$/, ''));
  return found ?? '';
}

const wholeNumber = z.string().transform((text) => {
  const digits = latinDigits(text.trim());
  // Not a whole number: passed on as it is, so the contract names the field.
  return /^\d{1,9}$/.test(digits) ? Number(digits) : (digits as unknown as number);
});

/**
 * saveProviderInput as the provider card holds it: numbers as typed text, money as riyals typed
 * (moneyInput: "1,500.50", Arabic-Indic digits), and the key write-only: empty keeps the saved
 * one, "remove the saved key" sends null.
 */
export const providerForm = saveProviderInput
  .omit({ apiKey: true, timeoutMs: true, maxTokens: true, dailyBudget: true, promptPricePerMillion: true, completionPricePerMillion: true })
  .extend({
    apiKey: z.string(),
    removeKey: z.boolean(),
    timeoutMs: wholeNumber,
    maxTokens: wholeNumber,
    dailyBudget: moneyInput,
    promptPricePerMillion: moneyInput,
    completionPricePerMillion: moneyInput,
  })
  .transform(({ apiKey, removeKey, ...provider }): z.input<typeof saveProviderInput> => ({
    ...provider,
    ...(removeKey ? { apiKey: null } : apiKey.trim() !== '' ? { apiKey: apiKey.trim() } : {}),
  }))
  .pipe(saveProviderInput);

export type ProviderFormValues = z.input<typeof providerForm>;

export function providerFormDefaults(provider: AiProviderView): ProviderFormValues {
  return {
    baseUrl: provider.baseUrl,
    model: provider.model,
    apiKey: '',
    removeKey: false,
    timeoutMs: String(provider.timeoutMs),
    maxTokens: String(provider.maxTokens),
    dailyBudget: moneyFieldText(provider.dailyBudget),
    promptPricePerMillion: moneyFieldText(provider.promptPricePerMillion),
    completionPricePerMillion: moneyFieldText(provider.completionPricePerMillion),
    mayQuotePrices: provider.mayQuotePrices,
  };
}
