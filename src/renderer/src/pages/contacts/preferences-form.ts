import { z } from 'zod';
import { contactPreferencesInput, type ContactPreferences } from '../../../../shared/contacts/preferences';
import { latinDigits, moneyFieldText } from '../../../../shared/money';
import { propertyTypes } from '../../../../shared/properties/types';

/**
 * The contract's preferences, shaped for text fields: districts typed with commas, bedrooms as
 * text. The same schema the core checks runs after the reshaping, so both word errors alike.
 */
export const preferencesForm = z
  .object({
    budgetMin: z.string(),
    budgetMax: z.string(),
    city: z.string(),
    districts: z.string(),
    propertyTypes: z.array(z.enum(propertyTypes)),
    bedrooms: z.string(),
  })
  .transform((v, ctx): ContactPreferences => {
    const parsed = contactPreferencesInput.safeParse({
      ...v,
      districts: v.districts.split(/[,،]/),
      bedrooms: v.bedrooms.trim() === '' ? null : Number(latinDigits(v.bedrooms.trim())),
    });
    if (parsed.success) return parsed.data;
    // The contract's own issues, under the same field names the form uses.
    for (const issue of parsed.error.issues) ctx.addIssue({ ...issue } as Parameters<typeof ctx.addIssue>[0]);
    return z.NEVER;
  });

export function preferencesDefaults(p: ContactPreferences): z.input<typeof preferencesForm> {
  return {
    budgetMin: p.budgetMin === null ? '' : moneyFieldText(p.budgetMin),
    budgetMax: p.budgetMax === null ? '' : moneyFieldText(p.budgetMax),
    city: p.city ?? '',
    districts: p.districts.join('، '),
    propertyTypes: [...p.propertyTypes],
    bedrooms: p.bedrooms === null ? '' : String(p.bedrooms),
  };
}
