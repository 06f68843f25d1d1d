import { z } from 'zod';
import { entityId } from '../fields';
import { moneyInput } from '../money';
import { offerParties, offerStatuses } from './types';

/** An office day, YYYY-MM-DD, that exists in the calendar (no 2026-02-30). */
export const officeDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'required')
  .refine((day) => {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }, 'Not a calendar date');

const terms = z.string().trim().max(2000).optional();

export const offerListInput = z
  .object({
    status: z.enum(offerStatuses).optional(),
    propertyId: entityId.optional(),
    conversationId: entityId.optional(),
    /** Who logged the offer. */
    agentId: entityId.optional(),
    /** Newest first; the id of the last row of the previous page. */
    before: entityId.optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();

export const offerIdInput = z.object({ id: entityId }).strict();

export const createOfferInput = z
  .object({
    conversationId: entityId,
    propertyId: entityId,
    amount: moneyInput,
    terms,
    validUntil: officeDate,
  })
  .strict();

export const counterOfferInput = z
  .object({
    id: entityId,
    /** The office's counter, or the customer's answer with a new amount. */
    by: z.enum(offerParties),
    amount: moneyInput,
    terms,
    /** Moves the offer's last day when given. */
    validUntil: officeDate.optional(),
  })
  .strict();

/** Only managers take back an acceptance: the property goes back on the market. */
export const undoAcceptanceInput = z.object({ id: entityId, outcome: z.enum(['rejected', 'withdrawn']) }).strict();

const promotionFields = {
  name: z.string().trim().min(1).max(200),
  detailsAr: z.string().trim().min(1).max(1000),
  detailsEn: z.string().trim().max(1000).optional(),
  validFrom: officeDate,
  validUntil: officeDate,
};

/** The last day may not come before the first. */
const orderedDays = <T extends { validFrom?: string | undefined; validUntil?: string | undefined }>(value: T, ctx: z.RefinementCtx) => {
  if (value.validFrom && value.validUntil && value.validUntil < value.validFrom) {
    ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'ends_before_start', input: value.validUntil });
  }
};

export const createPromotionInput = z.object(promotionFields).strict().superRefine(orderedDays);

export const updatePromotionInput = z
  .object({
    id: entityId,
    name: promotionFields.name.optional(),
    detailsAr: promotionFields.detailsAr.optional(),
    detailsEn: promotionFields.detailsEn,
    validFrom: promotionFields.validFrom.optional(),
    validUntil: promotionFields.validUntil.optional(),
  })
  .strict()
  .superRefine(orderedDays);

export const promotionIdInput = z.object({ id: entityId }).strict();
