import { z } from 'zod';
import { latinDigits } from '../money';

/** A Saudi VAT registration number: 15 digits, the first and the last a 3. */
export function isVatNumber(text: string): boolean {
  return /^3\d{13}3$/.test(text);
}

/** A typed VAT number (Arabic-Indic digits and spaces allowed), out as 15 Latin digits. */
export const vatNumberInput = z
  .string()
  .max(40)
  .transform((text) => latinDigits(text).replace(/[\s\u00A0-]/g, ''))
  .refine(isVatNumber, 'invalid_vat_number');

/** Optional on a buyer: blank or null is "none" (a simplified invoice); left out stays undefined (an update leaves it as it is). */
export const optionalVatNumberInput = z
  .union([z.string().max(40), z.null()])
  .optional()
  .transform((text) => (text == null ? text : latinDigits(text).replace(/[\s\u00A0-]/g, '') || null))
  .refine((text) => text == null || isVatNumber(text), 'invalid_vat_number');
