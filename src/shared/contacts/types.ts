import type { ConversationStatus, NumberStatus } from '../domain';
import type { ContactPreferences } from './preferences';

/** Seed 000's contact, as every contacts channel returns it. */
export interface ContactView {
  id: number;
  name: string | null;
  /** E.164; null while WhatsApp has given only an @lid for this customer. */
  phone: string | null;
  email: string | null;
  tags: string[];
  /** A calendar day (YYYY-MM-DD) in the office's time zone, not a moment. */
  followUpDate: string | null;
  /** What they look for: a matching new or newly available property is sent to them (issue 15). */
  preferences: ContactPreferences;
  createdAt: string;
  updatedAt: string;
}

export interface ContactPage {
  data: ContactView[];
  /** `next` is the cursor of the following page (null at the end); `total` counts every match. */
  meta: { limit: number; next: string | null; total: number };
}

export interface ContactNoteView {
  id: number;
  contactId: number;
  content: string;
  /** null when the author's account is gone. */
  author: { id: number; name: string } | null;
  createdAt: string;
}

/** One of the contact's conversations, with the WhatsApp number it is on. */
export interface ContactConversation {
  id: number;
  whatsappNumberId: number;
  numberName: string;
  numberStatus: NumberStatus;
  numberRemoved: boolean;
  status: ConversationStatus;
  lastMessage: string | null;
  lastMessageTime: string | null;
  unreadCount: number;
}

export interface ContactDetails {
  contact: ContactView;
  /** Newest first. */
  notes: ContactNoteView[];
  /** Newest message first; only conversations on numbers the caller may work. */
  conversations: ContactConversation[];
}

export interface TagCount {
  tag: string;
  count: number;
}

/** The contact fields a CSV column can be mapped to. */
export const contactFields = ['name', 'phone', 'email', 'tags', 'followUpDate', 'budgetMin', 'budgetMax', 'city', 'districts', 'propertyTypes', 'bedrooms'] as const;
export type ContactField = (typeof contactFields)[number];

/** Which column (0-based) feeds each field; null or absent: not imported. */
export type ImportMapping = Partial<Record<ContactField, number | null>>;

export const importProblemCodes = [
  'phone_required',
  'invalid_phone',
  'invalid_email',
  'invalid_date',
  'name_too_long',
  'tag_too_long',
  'too_many_tags',
  /** The phone belongs to a contact already stored: skipped or updated, as the user chooses. */
  'duplicate_existing',
  /** An earlier row of the same file has this phone: this one is not imported. */
  'duplicate_in_file',
  /** Preferences (issue 15): a budget that is not an amount, a type not in the catalogue's, bedrooms not a whole number, text too long, a budget's max below its min. */
  'invalid_amount',
  'invalid_property_type',
  'invalid_bedrooms',
  'text_too_long',
  'budget_range',
] as const;
export type ImportProblemCode = (typeof importProblemCodes)[number];

export interface ImportProblem {
  /** The row as a spreadsheet numbers it: the header is row 1, the first contact row 2. */
  row: number;
  field: ContactField;
  code: ImportProblemCode;
}

export interface ImportPreviewRow {
  row: number;
  /** The file's cells, one per column. */
  cells: string[];
}

export interface ImportPreview {
  /** The header row's titles, one per column. */
  columns: string[];
  /** The mapping asked for, or the one guessed from the headers. */
  mapping: ImportMapping;
  /** The first rows, for the preview table. */
  rows: ImportPreviewRow[];
  totalRows: number;
  /** Per-row problems over the whole file (at most `maxReportedProblems`; `problemCount` counts all). */
  problems: ImportProblem[];
  problemCount: number;
  /** Rows that would be created, would match an existing contact, or cannot be imported. */
  counts: { new: number; existing: number; invalid: number };
}

export const previewRowCount = 20;
export const maxReportedProblems = 1000;

export interface ImportResult {
  created: number;
  updated: number;
  /** Rows whose phone is an existing contact's, left alone (`onDuplicate: 'skip'`). */
  skipped: number;
  /** Rows not imported: invalid values and repeats within the file. */
  errors: ImportProblem[];
}

/** The largest CSV file taken in one import, in bytes; it is uploaded in pieces like any file. */
export const maxCsvSize = 5 * 1024 * 1024;

/** Most tags one contact may carry, and the longest tag. */
export const maxTags = 20;
export const maxTagLength = 40;

/** Characters that separate tags in one CSV cell or one typed string. */
export const tagSeparators = /[,;،|]/;

/**
 * Tags as stored: trimmed, inner spaces collapsed, split on separators, duplicates dropped
 * (letter case ignored, the first spelling kept), in the order given.
 */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    for (const piece of raw.split(tagSeparators)) {
      const tag = piece.replace(/\s+/g, ' ').trim();
      const key = tag.toLowerCase();
      if (!tag || seen.has(key)) continue;
      seen.add(key);
      out.push(tag);
    }
  }
  return out;
}

/** A real calendar day written YYYY-MM-DD. */
export function isCalendarDay(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d && y >= 1900 && y <= 2200;
}
