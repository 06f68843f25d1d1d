import type { ChannelInput } from '../../../../shared/contract';
import type { ApiError, FieldError } from '../../../../shared/errors';
import type { PropertyStatus, PropertyType, PropertyView } from '../../../../shared/properties/types';

export interface PropertyFormValues {
  name: string;
  type: PropertyType;
  status: PropertyStatus;
  location: string;
  /** As typed: the form reads Arabic-Indic digits and thousands separators too. */
  price: string;
  bedrooms: string;
  area: string;
}

export const numberFields = ['price', 'bedrooms', 'area'] as const;
type NumberField = (typeof numberFields)[number];

/** The core's ceiling for prices and areas (a trillion): kept here so the form says so before sending. */
export const maxWhole = 1_000_000_000_000;

export function propertyFormValues(property?: PropertyView): PropertyFormValues {
  const text = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));
  return {
    name: property?.name ?? '',
    type: property?.type ?? 'apartment',
    status: property?.status ?? 'available',
    location: property?.location ?? '',
    price: text(property?.price),
    bedrooms: text(property?.bedrooms),
    area: text(property?.area),
  };
}

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

export interface ReadValues {
  name: string;
  type: PropertyType;
  status: PropertyStatus;
  location: string | null;
  price: number | null;
  bedrooms: number | null;
  area: number | null;
}

/** The form's values as the core takes them, or the same field errors the core would give (in its shape). */
export function readPropertyForm(values: PropertyFormValues): { ok: true; values: ReadValues } | { ok: false; error: ApiError } {
  const details: FieldError[] = [];
  const name = values.name.trim();
  if (!name) details.push({ field: 'name', code: 'required', message: 'name is required' });
  const numbers = {} as Record<NumberField, number | null>;
  for (const field of numberFields) {
    const parsed = parseWhole(values[field]);
    if ('error' in parsed) {
      details.push({ field, message: parsed.error.code, ...parsed.error });
      numbers[field] = null;
    } else numbers[field] = parsed.value;
  }
  if (details.length > 0) return { ok: false, error: { code: 'VALIDATION_ERROR', message: 'Client-side validation failed', details } };
  const location = values.location.trim() || null;
  return { ok: true, values: { name, type: values.type, status: values.status, location, ...numbers } };
}

/** Only what changed, so the activity log names the real change; undefined when nothing did. */
export function propertyChanges(property: PropertyView, values: ReadValues): ChannelInput<'properties.update'> | undefined {
  const input: ChannelInput<'properties.update'> = { id: property.id };
  for (const key of ['name', 'type', 'status', 'location', 'price', 'bedrooms', 'area'] as const) {
    if (values[key] !== property[key]) Object.assign(input, { [key]: values[key] });
  }
  return Object.keys(input).length === 1 ? undefined : input;
}
