import type { ContactPreferences } from '../../../shared/contacts/preferences';
import type { ImportProblemCode } from '../../../shared/contacts/types';
import { moneyFieldText, parseMoney } from '../../../shared/money';
import { propertyTypes, type PropertyType } from '../../../shared/properties/types';
import { normalizeSearchText } from '../../../shared/search-text';

/** Property types as a spreadsheet writes them, Arabic or English (compared normalised). */
const typeNames: Record<PropertyType, { ar: string; en: string; more: string[] }> = {
  apartment: { ar: 'شقة', en: 'Apartment', more: ['flat', 'شقه'] },
  villa: { ar: 'فيلا', en: 'Villa', more: ['فيلّا', 'فله'] },
  land: { ar: 'أرض', en: 'Land', more: ['plot'] },
  office: { ar: 'مكتب', en: 'Office', more: [] },
  shop: { ar: 'محل', en: 'Shop', more: ['store', 'معرض'] },
  building: { ar: 'عمارة', en: 'Building', more: ['عماره'] },
};
const byName = new Map<string, PropertyType>();
for (const type of propertyTypes) {
  const names = typeNames[type];
  for (const name of [type, names.ar, names.en, ...names.more]) byName.set(normalizeSearchText(name).trim(), type);
}

/** A list in one cell: commas (Latin or Arabic), semicolons or slashes between items. */
const items = (cell: string) => cell.split(/[,،;؛/]/).map((s) => s.trim()).filter((s) => s.length > 0);

export type PreferenceField = keyof ContactPreferences;

/** One preference cell read as the contact form reads it; an empty cell is "not in the file". */
export function readPreferenceCell(field: PreferenceField, cell: string): { value: ContactPreferences[PreferenceField] } | { problem: ImportProblemCode } | null {
  const text = cell.trim();
  if (!text) return null;
  switch (field) {
    case 'budgetMin':
    case 'budgetMax': {
      const parsed = parseMoney(text);
      return parsed.ok ? { value: parsed.halalas } : { problem: 'invalid_amount' };
    }
    case 'city':
      return text.length > 100 ? { problem: 'text_too_long' } : { value: text };
    case 'districts': {
      const list = [...new Set(items(text))];
      return list.some((d) => d.length > 100) || list.length > 30 ? { problem: 'text_too_long' } : { value: list };
    }
    case 'propertyTypes': {
      const types = items(text).map((name) => byName.get(normalizeSearchText(name).trim()));
      return types.some((t) => t === undefined) ? { problem: 'invalid_property_type' } : { value: [...new Set(types as PropertyType[])] };
    }
    case 'bedrooms': {
      const n = Number(text.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660)));
      return Number.isInteger(n) && n >= 0 && n <= 50 ? { value: n } : { problem: 'invalid_bedrooms' };
    }
  }
}

/** The preference cells of an export row, in `preferenceFields` order, in the user's language. */
export function preferenceCells(p: ContactPreferences, language: 'ar' | 'en'): string[] {
  return [
    p.budgetMin === null ? '' : moneyFieldText(p.budgetMin),
    p.budgetMax === null ? '' : moneyFieldText(p.budgetMax),
    p.city ?? '',
    p.districts.join('، '),
    p.propertyTypes.map((t) => typeNames[t][language]).join('، '),
    p.bedrooms === null ? '' : String(p.bedrooms),
  ];
}

export const preferenceFields = ['budgetMin', 'budgetMax', 'city', 'districts', 'propertyTypes', 'bedrooms'] as const satisfies readonly PreferenceField[];

export const preferenceHeaders = {
  ar: ['الميزانية من', 'الميزانية إلى', 'المدينة المفضلة', 'الأحياء المفضلة', 'أنواع العقار', 'غرف النوم (حد أدنى)'],
  en: ['Budget from', 'Budget to', 'Preferred city', 'Preferred districts', 'Property types', 'Bedrooms (min)'],
} as const;
