import { z } from 'zod';
import { entityId } from '../fields';
import { bookingStatuses, calendarSpans, viewingDuration } from './types';

/**
 * Times are the office's wall clock (a date and a time of day), turned into an instant by the
 * core in the office's zone: neither the browser's nor the computer's zone ever enters.
 */
export const officeDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'YYYY-MM-DD');
export const officeTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');
const durationMinutes = z.number().int().min(viewingDuration.min).max(viewingDuration.max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
/** Booking outside office hours or on a holiday needs a reason a colleague can read. */
const outsideHoursReason = z.string().trim().max(300).optional().transform((v) => (v ? v : undefined));

export const bookViewingInput = z
  .object({
    conversationId: entityId,
    propertyId: entityId,
    /** The agent who shows it; the caller when absent. Agents book only themselves. */
    agentId: entityId.optional(),
    date: officeDate,
    time: officeTime,
    durationMinutes: durationMinutes.default(viewingDuration.default),
    place: optionalText(300),
    notes: optionalText(2000),
    status: z.enum(bookingStatuses).default('tentative'),
    outsideHoursReason,
  })
  .strict();

export const rescheduleViewingInput = z
  .object({
    id: entityId,
    date: officeDate,
    time: officeTime,
    durationMinutes: durationMinutes.optional(),
    agentId: entityId.optional(),
    outsideHoursReason,
  })
  .strict();

export const updateViewingInput = z.object({ id: entityId, place: optionalText(300), notes: optionalText(2000) }).strict();

export const setViewingStatusInput = z.object({ id: entityId, status: z.enum(['confirmed', 'done', 'no_show', 'cancelled']) }).strict();

export const viewingIdInput = z.object({ id: entityId }).strict();

export const calendarInput = z
  .object({
    span: z.enum(calendarSpans).default('week'),
    /** An office day inside the range; today when absent. */
    anchor: officeDate.optional(),
    /** One agent's viewings; everyone's the caller may see when absent. */
    agentId: entityId.optional(),
  })
  .strict();

export const conversationViewingsInput = z.object({ conversationId: entityId }).strict();
export const contactViewingsInput = z.object({ contactId: entityId }).strict();

export const suggestSlotInput = z
  .object({ conversationId: entityId, agentId: entityId.optional(), durationMinutes: durationMinutes.default(viewingDuration.default) })
  .strict();
