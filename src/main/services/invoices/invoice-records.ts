import type Database from 'better-sqlite3';
import type { DocumentKind, DocumentStatus, InvoiceLineView, InvoiceType, InvoiceView, PaymentMethod, PaymentStatus, PaymentView, SellerSnapshot, VatCategory } from '../../../shared/invoices/types';
import { quantityText } from '../../../shared/invoices/vat';
import { toIso } from '../../base/clock';

export interface DocumentRow {
  id: number;
  uuid: string;
  kind: DocumentKind;
  status: DocumentStatus;
  invoice_type: InvoiceType | null;
  counter_value: number | null;
  previous_hash: string | null;
  hash: string | null;
  canonical: string | null;
  contact_id: number | null;
  buyer_name: string;
  buyer_vat_number: string | null;
  offer_id: number | null;
  original_id: number | null;
  reason: string | null;
  notes: string | null;
  seller: string | null;
  supply_date: string | null;
  net_total: number;
  vat_total: number;
  total: number;
  paid_total: number;
  payment_status: PaymentStatus;
  issued_at: number | null;
  issued_by: number | null;
  created_by: number | null;
  created_at: number;
  updated_at: number;
  issued_by_name: string | null;
  created_by_name: string | null;
  original_number: number | null;
}

export interface LineRow {
  id: number;
  description_ar: string;
  description_en: string | null;
  quantity_milli: number;
  unit_price: number;
  vat_category: VatCategory;
  exemption_reason: string | null;
  net: number;
}

interface PaymentRow {
  id: number;
  paid_on: string;
  amount: number;
  method: PaymentMethod;
  reference: string | null;
  created_by_name: string | null;
  created_at: number;
}

/** A document with the names the lists show beside it. */
export const documentSelect = `select d.*, iu.name as issued_by_name, cu.name as created_by_name, od.counter_value as original_number
  from invoice_documents d
  left join users iu on iu.id = d.issued_by
  left join users cu on cu.id = d.created_by
  left join invoice_documents od on od.id = d.original_id`;

export interface DocumentQueries {
  byId: Database.Statement<[number], DocumentRow>;
  lines: Database.Statement<[number], LineRow>;
  payments: Database.Statement<[number], PaymentRow>;
  citing: Database.Statement<[number], { id: number; kind: 'credit_note' | 'debit_note'; counter_value: number | null; total: number }>;
}

export function documentQueries(sqlite: Database.Database): DocumentQueries {
  return {
    byId: sqlite.prepare<[number], DocumentRow>(`${documentSelect} where d.id = ?`),
    lines: sqlite.prepare<[number], LineRow>(
      'select id, description_ar, description_en, quantity_milli, unit_price, vat_category, exemption_reason, net from invoice_lines where document_id = ? order by position',
    ),
    payments: sqlite.prepare<[number], PaymentRow>(
      `select p.id, p.paid_on, p.amount, p.method, p.reference, u.name as created_by_name, p.created_at
       from invoice_payments p left join users u on u.id = p.created_by where p.document_id = ? order by p.id`,
    ),
    citing: sqlite.prepare<[number], { id: number; kind: 'credit_note' | 'debit_note'; counter_value: number | null; total: number }>(
      "select id, kind, counter_value, total from invoice_documents where original_id = ? and status = 'issued' order by counter_value",
    ),
  };
}

export function toLineView(row: LineRow): InvoiceLineView {
  return {
    id: row.id,
    descriptionAr: row.description_ar,
    descriptionEn: row.description_en,
    quantity: quantityText(row.quantity_milli),
    unitPrice: row.unit_price,
    vatCategory: row.vat_category,
    exemptionReason: row.exemption_reason,
    net: row.net,
  };
}

export function toPaymentView(row: PaymentRow): PaymentView {
  return { id: row.id, paidOn: row.paid_on, amount: row.amount, method: row.method, reference: row.reference, createdByName: row.created_by_name, createdAt: toIso(row.created_at) };
}

/** A draft's type follows today's settings and buyer; an issued document's was fixed when it was issued. */
export function typeOf(vatRegistered: boolean, buyerVatNumber: string | null): InvoiceType {
  if (!vatRegistered) return 'plain';
  return buyerVatNumber ? 'tax' : 'simplified';
}

export function toInvoiceView(row: DocumentRow, draftType: InvoiceType): InvoiceView {
  return {
    id: row.id,
    uuid: row.uuid,
    kind: row.kind,
    status: row.status,
    type: row.invoice_type ?? draftType,
    number: row.counter_value,
    contactId: row.contact_id,
    buyerName: row.buyer_name,
    buyerVatNumber: row.buyer_vat_number,
    offerId: row.offer_id,
    originalId: row.original_id,
    originalNumber: row.original_number,
    reason: row.reason,
    net: row.net_total,
    vat: row.vat_total,
    total: row.total,
    paid: row.paid_total,
    paymentStatus: row.payment_status,
    issuedAt: toIso(row.issued_at),
    issuedByName: row.issued_by_name,
    createdBy: row.created_by,
    createdByName: row.created_by_name,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

export function parseSeller(row: DocumentRow): SellerSnapshot | null {
  return row.seller ? (JSON.parse(row.seller) as SellerSnapshot) : null;
}
