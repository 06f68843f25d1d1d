import type { ContactView } from '../../../shared/contacts/types';
import { toIso } from '../../base/clock';

export interface ContactRow {
  id: number;
  phone: string | null;
  name: string | null;
  email: string | null;
  tags: string;
  follow_up_date: number | null;
  created_at: number;
  updated_at: number;
}

export const contactColumns = 'c.id, c.phone, c.name, c.email, c.tags, c.follow_up_date, c.created_at, c.updated_at';

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
