import type { ContactView } from '../../../shared/contacts/types';
import type { ContactPreferences } from '../../../shared/contacts/preferences';
import type { PropertyType } from '../../../shared/properties/types';
import { toIso } from '../../base/clock';

export interface ContactRow {
  id: number;
  phone: string | null;
  name: string | null;
  email: string | null;
  tags: string;
  follow_up_date: number | null;
  pref_budget_min: number | null;
  pref_budget_max: number | null;
  pref_city: string | null;
  pref_districts: string | null;
  pref_property_types: string | null;
  pref_bedrooms: number | null;
  created_at: number;
  updated_at: number;
}

export const contactColumns =
  'c.id, c.phone, c.name, c.email, c.tags, c.follow_up_date, c.pref_budget_min, c.pref_budget_max, c.pref_city, c.pref_districts, c.pref_property_types, c.pref_bedrooms, c.created_at, c.updated_at';

/** The preference columns in order, for an update or insert. */
export const preferenceColumns = ['pref_budget_min', 'pref_budget_max', 'pref_city', 'pref_districts', 'pref_property_types', 'pref_bedrooms'] as const;

/** Preferences as stored: empty lists as null, so "has a preference" is a plain not-null test (and index). */
export function preferenceValues(p: ContactPreferences): (string | number | null)[] {
  return [p.budgetMin, p.budgetMax, p.city, p.districts.length ? JSON.stringify(p.districts) : null, p.propertyTypes.length ? JSON.stringify(p.propertyTypes) : null, p.bedrooms];
}

export function toPreferences(row: Pick<ContactRow, (typeof preferenceColumns)[number]>): ContactPreferences {
  return {
    budgetMin: row.pref_budget_min,
    budgetMax: row.pref_budget_max,
    city: row.pref_city,
    districts: row.pref_districts ? parseTags(row.pref_districts) : [],
    propertyTypes: (row.pref_property_types ? parseTags(row.pref_property_types) : []) as PropertyType[],
    bedrooms: row.pref_bedrooms,
  };
}

/** A follow-up day is stored as that day's UTC midnight: a date, compared by equality with today's. */
export const dayToMs = (day: string): number => Date.parse(`${day}T00:00:00Z`);
export const msToDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export function parseTags(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
}

export function toContactView(row: ContactRow): ContactView {
  return {
    id: row.id,
    name: row.name,
    phone: row.phone,
    email: row.email,
    tags: parseTags(row.tags),
    followUpDate: row.follow_up_date === null ? null : msToDay(row.follow_up_date),
    preferences: toPreferences(row),
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

/** The list's position: the last row's name (null once past the named contacts) and id. */
export interface ContactCursor {
  name: string | null;
  id: number;
}

export function encodeCursor(cursor: ContactCursor): string {
  return Buffer.from(JSON.stringify([cursor.name, cursor.id]), 'utf8').toString('base64url');
}

export function decodeCursor(text: string): ContactCursor | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [name, id] = value as unknown[];
    if ((name !== null && typeof name !== 'string') || typeof id !== 'number' || !Number.isInteger(id)) return null;
    return { name, id };
  } catch {
    return null;
  }
}
