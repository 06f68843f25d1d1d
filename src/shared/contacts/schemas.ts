import { z } from 'zod';
import { isCalendarDay, maxTagLength, maxTags, normalizeTags } from './types';
import { email, entityId } from '../fields';
import { contactPreferencesInput } from './preferences';

/** Seed 000's contacts and notes inputs. */

const contactName = z.string().trim().min(1).max(100);
/** Any usual form (05…, 9665…, +966 5…); the core validates and normalises it to E.164. */
const contactPhone = z.string().trim().min(1).max(30);
const contactEmail = email.nullable().optional();
const tags = z.array(z.string().max(200)).max(200).transform(normalizeTags).pipe(z.array(z.string().max(maxTagLength)).max(maxTags));
/** YYYY-MM-DD, a day in the office's calendar; null clears it. */
const followUpDate = z.string().trim().refine(isCalendarDay, 'invalid').nullable().optional();

/**
 * The CSV file, uploaded first in pieces (media.uploadStart/Chunk/Finish with type text/csv) so
 * no call carries more than one piece; the core reads and decodes it (UTF-8, UTF-16, Windows-1256).
 */
const csvUpload = z.uuid();
const column = z.number().int().min(0).max(499).nullable();
/** Which column (0-based) feeds each contact field. */
export const importMapping = z
  .object({
    name: column.optional(),
    phone: column.optional(),
    email: column.optional(),
    tags: column.optional(),
    followUpDate: column.optional(),
    budgetMin: column.optional(),
    budgetMax: column.optional(),
    city: column.optional(),
    districts: column.optional(),
    propertyTypes: column.optional(),
    bedrooms: column.optional(),
  })
  .strict();

const search = z.string().trim().max(200).optional();
const tagFilter = z.string().trim().min(1).max(maxTagLength).optional();

export const contactListInput = z
  .object({
    search,
    tag: tagFilter,
    /** Only contacts whose follow-up date is today in the office's calendar. */
    dueToday: z.boolean().default(false),
    limit: z.number().int().min(1).max(200).default(50),
    /** `meta.next` of the previous page. */
    cursor: z.string().max(500).optional(),
  })
  .strict();

export const contactIdInput = z.object({ id: entityId }).strict();

export const createContactInput = z
  .object({ name: contactName, phone: contactPhone, email: contactEmail, tags: tags.default([]), followUpDate, preferences: contactPreferencesInput.optional() })
  .strict();

export const updateContactInput = z
  .object({ id: entityId, name: contactName.optional(), phone: contactPhone.optional(), email: contactEmail, tags: tags.optional(), followUpDate, preferences: contactPreferencesInput.optional() })
  .strict();

export const addNoteInput = z
  .object({ contactId: entityId, content: z.string().trim().min(1).max(5000) })
  .strict();

export const noteIdInput = z.object({ id: entityId }).strict();

export const importPreviewInput = z.object({ uploadId: csvUpload, mapping: importMapping.optional() }).strict();

export const importInput = z
  .object({ uploadId: csvUpload, mapping: importMapping, onDuplicate: z.enum(['skip', 'update']).default('skip') })
  .strict();

export const exportInput = z.object({ search, tag: tagFilter, dueToday: z.boolean().default(false) }).strict();
