import type { PropertyInterestStatus } from '../../../../shared/domain';
import { formatMoney } from '../../../../shared/money';
import type { PropertyListing, PropertyStatus, PropertyType, PropertyView, RentPeriod } from '../../../../shared/properties/types';
import { formatDate, officeDay } from '../../format/dates';
import { officeDigits } from '../../format/office-digits';
import type { BadgeTone } from '../../components/Badge';
import type { IconName } from '../../components/icons';
import { arabicLocale } from '../../format/dates';
import type { Language } from '../../i18n/dictionary';
import type { Translate } from '../../i18n/translate';

export const typeLabel = (t: Translate, type: PropertyType): string => t(`propertyType.${type}`);
export const listingLabel = (t: Translate, listing: PropertyListing): string => t(`properties.listing.${listing}`);
export const statusLabel = (t: Translate, status: PropertyStatus): string => t(`properties.status.${status}`);
export const interestLabel = (t: Translate, status: PropertyInterestStatus): string => t(`interests.status.${status}`);

export const typeIcon: Record<PropertyType, IconName> = {
  apartment: 'apartment',
  villa: 'villa',
  land: 'land',
  office: 'office',
  shop: 'shop',
  building: 'building',
};

/** Still on offer reads green; taken (reserved) amber; gone (sold, rented) grey. */
export const statusTone: Record<PropertyStatus, BadgeTone> = { available: 'green', reserved: 'amber', sold: 'gray', rented: 'blue', off_market: 'gray' };

export const interestTone: Record<PropertyInterestStatus, BadgeTone> = { interested: 'blue', viewing_scheduled: 'amber', offer_made: 'green', not_interested: 'gray' };

/** Whole numbers with grouping, Latin digits in Arabic as the rest of the app writes numbers. */
export function formatWhole(language: Language, value: number): string {
  return new Intl.NumberFormat(language === 'ar' ? arabicLocale : 'en', { maximumFractionDigits: 0 }).format(value);
}

/** Halalas as money: «950,000.00 ر.س» / «SAR 950,000.00», per the office's digits; a rent says its period. */
export function formatPrice(t: Translate, language: Language, price: number, rent?: { listing: PropertyListing; rentPeriod: RentPeriod | null }): string {
  const money = formatMoney(price, language, officeDigits());
  return rent?.listing === 'rent' && rent.rentPeriod ? t(`properties.perPeriod.${rent.rentPeriod}`, { price: money }) : money;
}

export function formatArea(t: Translate, language: Language, area: number): string {
  return t('properties.area', { area: formatWhole(language, area) });
}

/** Interested, with a viewing or with an offer: everyone but those who said no. */
export function interestedCount(counts: Record<PropertyInterestStatus, number>): number {
  return counts.interested + counts.viewing_scheduled + counts.offer_made;
}

export function interestTotal(counts: Record<PropertyInterestStatus, number>): number {
  return interestedCount(counts) + counts.not_interested;
}

/**
 * The REGA advertising licence as the card shows it. Valid means present and not past its last day
 * (compared on the office's calendar day; the core decides when a card is sent).
 */
export function licenceState(t: Translate, language: Language, property: Pick<PropertyView, 'adLicenceNumber' | 'adLicenceExpiry'>): { valid: boolean; text: string } {
  const { adLicenceNumber: number, adLicenceExpiry: expiry } = property;
  if (!number || !expiry) return { valid: false, text: t('properties.licenceMissing') };
  const date = formatDate(`${expiry}T12:00:00Z`, language);
  if (expiry < officeDay(new Date())) return { valid: false, text: t('properties.licenceExpired', { date }) };
  return { valid: true, text: t('properties.licenceUntil', { number, date }) };
}
