import { normalizeSearchText } from '../search-text';

export type VariableKind = 'text' | 'date' | 'time';

/**
 * The variables the office uses (seed 003's names, plus the agent's and the office's), each with
 * the Arabic name a template may be written with: `{{اسم_العميل}}` is `{{customer_name}}`.
 * The one table parse, fill and preview read; a template stores the English names.
 */
export const knownVariables = [
  { name: 'customer_name', arabic: 'اسم_العميل', kind: 'text' },
  { name: 'property_name', arabic: 'اسم_العقار', kind: 'text' },
  { name: 'appointment_date', arabic: 'موعد_المعاينة', kind: 'date' },
  { name: 'appointment_time', arabic: 'وقت_المعاينة', kind: 'time' },
  { name: 'location', arabic: 'الموقع', kind: 'text' },
  { name: 'price', arabic: 'السعر', kind: 'text' },
  { name: 'offer_details', arabic: 'تفاصيل_العرض', kind: 'text' },
  { name: 'expiry_date', arabic: 'تاريخ_انتهاء_العرض', kind: 'date' },
  { name: 'contact_number', arabic: 'رقم_التواصل', kind: 'text' },
  { name: 'agent_name', arabic: 'اسم_الموظف', kind: 'text' },
  { name: 'office_phone', arabic: 'هاتف_المكتب', kind: 'text' },
] as const satisfies readonly { name: string; arabic: string; kind: VariableKind }[];

export type KnownVariable = (typeof knownVariables)[number]['name'];

/** Arabic names compare as search does: with or without tashkeel, any hamza form, ة or ه alike. */
const byArabic = new Map<string, KnownVariable>(knownVariables.map((v) => [normalizeSearchText(v.arabic), v.name]));
const byName = new Map<string, (typeof knownVariables)[number]>(knownVariables.map((v) => [v.name, v]));

/** The English name of a variable written in Arabic; any other name as it is. */
export function canonicalVariable(name: string): string {
  return byArabic.get(normalizeSearchText(name)) ?? name;
}

/** What kind of value a variable takes (a day, a time or text): the composer picks the field. */
export function variableKind(name: string): VariableKind {
  return byName.get(canonicalVariable(name))?.kind ?? 'text';
}

/** The name to type in a template, in the UI's language. */
export function variableToken(name: KnownVariable, language: 'ar' | 'en'): string {
  return `{{${language === 'ar' ? byName.get(name)!.arabic : name}}}`;
}
