import { z } from 'zod';
import type { ChannelInput } from '../../../../shared/contract';
import type { FieldError } from '../../../../shared/errors';
import { moneyFieldText } from '../../../../shared/money';
import { createPropertyInput } from '../../../../shared/properties/schemas';
import { rentPeriods, type PropertyView } from '../../../../shared/properties/types';

/** The core's ceiling for areas and bedrooms (a trillion): kept here so the form says so before sending. */
export const maxWhole = 1_000_000_000_000;

const arabicIndicZero = 0x0660;
const persianZero = 0x06f0;
/** Commas (Latin and Arabic), the Arabic thousands separator, apostrophes and any kind of space. */
const groupSeparators = /[,\u060c\u066c'\u2019\s\u00a0\u202f]/g;

export type WholeNumber = { value: number | null } | { error: Pick<FieldError, 'code' | 'params'> };

/**
 * A typed whole number: empty is "not given" (null). Arabic-Indic and Persian digits, the Arabic
 * decimal point and thousands separators are read as a Saudi keyboard writes them.
 */
export function parseWhole(text: string): WholeNumber {
  const latin = text
    .trim()
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - arabicIndicZero))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - persianZero))
    .replace(/\u066b/g, '.')
    .replace(groupSeparators, '');
  if (latin === '') return { value: null };
  if (!/^[-+]?\d+(\.\d+)?$/.test(latin)) return { error: { code: 'invalid' } };
  const value = Number(latin);
  if (value < 0) return { error: { code: 'min_value', params: { min: 0 } } };
  if (!Number.isInteger(value)) return { error: { code: 'not_integer' } };
  if (value > maxWhole) return { error: { code: 'max_value', params: { max: maxWhole } } };
  return { value };
}

/** A whole-number text field, out as the number the contract takes; refusals in the contract's codes. */
const wholeText = z.string().transform((text, ctx): number | null => {
  const parsed = parseWhole(text);
  if ('value' in parsed) return parsed.value;
  const { code } = parsed.error;
  if (code === 'min_value') ctx.addIssue({ code: 'too_small', origin: 'number', minimum: 0, inclusive: true, input: text, message: 'min' });
  else if (code === 'max_value') ctx.addIssue({ code: 'too_big', origin: 'number', maximum: maxWhole, inclusive: true, input: text, message: 'max' });
  else if (code === 'not_integer') ctx.addIssue({ code: 'custom', input: text, message: 'not_integer' });
  else ctx.addIssue({ code: 'custom', input: text, message: 'invalid' });
  return z.NEVER;
});

/**
 * The property form: the contract's create schema, with the fields a form holds as text (numbers,
 * pickers, the date) read into what the contract takes. A rent needs its period, as the core says.
 */
export const propertyFormSchema = createPropertyInput
  .extend({
    bedrooms: wholeText,
    area: wholeText,
    rentPeriod: z.enum(['', ...rentPeriods]).transform((v) => (v === '' ? null : v)),
    branchId: z.string().transform((v) => (v === '' ? null : Number(v))),
    ownerContactId: z.number().int().positive().nullable(),
    adLicenceExpiry: z.union([z.literal(''), z.iso.date()]).transform((v) => (v === '' ? null : v)),
  })
  .superRefine((values, ctx) => {
    if (values.listing === 'rent' && !values.rentPeriod) ctx.addIssue({ code: 'custom', path: ['rentPeriod'], message: 'required' });
  });

export type PropertyFormInput = z.input<typeof propertyFormSchema>;
export type PropertyFormOutput = z.output<typeof propertyFormSchema>;

export function propertyFormValues(property?: PropertyView): PropertyFormInput {
  const text = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));
  return {
    name: property?.name ?? '',
    type: property?.type ?? 'apartment',
    status: property?.status ?? 'available',
    listing: property?.listing ?? 'sale',
    rentPeriod: property?.rentPeriod ?? '',
    location: property?.location ?? '',
    price: property?.price == null ? '' : moneyFieldText(property.price),
    bedrooms: text(property?.bedrooms),
    area: text(property?.area),
    city: property?.city ?? '',
    district: property?.district ?? '',
    branchId: property?.branch ? String(property.branch.id) : '',
    ownerContactId: property?.owner?.id ?? null,
    adLicenceNumber: property?.adLicenceNumber ?? '',
    adLicenceExpiry: property?.adLicenceExpiry ?? '',
    descriptionAr: property?.descriptionAr ?? '',
    descriptionEn: property?.descriptionEn ?? '',
  };
}

const compared = [
  'name', 'type', 'status', 'listing', 'rentPeriod', 'location', 'price', 'bedrooms', 'area', 'city', 'district',
  'adLicenceNumber', 'adLicenceExpiry', 'descriptionAr', 'descriptionEn',
] as const;

const blank = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : typeof value === 'string' ? value.trim() : (value ?? null));

/** Only what changed, so the activity log (and the price history) name the real change; undefined when nothing did. */
export function propertyChanges(property: PropertyView, values: PropertyFormOutput): ChannelInput<'properties.update'> | undefined {
  const input: Record<string, unknown> = { id: property.id };
  for (const key of compared) {
    if (blank(values[key]) !== blank(property[key])) input[key] = values[key] ?? null;
  }
  if ((values.branchId ?? null) !== (property.branch?.id ?? null)) input.branchId = values.branchId ?? null;
  if ((values.ownerContactId ?? null) !== (property.owner?.id ?? null)) input.ownerContactId = values.ownerContactId ?? null;
  return Object.keys(input).length === 1 ? undefined : (input as ChannelInput<'properties.update'>);
}
