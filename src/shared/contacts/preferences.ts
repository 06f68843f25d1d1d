import { z } from 'zod';
import { optionalMoneyInput } from '../money';
import { propertyTypes, type PropertyType } from '../properties/types';

/**
 * What a customer is looking for (issue 15's `property_match`): a new or newly available
 * property meeting every preference set is sent to them. Budget in integer halalas; bedrooms a
 * minimum; empty lists and nulls are "no preference".
 */
export interface ContactPreferences {
  budgetMin: number | null;
  budgetMax: number | null;
  city: string | null;
  districts: string[];
  propertyTypes: PropertyType[];
  bedrooms: number | null;
}

export const noPreferences: ContactPreferences = { budgetMin: null, budgetMax: null, city: null, districts: [], propertyTypes: [], bedrooms: null };

const blankToNull = (v: string | null | undefined) => (v === undefined || v === null || v.trim() === '' ? null : v.trim());
const district = z.string().trim().min(1).max(100);

/** The preferences as a form or the API sends them, whole (an update replaces them); a budget's max is not below its min. */
export const contactPreferencesInput = z
  .object({
    budgetMin: optionalMoneyInput.default(null),
    budgetMax: optionalMoneyInput.default(null),
    city: z.string().max(100).nullable().default(null).transform(blankToNull),
    districts: z
      .array(z.string().max(100))
      .max(30)
      .default([])
      .transform((list) => [...new Set(list.map((d) => d.trim()).filter((d) => d.length > 0))])
      .pipe(z.array(district)),
    propertyTypes: z
      .array(z.enum(propertyTypes))
      .max(propertyTypes.length)
      .default([])
      .transform((list) => [...new Set(list)]),
    bedrooms: z.number().int().min(0).max(50).nullable().default(null),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.budgetMin !== null && p.budgetMax !== null && p.budgetMax < p.budgetMin) {
      ctx.addIssue({ code: 'custom', path: ['budgetMax'], message: 'below_min' });
    }
  });
