import { modelAnswerSchema } from '../../../../shared/ai/schemas';
import { aiLimits, type AiCheck, type AiConfigView, type AiDecision, type AiProviderErrorCode, type AiReason, type AiRecordUsed, type AiReplyLanguage, type AiScenario } from '../../../../shared/ai/types';
import { complete } from '../provider/provider-client';
import type { ProviderSettings } from '../provider/provider-store';
import { asksForPerson } from './human-request';
import { buildPrompt, languageOf, type Offered, type Turn } from './prompt';
import { checkQuestionMatch } from './question-match';
import { facetsOf, namesAny, propertyMatches, type QuestionFacets } from './question-facets';
import { checkReply } from './reply-checks';
import type { Found, RetrievalIndex } from './retrieval';

export interface Decision {
  decision: AiDecision;
  reason: AiReason | null;
  reply: string;
  language: AiReplyLanguage;
  scenario: AiScenario | null;
  recordsUsed: AiRecordUsed[];
  checks: AiCheck[];
  promptTokens: number;
  completionTokens: number;
  /** Set when the provider failed (or was not called for its budget). */
  errorCode: AiProviderErrorCode | null;
  /** Whether the provider was asked (a request for a person needs no call). */
  called: boolean;
}

export interface DecideInput {
  config: AiConfigView;
  provider: ProviderSettings | null;
  /** This episode's turns, oldest first; the last ones are the customer's unanswered messages. */
  turns: Turn[];
  /** The customer's unanswered messages, joined: what retrieval searches. */
  question: string;
  /** The conversation's property interests, best first. */
  interestIds: number[];
  /** The provider's budget is spent for today. */
  budgetSpent: boolean;
}

/** Props retrieval may offer per question (the prompt keeps what fits its budget). */
const retrievalLimits = { properties: 6, faqs: 4 };

/**
 * One decision on a customer's unanswered messages: a person asked for → hand off without a
 * call; else the grounded prompt, the model's JSON answer (checked by zod), its confidence, its
 * scenario against the config's switches, and the reply's figures and names against the records
 * it used. Sends nothing: the runner (or the console) acts on it.
 */
export class Responder {
  constructor(private readonly retrieval: RetrievalIndex) {}

  /** The language the reply must be in: the set one, or the customer's with `both`. */
  replyLanguage(config: AiConfigView, question: string): AiReplyLanguage {
    return config.language === 'both' ? languageOf(question) : config.language;
  }

  /** What the question names (type, district), against the catalogue's own districts too. */
  facets(question: string): QuestionFacets {
    return facetsOf(question, this.retrieval.districts());
  }

  /**
   * Records for a question: the conversation's interests first, then what the words find. When
   * the question names a type or a district, only properties agreeing with it are offered (then
   * any others of the catalogue that agree), so a villa in one district is never answered with
   * an apartment in another.
   */
  records(question: string, interestIds: number[], facets: QuestionFacets = this.facets(question)): Found[] {
    const interests = interestIds.flatMap((id) => {
      const facts = this.retrieval.property(id);
      return facts ? [{ kind: 'property' as const, score: Infinity, facts }] : [];
    });
    const found = [...interests, ...this.retrieval.search(question, retrievalLimits)];
    if (!namesAny(facets)) return found;
    const agreeing = found.filter((r) => r.kind === 'faq' || propertyMatches(r.facts, facets));
    const have = new Set(agreeing.flatMap((r) => (r.kind === 'property' ? [r.facts.id] : [])));
    if (have.size < retrievalLimits.properties) {
      for (const facts of this.retrieval.matching(facets, retrievalLimits.properties)) {
        if (have.size >= retrievalLimits.properties) break;
        if (have.has(facts.id)) continue;
        have.add(facts.id);
        agreeing.push({ kind: 'property', score: 0, facts });
      }
    }
    return agreeing;
  }

  async decide(input: DecideInput): Promise<Decision> {
    const language = this.replyLanguage(input.config, input.question);
    const base: Decision = { decision: 'handoff', reason: null, reply: '', language, scenario: null, recordsUsed: [], checks: [], promptTokens: 0, completionTokens: 0, errorCode: null, called: false };
    if (asksForPerson(input.question)) return { ...base, reason: 'customer_asked' };
    if (!input.provider) return { ...base, reason: 'provider_failed', errorCode: 'unconfigured' };
    if (input.budgetSpent) return { ...base, reason: 'provider_failed', errorCode: 'budget_spent' };

    const facets = this.facets(input.question);
    const records = this.records(input.question, input.interestIds, facets);
    const prompt = buildPrompt({ config: input.config, replyLanguage: language, mayQuotePrices: input.provider.mayQuotePrices, records, turns: input.turns, asked: facets });
    const result = await complete(input.provider, prompt.messages, { json: true });
    if (!result.ok) return { ...base, called: true, promptTokens: prompt.tokens, reason: 'provider_failed', errorCode: result.code };
    const { completion } = result;
    const spent = { called: true, promptTokens: completion.promptTokens || prompt.tokens, completionTokens: completion.completionTokens };

    const parsed = parseAnswer(completion.text);
    if (!parsed) {
      return { ...base, ...spent, reason: 'check_failed', checks: [{ name: 'schema', ok: false, detail: 'the answer was not the JSON asked for' }] };
    }
    const used = parsed.usedRecordIds.flatMap((key) => prompt.offered.filter((o) => o.key === key));
    const recordsUsed = used.map(toRecordUsed);
    const checks: AiCheck[] = [{ name: 'schema', ok: true, detail: 'a valid JSON answer' }];
    const unknownIds = parsed.usedRecordIds.filter((key) => !prompt.offered.some((o) => o.key === key));
    checks.push({ name: 'records', ok: unknownIds.length === 0, detail: unknownIds.length === 0 ? `${used.length} record(s) used` : `cites records it was not given: ${unknownIds.join(', ')}` });
    const confident = parsed.confidence >= aiLimits.minConfidence;
    checks.push({ name: 'confidence', ok: confident, detail: `${parsed.confidence.toFixed(2)} (at least ${aiLimits.minConfidence})` });
    const scenarioOn = parsed.scenario === null || input.config.scenarios[parsed.scenario];
    checks.push({ name: 'scenario', ok: scenarioOn, detail: parsed.scenario ? `${parsed.scenario}: ${scenarioOn ? 'on' : 'off'}` : 'none named' });
    const decided: Decision = { ...base, ...spent, reply: parsed.reply.trim(), language, scenario: parsed.scenario, recordsUsed, checks };

    if (parsed.decision === 'handoff') return { ...decided, reason: 'model_decided' };
    if (!parsed.reply.trim()) return { ...decided, reason: 'check_failed', checks: [...checks, { name: 'reply', ok: false, detail: 'an empty reply' }] };
    const replyLanguage = languageOf(parsed.reply);
    checks.push({ name: 'language', ok: replyLanguage === language, detail: `${replyLanguage} (asked ${language})` });
    checks.push(
      ...checkReply({
        reply: parsed.reply,
        used,
        catalogueNames: this.retrieval.names(),
        context: [...input.turns.filter((t) => t.from === 'customer').map((t) => t.text), input.config.customInstructions ?? ''],
        mayQuotePrices: input.provider.mayQuotePrices,
      }),
    );
    const match = checkQuestionMatch({ reply: parsed.reply, scenario: parsed.scenario, used, offered: prompt.offered, facets });
    checks.push(match);
    const all = { ...decided, checks };
    if (!match.ok) return { ...all, reason: 'no_matching_record' };
    if (!confident) return { ...all, reason: 'low_confidence' };
    if (!scenarioOn) return { ...all, reason: 'scenario_off' };
    if (checks.some((c) => !c.ok)) return { ...all, reason: 'check_failed' };
    return { ...all, decision: 'reply' };
  }
}

/** The model's JSON, also when wrapped in a code fence or prose. */
function parseAnswer(text: string) {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end <= start) return null;
  try {
    const parsed = modelAnswerSchema.safeParse(JSON.parse(text.slice(start, end + 1)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function toRecordUsed(offered: Offered): AiRecordUsed {
  return offered.kind === 'property' ? { kind: 'property', id: offered.facts.id, title: offered.facts.name } : { kind: 'faq', id: offered.facts.id, title: offered.facts.question };
}
