import { z } from 'zod';

/** Field schemas shared by every channel, so a rule is stated once. */
export const personName = z.string().trim().min(2).max(100);
export const email = z.string().trim().toLowerCase().max(254).pipe(z.email());
/** Long enough to resist guessing; capped so hashing a huge string cannot stall the core. */
export const newPassword = z.string().min(8).max(128);
/** A password being checked (sign-in, old password): any non-empty string within the cap. */
export const anyPassword = z.string().min(1).max(128);
export const entityId = z.number().int().positive();
/**
 * Made by the browser when the agent presses send and sent again with every retry of that
 * answer: a second call with it returns the message the first one stored instead of a copy.
 */
export const clientMessageId = z.uuid();
export const optionalPhone = z
  .string()
  .trim()
  .max(20)
  .regex(/^\+?[0-9 ()-]{5,20}$/)
  .nullable()
  .optional();

/** A channel that takes no input. */
export const empty = z.object({}).strict();
