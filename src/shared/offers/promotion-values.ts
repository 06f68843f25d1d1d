import type { PromotionView } from './types';

/** Seed 003's promotion template's variables a valid promotion fills. */
export const promotionVariables = ['offer_details', 'expiry_date'] as const;

const dayFormats = {
  ar: new Intl.DateTimeFormat('ar-SA-u-nu-latn-ca-gregory', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

/** An office day (YYYY-MM-DD) as a message says it; a calendar day has no zone, so it is read at UTC noon. */
export function spokenDay(day: string, language: 'ar' | 'en'): string {
  return dayFormats[language].format(new Date(`${day}T12:00:00Z`));
}

/**
 * What the promotion puts in `{{offer_details}}` and `{{expiry_date}}`, in the message's
 * language (English details fall back to the Arabic ones).
 */
export function promotionValues(promotion: PromotionView, language: 'ar' | 'en'): Record<(typeof promotionVariables)[number], string> {
  return {
    offer_details: language === 'en' ? (promotion.detailsEn ?? promotion.detailsAr) : promotion.detailsAr,
    expiry_date: spokenDay(promotion.validUntil, language),
  };
}
