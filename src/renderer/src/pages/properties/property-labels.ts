import type { PropertyInterestStatus } from '../../../../shared/domain';
import type { PropertyStatus, PropertyType } from '../../../../shared/properties/types';
import type { BadgeTone } from '../../components/Badge';
import type { IconName } from '../../components/icons';
import { arabicLocale } from '../../format/dates';
import type { Language } from '../../i18n/dictionary';
import type { Translate } from '../../i18n/translate';

export const typeLabel = (t: Translate, type: PropertyType): string => t(`propertyType.${type}`);
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
export const statusTone: Record<PropertyStatus, BadgeTone> = { available: 'green', reserved: 'amber', sold: 'gray', rented: 'blue' };

export const interestTone: Record<PropertyInterestStatus, BadgeTone> = { interested: 'blue', viewing_scheduled: 'amber', offer_made: 'green', not_interested: 'gray' };

/** Whole numbers with grouping, Latin digits in Arabic as the rest of the app writes numbers. */
export function formatWhole(language: Language, value: number): string {
  return new Intl.NumberFormat(language === 'ar' ? arabicLocale : 'en', { maximumFractionDigits: 0 }).format(value);
}

/** Whole riyals: «950,000 ر.س» / «SAR 950,000». */
export function formatPrice(t: Translate, language: Language, price: number): string {
  return t('interests.price', { price: formatWhole(language, price) });
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
