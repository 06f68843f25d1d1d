import type { ApiError } from '../../../../shared/errors';
import { formatMoney } from '../../../../shared/money';
import type { OfferStatus } from '../../../../shared/offers/types';
import type { BadgeTone } from '../../components/Badge';
import { officeDigits } from '../../format/office-digits';
import type { Language } from '../../i18n/dictionary';
import { describeError } from '../../i18n/errors';
import type { Translate } from '../../i18n/translate';

export const offerStatusTone: Record<OfferStatus, BadgeTone> = { submitted: 'blue', countered: 'amber', accepted: 'green', rejected: 'red', withdrawn: 'gray', expired: 'gray' };

/** Halalas as "1,500,000.00 ر.س" / "SAR 1,500,000.00", in the office's digits. */
export function money(amount: number, language: Language): string {
  return formatMoney(amount, language, officeDigits());
}

const dayFormats: Record<Language, Intl.DateTimeFormat> = {
  ar: new Intl.DateTimeFormat('ar-SA-u-nu-latn-ca-gregory', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

/** An office day (YYYY-MM-DD) as words: a calendar day has no zone, so it is read at UTC noon. */
export function officeDayText(day: string, language: Language): string {
  return dayFormats[language].format(new Date(`${day}T12:00:00Z`));
}

/** YYYY-MM-DD `days` after `day`. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A failed action's words: the reason, or the field details when there is no form to put them under. */
export function actionErrorText(t: Translate, error: ApiError): string {
  const described = describeError(t, error);
  return described.formMessage ?? Object.values(described.fields).join(' ');
}
