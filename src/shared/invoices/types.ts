/**
 * Seed 000's invoices (الفواتير) under ZATCA phase 1: invoices, credit notes and debit notes.
 * A draft is editable and unnumbered; issuing gives it the next value of one never-reset,
 * gap-free counter, the previous document's hash and its own, and freezes it. Money is integer
 * halalas throughout (src/shared/money.ts).
 */

export const documentKinds = ['invoice', 'credit_note', 'debit_note'] as const;
export type DocumentKind = (typeof documentKinds)[number];
export const noteKinds = ['credit_note', 'debit_note'] as const satisfies readonly DocumentKind[];
export type NoteKind = (typeof noteKinds)[number];

export const documentStatuses = ['draft', 'issued'] as const;
export type DocumentStatus = (typeof documentStatuses)[number];

export const paymentStatuses = ['unpaid', 'partly_paid', 'paid'] as const;
export type PaymentStatus = (typeof paymentStatuses)[number];

/** ZATCA's VAT categories (S, Z, E, O); an exempt line says why. */
export const vatCategories = ['standard', 'zero_rated', 'exempt', 'out_of_scope'] as const;
export type VatCategory = (typeof vatCategories)[number];

/**
 * What the document is for the authority: a tax invoice (the buyer has a VAT number), a
 * simplified one (they have none), or a plain invoice from an office not registered for VAT
 * (no VAT, no QR).
 */
export const invoiceTypes = ['tax', 'simplified', 'plain'] as const;
export type InvoiceType = (typeof invoiceTypes)[number];

export const paymentMethods = ['cash', 'bank_transfer', 'card', 'cheque'] as const;
export type PaymentMethod = (typeof paymentMethods)[number];

/** Where a brokerage commission is taken from: a sale price, or the first year's rent. */
export const brokerageBases = ['sale', 'rent'] as const;
export type BrokerageBasis = (typeof brokerageBases)[number];

export interface InvoiceLineView {
  id: number;
  descriptionAr: string;
  descriptionEn: string | null;
  /** Up to three decimals, as typed ("1", "2.5"). */
  quantity: string;
  /** Halalas per unit. */
  unitPrice: number;
  vatCategory: VatCategory;
  exemptionReason: string | null;
  /** quantity × unit price, rounded half up to the halala. */
  net: number;
}

/** One VAT category's part of a document: its net, its rate (basis points: 1500 = 15%) and its VAT. */
export interface CategoryTotal {
  category: VatCategory;
  rateBasisPoints: number;
  net: number;
  vat: number;
}

export interface DocumentTotals {
  net: number;
  vat: number;
  total: number;
  byCategory: CategoryTotal[];
}

export interface PaymentView {
  id: number;
  /** An office day, YYYY-MM-DD. */
  paidOn: string;
  amount: number;
  method: PaymentMethod;
  reference: string | null;
  createdByName: string | null;
  createdAt: string;
}

/** The seller as printed on the document: frozen into it when it is issued. */
export interface SellerSnapshot {
  nameAr: string;
  nameEn: string;
  vatNumber: string | null;
  crNumber: string;
  falLicenceNumber: string;
  address: string;
  vatRegistered: boolean;
}

export interface InvoiceView {
  id: number;
  uuid: string;
  kind: DocumentKind;
  status: DocumentStatus;
  type: InvoiceType;
  /** The counter's value once issued; null for a draft. */
  number: number | null;
  contactId: number | null;
  buyerName: string;
  buyerVatNumber: string | null;
  offerId: number | null;
  /** For a credit or debit note: the invoice it corrects. */
  originalId: number | null;
  originalNumber: number | null;
  reason: string | null;
  net: number;
  vat: number;
  total: number;
  paid: number;
  paymentStatus: PaymentStatus;
  issuedAt: string | null;
  issuedByName: string | null;
  createdBy: number | null;
  createdByName: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface InvoiceDetail extends InvoiceView {
  notes: string | null;
  lines: InvoiceLineView[];
  totals: DocumentTotals;
  payments: PaymentView[];
  seller: SellerSnapshot;
  /** Office day whose VAT rate applies: the issue day, or today for a draft. */
  supplyDate: string;
  previousHash: string | null;
  hash: string | null;
  /** ZATCA phase 1 QR payload (base64 TLV); null for drafts and plain invoices. */
  qr: string | null;
  /** Issued notes that cite this invoice. */
  notesCiting: { id: number; kind: NoteKind; number: number | null; total: number }[];
}

export interface InvoicePage {
  data: InvoiceView[];
  /** Pass back as `before` for the next (older) page; null at the end. */
  nextCursor: number | null;
}

/** What the brokerage helper suggests for an offer: the buyer and the commission line, to be edited. */
export interface BrokeragePrefill {
  offerId: number;
  contactId: number;
  buyerName: string;
  basis: BrokerageBasis;
  /** The sale price, or the first year's rent (a monthly rent × 12), in halalas. */
  baseAmount: number;
  rateBasisPoints: number;
  line: { descriptionAr: string; descriptionEn: string; quantity: string; unitPrice: number; vatCategory: VatCategory };
}

/** A document's number as printed: INV-000042, CRN-000043, DBN-000044 (one counter for all three). */
export function documentNumberText(kind: DocumentKind, number: number | null): string | null {
  if (number === null) return null;
  const prefix = kind === 'invoice' ? 'INV' : kind === 'credit_note' ? 'CRN' : 'DBN';
  return `${prefix}-${String(number).padStart(6, '0')}`;
}

/** A document's PDF as a channel returns it. */
export interface InvoicePdfView {
  fileName: string;
  mimeType: 'application/pdf';
  /** The PDF's bytes, base64. */
  base64: string;
}

/** A finished archive export (a zip kept by the core until it is read or replaced), to be read piece by piece. */
export interface InvoiceArchiveView {
  archiveId: string;
  fileName: string;
  /** The zip's size in bytes. */
  size: number;
  /** Issued documents in it. */
  documents: number;
}

/** How far an archive export got: documents written so far, out of all in the range. */
export interface InvoiceArchiveProgress {
  archiveId: string;
  done: number;
  total: number;
}

/** A piece of an archive: base64 `data` starting at `offset`, of `size` bytes in all. */
export interface InvoiceArchivePiece {
  data: string;
  offset: number;
  size: number;
}
