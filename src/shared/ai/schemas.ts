import { z } from 'zod';
import { entityId } from '../fields';
import { halalas } from '../money';
import { ianaTimeZone } from '../office/schemas';
import { aiFaqLanguages, aiHoursModes, aiLanguages, aiLimits, aiStatsPeriods, aiTones } from './types';

/**
 * Issue 16's inputs. The settings form and the router check with these same schemas, so a bad
 * time, an unknown zone or over-long instructions read the same in both.
 */

/** HH:MM, 00:00-23:59. */
const hhmm = z.string().trim().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

export const businessHoursSchema = z
  .object({
    start: hhmm.nullable(),
    end: hhmm.nullable(),
    timezone: ianaTimeZone,
  })
  .strict()
  // Both or neither (neither: the office calendar's hours); equal times would be no hours at all.
  .refine((h) => (h.start === null) === (h.end === null), { message: 'required', path: ['end'] })
  .refine((h) => h.start === null || h.start !== h.end, { message: 'empty_shift', path: ['end'] });

export const scenariosSchema = z
  .object({
    initialGreeting: z.boolean(),
    faqResponses: z.boolean(),
    propertyInquiryResponse: z.boolean(),
    appointmentBooking: z.boolean(),
    generalQuestions: z.boolean(),
  })
  .strict();

export const emptyInput = z.object({}).strict();
export const numberIdInput = z.object({ numberId: entityId }).strict();

/** Seed 003's PUT /ai/config/:numberId body: what is absent keeps its saved (or default) value. */
export const saveConfigInput = z
  .object({
    numberId: entityId,
    enabled: z.boolean().optional(),
    /** The seed's switch; `hoursMode` wins when both are given. */
    businessHoursOnly: z.boolean().optional(),
    businessHours: businessHoursSchema.optional(),
    scenarios: scenariosSchema.partial().optional(),
    tone: z.enum(aiTones).optional(),
    language: z.enum(aiLanguages).optional(),
    customInstructions: z.string().trim().max(aiLimits.customInstructionsMax).nullable().optional(),
    fallbackToHuman: z.boolean().optional(),
    fallbackDelay: z.number().int().min(1).max(24 * 60).optional(),
    hoursMode: z.enum(aiHoursModes).optional(),
    outOfHoursMessage: z.string().trim().max(aiLimits.outOfHoursMessageMax).nullable().optional(),
  })
  .strict();

/** An http(s) URL of an OpenAI-compatible API (…/v1); local ones (Ollama, LM Studio) included. */
const baseUrl = z
  .string()
  .trim()
  .max(500)
  .url()
  .refine((u) => /^https?:\/\//i.test(u), 'invalid');

const providerFields = {
  baseUrl,
  model: z.string().trim().min(1).max(200),
  /** Write-only. Absent: keep the saved key; null or '': remove it (local models need none). */
  apiKey: z.string().trim().max(500).nullable().optional(),
  timeoutMs: z.number().int().min(1_000).max(120_000),
  maxTokens: z.number().int().min(16).max(4_000),
  /** Halalas per office day; 0 = no limit. */
  dailyBudget: halalas,
  /** Halalas per million prompt / completion tokens (0 for a local model). */
  promptPricePerMillion: halalas,
  completionPricePerMillion: halalas,
  mayQuotePrices: z.boolean(),
};

export const saveProviderInput = z
  .object({
    ...providerFields,
    timeoutMs: providerFields.timeoutMs.default(20_000),
    maxTokens: providerFields.maxTokens.default(400),
    dailyBudget: providerFields.dailyBudget.default(0),
    promptPricePerMillion: providerFields.promptPricePerMillion.default(0),
    completionPricePerMillion: providerFields.completionPricePerMillion.default(0),
    mayQuotePrices: providerFields.mayQuotePrices.default(false),
  })
  .strict();

/** Tests what the form holds over the saved settings (absent fields: the saved ones), without saving. */
export const testConnectionInput = z.object(providerFields).partial().strict();

export const saveFaqInput = z
  .object({
    id: entityId.optional(),
    question: z.string().trim().min(1).max(aiLimits.faqQuestionMax),
    answer: z.string().trim().min(1).max(aiLimits.faqAnswerMax),
    language: z.enum(aiFaqLanguages),
  })
  .strict();

export const faqIdInput = z.object({ id: entityId }).strict();
export const listFaqInput = z.object({ language: z.enum(aiFaqLanguages).optional() }).strict();

export const consoleInput = z
  .object({
    numberId: entityId,
    question: z.string().trim().min(1).max(2_000),
  })
  .strict();

export const conversationIdInput = z.object({ conversationId: entityId }).strict();

export const rateMessageInput = z
  .object({
    messageId: entityId,
    /** null clears the caller's rating. */
    rating: z.enum(['up', 'down']).nullable(),
  })
  .strict();

export const aiStatsInput = z.object({ numberId: entityId.optional(), period: z.enum(aiStatsPeriods).default('24h') }).strict();

export const aiLogsInput = z
  .object({
    numberId: entityId.optional(),
    page: z.number().int().min(1).default(1),
    limit: z.number().int().min(1).max(100).default(20),
  })
  .strict();

/** The model's structured answer, checked before anything is sent. */
export const modelAnswerSchema = z.object({
  decision: z.enum(['reply', 'handoff']),
  reply: z.string().max(4_000).default(''),
  language: z.enum(['ar', 'en']),
  scenario: z.enum(['initialGreeting', 'faqResponses', 'propertyInquiryResponse', 'appointmentBooking', 'generalQuestions']).nullable().default(null),
  confidence: z.number().min(0).max(1),
  usedRecordIds: z.array(z.string().max(40)).max(40).default([]),
});
export type ModelAnswer = z.infer<typeof modelAnswerSchema>;
