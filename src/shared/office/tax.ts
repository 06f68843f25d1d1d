import { z } from 'zod';
import { saudiVatRates, type DatedRate } from '../invoices/vat';
import { isVatNumber } from '../invoices/vat-number';
import { latinDigits } from '../money';
import { officeDate } from '../offers/schemas';

/**
 * Settings → Office → VAT: the seller as invoices print it (ZATCA phase 1). The CR and FAL
 * numbers are the office profile's. The seller's Arabic name goes into the QR's first TLV field,
 * whose length is one byte, so a name over 127 UTF-8 bytes is refused here, when it is typed,
 * and not at the first invoice.
 */
export interface OfficeTaxSettings {
  vatRegistered: boolean;
  sellerNameAr: string;
  sellerNameEn: string;
  /** 15 digits, first and last 3; '' when not registered. */
  vatNumber: string;
  /** Dated standard rates, oldest first. */
  vatRates: DatedRate[];
}

export const maxSellerNameBytes = 127;

export const utf8Length = (text: string): number => new TextEncoder().encode(text).length;

export const defaultOfficeTax: OfficeTaxSettings = { vatRegistered: false, sellerNameAr: '', sellerNameEn: '', vatNumber: '', vatRates: saudiVatRates };

export const sellerNameAr = z
  .string()
  .trim()
  .refine((name) => utf8Length(name) <= maxSellerNameBytes, 'too_many_bytes');

export const officeTaxSchema = z
  .object({
    vatRegistered: z.boolean(),
    sellerNameAr,
    sellerNameEn: z.string().trim().max(200),
    vatNumber: z
      .string()
      .max(40)
      .transform((text) => latinDigits(text).replace(/[\s\u00A0-]/g, ''))
      .refine((text) => text === '' || isVatNumber(text), 'invalid_vat_number'),
    vatRates: z
      .array(z.object({ from: officeDate, basisPoints: z.number().int().min(0).max(10_000) }).strict())
      .min(1)
      .max(20)
      .transform((rates) => [...rates].sort((a, b) => a.from.localeCompare(b.from)))
      .refine((rates) => new Set(rates.map((r) => r.from)).size === rates.length, 'Two rates start on the same day'),
  })
  .strict()
  .superRefine((tax, ctx) => {
    if (!tax.vatRegistered) return;
    if (tax.sellerNameAr === '') ctx.addIssue({ code: 'custom', path: ['sellerNameAr'], message: 'required', input: tax.sellerNameAr });
    if (tax.vatNumber === '') ctx.addIssue({ code: 'custom', path: ['vatNumber'], message: 'required', input: tax.vatNumber });
  });
