import type Database from 'better-sqlite3';
import { triggerVariables, type AutomationTrigger } from '../../../../shared/automation/types';
import type { OfficeCalendarKind, OfficeDigits } from '../../../../shared/office/types';
import { fillTemplate, missingVariables } from '../../../../shared/templates/template-text';
import { formatAmount } from '../../../../shared/money';
import { officeTimeZoneOf } from '../../../base/office-day';
import { OfficeSettingsStore } from '../../office/office-settings-store';

/**
 * A job's template variables, filled when it is sent (issue 15 "Variables filled at send time"),
 * and by the rules' preview with a real conversation's values: one reading for both, so the
 * preview shows what the customer will get. A value that cannot be found is left out: the job
 * is then skipped (`variable_missing`), never sent with a literal `{{price}}`.
 */

/** What a job is about: the conversation and contact, and the viewing or property when it has one. */
export interface JobSubject {
  trigger: AutomationTrigger;
  conversationId: number | null;
  contactId: number;
  viewingId?: number | null;
  propertyId?: number | null;
  /** What the trigger knew; `price` (halalas) is the price a `price_change` announces. */
  context?: Record<string, unknown> | null;
}

/** The office's side of every message: its zone, digits and calendar, and its own values (office phone). */
export interface VariableSettings {
  timeZone: string;
  digits: OfficeDigits;
  calendar: OfficeCalendarKind;
  office: Readonly<Record<string, string>>;
}

export type MessageLanguage = 'ar' | 'en';

/** The subject's contact and conversation when the caller read them already (a batch of jobs reads them all at once). */
export interface KnownSubject {
  contact: Pick<SubjectRow, 'customer_name' | 'customer_phone'> | undefined;
  conversation: Pick<SubjectRow, 'agent_name' | 'number_phone'> | undefined;
}

/** Reads the settings once (a batch of jobs shares them). */
export function variableSettingsOf(sqlite: Database.Database, officeValues: () => Record<string, string>): VariableSettings {
  const { display } = new OfficeSettingsStore(sqlite, () => 0).read();
  return { timeZone: officeTimeZoneOf(sqlite), digits: display.digits, calendar: display.calendar, office: officeValues() };
}

/** A template written in Arabic is filled in Arabic (prices in ريال, Arabic month names), otherwise in English. */
export function templateLanguage(content: string): MessageLanguage {
  return /\p{Script=Arabic}/u.test(content) ? 'ar' : 'en';
}

interface SubjectRow {
  customer_name: string | null;
  customer_phone: string | null;
  agent_name: string | null;
  number_phone: string | null;
}
interface PropertyRow {
  name: string;
  location: string | null;
  city: string | null;
  district: string | null;
  price: number | null;
}
interface ViewingRow {
  start_at: number;
  property_id: number;
  agent_name: string | null;
}

export class JobVariables {
  private readonly q;

  constructor(sqlite: Database.Database) {
    this.q = {
      contact: sqlite.prepare<[number], Pick<SubjectRow, 'customer_name' | 'customer_phone'>>('select name as customer_name, phone as customer_phone from contacts where id = ?'),
      conversation: sqlite.prepare<[number], Omit<SubjectRow, 'customer_name' | 'customer_phone'>>(
        `select u.name as agent_name, n.phone_number as number_phone
         from conversations c join whatsapp_numbers n on n.id = c.whatsapp_number_id left join users u on u.id = c.assigned_agent_id
         where c.id = ?`,
      ),
      property: sqlite.prepare<[number], PropertyRow>('select name, location, city, district, price from properties where id = ?'),
      viewing: sqlite.prepare<[number], ViewingRow>('select v.start_at, v.property_id, u.name as agent_name from viewings v left join users u on u.id = v.agent_id where v.id = ?'),
    };
  }

  /**
   * The values this job can give its template, in `language`: only the trigger's variables
   * (`triggerVariables`), and only those with a non-blank value.
   */
  values(subject: JobSubject, language: MessageLanguage, settings: VariableSettings, content = '', known?: KnownSubject): Record<string, string> {
    const allowed = new Set(triggerVariables[subject.trigger]);
    const values: Record<string, string> = {};
    const put = (name: string, value: string | null | undefined) => {
      if (allowed.has(name) && value != null && value.trim() !== '') values[name] = value.trim();
    };
    const contact = known ? known.contact : this.q.contact.get(subject.contactId);
    const conversation = known ? known.conversation : subject.conversationId === null ? undefined : this.q.conversation.get(subject.conversationId);
    const viewing = subject.viewingId ? this.q.viewing.get(subject.viewingId) : undefined;
    put('customer_name', contact?.customer_name);
    // "Call us on {{contact_number}}" (seed 003's templates): the number the customer wrote to, else the office's phone.
    put('contact_number', conversation?.number_phone ?? settings.office.office_phone);
    // A reminder names the viewing's agent; anything else the conversation's.
    put('agent_name', viewing?.agent_name ?? conversation?.agent_name);
    put('office_phone', settings.office.office_phone);

    const propertyId = subject.propertyId ?? viewing?.property_id ?? null;
    const property = propertyId === null ? undefined : this.q.property.get(propertyId);
    if (property) {
      put('property_name', property.name);
      put('location', property.location ?? ([property.district, property.city].filter(Boolean).join(language === 'ar' ? '، ' : ', ') || null));
      // A price change announces the price it was armed with (the latest of a collapsed run).
      const announced = subject.trigger === 'price_change' ? priceOf(subject.context) : null;
      const price = announced ?? property.price;
      if (price !== null) put('price', spokenPrice(price, language, settings.digits, content));
    }
    if (viewing) {
      put('appointment_date', appointmentDate(viewing.start_at, language, settings));
      put('appointment_time', appointmentTime(viewing.start_at, language, settings));
    }
    return values;
  }

  /** The template filled for this job, or the variables it lacks (then nothing may be sent). */
  fill(
    template: { content: string; variables: readonly string[]; language?: MessageLanguage },
    subject: JobSubject,
    settings: VariableSettings,
    known?: KnownSubject,
  ): { text: string; missing: string[] } {
    const language = template.language ?? templateLanguage(template.content);
    const values = this.values(subject, language, settings, template.content, known);
    const missing = missingVariables(template.variables, values);
    const text = fillTemplate(template.content, values);
    // The stored list comes from the content; a name in the content but not the list still must not leak.
    const leftover = [...text.matchAll(/\{\{\s*([\p{L}\p{N}_]+)\s*\}\}/gu)].map((m) => m[1]!);
    const all = [...new Set([...missing, ...leftover])];
    return { text: all.length === 0 ? text : '', missing: all };
  }
}

function priceOf(context: Record<string, unknown> | null | undefined): number | null {
  const price = context?.price;
  return typeof price === 'number' && Number.isInteger(price) && price >= 0 ? price : null;
}

/**
 * halalas → "1,500,000 ريال" / "SAR 1,500,000": grouped, whole riyals unless there are halalas.
 * A template that already writes the currency next to the placeholder ("{{price}} ريال", seed
 * 003's property-match template) gets the figure alone, never "ريال ريال".
 */
export function spokenPrice(halalas: number, language: MessageLanguage, digits: OfficeDigits, content = ''): string {
  const figure = halalas % 100 === 0 ? wholeRiyals(halalas / 100, language, digits) : formatAmount(halalas, language, digits);
  const currencyAfter = /\{\{\s*(?:price|السعر)\s*\}\}\s*(?:ريال|ر\.س|SAR|SR|riyals?)/iu.test(content);
  const currencyBefore = /(?:ريال|ر\.س|SAR|SR)\s*\{\{\s*(?:price|السعر)\s*\}\}/iu.test(content);
  if (currencyAfter || currencyBefore) return figure;
  return language === 'ar' ? `${figure} ريال` : `SAR ${figure}`;
}

const riyalFormats = new Map<string, Intl.NumberFormat>();
function wholeRiyals(riyals: number, language: MessageLanguage, digits: OfficeDigits): string {
  const locale = `${language}-u-nu-${digits}`;
  let found = riyalFormats.get(locale);
  if (!found) {
    found = new Intl.NumberFormat(locale, { maximumFractionDigits: 0, useGrouping: true });
    riyalFormats.set(locale, found);
  }
  return found.format(riyals);
}

const formats = new Map<string, Intl.DateTimeFormat>();
function format(language: MessageLanguage, digits: OfficeDigits, calendar: 'gregory' | 'islamic-umalqura', timeZone: string, style: 'date' | 'time'): Intl.DateTimeFormat {
  const key = `${language}|${digits}|${calendar}|${timeZone}|${style}`;
  let found = formats.get(key);
  if (!found) {
    const locale = `${language === 'ar' ? 'ar-SA' : 'en-GB'}-u-ca-${calendar}-nu-${digits}`;
    const options: Intl.DateTimeFormatOptions =
      style === 'time' ? { hour: 'numeric', minute: '2-digit' } : { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' };
    found = new Intl.DateTimeFormat(locale, { timeZone, ...options });
    formats.set(key, found);
  }
  return found;
}

/** A viewing's day as the message says it: in the office's zone and calendar (Hijri beside Gregorian when the office shows both). */
export function appointmentDate(startAt: number, language: MessageLanguage, settings: Pick<VariableSettings, 'timeZone' | 'digits' | 'calendar'>): string {
  const at = new Date(startAt);
  const { timeZone, digits, calendar } = settings;
  if (calendar === 'both') return `${format(language, digits, 'gregory', timeZone, 'date').format(at)} (${format(language, digits, 'islamic-umalqura', timeZone, 'date').format(at)})`;
  return format(language, digits, calendar, timeZone, 'date').format(at);
}

/** A viewing's time in the office's zone ("4:30 م" / "4:30 pm"). */
export function appointmentTime(startAt: number, language: MessageLanguage, settings: Pick<VariableSettings, 'timeZone' | 'digits'>): string {
  return format(language, settings.digits, 'gregory', settings.timeZone, 'time').format(new Date(startAt));
}
