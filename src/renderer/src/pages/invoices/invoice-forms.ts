import { z } from 'zod';
import { entityId } from '../../../../shared/fields';
import { createDraftInput, createNoteInput, quantityInput, updateDraftInput } from '../../../../shared/invoices/schemas';
import type { InvoiceDetail, VatCategory } from '../../../../shared/invoices/types';
import { documentTotals, rateOn } from '../../../../shared/invoices/vat';
import { moneyFieldText, moneyInput } from '../../../../shared/money';
import type { OfficeTaxSettings } from '../../../../shared/office/tax';

/** An id picked from a select (text); blank is none. */
const pickedId = z.string().transform((v, ctx) => {
  if (v === '') return undefined;
  const parsed = entityId.safeParse(Number(v));
  if (!parsed.success) {
    ctx.addIssue({ code: 'custom', message: 'invalid', input: v });
    return z.NEVER;
  }
  return parsed.data;
});

/** The contract's draft schema, shaped for the editor: the customer and offer come from selects, a blank buyer name is the customer's. */
export const invoiceDraftForm = createDraftInput.extend({
  contactId: z.string().min(1).transform(Number).pipe(entityId),
  offerId: pickedId,
  buyerName: z
    .string()
    .trim()
    .max(200)
    .transform((v) => v || undefined),
});
/** Editing a saved draft: the customer stays. */
export const invoiceUpdateForm = updateDraftInput.omit({ id: true });
/** A note: the invoice it corrects comes from the page. */
export const invoiceNoteForm = createNoteInput.omit({ originalId: true, kind: true });

export interface LineFields {
  descriptionAr: string;
  descriptionEn: string;
  quantity: string;
  unitPrice: string;
  vatCategory: VatCategory;
  exemptionReason: string;
}

export const emptyLine: LineFields = { descriptionAr: '', descriptionEn: '', quantity: '1', unitPrice: '', vatCategory: 'standard', exemptionReason: '' };

export function linesOf(detail: InvoiceDetail): LineFields[] {
  return detail.lines.map((l) => ({
    descriptionAr: l.descriptionAr,
    descriptionEn: l.descriptionEn ?? '',
    quantity: l.quantity,
    unitPrice: moneyFieldText(l.unitPrice),
    vatCategory: l.vatCategory,
    exemptionReason: l.exemptionReason ?? '',
  }));
}

/** What the lines typed so far come to, with the core's own arithmetic; lines not yet valid count as nothing. */
export function liveTotals(lines: readonly Partial<LineFields>[], tax: OfficeTaxSettings, today: string) {
  const parsed = lines.flatMap((line) => {
    const quantity = quantityInput.safeParse(line.quantity ?? '');
    const price = moneyInput.safeParse(line.unitPrice ?? '');
    return quantity.success && price.success ? [{ quantityMilli: quantity.data, unitPrice: price.data, vatCategory: line.vatCategory ?? 'standard' }] : [];
  });
  return documentTotals(parsed, rateOn(tax.vatRates, today), tax.vatRegistered);
}

