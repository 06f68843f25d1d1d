import { toDataURL } from 'qrcode';
import { errorReasons } from '../../../../shared/errors';
import { documentNumberText, type InvoiceDetail } from '../../../../shared/invoices/types';
import { AppError } from '../../../rpc/app-error';
import { invoiceFontFiles, type InvoiceFontFiles } from './invoice-font';
import { invoiceFontFamily, invoiceHtml } from './invoice-html';
import type { InvoicePrinter } from './invoice-printer';

export interface InvoicePdfFile {
  fileName: string;
  mimeType: 'application/pdf';
  bytes: Buffer;
}

/** An issued document as a PDF: the HTML template with the bundled font and the QR, printed by the shell's Chromium. */
export class InvoicePdf {
  private fonts: InvoiceFontFiles | null = null;

  constructor(
    private readonly printer: InvoicePrinter | null,
    private readonly rendererDir: string | undefined,
    private readonly timeZone: () => string,
  ) {}

  async render(doc: InvoiceDetail): Promise<InvoicePdfFile> {
    if (doc.status !== 'issued') throw new AppError('UNPROCESSABLE_ENTITY', errorReasons.documentNotIssued, undefined, 'Only an issued document is printed');
    const printer = this.requirePrinter();
    this.fonts ??= invoiceFontFiles(this.rendererDir);
    const qrDataUrl = doc.qr ? await toDataURL(doc.qr, { errorCorrectionLevel: 'M', margin: 1, width: 300 }) : null;
    const html = invoiceHtml(doc, { fonts: this.fonts, qrDataUrl, timeZone: this.timeZone() });
    const bytes = await printer.printPdf(html, invoiceFontFamily);
    return { fileName: `${documentNumberText(doc.kind, doc.number)}.pdf`, mimeType: 'application/pdf', bytes };
  }

  /** The shell's printer, or SERVICE_UNAVAILABLE when it has none (no Chromium found). */
  requirePrinter(): InvoicePrinter {
    if (!this.printer) throw new AppError('SERVICE_UNAVAILABLE', errorReasons.printerMissing, undefined, 'No Chromium to print with');
    return this.printer;
  }

  close(): Promise<void> {
    return this.printer?.close() ?? Promise.resolve();
  }
}
