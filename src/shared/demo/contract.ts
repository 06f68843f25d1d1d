import { z } from 'zod';
import { adminOnly, channel } from '../contract-kit';
import { entityId } from '../fields';

/** What a demo customer can be made to send in their conversation (demo mode only). */
export const demoKinds = ['location', 'contact', 'reply', 'replyToAgent', 'edit', 'revoke', 'reaction', 'call'] as const;
export type DemoKind = (typeof demoKinds)[number];

export const demoCustomerSendsInput = z.object({ conversationId: entityId, kind: z.enum(demoKinds) }).strict();

/** The conversation's simulated customer types this text (a demo of what the AI or a rule does with it). */
export const demoCustomerSaysInput = z.object({ conversationId: entityId, text: z.string().trim().min(1).max(4_096) }).strict();

/** A customer the number has never heard from writes their first message now (a name is picked when none is given). */
export const demoNewCustomerInput = z
  .object({ numberId: entityId, name: z.string().trim().min(2).max(60).optional(), language: z.enum(['ar', 'en']).default('ar') })
  .strict();
/** Demo mode's clock moves forward by this much (up to 30 days), so "a day later" can be shown now. */
export const demoAdvanceClockInput = z.object({ minutes: z.number().int().min(1).max(30 * 24 * 60) }).strict();

/** Demo mode: show every kind of WhatsApp message on demand, through the same path as real ones. */
export const demoChannels = {
  /** The conversation's simulated customer sends a place, a contact card, a reply, an edit, a deletion, a reaction or a missed call. */
  'demo.customerSends': channel<{ ok: true }>()({ input: demoCustomerSendsInput, access: 'user', kind: 'write' }),
  /** The conversation's simulated customer writes the given text, as a WhatsApp message from their phone. */
  'demo.customerSays': channel<{ ok: true }>()({ input: demoCustomerSaysInput, access: 'user', kind: 'write' }),
  /** A new simulated customer writes to the number on demand (a new inquiry when it is wanted, not when the random arrivals bring one). */
  'demo.newCustomerWrites': channel<{ name: string; phone: string }>()({ input: demoNewCustomerInput, access: 'user', kind: 'write' }),
  /**
   * Moves the app's clock forward (demo mode only; elsewhere UNPROCESSABLE_ENTITY `demo_only`):
   * what waits on it (automations, reminders, retries) runs as if the time had passed.
   */
  'demo.advanceClock': channel<{ now: string; offsetMinutes: number }>()({ input: demoAdvanceClockInput, access: adminOnly, kind: 'write' }),
} as const;
