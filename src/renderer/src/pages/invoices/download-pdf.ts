import type { InvoicePdfView } from '../../../../shared/invoices/types';
import { fromBase64, saveFile } from './save-file';

/** Saves the PDF the core printed, under its number. */
export function downloadPdf(pdf: InvoicePdfView): void {
  saveFile([fromBase64(pdf.base64)], pdf.mimeType, pdf.fileName);
}
