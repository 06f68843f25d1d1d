import type { Language } from '../../i18n/dictionary';

/**
 * Dates on the calendar. Office days arrive from the core as YYYY-MM-DD (already in the office's
 * zone), so day arithmetic here is plain calendar arithmetic in UTC and no zone can shift a day;
 * instants are formatted in the office's zone the core names, never the browser's.
 */

/** Which calendars a date is shown in. The office-settings display choice plugs in here. */
export type DateDisplay = 'gregorian' | 'hijri' | 'both';
/** Until the office's display setting lands: Gregorian with the Hijri (Umm al-Qura) date beside it. */
export const defaultDateDisplay: DateDisplay = 'both';

const dayMs = 86_400_000;
const toUtc = (date: string) => Date.parse(`${date}T12:00:00Z`);
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function addDays(date: string, days: number): string {
  return fromUtc(toUtc(date) + days * dayMs);
}

/** The same day of another month, clamped to its length (31 January + 1 month → 28 February). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return fromUtc(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last), 12));
}

const locales: Record<Language, string> = { ar: 'ar-SA-u-nu-latn', en: 'en-GB' };
/** The language's locale with a calendar: Latin digits in Arabic, as the rest of the app. */
const withCalendar = (language: Language, calendar: 'gregory' | 'islamic-umalqura') => (language === 'ar' ? `ar-SA-u-ca-${calendar}-nu-latn` : `en-GB-u-ca-${calendar}`);
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(key: string, locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(locale, options)));
  return f;
}

const styleOptions: Record<'short' | 'medium' | 'long', Intl.DateTimeFormatOptions> = {
  short: { day: 'numeric', month: 'short' },
  medium: { day: 'numeric', month: 'long', year: 'numeric' },
  long: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
};

export interface DateLabel {
  /** The date as the display setting asks (e.g. «الخميس 26 نوفمبر 2026 · 16 جمادى الآخرة 1448 هـ»). */
  text: string;
  gregorian: string;
  hijri: string;
}

/**
 * An office day in Gregorian and Hijri (Umm al-Qura, the Saudi civil calendar), as `display`
 * asks. `style` short leaves out the weekday and year (day cells), long has both (headings).
 */
export function formatOfficeDate(date: string, language: Language, display: DateDisplay = defaultDateDisplay, style: 'short' | 'medium' | 'long' = 'long'): DateLabel {
  const at = toUtc(date);
  const gOptions = styleOptions[style];
  const hOptions: Intl.DateTimeFormatOptions = style === 'short' ? styleOptions.short : styleOptions.medium;
  const gregorian = formatter(`g:${language}:${style}`, withCalendar(language, 'gregory'), { timeZone: 'UTC', ...gOptions }).format(at);
  const hijri = formatter(`h:${language}:${style}`, withCalendar(language, 'islamic-umalqura'), { timeZone: 'UTC', ...hOptions }).format(at);
  const text = display === 'gregorian' ? gregorian : display === 'hijri' ? hijri : `${gregorian} · ${hijri}`;
  return { text, gregorian, hijri };
}

/** A weekday's name (Sunday = 0), short for column heads. */
export function weekdayName(weekday: number, language: Language, style: 'short' | 'long' = 'short'): string {
  // 2026-11-22 was a Sunday.
  return formatter(`w:${language}:${style}`, locales[language], { timeZone: 'UTC', weekday: style }).format(toUtc(addDays('2026-11-22', weekday)));
}

/**
 * A month heading: the Gregorian month with every Hijri month it touches, since a Gregorian month
 * nearly always spans two (e.g. «نوفمبر 2026 · جمادى الأولى – جمادى الآخرة 1448 هـ»); the year is
 * written once unless the Hijri year turns within the month.
 */
export function formatMonth(date: string, language: Language, display: DateDisplay = defaultDateDisplay): string {
  const at = toUtc(date);
  const gregorian = formatter(`m:${language}`, withCalendar(language, 'gregory'), { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(at);
  const hijri = hijriMonths(date, language);
  return display === 'gregorian' ? gregorian : display === 'hijri' ? hijri : `${gregorian} · ${hijri}`;
}

function hijriMonths(date: string, language: Language): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const first = Date.UTC(y, m - 1, 1, 12);
  const last = Date.UTC(y, m, 0, 12);
  const full = formatter(`hm:${language}`, withCalendar(language, 'islamic-umalqura'), { timeZone: 'UTC', month: 'long', year: 'numeric' });
  const monthOnly = formatter(`hmo:${language}`, withCalendar(language, 'islamic-umalqura'), { timeZone: 'UTC', month: 'long' });
  const yearOf = (ms: number) => full.formatToParts(ms).find((p) => p.type === 'year')?.value;
  const endText = full.format(last);
  if (full.format(first) === endText) return endText;
  return `${yearOf(first) === yearOf(last) ? monthOnly.format(first) : full.format(first)} – ${endText}`;
}

/** Minutes from midnight as HH:MM (a night shift's 1500 is 01:00). */
export function clockText(minutes: number): string {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

export function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** An instant's office wall clock time (HH:MM), in the office's zone. */
export function officeClock(iso: string, timeZone: string): string {
  return formatter(`c:${timeZone}`, 'en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}
