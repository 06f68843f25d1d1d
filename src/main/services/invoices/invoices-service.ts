import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { errorReasons } from '../../../shared/errors';
import type { addPaymentInput, createDraftInput, createNoteInput, invoiceListInput, lineInput, updateDraftInput } from '../../../shared/invoices/schemas';
import type { DocumentTotals, InvoiceDetail, InvoicePage, InvoiceType, PaymentStatus, SellerSnapshot } from '../../../shared/invoices/types';
import { documentTotals, lineNet, plainAmount, quantityText, rateOn } from '../../../shared/invoices/vat';
import type { OfficeTaxSettings } from '../../../shared/office/tax';
import type { OfferDetail } from '../../../shared/offers/types';
import type { brokerageInput } from '../../../shared/invoices/schemas';
import type { BrokeragePrefill } from '../../../shared/invoices/types';
import { brokeragePrefill } from './brokerage';
import type { Clock } from '../../base/clock';
import type { OfficeCalendar } from '../../calendar/office-calendar';
import type { Audience, EventBus } from '../../events/event-bus';
import { AppError, fieldError } from '../../rpc/app-error';
import type { ActivityLog } from '../activity/activity-log';
import type { Caller } from '../auth/auth-service';
import type { ContactAccess } from '../contacts/contact-access';
import { documentQueries, documentSelect, parseSeller, toInvoiceView, toLineView, toPaymentView, typeOf, type DocumentRow, type LineRow } from './invoice-records';
import { canonicalJson, documentHash, firstPreviousHash } from './invoice-hash';
import { encodeZatcaQr, qrTimestamp } from './zatca-qr';

type Line = z.output<typeof lineInput>;

export interface InvoiceDeps {
  sqlite: Database.Database;
  contacts: ContactAccess;
  /** The offer, or NOT_FOUND when the caller may not see it. */
  offer: (caller: Caller, offerId: number) => OfferDetail;
  activity: ActivityLog;
  bus: EventBus;
  clock: Clock;
  calendar: () => OfficeCalendar;
  tax: () => OfficeTaxSettings;
  /** The seller as the settings say now (VAT settings and the office profile). */
  seller: () => SellerSnapshot;
}

/**
 * Invoices, credit and debit notes under ZATCA phase 1. Drafts are edited freely and carry no
 * number; issuing is one immediate transaction that takes the next counter value, the previous
 * document's hash, freezes the seller, the totals and the canonical form, and hashes it. Issued
 * documents never change: the service answers CONFLICT, and the database's triggers refuse it
 * even from outside the app.
 */
export class InvoicesService {
  private readonly q;
  private readonly sqlite: Database.Database;

  constructor(private readonly d: InvoiceDeps) {
    const sqlite = (this.sqlite = d.sqlite);
    this.q = {
      ...documentQueries(sqlite),
      contact: sqlite.prepare<[number], { id: number; name: string | null; phone: string }>('select id, name, phone from contacts where id = ?'),
      insert: sqlite.prepare<{ uuid: string; kind: string; contactId: number | null; buyerName: string; buyerVat: string | null; offerId: number | null; originalId: number | null; reason: string | null; notes: string | null; userId: number; now: number }>(
        `insert into invoice_documents (uuid, kind, status, contact_id, buyer_name, buyer_vat_number, offer_id, original_id, reason, notes, created_by, created_at, updated_at)
         values (@uuid, @kind, 'draft', @contactId, @buyerName, @buyerVat, @offerId, @originalId, @reason, @notes, @userId, @now, @now)`,
      ),
      insertLine: sqlite.prepare<[number, number, string, string | null, number, number, string, string | null, number]>(
        `insert into invoice_lines (document_id, position, description_ar, description_en, quantity_milli, unit_price, vat_category, exemption_reason, net)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      deleteLines: sqlite.prepare<[number]>('delete from invoice_lines where document_id = ?'),
      updateDraft: sqlite.prepare<{ id: number; buyerName: string; buyerVat: string | null; reason: string | null; notes: string | null; net: number; vat: number; total: number; now: number }>(
        `update invoice_documents set buyer_name = @buyerName, buyer_vat_number = @buyerVat, reason = @reason, notes = @notes,
           net_total = @net, vat_total = @vat, total = @total, updated_at = @now where id = @id and status = 'draft'`,
      ),
      deleteDraft: sqlite.prepare<[number]>("delete from invoice_documents where id = ? and status = 'draft'"),
      takeNumber: sqlite.prepare<[], { value: number }>('update invoice_counter set value = value + 1 where id = 1 returning value'),
      hashOf: sqlite.prepare<[number], { hash: string }>('select hash from invoice_documents where counter_value = ?'),
      issue: sqlite.prepare<{ id: number; type: string; counter: number; previousHash: string; hash: string; canonical: string; seller: string; supplyDate: string; net: number; vat: number; total: number; issuedAt: number; userId: number }>(
        `update invoice_documents set status = 'issued', invoice_type = @type, counter_value = @counter, previous_hash = @previousHash, hash = @hash,
           canonical = @canonical, seller = @seller, supply_date = @supplyDate, net_total = @net, vat_total = @vat, total = @total,
           issued_at = @issuedAt, issued_by = @userId, updated_at = @issuedAt
         where id = @id and status = 'draft'`,
      ),
      credited: sqlite.prepare<[number], { total: number }>("select coalesce(sum(total), 0) as total from invoice_documents where original_id = ? and kind = 'credit_note' and status = 'issued'"),
      insertPayment: sqlite.prepare<[number, string, number, string, string | null, number, number]>(
        'insert into invoice_payments (document_id, paid_on, amount, method, reference, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?)',
      ),
      setPaid: sqlite.prepare<[number, string, number, number]>('update invoice_documents set paid_total = ?, payment_status = ?, updated_at = ? where id = ?'),
      managers: sqlite.prepare<[], { id: number }>("select id from users where is_active = 1 and role in ('admin', 'supervisor')"),
    };
  }

  list(caller: Caller, input: z.output<typeof invoiceListInput>): InvoicePage {
    const where: string[] = [];
    const params: Record<string, string | number> = { limit: input.limit + 1 };
    const scope = this.d.contacts.scope(caller);
    if (scope) {
      where.push(`exists (select 1 from contacts c where c.id = d.contact_id and ${scope.where})`);
      Object.assign(params, scope.params);
    }
    if (input.status) (where.push('d.status = @status'), (params.status = input.status));
    if (input.paymentStatus) (where.push("d.status = 'issued' and d.payment_status = @paymentStatus"), (params.paymentStatus = input.paymentStatus));
    if (input.kind) (where.push('d.kind = @kind'), (params.kind = input.kind));
    if (input.contactId) (where.push('d.contact_id = @contactId'), (params.contactId = input.contactId));
    const calendar = this.d.calendar();
    // The issue day, or a draft's creation day: written as two ranges rather than over coalesce(),
    // so both are looked up in the issued_at index (a month of 20,000 documents: ~1 ms, not a scan).
    if (input.from || input.to) {
      params.fromMs = input.from ? calendar.dayStart(input.from) : 0;
      params.toMs = input.to ? calendar.nextDayStart(calendar.dayStart(input.to)) : Number.MAX_SAFE_INTEGER;
      where.push('((d.issued_at >= @fromMs and d.issued_at < @toMs) or (d.issued_at is null and d.created_at >= @fromMs and d.created_at < @toMs))');
    }
    if (input.before) (where.push('d.id < @before'), (params.before = input.before));
    // The page's ids are chosen first, on the document rows alone; only those are joined and read
    // whole (a date range sorts its matches, and sorting bare ids is cheap).
    const sql = `${documentSelect} where d.id in (select d.id from invoice_documents d ${where.length ? `where ${where.join(' and ')}` : ''} order by d.id desc limit @limit) order by d.id desc`;
    const rows = this.sqlite.prepare<Record<string, string | number>, DocumentRow>(sql).all(params);
    const more = rows.length > input.limit;
    const page = more ? rows.slice(0, input.limit) : rows;
    const tax = this.d.tax();
    return { data: page.map((row) => toInvoiceView(row, typeOf(tax.vatRegistered, row.buyer_vat_number))), nextCursor: more ? page[page.length - 1]!.id : null };
  }

  get(caller: Caller, id: number): InvoiceDetail {
    return this.detail(this.visible(caller, id));
  }

  createDraft(caller: Caller, input: z.output<typeof createDraftInput>): InvoiceDetail {
    const contact = this.q.contact.get(input.contactId);
    if (!contact) throw new AppError('NOT_FOUND', `Contact with ID '${input.contactId}' not found`);
    this.d.contacts.require(caller, contact.id);
    if (input.offerId !== undefined && this.d.offer(caller, input.offerId).contactId !== contact.id) {
      throw fieldError('offerId', 'invalid', 'The offer is another customer’s');
    }
    const id = this.insertDraft(caller, {
      kind: 'invoice',
      contactId: contact.id,
      buyerName: input.buyerName ?? contact.name ?? contact.phone,
      buyerVat: input.buyerVatNumber ?? null,
      offerId: input.offerId ?? null,
      originalId: null,
      reason: null,
      notes: input.notes || null,
      lines: input.lines,
    });
    return this.changed(id);
  }

  /** A note cites an issued invoice and takes its buyer. */
  createNote(caller: Caller, input: z.output<typeof createNoteInput>): InvoiceDetail {
    const original = this.visible(caller, input.originalId);
    if (original.status !== 'issued' || original.kind !== 'invoice') {
      throw new AppError('UNPROCESSABLE_ENTITY', errorReasons.originalNotIssued, undefined, 'A credit or debit note cites an issued invoice');
    }
    const id = this.insertDraft(caller, {
      kind: input.kind,
      contactId: original.contact_id,
      buyerName: original.buyer_name,
      buyerVat: original.buyer_vat_number,
      offerId: original.offer_id,
      originalId: original.id,
      reason: input.reason,
      notes: input.notes || null,
      lines: input.lines,
    });
    return this.changed(id);
  }

  updateDraft(caller: Caller, input: z.output<typeof updateDraftInput>): InvoiceDetail {
    const row = this.requireDraft(caller, input.id);
    const isNote = row.kind !== 'invoice';
    if (isNote && (input.buyerName !== undefined || input.buyerVatNumber !== undefined)) throw fieldError('buyerName', 'invalid', 'A note’s buyer is its invoice’s');
    if (!isNote && input.reason !== undefined) throw fieldError('reason', 'invalid', 'Only a credit or debit note has a reason');
    const now = this.d.clock.now();
    this.sqlite.transaction(() => {
      if (input.lines) {
        this.q.deleteLines.run(row.id);
        this.insertLines(row.id, input.lines);
      }
      const totals = this.draftTotals(row.id);
      this.q.updateDraft.run({
        id: row.id,
        buyerName: input.buyerName ?? row.buyer_name,
        buyerVat: input.buyerVatNumber === undefined ? row.buyer_vat_number : input.buyerVatNumber,
        reason: input.reason ?? row.reason,
        notes: input.notes === undefined ? row.notes : input.notes || null,
        net: totals.net,
        vat: totals.vat,
        total: totals.total,
        now,
      });
      this.d.activity.record({ userId: caller.user.id, action: 'invoice.updated', entityType: 'invoice', entityId: row.id, details: { kind: row.kind, total: totals.total } });
    })();
    return this.changed(row.id);
  }

  deleteDraft(caller: Caller, id: number): { ok: true } {
    const row = this.requireDraft(caller, id);
    this.sqlite.transaction(() => {
      this.q.deleteDraft.run(row.id);
      this.d.activity.record({ userId: caller.user.id, action: 'invoice.deleted', entityType: 'invoice', entityId: row.id, details: { kind: row.kind, buyer: row.buyer_name, total: row.total } });
    })();
    this.publish(row.id, row.contact_id);
    return { ok: true };
  }

  /**
   * Numbers and freezes a draft. The counter, the previous hash and the document change in one
   * immediate transaction: two callers issuing at once are serialised by SQLite's write lock,
   * and a refusal or failure rolls the counter back, so the numbers have no gaps.
   */
  issue(caller: Caller, id: number): InvoiceDetail {
    this.visible(caller, id);
    const issuedAt = Math.floor(this.d.clock.now() / 1000) * 1000;
    this.sqlite
      .transaction(() => {
        const row = this.q.byId.get(id)!;
        if (row.status === 'issued') throw this.issued(row);
        const tax = this.d.tax();
        const seller = this.d.seller();
        if (!seller.nameAr) throw new AppError('UNPROCESSABLE_ENTITY', errorReasons.sellerNotSet, undefined, 'Set the seller’s name in Settings → Office → VAT first');
        const original = row.original_id === null ? null : this.q.byId.get(row.original_id)!;
        const supplyDate = this.d.calendar().officeDay(issuedAt);
        const totals = this.totalsFor(this.q.lines.all(row.id), tax, supplyDate);
        if (original && row.kind === 'credit_note') {
          const left = original.total - this.q.credited.get(original.id)!.total;
          if (totals.total > left) {
            throw new AppError('UNPROCESSABLE_ENTITY', [{ field: 'lines', code: 'exceeds_balance', message: 'The credit is more than the invoice has left', params: { left } }]);
          }
        }
        const type: InvoiceType = original?.invoice_type ?? typeOf(tax.vatRegistered, row.buyer_vat_number);
        const counter = this.q.takeNumber.get()!.value;
        const previousHash = counter === 1 ? firstPreviousHash : this.q.hashOf.get(counter - 1)!.hash;
        const canonical = canonicalJson({
          uuid: row.uuid,
          kind: row.kind,
          type,
          number: counter,
          issuedAt: qrTimestamp(issuedAt),
          supplyDate,
          seller,
          buyer: { name: row.buyer_name, vatNumber: row.buyer_vat_number },
          original: original ? { uuid: original.uuid, number: original.counter_value } : null,
          reason: row.reason,
          lines: this.q.lines.all(row.id).map((l) => ({
            descriptionAr: l.description_ar,
            descriptionEn: l.description_en,
            quantity: quantityText(l.quantity_milli),
            unitPrice: plainAmount(l.unit_price),
            vatCategory: l.vat_category,
            exemptionReason: l.exemption_reason,
            net: plainAmount(l.net),
          })),
          totals: { net: plainAmount(totals.net), vat: plainAmount(totals.vat), total: plainAmount(totals.total), byCategory: totals.byCategory.map((c) => ({ ...c, net: plainAmount(c.net), vat: plainAmount(c.vat) })) },
          currency: 'SAR',
          previousHash,
        });
        this.q.issue.run({
          id: row.id,
          type,
          counter,
          previousHash,
          hash: documentHash(canonical),
          canonical,
          seller: JSON.stringify(seller),
          supplyDate,
          net: totals.net,
          vat: totals.vat,
          total: totals.total,
          issuedAt,
          userId: caller.user.id,
        });
        this.d.activity.record({ userId: caller.user.id, action: 'invoice.issued', entityType: 'invoice', entityId: row.id, details: { kind: row.kind, number: counter, total: totals.total } });
      })
      .immediate();
    return this.changed(id);
  }

  addPayment(caller: Caller, input: z.output<typeof addPaymentInput>): InvoiceDetail {
    const row = this.visible(caller, input.id);
    if (row.status !== 'issued') throw new AppError('UNPROCESSABLE_ENTITY', [{ field: 'id', code: 'invalid', message: 'Payments are recorded on issued documents' }]);
    const now = this.d.clock.now();
    this.sqlite
      .transaction(() => {
        const fresh = this.q.byId.get(row.id)!;
        const left = fresh.total - fresh.paid_total;
        if (input.amount > left) throw new AppError('VALIDATION_ERROR', [{ field: 'amount', code: 'exceeds_balance', message: 'More than is still owed', params: { left } }]);
        this.q.insertPayment.run(row.id, input.paidOn, input.amount, input.method, input.reference || null, caller.user.id, now);
        const paid = fresh.paid_total + input.amount;
        const status: PaymentStatus = paid >= fresh.total ? 'paid' : paid > 0 ? 'partly_paid' : 'unpaid';
        this.q.setPaid.run(paid, status, now, row.id);
        this.d.activity.record({ userId: caller.user.id, action: 'invoice.payment_added', entityType: 'invoice', entityId: row.id, details: { amount: input.amount, method: input.method, paymentStatus: status } });
      })
      .immediate();
    return this.changed(row.id);
  }

  /** The brokerage helper's line for an offer the caller may see. */
  brokerage(caller: Caller, input: z.output<typeof brokerageInput>): BrokeragePrefill {
    return brokeragePrefill(this.sqlite, this.d.offer(caller, input.offerId), input.basis);
  }

  /** Documents for a customer the caller may see; NOT_FOUND otherwise, so they are not told it exists. */
  private visible(caller: Caller, id: number): DocumentRow {
    const row = this.q.byId.get(id);
    const notFound = () => new AppError('NOT_FOUND', `Invoice with ID '${id}' not found`);
    if (!row) throw notFound();
    if (this.d.contacts.scope(caller)) {
      if (row.contact_id === null) throw notFound();
      try {
        this.d.contacts.require(caller, row.contact_id);
      } catch {
        throw notFound();
      }
    }
    return row;
  }

  private requireDraft(caller: Caller, id: number): DocumentRow {
    const row = this.visible(caller, id);
    if (row.status !== 'draft') throw this.issued(row);
    return row;
  }

  private issued(row: DocumentRow): AppError {
    return new AppError('CONFLICT', errorReasons.documentIssued, undefined, `Document #${row.counter_value} is issued: it cannot change or be deleted; correct it with a credit or debit note`);
  }

  private insertDraft(
    caller: Caller,
    doc: { kind: string; contactId: number | null; buyerName: string; buyerVat: string | null; offerId: number | null; originalId: number | null; reason: string | null; notes: string | null; lines: Line[] },
  ): number {
    const now = this.d.clock.now();
    return this.sqlite.transaction(() => {
      const id = Number(this.q.insert.run({ uuid: randomUUID(), ...doc, userId: caller.user.id, now }).lastInsertRowid);
      this.insertLines(id, doc.lines);
      const totals = this.draftTotals(id);
      this.sqlite.prepare('update invoice_documents set net_total = ?, vat_total = ?, total = ? where id = ?').run(totals.net, totals.vat, totals.total, id);
      this.d.activity.record({ userId: caller.user.id, action: 'invoice.drafted', entityType: 'invoice', entityId: id, details: { kind: doc.kind, buyer: doc.buyerName, total: totals.total } });
      return id;
    })();
  }

  private insertLines(id: number, lines: Line[]): void {
    lines.forEach((line, position) => {
      const reason = line.vatCategory === 'exempt' ? line.exemptionReason || null : null;
      this.q.insertLine.run(id, position, line.descriptionAr, line.descriptionEn || null, line.quantity, line.unitPrice, line.vatCategory, reason, lineNet(line.quantity, line.unitPrice));
    });
  }

  private totalsFor(lines: LineRow[], tax: OfficeTaxSettings, supplyDate: string): DocumentTotals {
    return documentTotals(
      lines.map((l) => ({ quantityMilli: l.quantity_milli, unitPrice: l.unit_price, vatCategory: l.vat_category })),
      rateOn(tax.vatRates, supplyDate),
      tax.vatRegistered,
    );
  }

  /** A draft's totals as it would be issued today. */
  private draftTotals(id: number): DocumentTotals {
    return this.totalsFor(this.q.lines.all(id), this.d.tax(), this.today());
  }

  private today(): string {
    return this.d.calendar().officeDay(this.d.clock.now());
  }

  private changed(id: number): InvoiceDetail {
    const row = this.q.byId.get(id)!;
    this.publish(row.id, row.contact_id);
    return this.detail(row);
  }

  private publish(invoiceId: number, contactId: number | null): void {
    const audience: Audience = contactId === null ? { kind: 'users', userIds: this.q.managers.all().map((r) => r.id) } : this.d.contacts.audience(contactId);
    this.d.bus.publish('invoices.changed', { invoiceId, contactId }, audience);
  }

  private detail(row: DocumentRow): InvoiceDetail {
    const lines = this.q.lines.all(row.id);
    const tax = this.d.tax();
    const issued = row.status === 'issued';
    const supplyDate = row.supply_date ?? this.today();
    const seller = parseSeller(row) ?? this.d.seller();
    const totals = this.totalsFor(lines, issued ? { ...tax, vatRegistered: seller.vatRegistered, vatRates: [{ from: '0000-01-01', basisPoints: this.issuedRate(row, tax) }] } : tax, supplyDate);
    const view = toInvoiceView(row, typeOf(tax.vatRegistered, row.buyer_vat_number));
    const qr =
      issued && view.type !== 'plain' && seller.vatNumber
        ? encodeZatcaQr({ sellerName: seller.nameAr, vatNumber: seller.vatNumber, timestamp: qrTimestamp(row.issued_at!), total: plainAmount(row.total), vatTotal: plainAmount(row.vat_total) })
        : null;
    return {
      ...view,
      ...(issued ? {} : { net: totals.net, vat: totals.vat, total: totals.total }),
      notes: row.notes,
      lines: lines.map(toLineView),
      totals,
      payments: this.q.payments.all(row.id).map(toPaymentView),
      seller,
      supplyDate,
      previousHash: row.previous_hash,
      hash: row.hash,
      qr,
      notesCiting: this.q.citing.all(row.id).map((n) => ({ id: n.id, kind: n.kind, number: n.counter_value, total: n.total })),
    };
  }

  /** The standard rate an issued document was computed with, as frozen in its canonical form. */
  private issuedRate(row: DocumentRow, tax: OfficeTaxSettings): number {
    const frozen = row.canonical ? (JSON.parse(row.canonical) as { totals: { byCategory: { category: string; rateBasisPoints: number }[] } }).totals.byCategory.find((c) => c.category === 'standard') : undefined;
    return frozen?.rateBasisPoints ?? rateOn(tax.vatRates, row.supply_date ?? this.today());
  }
}

