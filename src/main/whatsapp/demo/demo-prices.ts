/** A catalogue property as the demo's answers quote it: read from the properties table. */
export interface QuotedProperty {
  /** Halalas. */
  price: number | null;
  area: number | null;
  bedrooms: number | null;
}

/**
 * Fills `{price}`, `{area}` and `{bedrooms}` in an agent's answer from the property's stored row,
 * the way an agent says them: «٩٥٠ ألف ريال», «3.2M SAR».
 */
export function quoteProperty(text: string, property: QuotedProperty, language: 'ar' | 'en'): string {
  const values: Record<string, string> = {
    price: property.price === null ? '' : sayPrice(property.price, language),
    area: property.area === null ? '' : sayNumber(property.area, language),
    bedrooms: property.bedrooms === null ? '' : sayNumber(property.bedrooms, language),
  };
  return text.replace(/\{(price|area|bedrooms)\}/g, (_, key: string) => values[key] ?? '');
}

/** `halalas` → «٩٥٠ ألف ريال» / «950k SAR», in whole riyals as an agent says it. */
export function sayPrice(halalas: number, language: 'ar' | 'en'): string {
  const price = halalas / 100;
  if (language === 'ar') {
    if (price >= 1_000_000) return `${sayNumber(price / 1_000_000, 'ar')} مليون ريال`;
    if (price >= 1000) return `${sayNumber(price / 1000, 'ar')} ألف ريال`;
    return `${sayNumber(price, 'ar')} ريال`;
  }
  if (price >= 1_000_000) return `${sayNumber(price / 1_000_000, 'en')}M SAR`;
  if (price >= 1000) return `${sayNumber(price / 1000, 'en')}k SAR`;
  return `${sayNumber(price, 'en')} SAR`;
}

/** Arabic chats write Arabic-Indic digits (٩٥٠), as the rest of the demo's customers do. */
function sayNumber(value: number, language: 'ar' | 'en'): string {
  return new Intl.NumberFormat(language === 'ar' ? 'ar-SA' : 'en-US', { maximumFractionDigits: 2, useGrouping: false }).format(value);
}
