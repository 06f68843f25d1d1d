import type { InvoicePdfView } from '../../../../shared/invoices/types';

/** Saves the PDF the core printed, under its number, the way the browser (or Electron) saves a download. */
export function downloadPdf(pdf: InvoicePdfView): void {
  const bytes = Uint8Array.from(atob(pdf.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: pdf.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = pdf.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
