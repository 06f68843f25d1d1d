import { z } from 'zod';
import { bookViewingInput, rescheduleViewingInput } from '../../../../shared/viewings/schemas';

/**
 * A select or a number box holds text: read it as the number the contract's own rule checks
 * (blank becomes missing, so "required" says so).
 */
const typedNumber = <T extends z.ZodType<unknown, number | undefined>>(rule: T) =>
  z
    .union([z.string(), z.number()])
    .optional()
    .transform((value) => (value === '' || value === undefined ? undefined : Number(value)))
    .pipe(rule);

/** The contract's booking schema, reading the picked property and the typed minutes as numbers. */
export const bookViewingForm = bookViewingInput.extend({
  propertyId: typedNumber(bookViewingInput.shape.propertyId),
  durationMinutes: typedNumber(bookViewingInput.shape.durationMinutes),
});

export const rescheduleViewingForm = rescheduleViewingInput.extend({
  durationMinutes: typedNumber(rescheduleViewingInput.shape.durationMinutes),
});

