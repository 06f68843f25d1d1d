import { contactFields, maxTagLength, maxTags, normalizeTags, isCalendarDay, type ContactField, type ImportMapping, type ImportProblem } from '../../../shared/contacts/types';
import { email as emailSchema } from '../../../shared/fields';
import { normalizeSearchText } from '../../../shared/search-text';
import { normalizePhone } from '../../base/phone';
import type { ContactPreferences } from '../../../shared/contacts/preferences';
import { preferenceFields, readPreferenceCell } from './preference-cells';

/** How spreadsheets in this office title their columns, in Arabic and English (compared normalised). */
const headerNames: Record<ContactField, string[]> = {
  name: ['name', 'full name', 'contact name', 'customer name', 'client name', 'customer', 'client', 'الاسم', 'اسم', 'الاسم الكامل', 'اسم العميل', 'العميل', 'اسم جهة الاتصال'],
  phone: ['phone', 'phone number', 'mobile', 'mobile number', 'mobile phone', 'cell', 'tel', 'telephone', 'whatsapp', 'whatsapp number', 'number', 'الجوال', 'جوال', 'رقم الجوال', 'الهاتف', 'هاتف', 'رقم الهاتف', 'الرقم', 'رقم', 'الموبايل', 'موبايل', 'واتساب', 'رقم الواتساب', 'رقم واتساب'],
  email: ['email', 'e-mail', 'mail', 'email address', 'البريد', 'البريد الإلكتروني', 'البريد الالكتروني', 'بريد', 'الإيميل', 'ايميل'],
  tags: ['tags', 'tag', 'labels', 'label', 'categories', 'category', 'groups', 'group', 'الوسوم', 'وسوم', 'الوسم', 'التصنيفات', 'التصنيف', 'تصنيف', 'الفئة', 'الفئات', 'المجموعة'],
  followUpDate: ['follow up', 'follow-up', 'follow up date', 'follow-up date', 'followup', 'followup date', 'next follow up', 'تاريخ المتابعة', 'المتابعة', 'موعد المتابعة', 'متابعة'],
  budgetMin: ['budget from', 'budget min', 'min budget', 'minimum budget', 'الميزانية من', 'أقل ميزانية', 'الحد الأدنى للميزانية'],
  budgetMax: ['budget to', 'budget max', 'max budget', 'maximum budget', 'budget', 'الميزانية إلى', 'الميزانية', 'أعلى ميزانية', 'الحد الأعلى للميزانية'],
  city: ['city', 'preferred city', 'المدينة', 'المدينة المفضلة', 'مدينة'],
  districts: ['districts', 'district', 'preferred districts', 'neighbourhood', 'neighborhood', 'الأحياء', 'الأحياء المفضلة', 'الحي', 'حي'],
  propertyTypes: ['property types', 'property type', 'types', 'type', 'أنواع العقار', 'نوع العقار', 'النوع'],
  bedrooms: ['bedrooms', 'bedrooms (min)', 'rooms', 'غرف النوم', 'غرف النوم (حد أدنى)', 'عدد الغرف', 'الغرف'],
};
/** Words that give a column away when the title is longer ("رقم جوال العميل", "Customer e-mail"). */
const headerHints: [ContactField, string[]][] = [
  ['email', ['mail', 'بريد', 'ايميل']],
  ['phone', ['phone', 'mobile', 'جوال', 'هاتف', 'موبايل', 'واتساب', 'whatsapp']],
  ['followUpDate', ['follow', 'متابعه']],
  ['tags', ['tag', 'وسم', 'وسوم', 'تصنيف']],
  ['name', ['name', 'اسم']],
];

const squash = (text: string) => normalizeSearchText(text).replace(/[^\p{L}\p{N}]+/gu, '');
const exact = new Map<string, ContactField>();
for (const field of contactFields) for (const title of headerNames[field]) exact.set(squash(title), field);

/** Each field to the first column whose title names it: exact titles first, then telling words. */
export function guessMapping(columns: readonly string[]): ImportMapping {
  const mapping: ImportMapping = {};
  const taken = new Set<number>();
  columns.forEach((title, index) => {
    const field = exact.get(squash(title));
    if (field && mapping[field] === undefined) {
      mapping[field] = index;
      taken.add(index);
    }
  });
  columns.forEach((title, index) => {
    if (taken.has(index)) return;
    const normalized = normalizeSearchText(title);
    const hit = headerHints.find(([field, words]) => mapping[field] === undefined && words.some((w) => normalized.includes(w)));
    if (hit) {
      mapping[hit[0]] = index;
      taken.add(index);
    }
  });
  return mapping;
}

export interface ContactValues {
  name: string | null;
  phone: string | null;
  email: string | null;
  tags: string[];
  followUpDate: string | null;
  /** Only the preferences the file has a value for: an update keeps the others. */
  preferences: Partial<ContactPreferences>;
}

/** A row read through the mapping: the values, or why it cannot be imported. */
export interface ReadRow {
  row: number;
  values: ContactValues;
  problems: ImportProblem[];
}

/** Strips the guard an export puts before text a spreadsheet would run as a formula. */
export function unguardFormula(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

const latinDigits = (text: string) => text.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660)).replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0));

/** A day as spreadsheets write it: 2026-01-30, 2026/1/30, 30/01/2026, or an ISO time. */
export function readDay(raw: string): string | null {
  const text = latinDigits(raw.trim());
  let match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?$/.exec(text);
  let day: string | null = null;
  if (match) day = `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`;
  match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  if (match) day = `${match[3]}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}`;
  return day && isCalendarDay(day) ? day : null;
}

const cell = (cells: readonly string[], index: number | null | undefined): string => (index == null ? '' : unguardFormula((cells[index] ?? '').trim()));

/** One CSV row through the mapping, each value checked as the create form checks it. */
export function readRow(row: number, cells: readonly string[], mapping: ImportMapping): ReadRow {
  const problems: ImportProblem[] = [];
  const problem = (field: ContactField, code: ImportProblem['code']) => problems.push({ row, field, code });

  const name = cell(cells, mapping.name) || null;
  if (name && name.length > 100) problem('name', 'name_too_long');

  const rawPhone = cell(cells, mapping.phone);
  let phone: string | null = null;
  if (!rawPhone) problem('phone', 'phone_required');
  else {
    phone = normalizePhone(latinDigits(rawPhone).replace(/[\p{Cf}]/gu, ''));
    if (!phone) problem('phone', 'invalid_phone');
  }

  const rawEmail = cell(cells, mapping.email);
  let email: string | null = null;
  if (rawEmail) {
    const parsed = emailSchema.safeParse(rawEmail);
    if (parsed.success) email = parsed.data;
    else problem('email', 'invalid_email');
  }

  const tags = normalizeTags([cell(cells, mapping.tags)]);
  if (tags.some((t) => t.length > maxTagLength)) problem('tags', 'tag_too_long');
  else if (tags.length > maxTags) problem('tags', 'too_many_tags');

  const rawDay = cell(cells, mapping.followUpDate);
  const followUpDate = rawDay ? readDay(rawDay) : null;
  if (rawDay && !followUpDate) problem('followUpDate', 'invalid_date');

  const preferences: Partial<ContactPreferences> = {};
  for (const field of preferenceFields) {
    const read = readPreferenceCell(field, cell(cells, mapping[field]));
    if (!read) continue;
    if ('problem' in read) problem(field, read.problem);
    else Object.assign(preferences, { [field]: read.value });
  }
  if (preferences.budgetMin != null && preferences.budgetMax != null && preferences.budgetMax < preferences.budgetMin) problem('budgetMax', 'budget_range');

  return { row, values: { name, phone, email, tags, followUpDate, preferences }, problems };
}
