/**
 * Realistic-looking customer data for the benchmark: Arabic and English message texts of
 * varied length, names, E.164 phones and WhatsApp-shaped ids. Seeded, so every generation
 * builds the same database.
 */

import { seededRandom, type Random } from '../src/main/whatsapp/demo/demo-ids';

export { seededRandom, type Random };

export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
export const intBelow = (random: Random, n: number): number => Math.floor(random() * n);

const arabicPhrases = [
  'السلام عليكم',
  'مساء الخير، عندكم شقق للإيجار في حي النرجس؟',
  'كم سعر الفيلا في حي الملقا؟',
  'أبغى أحجز موعد معاينة يوم الخميس بعد العصر',
  'هل السعر قابل للتفاوض؟',
  'الشقة ثلاث غرف وصالة ومطبخ راكب، الدور الثاني، مع مصعد وموقف خاص',
  'أرسل لي الموقع على الخريطة لو سمحت',
  'تمام، شكراً لك',
  'متى يمكنني استلام المفتاح؟',
  'نحتاج صورة من الهوية الوطنية وصك الملكية لإتمام العقد',
  'الدفعة الأولى ٢٥٪ والباقي على أقساط لمدة خمس سنوات',
  'المكتب مفتوح من التاسعة صباحاً حتى العاشرة مساءً ما عدا الجمعة',
  'وصلني العرض، بأراجعه مع العائلة وأرد عليك',
  'هل يوجد خصم للدفع كاش؟',
  'الأرض على شارعين، عرض الشارع الرئيسي ٣٠ متر، قريبة من الخدمات والمدارس',
  'ممكن رقم المالك؟',
  'تم تحويل العربون، أرجو تأكيد الاستلام',
  'الله يعطيك العافية',
  'نعتذر عن التأخير، تم تحديث السعر حسب آخر تقييم للعقار',
  'فيه مسبح خاص وحديقة؟',
];

const englishPhrases = [
  'Hello',
  'Hi, is the 3-bedroom apartment in Al Olaya still available?',
  'What is the yearly rent including service charges?',
  'Can we schedule a viewing on Saturday at 5 pm?',
  'Thanks!',
  'Please send me the floor plan and a few more photos of the kitchen.',
  'The villa has a private pool, a maid room and a driver room, and it is close to the international school.',
  'Is the price negotiable if we sign a two-year contract?',
  'I have transferred the deposit, please confirm.',
  'We need a copy of your ID and the title deed to prepare the contract.',
  'OK',
  'Could you share the location pin?',
  'Payment can be in four instalments through Ejar.',
  'Sorry, I missed your call. I will be at the office tomorrow morning.',
  'Is parking included?',
  'Our office hours are 9 am to 10 pm, Saturday to Thursday.',
];

/** Short greetings and long detailed answers, mostly Arabic: texts of 2 to ~1,200 characters. */
export function messageTextPool(random: Random, size: number): string[] {
  const pool: string[] = [];
  for (let i = 0; i < size; i++) {
    const phrases = random() < 0.7 ? arabicPhrases : englishPhrases;
    const roll = random();
    const parts = roll < 0.45 ? 1 : roll < 0.8 ? 2 + intBelow(random, 2) : roll < 0.97 ? 4 + intBelow(random, 5) : 15 + intBelow(random, 15);
    const words: string[] = [];
    for (let p = 0; p < parts; p++) words.push(pick(random, phrases));
    if (random() < 0.1) words.push(`${100 + intBelow(random, 9900)},000 SAR`);
    pool.push(words.join(random() < 0.3 ? '\n' : ' '));
  }
  return pool;
}

const arabicFirst = ['محمد', 'عبدالله', 'فهد', 'خالد', 'سارة', 'نورة', 'ريم', 'سلطان', 'عبدالعزيز', 'هيفاء', 'منيرة', 'تركي', 'ماجد', 'لمى'];
const arabicLast = ['العتيبي', 'القحطاني', 'الشمري', 'الدوسري', 'الحربي', 'الغامدي', 'الزهراني', 'المطيري', 'السبيعي', 'العنزي'];
const englishFirst = ['John', 'Priya', 'Ahmed', 'Maria', 'Omar', 'David', 'Fatima', 'Ali', 'Sara', 'Rahul'];
const englishLast = ['Smith', 'Khan', 'Fernandes', 'Hassan', 'Patel', 'Brown', 'Nair', 'Haddad'];

/** A WhatsApp profile name, or null (one in ten customers has none). */
export function profileName(random: Random): string | null {
  if (random() < 0.1) return null;
  return random() < 0.75 ? `${pick(random, arabicFirst)} ${pick(random, arabicLast)}` : `${pick(random, englishFirst)} ${pick(random, englishLast)}`;
}

export const agentNames = ['أحمد الحربي', 'مها الرشيد', 'Yousef Saleh', 'نوف القحطاني', 'Lina Haddad'];

/**
 * The k-th customer's WhatsApp digits (international, no '+'): mostly Saudi mobiles, some
 * UAE, Egyptian, Indian and British. Distinct for distinct k (k < 10^7) within one `series`.
 */
export function customerDigits(k: number, series: number): string {
  const spread = (k * 7_919_113 + series * 1_234_567) % 10_000_000; // a permutation of 0..10^7-1
  const tail = String(spread).padStart(7, '0');
  const country = k % 20;
  if (country < 16) return `9665${'03456789'[(k + series) % 8]}${tail}`; // +966 5x xxx xxxx
  if (country < 18) return `9715${'0256'[(k + series) % 4]}${tail}`; // +971 5x xxx xxxx
  if (country < 19) return `2010${tail}${k % 10}`; // +20 10 xxxx xxxx
  return `447${'45789'[(k + series) % 5]}${tail}${k % 10}`; // +44 7xxx xxxxxx
}

/** A whatsapp-web.js serialized message id: `<fromMe>_<chat>_<20 hex>`, unique per `serial`. */
export function providerId(fromMe: boolean, chatId: string, serial: number, random: Random): string {
  const head = Math.floor(random() * 0xffffffff).toString(16).toUpperCase().padStart(8, '0');
  return `${fromMe}_${chatId}_3EB0${head}${serial.toString(16).toUpperCase().padStart(8, '0')}`;
}
