import { z } from 'zod';
import { entityId } from '../fields';
import { latinDigits, moneyInput } from '../money';
import { officeDate } from '../offers/schemas';
import { brokerageBases, documentKinds, documentStatuses, noteKinds, paymentMethods, paymentStatuses, vatCategories } from './types';
import { optionalVatNumberInput } from './vat-number';

/** The largest quantity on a line: a million units. */
const maxQuantityMilli = 1_000_000_000;

/**
 * A quantity as typed ("2", "2.5", "٢٫٥"), out as thousandths of a unit; up to three decimals,
 * above zero. A number is taken as thousandths already (as money's number is halalas), so a
 * form's parsed values pass the router's check unchanged.
 */
export const quantityInput = z.union([z.string().max(20), z.number()]).transform((value, ctx): number => {
  let milli: number;
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) {
      ctx.addIssue({ code: 'custom', input: value, message: 'not_integer' });
      return z.NEVER;
    }
    milli = value;
  } else {
    const text = latinDigits(value).trim().replace('\u066B', '.');
    const match = /^(\d+)(?:\.(\d{1,3}))?$/.exec(text);
    if (!match) {
      ctx.addIssue({ code: 'custom', input: value, message: text === '' ? 'required' : 'A quantity above zero with at most three decimals' });
      return z.NEVER;
    }
    milli = Number(match[1]) * 1000 + Number((match[2] ?? '').padEnd(3, '0'));
  }
  if (milli <= 0) {
    ctx.addIssue({ code: 'too_small', origin: 'number', minimum: 0, inclusive: false, input: value, message: 'A quantity above zero' });
    return z.NEVER;
  }
  if (milli > maxQuantityMilli) {
    ctx.addIssue({ code: 'too_big', origin: 'number', maximum: 1_000_000, inclusive: true, input: value, message: 'Quantity is too large' });
    return z.NEVER;
  }
  return milli;
});

export const lineInput = z
  .object({
    descriptionAr: z.string().trim().min(1).max(500),
    descriptionEn: z.string().trim().max(500).optional(),
    quantity: quantityInput,
    unitPrice: moneyInput,
    vatCategory: z.enum(vatCategories),
    exemptionReason: z.string().trim().max(300).optional(),
  })
  .strict()
  .superRefine((line, ctx) => {
    if (line.vatCategory === 'exempt' && !line.exemptionReason) ctx.addIssue({ code: 'custom', path: ['exemptionReason'], message: 'required', input: line.exemptionReason });
  });

const lines = z.array(lineInput).min(1).max(200);
const buyerName = z.string().trim().min(1).max(200);
const notes = z.string().trim().max(2000).optional();

/** A new invoice draft for a customer; an offer links it to the deal it bills. */
export const createDraftInput = z
  .object({
    contactId: entityId,
    /** The name printed; the contact's name when left out. */
    buyerName: buyerName.optional(),
    buyerVatNumber: optionalVatNumberInput,
    offerId: entityId.optional(),
    notes,
    lines,
  })
  .strict();

/** A credit or debit note drafted from an issued invoice: it cites the invoice and says why. */
export const createNoteInput = z
  .object({
    originalId: entityId,
    kind: z.enum(noteKinds),
    reason: z.string().trim().min(1).max(500),
    notes,
    lines,
  })
  .strict();

/** Any part of a draft; what is left out stays as it is. Lines, when given, replace all of them. */
export const updateDraftInput = z
  .object({
    id: entityId,
    buyerName: buyerName.optional(),
    buyerVatNumber: optionalVatNumberInput,
    reason: z.string().trim().min(1).max(500).optional(),
    notes,
    lines: lines.optional(),
  })
  .strict();

export const invoiceIdInput = z.object({ id: entityId }).strict();

export const addPaymentInput = z
  .object({
    id: entityId,
    paidOn: officeDate,
    amount: moneyInput.refine((n) => n > 0, 'An amount above zero'),
    method: z.enum(paymentMethods),
    reference: z.string().trim().max(100).optional(),
  })
  .strict();

export const invoiceListInput = z
  .object({
    status: z.enum(documentStatuses).optional(),
    paymentStatus: z.enum(paymentStatuses).optional(),
    kind: z.enum(documentKinds).optional(),
    contactId: entityId.optional(),
    /** Office days (YYYY-MM-DD), both included: the issue day, or the day a draft was made. */
    from: officeDate.optional(),
    to: officeDate.optional(),
    /** Newest first; the id of the last row of the previous page. */
    before: entityId.optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();

/** The brokerage helper: the offer, and whether it is a sale or a rent (from the property unless said). */
export const brokerageInput = z.object({ offerId: entityId, basis: z.enum(brokerageBases).optional() }).strict();

/** The archive export: every document issued on these office days (YYYY-MM-DD, both included). */
export const archiveInput = z
  .object({ from: officeDate, to: officeDate })
  .strict()
  .superRefine((range, ctx) => {
    if (range.to < range.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'ends_before_start', input: range.to });
  });

/** A piece of a finished archive, read from `offset`. */
export const archiveReadInput = z
  .object({ archiveId: z.string().regex(/^[0-9a-f-]{36}$/), offset: z.number().int().min(0).default(0) })
  .strict();
