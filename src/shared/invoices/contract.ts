import { channel, managers } from '../contract-kit';
import * as s from './schemas';
import type { BrokeragePrefill, InvoiceArchivePiece, InvoiceArchiveProgress, InvoiceArchiveView, InvoiceDetail, InvoicePage, InvoicePdfView } from './types';

/**
 * Invoices, credit and debit notes (ZATCA phase 1). Agents see and draft documents for the
 * customers of the numbers they work; supervisors and admins issue them and record payments.
 * Issued documents never change and are never deleted (CONFLICT).
 */
export const invoicesChannels = {
  /** Newest first, in pages; agents only their customers' documents. */
  'invoices.list': channel<InvoicePage>()({ input: s.invoiceListInput, access: 'user', kind: 'read' }),
  /** With lines, totals per VAT category, payments and (issued, VAT) the QR; NOT_FOUND outside the caller's customers. */
  'invoices.get': channel<InvoiceDetail>()({ input: s.invoiceIdInput, access: 'user', kind: 'read' }),
  'invoices.createDraft': channel<InvoiceDetail>()({ input: s.createDraftInput, access: 'user', kind: 'write' }),
  /** A credit or debit note citing an issued invoice, as a draft. */
  'invoices.createNote': channel<InvoiceDetail>()({ input: s.createNoteInput, access: 'user', kind: 'write' }),
  /** CONFLICT once issued. */
  'invoices.updateDraft': channel<InvoiceDetail>()({ input: s.updateDraftInput, access: 'user', kind: 'write' }),
  /** CONFLICT once issued. */
  'invoices.deleteDraft': channel<{ ok: true }>()({ input: s.invoiceIdInput, access: 'user', kind: 'write' }),
  /** Numbers, hashes and freezes the draft, in one transaction. */
  'invoices.issue': channel<InvoiceDetail>()({ input: s.invoiceIdInput, access: managers, kind: 'write' }),
  'invoices.addPayment': channel<InvoiceDetail>()({ input: s.addPaymentInput, access: managers, kind: 'write' }),
  /** An issued document as an A4 PDF (base64), printed by Chromium with the bundled Arabic font. */
  'invoices.pdf': channel<InvoicePdfView>()({ input: s.invoiceIdInput, access: 'user', kind: 'read' }),
  /** Sends the issued document's PDF to the customer's latest chat on a number the caller works, through the outbox, as a document. */
  'invoices.sendToChat': channel<{ messageId: number; conversationId: number }>()({ input: s.invoiceIdInput, access: 'user', kind: 'write' }),
  /** The commission line for an offer (2.5% of the price, or of the first year's rent), to edit before saving. */
  'invoices.brokerage': channel<BrokeragePrefill>()({ input: s.brokerageInput, access: 'user', kind: 'read' }),
  /**
   * Every document issued on a range of office days, as one zip: each one's PDF and JSON (all
   * fields, the UUID, counter value, hashes, QR and the canonical text hashed) and a manifest
   * with the chain. Answers when the zip is written; `invoices.archiveProgress` goes to the
   * caller's window meanwhile. One export at a time (CONFLICT).
   */
  'invoices.archive': channel<InvoiceArchiveView>()({ input: s.archiveInput, access: managers, kind: 'read' }),
  /** A piece of the caller's finished archive (2 MB, base64); NOT_FOUND for anyone else's. */
  'invoices.archiveRead': channel<InvoiceArchivePiece>()({ input: s.archiveReadInput, access: managers, kind: 'transfer' }),
} as const;

export interface InvoicesEvents {
  /** A document was drafted, changed, issued, paid or deleted: open lists and views refresh. */
  'invoices.changed': { invoiceId: number; contactId: number | null };
  /** An archive export moved on; only the window that asked for it hears. */
  'invoices.archiveProgress': InvoiceArchiveProgress;
}
