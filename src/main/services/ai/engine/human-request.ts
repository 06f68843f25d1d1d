import { normalizeSearchText } from '../../../../shared/search-text';

/**
 * A customer asking for a person, in Arabic (Gulf and standard) or English. Matched on the
 * normalised text (hamza forms, ta marbuta, tashkeel and case do not matter), as phrases.
 */
const phrases = [
  // Arabic: "I want to talk to an employee / a person / customer service".
  'ابي اكلم موظف',
  'ابغى اكلم موظف',
  'ابغي اكلم موظف',
  'ابي اكلم احد',
  'ابغى اكلم احد',
  'ابي موظف',
  'ابغى موظف',
  'اريد التحدث مع موظف',
  'اريد التحدث الى موظف',
  'اريد موظف',
  'اريد التكلم مع موظف',
  'كلموني موظف',
  'خدمه العملاء',
  'موظف حقيقي',
  'انسان حقيقي',
  'شخص حقيقي',
  'مو روبوت',
  'ابي اكلم شخص',
  // English.
  'human please',
  'talk to a human',
  'speak to a human',
  'talk to a person',
  'speak to a person',
  'real person',
  'a human',
  'talk to someone',
  'speak to someone',
  'customer service',
  'an agent',
  'talk to an agent',
  'speak to an agent',
].map((p) => normalizeSearchText(p));

const squash = (text: string) => ` ${normalizeSearchText(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
const padded = phrases.map((p) => ` ${p} `);

export function asksForPerson(text: string): boolean {
  const t = squash(text);
  return padded.some((p) => t.includes(p));
}
