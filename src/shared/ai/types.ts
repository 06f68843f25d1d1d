/**
 * Issue 16's AI responder: seed 003 §6's config (scenarios, tones, languages, the sender type
 * `ai` — المساعد الذكي), plus what the issue adds: the office's OpenAI-compatible provider, the
 * FAQ, the hand-off state of a conversation, the decision log and the stats.
 */

export const aiScenarios = ['initialGreeting', 'faqResponses', 'propertyInquiryResponse', 'appointmentBooking', 'generalQuestions'] as const;
export type AiScenario = (typeof aiScenarios)[number];

/** The seed's labels, as the stats' `scenarioBreakdown[].label` carries them. */
export const aiScenarioLabels: Record<AiScenario, { ar: string; en: string }> = {
  initialGreeting: { ar: 'ترحيب أولي', en: 'Initial greeting' },
  faqResponses: { ar: 'أسئلة شائعة', en: 'FAQ' },
  propertyInquiryResponse: { ar: 'استفسار عقاري', en: 'Property inquiry' },
  appointmentBooking: { ar: 'حجز موعد', en: 'Appointment booking' },
  generalQuestions: { ar: 'أسئلة عامة', en: 'General questions' },
};

export const aiTones = ['formal', 'friendly', 'professional'] as const;
export type AiTone = (typeof aiTones)[number];

/** The number's answering language; `both` answers in the customer's. */
export const aiLanguages = ['ar', 'en', 'both'] as const;
export type AiLanguage = (typeof aiLanguages)[number];
/** A reply's (and a customer's) language. */
export type AiReplyLanguage = 'ar' | 'en';
export const aiReplyLanguageLabels: Record<AiReplyLanguage, { ar: string; en: string }> = { ar: { ar: 'العربية', en: 'Arabic' }, en: { ar: 'الإنجليزية', en: 'English' } };

/**
 * When the AI answers: `always`; `inside` the hours (the seed's `businessHoursOnly`); or
 * `outside` them only (the "answer only outside office hours"). `businessHoursOnly` is
 * kept in step: true exactly when the mode is `inside`.
 */
export const aiHoursModes = ['always', 'inside', 'outside'] as const;
export type AiHoursMode = (typeof aiHoursModes)[number];

/** The sender label of an AI message in the thread. */
export const aiSenderLabel = { ar: 'المساعد الذكي', en: 'AI assistant' } as const;

export interface AiBusinessHours {
  /** HH:MM; an end before the start means overnight. Null both: the office calendar's hours. */
  start: string | null;
  end: string | null;
  timezone: string;
}

export interface AiScenarios {
  initialGreeting: boolean;
  faqResponses: boolean;
  propertyInquiryResponse: boolean;
  appointmentBooking: boolean;
  generalQuestions: boolean;
}

/** Seed 003's GET /ai/config/:numberId, plus `hoursMode` and `outOfHoursMessage`. */
export interface AiConfigView {
  /** Null until saved (the seed's defaults are shown). */
  id: number | null;
  whatsappNumberId: number;
  enabled: boolean;
  businessHoursOnly: boolean;
  businessHours: AiBusinessHours;
  scenarios: AiScenarios;
  tone: AiTone;
  language: AiLanguage;
  customInstructions: string | null;
  fallbackToHuman: boolean;
  /** Minutes of AI handling before a person takes over (when fallbackToHuman). */
  fallbackDelay: number;
  hoursMode: AiHoursMode;
  /** Sent once per episode when a customer writes outside the hours; null: silence. */
  outOfHoursMessage: string | null;
  createdAt: string | null;
  updatedAt: string | null;
}

/** Seed 003's PATCH /ai/config/:numberId/toggle answer. */
export interface AiToggleResult {
  whatsappNumberId: number;
  enabled: boolean;
  updatedAt: string;
}

/**
 * The provider's state as last seen: `unknown` until a call or a test reaches it (and again after
 * its address, model or key changes), `ok` after a success, `failing` after a failure.
 */
export const aiProviderStates = ['unconfigured', 'unknown', 'ok', 'failing'] as const;
export type AiProviderState = (typeof aiProviderStates)[number];

/** Why a provider call failed; the renderer words each (i18n `ai.providerErrors.*`). */
export const aiProviderErrorCodes = ['timeout', 'unauthorized', 'model_not_found', 'rate_limited', 'server_error', 'unreachable', 'bad_response', 'budget_spent', 'unconfigured'] as const;
export type AiProviderErrorCode = (typeof aiProviderErrorCodes)[number];

export const aiProviderErrorMessages: Record<AiProviderErrorCode, { ar: string; en: string }> = {
  timeout: { ar: 'لم يرد مزوّد الذكاء الاصطناعي في الوقت المحدد', en: 'The AI provider did not answer in time' },
  unauthorized: { ar: 'رفض المزوّد المفتاح (401): تحقق من مفتاح API', en: 'The provider refused the key (401): check the API key' },
  model_not_found: { ar: 'النموذج غير موجود لدى المزوّد (404)', en: 'The model was not found at the provider (404)' },
  rate_limited: { ar: 'تجاوزنا حدّ الطلبات لدى المزوّد (429)', en: 'The provider is rate limiting us (429)' },
  server_error: { ar: 'خطأ في خادم المزوّد (5xx)', en: 'The provider had a server error (5xx)' },
  unreachable: { ar: 'تعذّر الوصول إلى عنوان المزوّد', en: 'The provider’s address could not be reached' },
  bad_response: { ar: 'ردّ المزوّد بصيغة غير مفهومة', en: 'The provider answered in a form we could not read' },
  budget_spent: { ar: 'نفدت الميزانية اليومية للذكاء الاصطناعي', en: 'The AI’s daily budget is spent' },
  unconfigured: { ar: 'لم يُضبط مزوّد الذكاء الاصطناعي بعد', en: 'No AI provider is set up yet' },
};

/**
 * The office's provider (one for every number). Money is integer halalas: `dailyBudget` is the
 * most the AI may spend in an office day (0 = no limit), priced by the two per-million-token
 * rates; a local model costs nothing (rates 0). The key is write-only: `hasKey` only.
 */
export interface AiProviderView {
  baseUrl: string;
  model: string;
  hasKey: boolean;
  timeoutMs: number;
  maxTokens: number;
  /** Halalas per office day; 0 = no limit. */
  dailyBudget: number;
  /** Halalas per million prompt / completion tokens. */
  promptPricePerMillion: number;
  completionPricePerMillion: number;
  /** Halalas spent today (office day), for the budget bar. */
  spentToday: number;
  mayQuotePrices: boolean;
  state: AiProviderState;
  lastError: AiProviderErrorCode | null;
  lastErrorAt: string | null;
  updatedAt: string | null;
}

export interface AiTestConnectionResult {
  ok: boolean;
  model?: string;
  errorCode?: AiProviderErrorCode;
  /** The failure worded in both languages (the renderer picks one). */
  message?: { ar: string; en: string };
}

export const aiFaqLanguages = ['ar', 'en'] as const;
export interface AiFaqEntry {
  id: number;
  question: string;
  answer: string;
  language: AiReplyLanguage;
  updatedAt: string;
}

export interface AiRecordUsed {
  kind: 'faq' | 'property';
  id: number;
  title: string;
}

export interface AiCheck {
  /** e.g. `price`, `area`, `rooms`, `property_name`, `prices_allowed`, `confidence`, `schema`. */
  name: string;
  ok: boolean;
  detail: string;
}

export const aiDecisions = ['reply', 'handoff'] as const;
export type AiDecision = (typeof aiDecisions)[number];

/**
 * Why the AI handed off or stayed silent (log `reason`, hand-off `reason`); i18n `ai.reasons.*`.
 */
export const aiReasons = [
  'customer_asked',
  'model_decided',
  'low_confidence',
  'check_failed',
  'no_matching_record',
  'no_viewing_slot',
  'provider_failed',
  'fallback_delay',
  'scenario_off',
  'reply_cap',
  'person_took_over',
  'out_of_hours',
] as const;
export type AiReason = (typeof aiReasons)[number];

/** Each reason in both languages (hand-off notifications, the log, the conversation's badge). */
export const aiReasonLabels: Record<AiReason, { ar: string; en: string }> = {
  customer_asked: { ar: 'طلب العميل التحدث إلى موظف', en: 'the customer asked for a person' },
  model_decided: { ar: 'رأى المساعد أن السؤال لموظف', en: 'the assistant judged it a question for a person' },
  low_confidence: { ar: 'لم يكن المساعد واثقاً من الإجابة', en: 'the assistant was not confident' },
  check_failed: { ar: 'لم تطابق الإجابة بيانات المكتب', en: 'the answer did not match the office’s records' },
  no_matching_record: { ar: 'لا يوجد عقار مطابق لما سأل عنه العميل', en: 'no listed property matches what the customer asked for' },
  no_viewing_slot: { ar: 'لا موعد معاينة متاحًا لعرضه', en: 'no free viewing slot could be offered' },
  provider_failed: { ar: 'تعذّر الوصول إلى مزوّد الذكاء الاصطناعي', en: 'the AI provider failed' },
  fallback_delay: { ar: 'انتهت مدة المساعد في المحادثة', en: 'the assistant’s time in the conversation ran out' },
  scenario_off: { ar: 'نوع السؤال غير مفعّل للمساعد', en: 'that kind of question is off for the assistant' },
  reply_cap: { ar: 'بلغ المساعد حدّ الردود في المحادثة', en: 'the assistant reached its reply limit' },
  person_took_over: { ar: 'ردّ موظف في المحادثة', en: 'a person replied in the conversation' },
  out_of_hours: { ar: 'خارج ساعات عمل المساعد', en: 'outside the assistant’s hours' },
};

/** The test console's answer: what the responder would do; nothing is sent or logged. */
export interface AiConsoleResult {
  recordsUsed: AiRecordUsed[];
  promptTokens: number;
  completionTokens: number;
  answer: string;
  language: AiReplyLanguage;
  scenario: AiScenario | null;
  checks: AiCheck[];
  decision: AiDecision;
  reason: AiReason | null;
  /** A provider failure (then decision is handoff). */
  errorCode?: AiProviderErrorCode;
  /** appointmentBooking: the free viewing slots it would offer (ISO starts, in order); none is booked. */
  viewingOffer?: { propertyId: number; propertyName: string; slots: string[] };
}

export const aiHolders = ['ai', 'person', 'none'] as const;
export type AiHolder = (typeof aiHolders)[number];

/** Who holds a conversation this episode (a resolved-and-reopened conversation starts afresh). */
export interface AiConversationState {
  conversationId: number;
  /** `ai` while the AI answers it, `person` once handed off or paused, `none` before either. */
  holder: AiHolder;
  paused: boolean;
  repliesThisEpisode: number;
  handedOffAt?: string;
  reason?: AiReason;
  /** Whether the number's AI is on at all. */
  enabled: boolean;
}

export type AiRating = 'up' | 'down';

export const aiStatsPeriods = ['24h', '7d', '30d'] as const;
export type AiStatsPeriod = (typeof aiStatsPeriods)[number];

/** Seed 003's GET /ai/stats (labels in Arabic, as the seed; `labelEn` beside them). */
export interface AiStats {
  totalResponses: number;
  avgResponseTimeMs: number;
  avgResponseTimeFormatted: string;
  /** Percent of rated AI messages rated up; null until one is rated. */
  satisfactionRate: number | null;
  handoffRate: number;
  handoffCount: number;
  scenarioBreakdown: { scenario: AiScenario; count: number; label: string; labelEn: string; percentage: number }[];
  languageBreakdown: { language: AiReplyLanguage; count: number; label: string; labelEn: string; percentage: number }[];
  /** Hours 0-23 in the office's zone; only hours with responses. */
  hourlyDistribution: { hour: number; count: number }[];
  /** Office days, oldest first, every day of the period. */
  dailyStats: { date: string; responses: number; handoffs: number; avgResponseTime: number }[];
}

export const aiOutcomes = ['replied', 'handed_off', 'dropped', 'silent', 'out_of_hours_sent', 'failed'] as const;
export type AiOutcome = (typeof aiOutcomes)[number];

/** One decision of the responder (a log row). */
export interface AiLogRow {
  id: number;
  whatsappNumberId: number;
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
  /** Thousandths of a halala (a small call costs a fraction of one). */
  costMillihalalas: number;
  createdAt: string;
}

export interface AiLogPage {
  data: AiLogRow[];
  pagination: { page: number; limit: number; total: number; totalPages: number };
}

/** Limits the engine keeps (the issue's). */
export const aiLimits = {
  /** Quiet time after a customer's last message before the AI answers a burst. */
  debounceMs: 8_000,
  repliesPerEpisode: 20,
  providerCallsInFlight: 4,
  promptTokenBudget: 3_000,
  /** Below this the reply is not sent and a person takes over. */
  minConfidence: 0.6,
  customInstructionsMax: 2_000,
  outOfHoursMessageMax: 1_000,
  faqQuestionMax: 500,
  faqAnswerMax: 2_000,
} as const;
