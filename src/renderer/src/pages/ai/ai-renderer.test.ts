import { describe, expect, it } from 'vitest';
import { aiLimits, aiOutcomes, aiProviderErrorCodes, aiProviderErrorMessages, aiReasons, aiScenarioLabels, aiScenarios, type AiConfigView, type AiProviderView } from '../../../../shared/ai/types';
import { zodDetails } from '../../../../shared/zod-details';
import { plural } from '../../i18n/plural';
import { makeTranslate } from '../../i18n/translate';
import { fullDay } from './hourly';
import { checkName, durationText, outcomeText, providerErrorText, reasonText } from './ai-labels';
import { configForm, configFormDefaults } from './config-form';
import { presetOf, providerForm, providerFormDefaults } from './provider-form';

const config: AiConfigView = {
  id: null,
  whatsappNumberId: 7,
  enabled: false,
  businessHoursOnly: true,
  businessHours: { start: '09:00', end: '18:00', timezone: 'Asia/Riyadh' },
  scenarios: { initialGreeting: true, faqResponses: true, propertyInquiryResponse: true, appointmentBooking: true, generalQuestions: false },
  tone: 'friendly',
  language: 'ar',
  customInstructions: null,
  fallbackToHuman: true,
  fallbackDelay: 5,
  hoursMode: 'inside',
  outOfHoursMessage: null,
  createdAt: null,
  updatedAt: null,
};

const provider: AiProviderView = {
  baseUrl: 'http://localhost:11434/v1',
  model: 'qwen2.5:7b',
  hasKey: true,
  timeoutMs: 20_000,
  maxTokens: 400,
  dailyBudget: 150_000,
  promptPricePerMillion: 0,
  completionPricePerMillion: 0,
  spentToday: 0,
  mayQuotePrices: false,
  state: 'ok',
  lastError: null,
  lastErrorAt: null,
  updatedAt: null,
};

const fieldsRefused = (result: { success: boolean; error?: unknown }, values: unknown) =>
  result.success ? [] : zodDetails(result.error as Parameters<typeof zodDetails>[0], values).map((d) => d.field);

describe('AI screens: words', () => {
  it('names every scenario with seed 003’s labels, and words every provider failure, reason and outcome in both languages', () => {
    const ar = makeTranslate('ar');
    const en = makeTranslate('en');
    for (const scenario of aiScenarios) {
      expect(ar(`ai.scenario.${scenario}`)).toBe(aiScenarioLabels[scenario].ar);
      expect(en(`ai.scenario.${scenario}`)).toBe(aiScenarioLabels[scenario].en);
    }
    for (const code of aiProviderErrorCodes) {
      expect(providerErrorText(ar, code)).not.toBe(providerErrorText(en, code));
      expect(providerErrorText(ar, code)).not.toBe(ar('ai.error.unknown'));
      expect(aiProviderErrorMessages[code].ar.length).toBeGreaterThan(0);
    }
    for (const reason of aiReasons) expect(reasonText(ar, reason)).not.toBe(reasonText(en, reason));
    for (const outcome of aiOutcomes) expect(outcomeText(ar, outcome)).not.toBe(outcomeText(en, outcome));
    for (const check of ['schema', 'records', 'confidence', 'scenario', 'reply', 'language', 'figures', 'prices_allowed', 'property_names']) {
      expect(checkName(ar, check)).not.toBe(check);
      expect(checkName(ar, check)).not.toBe(checkName(en, check));
    }
    expect(checkName(ar, 'from_a_newer_core')).toBe('from_a_newer_core');
    expect(ar('sender.ai')).toBe('المساعد الذكي');
    expect(en('sender.ai')).toBe('AI assistant');
  });

  it('counts the assistant’s replies on the conversation strip in Arabic’s plural forms', () => {
    const t = makeTranslate('ar');
    expect([0, 1, 2, 3, 11].map((n) => plural(t, 'ar', 'ai.strip.replies', n))).toEqual([
      'لا ردود من المساعد في هذه الجولة',
      'رد واحد من المساعد في هذه الجولة',
      'ردّان من المساعد في هذه الجولة',
      '3 ردود من المساعد في هذه الجولة',
      '11 ردًا من المساعد في هذه الجولة',
    ]);
    expect(plural(makeTranslate('en'), 'en', 'ai.strip.replies', 1)).toBe('1 assistant reply this round');
  });
});

describe('AI screens: the settings form', () => {
  it('sends what it shows: typed times, the delay as a number, empty texts as none', () => {
    const values = { ...configFormDefaults(config), fallbackDelay: '١٠', businessHours: { start: '20:00', end: '02:00', timezone: 'Asia/Riyadh' }, outOfHoursMessage: '  ' };
    const parsed = configForm.safeParse(values);
    expect(parsed.success).toBe(true);
    expect(parsed.data).toMatchObject({ numberId: 7, fallbackDelay: 10, businessHours: { start: '20:00', end: '02:00' }, customInstructions: null, outOfHoursMessage: null, hoursMode: 'inside' });
  });

  it('leaves the hours alone when it answers at any time: half-typed hours neither block the save nor reach the core', () => {
    const values = { ...configFormDefaults(config), hoursMode: 'always' as const, businessHours: { start: '09:00', end: '', timezone: 'Asia/Riyadh' } };
    const parsed = configForm.safeParse(values);
    expect(parsed.success).toBe(true);
    expect(parsed.data && 'businessHours' in parsed.data).toBe(false);
    expect(fieldsRefused(configForm.safeParse({ ...values, hoursMode: 'inside' }), values)).toEqual(['businessHours.end']);
  });

  it('refuses what the core refuses, under the field that is wrong: a bad time, an unknown zone, over-long instructions, a delay that is no number', () => {
    const base = configFormDefaults(config);
    const bad = {
      ...base,
      businessHours: { start: '25:00', end: '18:00', timezone: 'Mars/Olympus' },
      customInstructions: 'x'.repeat(aiLimits.customInstructionsMax + 1),
      fallbackDelay: 'soon',
    };
    expect(fieldsRefused(configForm.safeParse(bad), bad).sort()).toEqual(['businessHours.start', 'businessHours.timezone', 'customInstructions', 'fallbackDelay'].sort());
  });
});

describe('AI screens: the provider form', () => {
  it('keeps the saved key when the field is left empty, replaces it when typed, removes it when asked', () => {
    const base = providerFormDefaults(provider);
    expect(base.apiKey).toBe('');
    const kept = providerForm.parse(base);
    expect('apiKey' in kept).toBe(false);
    expect(providerForm.parse({ ...base, apiKey: ' sk-new ' }).apiKey).toBe('sk-new');
    expect(providerForm.parse({ ...base, removeKey: true }).apiKey).toBeNull();
  });

  it('reads the budget as riyals typed in any digits, into halalas, and refuses shorthand under its field', () => {
    const base = providerFormDefaults(provider);
    expect(base.dailyBudget).toBe('1,500.00');
    expect(providerForm.parse({ ...base, dailyBudget: '٢٥٫٥' }).dailyBudget).toBe(2550);
    const shorthand = { ...base, dailyBudget: '1.5k' };
    expect(fieldsRefused(providerForm.safeParse(shorthand), shorthand)).toEqual(['dailyBudget']);
    const tooQuick = { ...base, timeoutMs: '10' };
    expect(fieldsRefused(providerForm.safeParse(tooQuick), tooQuick)).toEqual(['timeoutMs']);
  });

  it('knows the presets by their URL, with or without a trailing slash', () => {
    expect(presetOf('http://localhost:11434/v1/')).toBe('ollama');
    expect(presetOf('http://localhost:1234/v1')).toBe('lmstudio');
    expect(presetOf('https://api.openai.com/v1')).toBe('openai');
    expect(presetOf('http://10.0.0.5:8000/v1')).toBe('');
  });
});

describe('AI screens: response times', () => {
  it('reads a local model’s quick answer in milliseconds, a slower one in seconds, and none as zero seconds', () => {
    const format = (value: number, options?: Intl.NumberFormatOptions) => new Intl.NumberFormat('en-GB', options).format(value);
    expect(durationText(makeTranslate('ar'), format, 48)).toBe('48 ملّي ثانية');
    expect(durationText(makeTranslate('en'), format, 2_540)).toBe('2.5 s');
    expect(durationText(makeTranslate('en'), format, 0)).toBe('0 s');
  });
});

describe('AI screens: the hourly chart', () => {
  it('shows all 24 office hours, the ones without replies as zero', () => {
    const day = fullDay([{ hour: 9, count: 4 }, { hour: 23, count: 1 }]);
    expect(day).toHaveLength(24);
    expect(day[9]).toEqual({ hour: 9, count: 4 });
    expect(day[23]).toEqual({ hour: 23, count: 1 });
    expect(day.filter((h) => h.count === 0)).toHaveLength(22);
  });
});
