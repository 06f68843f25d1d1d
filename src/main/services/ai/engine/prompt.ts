import { aiLimits, type AiConfigView, type AiReplyLanguage, type AiScenario } from '../../../../shared/ai/types';
import { formatMoney } from '../../../../shared/money';
import type { ChatMessage } from '../provider/provider-client';
import { namesAny, propertyMatches, type QuestionFacets } from './question-facets';
import type { FaqFacts, Found, PropertyFacts } from './retrieval';

/** A turn of this episode, oldest first. */
export interface Turn {
  from: 'customer' | 'assistant' | 'agent';
  text: string;
}

/** A record offered to the model, with the id it must cite ("P12", "F3"). */
export type Offered = { key: string; kind: 'property'; facts: PropertyFacts } | { key: string; kind: 'faq'; facts: FaqFacts };

/**
 * Tokens a text costs, estimated without the model's tokenizer: about one per 3 characters of
 * English and one per 2 of Arabic, rounded up, so the estimate stays at or above the real count.
 */
export function estimateTokens(text: string): number {
  let arabic = 0;
  for (const ch of text) if (ch >= '\u0600' && ch <= '\u06ff') arabic++;
  return Math.ceil(arabic / 2 + (text.length - arabic) / 3) + 4;
}

export function languageOf(text: string): AiReplyLanguage {
  let arabic = 0;
  let latin = 0;
  for (const ch of text) {
    if (ch >= '\u0600' && ch <= '\u06ff') arabic++;
    else if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')) latin++;
  }
  return latin > arabic ? 'en' : 'ar';
}

const toneWords = { formal: 'formal', friendly: 'warm and friendly', professional: 'professional and concise' } as const;
const typeNames: Record<string, string> = { apartment: 'apartment', villa: 'villa', land: 'land', office: 'office', shop: 'shop', building: 'building' };

export function propertyLine(key: string, p: PropertyFacts, withPrices: boolean): string {
  const parts = [
    `[${key}] ${p.name}`,
    `${typeNames[p.type] ?? p.type} for ${p.listing === 'rent' ? `rent${p.rentPeriod ? ` (${p.rentPeriod})` : ''}` : 'sale'}`,
    `status: ${p.status}`,
    [p.district, p.city].filter(Boolean).join(', ') || p.location || '',
    p.bedrooms !== null ? `bedrooms: ${p.bedrooms}` : '',
    p.area !== null ? `area: ${p.area} m²` : '',
    withPrices && p.price !== null ? `price: ${formatMoney(p.price, 'en')} (${formatMoney(p.price, 'ar')})` : '',
    p.description ? `about: ${p.description.slice(0, 200)}` : '',
  ];
  return parts.filter(Boolean).join(' | ');
}

const faqLine = (key: string, f: FaqFacts) => `[${key}] Q: ${f.question}\nA: ${f.answer}`;

export interface PromptInput {
  config: Pick<AiConfigView, 'tone' | 'language' | 'customInstructions' | 'scenarios'>;
  /** The language the reply must be in. */
  replyLanguage: AiReplyLanguage;
  mayQuotePrices: boolean;
  /** Best first: the conversation's interests, then what the question found. */
  records: Found[];
  turns: Turn[];
  /** What the question names (type, district): the prompt says which records match it. */
  asked?: QuestionFacets;
}

export interface BuiltPrompt {
  messages: ChatMessage[];
  offered: Offered[];
  tokens: number;
}

/**
 * The prompt: the rules and the JSON answer asked for, the records (as many as fit the token
 * budget, best first), and this episode's turns (the newest that fit). Never over the budget,
 * whatever the catalogue's size.
 */
export function buildPrompt(input: PromptInput): BuiltPrompt {
  const on = (Object.entries(input.config.scenarios) as [AiScenario, boolean][]).filter(([, v]) => v).map(([k]) => k);
  const rules = [
    'You are the WhatsApp assistant of a Saudi real-estate office. Answer the customer only from the RECORDS below and the conversation.',
    `Tone: ${toneWords[input.config.tone]}. Reply in ${input.replyLanguage === 'ar' ? 'Arabic' : 'English'} only, briefly (at most 4 sentences).`,
    'Never invent a property, price, area, room count, date or promise. If the records do not answer the question, or the customer wants a person, a viewing time you cannot confirm, a negotiation or anything sensitive, decide "handoff".',
    input.mayQuotePrices ? 'You may quote the prices shown in the records, exactly as written.' : 'Do not mention any price or amount of money: say a team member will share prices.',
    `Scenarios you may handle: ${on.join(', ') || 'none'}. Any other kind of question: decide "handoff".`,
    'Answer with one JSON object only: {"decision":"reply"|"handoff","reply":string,"language":"ar"|"en","scenario":"initialGreeting"|"faqResponses"|"propertyInquiryResponse"|"appointmentBooking"|"generalQuestions","confidence":0..1,"usedRecordIds":["P1","F2"]}.',
  ];
  if (input.config.customInstructions) rules.push(`Office instructions: ${input.config.customInstructions}`);
  const system = rules.join('\n');

  const budget = aiLimits.promptTokenBudget - 200;
  // The asked-for note (a line at most) is counted up front.
  let used = estimateTokens(system) + estimateTokens('RECORDS:\n') + (input.asked && namesAny(input.asked) ? 60 : 0);
  // The turns come first in claim: the newest customer message always fits (trimmed if huge).
  const turns: Turn[] = [];
  const turnBudget = Math.floor(budget * 0.35);
  let turnTokens = 0;
  for (const turn of [...input.turns].reverse()) {
    const text = turn.text.slice(0, 1_500);
    const cost = estimateTokens(text);
    if (turns.length > 0 && turnTokens + cost > turnBudget) break;
    turns.unshift({ ...turn, text });
    turnTokens += cost;
  }
  used += turnTokens;

  const offered: Offered[] = [];
  const lines: string[] = [];
  for (const record of input.records) {
    const key = record.kind === 'property' ? `P${record.facts.id}` : `F${record.facts.id}`;
    if (offered.some((o) => o.key === key)) continue;
    const line = record.kind === 'property' ? propertyLine(key, record.facts, input.mayQuotePrices) : faqLine(key, record.facts);
    const cost = estimateTokens(line);
    if (used + cost > budget) continue;
    used += cost;
    lines.push(line);
    offered.push(record.kind === 'property' ? { key, kind: 'property', facts: record.facts } : { key, kind: 'faq', facts: record.facts });
  }

  const messages: ChatMessage[] = [{ role: 'system', content: `${system}\n\nRECORDS:\n${lines.join('\n') || '(none)'}${askedNote(input.asked, offered)}` }];
  for (const turn of turns) {
    messages.push({ role: turn.from === 'customer' ? 'user' : 'assistant', content: turn.from === 'agent' ? `(office staff) ${turn.text}` : turn.text });
  }
  return { messages, offered, tokens: used };
}

/**
 * What the customer asked for and which offered records match it, so the model never presents
 * another property as the one asked about ("none" → say none is listed).
 */
function askedNote(asked: QuestionFacets | undefined, offered: Offered[]): string {
  if (!asked || !namesAny(asked)) return '';
  const what = [asked.types.length > 0 ? `type=${asked.types.join('/')}` : '', asked.districtLabels.length > 0 ? `district=${asked.districtLabels.join('/')}` : ''].filter(Boolean).join('; ');
  const matching = offered.filter((o) => o.kind === 'property' && propertyMatches(o.facts, asked)).map((o) => o.key);
  return matching.length > 0
    ? `\n\nASKED: ${what}\nMATCHING RECORDS: ${matching.join(', ')}`
    : `\n\nASKED: ${what}\nMATCHING RECORDS: none. Say no such property is listed now; never present another property as the one asked for.`;
}
