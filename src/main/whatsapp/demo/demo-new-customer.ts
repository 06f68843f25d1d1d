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

/**
 * A customer the number has never heard from writes their first line: a phone no chat of the
 * number has used, through the same inbound path as every simulated customer.
 */
export function newCustomerWrites(world: DemoWorld, phoneWid: string, random: Random, customer: { language: 'ar' | 'en'; name?: string }): { name: string; phone: string } {
  let digits = '';
  do digits = `9665${String(Math.floor(random() * 1e8)).padStart(8, '0')}`;
  while (world.messageCount(phoneWid, `${digits}@c.us`) > 0);
  const name = customer.name ?? pick(random, names[customer.language]);
  world.deliverInbound(phoneWid, { from: `+${digits}`, body: pick(random, openings[customer.language]), profileName: name });
  return { name, phone: `+${digits}` };
}
