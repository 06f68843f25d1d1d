import { latinDigits } from '../../../../shared/money';
import { normalizeSearchText } from '../../../../shared/search-text';

/** Stems of a request to see a property, normalised (clitics around them do not matter: «لمعاينتها»). */
// Not «موعد» alone: «متى موعد الدوام؟» asks for the office hours, not a viewing.
const viewingStems = ['معاين', 'اعاين', 'نعاين', 'اشوف العقار', 'اشوفها', 'اشوفه', 'احجز موعد', 'حجز موعد', 'ابي موعد', 'ابغى موعد', 'زياره للعقار', 'ازورها', 'ازوره', 'viewing', 'visit the', 'appointment', 'view it', 'see it'].map(normalizeSearchText);
/** A short yes, answering the AI's own "shall we arrange a viewing?". */
const yes = new Set(['نعم', 'ايوه', 'ايوا', 'اي', 'اكيد', 'تمام', 'طيب', 'ياليت', 'يا ليت', 'ok', 'okay', 'yes', 'sure', 'yes please', 'please do'].map(normalizeSearchText));

/** Whether the customer asks to see a property, or says yes to the AI's offer of a viewing. */
export function asksForViewing(question: string, lastAssistant: string | null): boolean {
  const text = normalizeSearchText(question);
  if (viewingStems.some((stem) => text.includes(stem))) return true;
  const short = text.replace(/[^\p{L}\p{N} ]+/gu, ' ').trim().replace(/\s+/g, ' ');
  return lastAssistant !== null && viewingStems.some((stem) => normalizeSearchText(lastAssistant).includes(stem)) && yes.has(short);
}

const ordinals: [RegExp, number][] = [
  [/(^|\s)(ال)?(اول|اولي|first|1st)(\s|$)/, 0],
  [/(^|\s)(ال)?(ثاني|ثانيه|second|2nd)(\s|$)/, 1],
  [/(^|\s)(ال)?(ثالث|ثالثه|third|3rd)(\s|$)/, 2],
];

/**
 * Which offered slot the customer picked: by its time ("10:30", "الساعة 10:30"), its number
 * ("2", «٢», «رقم 2») or its order («الثاني», "the second"). Null when the text picks none or
 * more than one.
 */
export function pickedSlot(text: string, slotTimes: readonly string[]): number | null {
  const plain = normalizeSearchText(latinDigits(text)).replace(/[^\p{L}\p{N}: ]+/gu, ' ').trim();
  const times = [...plain.matchAll(/(\d{1,2}):(\d{2})/g)].map((m) => `${m[1]!.padStart(2, '0')}:${m[2]}`);
  if (times.length > 0) {
    const hits = slotTimes.flatMap((t, i) => (times.includes(t) ? [i] : []));
    return hits.length === 1 ? hits[0]! : null;
  }
  const numbers = [...plain.matchAll(/\d+/g)].map((m) => Number(m[0]));
  if (numbers.length === 1) {
    const n = numbers[0]!;
    return n >= 1 && n <= slotTimes.length ? n - 1 : null;
  }
  if (numbers.length > 1) return null;
  const found = ordinals.filter(([pattern, i]) => i < slotTimes.length && pattern.test(plain)).map(([, i]) => i);
  return found.length === 1 ? found[0]! : null;
}
