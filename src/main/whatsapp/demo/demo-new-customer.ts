import { pick, type Random } from './demo-ids';
import type { DemoWorld } from './demo-world';

/** Names and first lines for customers written in on demand (demo.newCustomerWrites). */
const names = {
  ar: ['ياسر العمري', 'أمل الشهراني', 'بندر القرني', 'دانة الحربي', 'ماجد السهلي', 'لمى الدوسري'],
  en: ['Faisal Rahman', 'Hana Saleh', 'Adel Nasser', 'Maha Khalid'],
} as const;
const openings = {
  ar: ['السلام عليكم، أبحث عن شقة للإيجار في شمال الرياض، وش المتوفر عندكم؟', 'مرحبا، عندكم فلل للبيع في حي الياسمين؟'],
  en: ['Hello, I am looking for an apartment to rent in north Riyadh. What do you have?', 'Hi, do you have villas for sale in Al Yasmin?'],
} as const;

/** The names already given on each phone of a world, so two customers written in never share one. */
const given = new WeakMap<DemoWorld, Map<string, Set<string>>>();

function freshName(world: DemoWorld, phoneWid: string, random: Random, language: 'ar' | 'en'): string {
  const phones = given.get(world) ?? new Map<string, Set<string>>();
  given.set(world, phones);
  const used = phones.get(phoneWid) ?? new Set<string>();
  phones.set(phoneWid, used);
  const unused = names[language].filter((name) => !used.has(name));
  const name = unused.length > 0 ? pick(random, unused) : `${pick(random, names[language])} ${used.size + 1}`;
  used.add(name);
  return name;
}

/**
 * A customer the number has never heard from writes their first line: a phone no chat of the
 * number has used, through the same inbound path as every simulated customer.
 */
export function newCustomerWrites(world: DemoWorld, phoneWid: string, random: Random, customer: { language: 'ar' | 'en'; name?: string }): { name: string; phone: string } {
  let digits = '';
  do digits = `9665${String(Math.floor(random() * 1e8)).padStart(8, '0')}`;
  while (world.messageCount(phoneWid, `${digits}@c.us`) > 0);
  const name = customer.name ?? freshName(world, phoneWid, random, customer.language);
  world.deliverInbound(phoneWid, { from: `+${digits}`, body: pick(random, openings[customer.language]), profileName: name });
  return { name, phone: `+${digits}` };
}
