import type { PromotionView } from '../../../../shared/offers/types';
import type { PropertyInterestView } from '../../../../shared/properties/types';
import { variableKind } from '../../../../shared/templates/template-variables';
import type { ConversationView } from '../../../../shared/inbox/types';
import type { Language } from '../../i18n/dictionary';
import { formatAmount } from '../../../../shared/money';
import { officeDigits } from '../../format/office-digits';

/**
 * A picked day and a picked time are wall-clock values already (the agent picked them in the
 * office's terms), not moments: they are written out in UTC so no zone moves them.
 */
const dayFormats: Record<Language, Intl.DateTimeFormat> = {
  ar: new Intl.DateTimeFormat('ar-SA-u-nu-latn-ca-gregory', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }),
};
const timeFormats: Record<Language, Intl.DateTimeFormat> = {
  ar: new Intl.DateTimeFormat('ar-SA-u-nu-latn', { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { hour: 'numeric', minute: '2-digit', hour12: true, timeZone: 'UTC' }),
};

/** The customer reads the message in the template's language, whatever the agent's screen shows. */
export const messageLanguage = (content: string): Language => (/\p{Script=Arabic}/u.test(content) ? 'ar' : 'en');

/**
 * A picked value as the message says it: a day from the calendar ("2026-01-25") as "الأحد، 25 يناير",
 * a time ("16:00") as "4:00 م", in the office's zone; text as typed.
 */
export function spokenValue(name: string, raw: string, language: Language): string {
  const kind = variableKind(name);
  if (kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(raw)) return dayFormats[language].format(new Date(`${raw}T12:00:00Z`));
  if (kind === 'time' && /^\d{2}:\d{2}$/.test(raw)) return timeFormats[language].format(new Date(`2026-01-01T${raw}:00Z`));
  return raw;
}

export function spokenValues(values: Readonly<Record<string, string>>, language: Language): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([name, raw]) => [name, spokenValue(name, raw.trim(), language)]));
}

/** The property the customer is most likely asking about: the newest interest still open. */
export function likelyProperty(interests: readonly PropertyInterestView[]): PropertyInterestView['property'] | null {
  const open = interests.filter((i) => i.status !== 'not_interested').sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  return open[0]?.property ?? null;
}

/** What the composer knows before the agent types: the customer, the agent, the property of interest, the office's phone. */
export function prefilledValues(
  variables: readonly string[],
  context: { conversation: ConversationView; agentName: string | null; property: PropertyInterestView['property'] | null; language: Language; officePhone?: string },
): Record<string, string> {
  const { conversation, agentName, property, language, officePhone } = context;
  const known: Record<string, string | null | undefined> = {
    customer_name: conversation.contact.name,
    agent_name: agentName,
    // Settings → Office; the core fills it the same way when left blank.
    office_phone: officePhone || null,
    property_name: property?.name,
    location: property?.location,
    price: property?.price != null ? formatAmount(property.price, language, officeDigits()) : null,
  };
  return Object.fromEntries(variables.map((name) => [name, known[name] ?? '']));
}

/** A valid promotion's values as the fill step's fields take them: the details in the message's language, the last day as a calendar day. */
export function promotionFieldValues(promotion: PromotionView, language: Language): Record<string, string> {
  return { offer_details: language === 'en' ? (promotion.detailsEn ?? promotion.detailsAr) : promotion.detailsAr, expiry_date: promotion.validUntil };
}
