import { formatMoney, type DigitStyle } from '../../../shared/money';
import type { PropertyView } from '../../../shared/properties/types';

type Language = 'ar' | 'en';

const words = {
  ar: { price: 'السعر', rent: 'الإيجار', yearly: 'سنويًا', monthly: 'شهريًا', area: 'المساحة', sqm: 'م²', bedrooms: 'غرف النوم', location: 'الموقع', licence: 'رقم ترخيص الإعلان (فال)', separator: '، ' },
  en: { price: 'Price', rent: 'Rent', yearly: 'a year', monthly: 'a month', area: 'Area', sqm: 'm²', bedrooms: 'Bedrooms', location: 'Location', licence: 'REGA advertising licence no.', separator: ', ' },
} as const;

const descriptionCap = 500;

/**
 * A property card's text in the customer's language: name, price (money display, per period when
 * for rent), area, bedrooms, district and city, the description, and the REGA advertising licence
 * number the advertising rules require on every ad.
 */
export function propertyCardCaption(property: PropertyView, language: Language, digits: DigitStyle): string {
  const w = words[language];
  const number = new Intl.NumberFormat(`${language}-u-nu-${digits}`, { maximumFractionDigits: 0 });
  const lines = [`*${property.name}*`];
  if (property.price !== null) {
    const amount = formatMoney(property.price, language, digits);
    lines.push(property.listing === 'rent' && property.rentPeriod ? `${w.rent}: ${amount} ${w[property.rentPeriod]}` : `${w.price}: ${amount}`);
  }
  if (property.area !== null) lines.push(`${w.area}: ${number.format(property.area)} ${w.sqm}`);
  if (property.bedrooms !== null) lines.push(`${w.bedrooms}: ${number.format(property.bedrooms)}`);
  const place = [property.district, property.city].filter((p): p is string => Boolean(p));
  if (place.length > 0) lines.push(`${w.location}: ${place.join(w.separator)}`);
  else if (property.location) lines.push(`${w.location}: ${property.location}`);
  const description = language === 'ar' ? property.descriptionAr : property.descriptionEn;
  if (description) lines.push('', description.length > descriptionCap ? `${description.slice(0, descriptionCap - 1)}…` : description);
  lines.push('', `${w.licence}: ${property.adLicenceNumber ?? ''}`);
  // Each line's direction follows its first strong letter (WhatsApp, our thread): in English an
  // Arabic name or district would turn the line right to left, so a left-to-right mark leads it.
  return language === 'en' ? lines.map((line) => (line ? `\u200E${line}` : line)).join('\n') : lines.join('\n');
}
