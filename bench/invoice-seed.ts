import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { SellerSnapshot } from '../src/shared/invoices/types';
import { plainAmount } from '../src/shared/invoices/vat';
import { officeCalendarOf } from '../src/main/calendar/office-calendar-setting';
import { canonicalJson, documentHash, firstPreviousHash } from '../src/main/services/invoices/invoice-hash';
import { qrTimestamp } from '../src/main/services/invoices/zatca-qr';

const day = 24 * 60 * 60_000;

/**
 * `count` issued documents spread evenly over the year before `until`, written as the service
 * issues them (a draft with its line, then numbered from the one counter, chained and frozen)
 * but in one transaction, so the benchmark's office holds a year of invoicing in seconds: mostly
 * invoices, some credit and debit notes citing the invoice before them, paid, partly paid or not.
 */
export function seedIssuedDocuments(sqlite: Database.Database, o: { count: number; until: number; contactIds: number[]; userId: number; seller: SellerSnapshot }): void {
  const calendar = officeCalendarOf(sqlite);
  const insertDraft = sqlite.prepare<[string, string, number, string, number | null, string | null, number, number, number, number, number, number]>(
    `insert into invoice_documents (uuid, kind, status, contact_id, buyer_name, original_id, reason, net_total, vat_total, total, created_by, created_at, updated_at)
     values (?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertLine = sqlite.prepare<[number, number, number]>(
    "insert into invoice_lines (document_id, position, description_ar, description_en, quantity_milli, unit_price, vat_category, net) values (?, 0, 'عمولة وساطة عقارية', 'Brokerage commission', 1000, ?, 'standard', ?)",
  );
  const takeNumber = sqlite.prepare<[], { value: number }>('update invoice_counter set value = value + 1 where id = 1 returning value');
  const issue = sqlite.prepare<{ number: number; previousHash: string; hash: string; canonical: string; seller: string; supplyDate: string; issuedAt: number; userId: number; paid: number; id: number }>(
    `update invoice_documents set status = 'issued', invoice_type = 'simplified', counter_value = @number, previous_hash = @previousHash, hash = @hash, canonical = @canonical,
       seller = @seller, supply_date = @supplyDate, issued_at = @issuedAt, issued_by = @userId, paid_total = @paid,
       payment_status = case when @paid = 0 then 'unpaid' when @paid >= total then 'paid' else 'partly_paid' end, updated_at = @issuedAt
     where id = @id`,
  );
  const seller = JSON.stringify(o.seller);
  sqlite.transaction(() => {
    let previousHash = firstPreviousHash;
    let lastInvoice: { id: number; uuid: string; number: number } | null = null;
    for (let i = 0; i < o.count; i++) {
      const issuedAt = Math.floor((o.until - 365 * day + (i * 365 * day) / o.count) / 1000) * 1000;
      const kind = lastInvoice && i % 15 === 7 ? 'credit_note' : lastInvoice && i % 33 === 11 ? 'debit_note' : 'invoice';
      const contactId = o.contactIds[i % o.contactIds.length]!;
      const net = kind === 'invoice' ? 1_000_000 + ((i * 7919) % 5_000_000) : 50_000;
      const vat = Math.round(net * 0.15);
      const uuid = randomUUID();
      const original = kind === 'invoice' ? null : lastInvoice;
      const info = insertDraft.run(uuid, kind, contactId, `عميل ${contactId}`, original?.id ?? null, original ? 'تصحيح المبلغ' : null, net, vat, net + vat, o.userId, issuedAt - 3_600_000, issuedAt - 3_600_000);
      const id = Number(info.lastInsertRowid);
      insertLine.run(id, net, net);
      const number = takeNumber.get()!.value;
      const supplyDate = calendar.officeDay(issuedAt);
      const canonical = canonicalJson({
        uuid,
        kind,
        type: 'simplified',
        number,
        issuedAt: qrTimestamp(issuedAt),
        supplyDate,
        seller: o.seller,
        buyer: { name: `عميل ${contactId}`, vatNumber: null },
        original: original ? { uuid: original.uuid, number: original.number } : null,
        reason: original ? 'تصحيح المبلغ' : null,
        lines: [{ descriptionAr: 'عمولة وساطة عقارية', descriptionEn: 'Brokerage commission', quantity: '1', unitPrice: plainAmount(net), vatCategory: 'standard', exemptionReason: null, net: plainAmount(net) }],
        totals: { net: plainAmount(net), vat: plainAmount(vat), total: plainAmount(net + vat), byCategory: [{ category: 'standard', rateBasisPoints: 1500, net: plainAmount(net), vat: plainAmount(vat) }] },
        currency: 'SAR',
        previousHash,
      });
      const hash = documentHash(canonical);
      // A third paid in full, a third in part, a third not yet.
      const paid = kind !== 'invoice' ? 0 : i % 3 === 0 ? net + vat : i % 3 === 1 ? Math.floor((net + vat) / 2) : 0;
      issue.run({ number, previousHash, hash, canonical, seller, supplyDate, issuedAt, userId: o.userId, paid, id });
      previousHash = hash;
      if (kind === 'invoice') lastInvoice = { id, uuid, number };
    }
  })();
}
