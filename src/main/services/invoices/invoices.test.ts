import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commissionLine, invoicesOffice, invoiceTables, registeredTax, type InvoicesOffice } from '../../testing/invoices-office';
import { decodeZatcaQr } from './zatca-qr';

// One office for the file (its users' password hashes are slow); the counter runs on across tests.
let o: InvoicesOffice;
beforeAll(async () => {
  o = await invoicesOffice();
}, 60_000);
afterAll(() => o.t.close());

const draft = (amount = '1,000', token = o.agent.token, contactId = o.khalidContact) =>
  o.t.call('invoices.createDraft', { contactId, lines: [commissionLine(amount)] }, token);

describe('drafts', () => {
  it('have no number, show live totals per VAT category, and can be edited and deleted', async () => {
    const d = await o.t.call(
      'invoices.createDraft',
      {
        contactId: o.khalidContact,
        lines: [commissionLine('703,435.54'), { descriptionAr: 'إيجار سكني', quantity: '1', unitPrice: '0.10', vatCategory: 'exempt', exemptionReason: 'إيجار سكني معفى' }],
      },
      o.agent.token,
    );
    expect(d).toMatchObject({ status: 'draft', number: null, hash: null, qr: null, kind: 'invoice', type: 'simplified', buyerName: 'خالد', paymentStatus: 'unpaid' });
    expect(d.totals.byCategory).toEqual([
      { category: 'standard', rateBasisPoints: 1500, net: 70_343_554, vat: 10_551_533 },
      { category: 'exempt', rateBasisPoints: 0, net: 10, vat: 0 },
    ]);
    expect(d.total).toBe(70_343_554 + 10 + 10_551_533);

    const edited = await o.t.call('invoices.updateDraft', { id: d.id, buyerVatNumber: '300000000000003', lines: [commissionLine('0.10')] }, o.agent.token);
    expect(edited).toMatchObject({ type: 'tax', buyerVatNumber: '300000000000003', net: 10, vat: 2, total: 12, number: null });
    expect(edited.lines).toHaveLength(1);

    expect(await o.t.call('invoices.deleteDraft', { id: d.id }, o.agent.token)).toEqual({ ok: true });
    expect(await o.t.failure('invoices.get', { id: d.id }, o.admin.token)).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuse a bad buyer VAT number under its field, writing nothing', async () => {
    const before = invoiceTables(o);
    const error = await o.t.failure('invoices.createDraft', { contactId: o.khalidContact, buyerVatNumber: '123', lines: [commissionLine('10')] }, o.agent.token);
    expect(error).toMatchObject({ code: 'VALIDATION_ERROR', details: [{ field: 'buyerVatNumber', code: 'invalid_vat_number' }] });
    expect(invoiceTables(o)).toEqual(before);
  });
});

describe('issuing', () => {
  it('numbers from one counter with no gaps, chains each hash to the one before, and freezes the document', async () => {
    const a = await draft('1,000');
    const b = await draft('2,000');
    const issuedA = await o.t.call('invoices.issue', { id: a.id }, o.supervisor.token);
    o.clock.advance(61_500);
    const issuedB = await o.t.call('invoices.issue', { id: b.id }, o.admin.token);
    expect(issuedB.number).toBe(issuedA.number! + 1);
    expect(issuedB.previousHash).toBe(issuedA.hash);
    const canonical = o.t.core.database.sqlite.prepare<[number], { canonical: string }>('select canonical from invoice_documents where id = ?').get(b.id)!.canonical;
    expect(issuedB.hash).toBe(createHash('sha256').update(canonical).digest('base64'));
    expect(JSON.parse(canonical)).toMatchObject({ uuid: b.uuid, number: issuedB.number, previousHash: issuedA.hash, totals: { net: '2000.00', vat: '300.00', total: '2300.00' } });
    expect(issuedB).toMatchObject({ status: 'issued', type: 'simplified', net: 200_000, vat: 30_000, total: 230_000, issuedByName: expect.any(String) });
    expect(issuedB.issuedAt).toMatch(/:\d\d\.000Z$/);
  });

  it('gives the QR the five fields: seller, VAT number, issue time in UTC with seconds, total and VAT', async () => {
    const d = await o.t.call('invoices.createDraft', { contactId: o.saraContact, buyerVatNumber: '399999999900003', lines: [commissionLine('1,000')] }, o.agent.token);
    const issued = await o.t.call('invoices.issue', { id: d.id }, o.supervisor.token);
    expect(issued.type).toBe('tax');
    expect(decodeZatcaQr(issued.qr!)).toEqual({
      sellerName: registeredTax.sellerNameAr,
      vatNumber: registeredTax.vatNumber,
      timestamp: issued.issuedAt!.replace('.000Z', 'Z'),
      total: '1150.00',
      vatTotal: '150.00',
    });
  });

  it('an issued document cannot be edited, deleted or issued again (CONFLICT), and nothing changes', async () => {
    const issued = await o.t.call('invoices.issue', { id: (await draft('500')).id }, o.supervisor.token);
    const before = invoiceTables(o);
    for (const [channel, input] of [
      ['invoices.updateDraft', { id: issued.id, notes: 'تعديل' }],
      ['invoices.deleteDraft', { id: issued.id }],
      ['invoices.issue', { id: issued.id }],
    ] as const) {
      expect(await o.t.failure(channel, input, o.admin.token), channel).toMatchObject({ code: 'CONFLICT', details: 'document_issued' });
    }
    expect(invoiceTables(o)).toEqual(before);
  });

  it('holds in the database too: a changed total, a deleted row, a new line or a reset counter are refused', async () => {
    const issued = await o.t.call('invoices.issue', { id: (await draft('700')).id }, o.supervisor.token);
    const sqlite = o.t.core.database.sqlite;
    expect(() => sqlite.prepare('update invoice_documents set total = 1 where id = ?').run(issued.id)).toThrow(/cannot change/);
    expect(() => sqlite.prepare('delete from invoice_documents where id = ?').run(issued.id)).toThrow(/cannot be deleted/);
    expect(() => sqlite.prepare("insert into invoice_lines (document_id, position, description_ar, quantity_milli, unit_price, vat_category, net) values (?, 9, 'x', 1000, 1, 'standard', 1)").run(issued.id)).toThrow(/cannot change/);
    expect(() => sqlite.prepare('update invoice_lines set unit_price = 1 where document_id = ?').run(issued.id)).toThrow(/cannot change/);
    expect(() => sqlite.prepare('update invoice_counter set value = 0').run()).toThrow(/never reset/);
    expect((await o.t.call('invoices.get', { id: issued.id }, o.admin.token)).total).toBe(80_500);
  });

  it('is for supervisors and admins: an agent drafts but cannot issue', async () => {
    const d = await draft('100');
    expect(await o.t.failure('invoices.issue', { id: d.id }, o.agent.token)).toMatchObject({ code: 'FORBIDDEN' });
    expect((await o.t.call('invoices.get', { id: d.id }, o.agent.token)).status).toBe('draft');
  });

  it('an agent drafts only for customers of the numbers they work, and does not see others’ documents', async () => {
    expect(await o.t.failure('invoices.createDraft', { contactId: o.fahdContact, lines: [commissionLine('10')] }, o.agent.token)).toMatchObject({ code: 'FORBIDDEN', details: 'contact_not_allowed' });
    const theirs = await draft('10', o.admin.token, o.fahdContact);
    expect(await o.t.failure('invoices.get', { id: theirs.id }, o.agent.token)).toMatchObject({ code: 'NOT_FOUND' });
    expect((await o.t.call('invoices.list', {}, o.agent.token)).data.map((d) => d.id)).not.toContain(theirs.id);
    expect((await o.t.call('invoices.list', {}, o.otherAgent.token)).data.map((d) => d.id)).toContain(theirs.id);
  });
});

describe('credit and debit notes', () => {
  it('cite the issued invoice and a reason, take its buyer, and share the one counter', async () => {
    const invoice = await o.t.call('invoices.issue', { id: (await draft('10,000')).id }, o.supervisor.token);
    const note = await o.t.call('invoices.createNote', { originalId: invoice.id, kind: 'credit_note', reason: 'خصم متفق عليه', lines: [commissionLine('1,000')] }, o.agent.token);
    expect(note).toMatchObject({ kind: 'credit_note', status: 'draft', originalId: invoice.id, originalNumber: invoice.number, reason: 'خصم متفق عليه', buyerName: 'خالد' });
    const issued = await o.t.call('invoices.issue', { id: note.id }, o.supervisor.token);
    expect(issued.number).toBe(invoice.number! + 1);
    expect((await o.t.call('invoices.get', { id: invoice.id }, o.admin.token)).notesCiting).toEqual([{ id: note.id, kind: 'credit_note', number: issued.number, total: 115_000 }]);
    const debit = await o.t.call('invoices.createNote', { originalId: invoice.id, kind: 'debit_note', reason: 'رسوم إضافية', lines: [commissionLine('200')] }, o.agent.token);
    expect((await o.t.call('invoices.issue', { id: debit.id }, o.admin.token)).number).toBe(issued.number! + 1);
  });

  it('a credit beyond what the invoice has left is refused and takes no number', async () => {
    const invoice = await o.t.call('invoices.issue', { id: (await draft('1,000')).id }, o.supervisor.token);
    const tooMuch = await o.t.call('invoices.createNote', { originalId: invoice.id, kind: 'credit_note', reason: 'إلغاء', lines: [commissionLine('1,000.01')] }, o.agent.token);
    const before = invoiceTables(o);
    expect(await o.t.failure('invoices.issue', { id: tooMuch.id }, o.supervisor.token)).toMatchObject({ code: 'UNPROCESSABLE_ENTITY', details: [{ field: 'lines', code: 'exceeds_balance' }] });
    expect(invoiceTables(o)).toEqual(before);
    const next = await o.t.call('invoices.issue', { id: (await draft('1')).id }, o.supervisor.token);
    expect(next.number).toBe(invoice.number! + 1);
  });

  it('cannot cite a draft', async () => {
    const d = await draft('1');
    expect(await o.t.failure('invoices.createNote', { originalId: d.id, kind: 'credit_note', reason: 'x', lines: [commissionLine('1')] }, o.agent.token)).toMatchObject({
      code: 'UNPROCESSABLE_ENTITY',
      details: 'original_not_issued',
    });
  });
});

describe('payments', () => {
  it('move an issued invoice from unpaid to partly paid to paid; more than is owed is refused', async () => {
    const invoice = await o.t.call('invoices.issue', { id: (await draft('1,000')).id }, o.supervisor.token);
    expect(invoice.paymentStatus).toBe('unpaid');
    const part = await o.t.call('invoices.addPayment', { id: invoice.id, paidOn: '2026-12-10', amount: '500', method: 'bank_transfer', reference: 'TRX-1' }, o.supervisor.token);
    expect(part).toMatchObject({ paymentStatus: 'partly_paid', paid: 50_000 });
    expect(await o.t.failure('invoices.addPayment', { id: invoice.id, paidOn: '2026-12-10', amount: '650.01', method: 'cash' }, o.supervisor.token)).toMatchObject({
      code: 'VALIDATION_ERROR',
      details: [{ field: 'amount', code: 'exceeds_balance', params: { left: 65_000 } }],
    });
    const paid = await o.t.call('invoices.addPayment', { id: invoice.id, paidOn: '2026-12-11', amount: '650', method: 'cash' }, o.admin.token);
    expect(paid).toMatchObject({ paymentStatus: 'paid', paid: 115_000 });
    expect(paid.payments.map((p) => [p.amount, p.method])).toEqual([
      [50_000, 'bank_transfer'],
      [65_000, 'cash'],
    ]);
    expect((await o.t.call('invoices.list', { paymentStatus: 'paid' }, o.admin.token)).data.map((d) => d.id)).toContain(invoice.id);
    expect(await o.t.failure('invoices.addPayment', { id: invoice.id, paidOn: '2026-12-10', amount: '1', method: 'cash' }, o.agent.token)).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('the brokerage helper', () => {
  it('prefills 2.5% of an accepted sale offer, and the draft bills that offer', async () => {
    const offer = await o.t.call('offers.create', { conversationId: o.khalid, propertyId: o.villa.id, amount: '2,300,000', validUntil: '2026-12-20' }, o.agent.token);
    await o.t.call('offers.accept', { id: offer.id }, o.agent.token);
    const prefill = await o.t.call('invoices.brokerage', { offerId: offer.id }, o.agent.token);
    expect(prefill).toMatchObject({ contactId: o.khalidContact, buyerName: 'خالد', basis: 'sale', baseAmount: 230_000_000, rateBasisPoints: 250, line: { unitPrice: 5_750_000, quantity: '1', vatCategory: 'standard' } });
    expect(prefill.line.descriptionAr).toContain(o.villa.name);
    const d = await o.t.call('invoices.createDraft', { contactId: prefill.contactId, offerId: offer.id, lines: [prefill.line] }, o.agent.token);
    expect(d).toMatchObject({ offerId: offer.id, net: 5_750_000, vat: 862_500, total: 6_612_500 });
  });

  it('takes the first year’s rent of a monthly rental (× 12)', async () => {
    const flat = await o.t.call('properties.create', { name: 'شقة الياسمين', type: 'apartment', listing: 'rent', rentPeriod: 'monthly', price: 5_000 }, o.admin.token);
    const offer = await o.t.call('offers.create', { conversationId: o.sara, propertyId: flat.id, amount: '5,000', validUntil: '2026-12-20' }, o.agent.token);
    const prefill = await o.t.call('invoices.brokerage', { offerId: offer.id }, o.agent.token);
    expect(prefill).toMatchObject({ basis: 'rent', baseAmount: 6_000_000, line: { unitPrice: 150_000 } });
  });

  it('refuses an offer on a number the agent does not work', async () => {
    const offer = await o.t.call('offers.create', { conversationId: o.rentalsCustomer, propertyId: o.flat.id, amount: '900,000', validUntil: '2026-12-20' }, o.admin.token);
    expect(await o.t.failure('invoices.brokerage', { offerId: offer.id }, o.agent.token)).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('Settings → Office → VAT', () => {
  it('takes a seller name of 63 Arabic letters (126 bytes) into the QR whole, and refuses 64 as it is typed', async () => {
    const name = 'ع'.repeat(63);
    await o.t.call('office.updateTax', { ...registeredTax, sellerNameAr: name }, o.admin.token);
    const before = await o.t.call('office.tax', {}, o.agent.token);
    const error = await o.t.failure('office.updateTax', { ...registeredTax, sellerNameAr: 'ع'.repeat(64) }, o.admin.token);
    expect(error).toMatchObject({ code: 'VALIDATION_ERROR', details: [{ field: 'sellerNameAr', code: 'too_many_bytes' }] });
    expect(await o.t.call('office.tax', {}, o.agent.token)).toEqual(before);
    const issued = await o.t.call('invoices.issue', { id: (await draft('1,000')).id }, o.supervisor.token);
    expect(decodeZatcaQr(issued.qr!).sellerName).toBe(name);
    expect(issued.seller.nameAr).toBe(name);
    await o.t.call('office.updateTax', registeredTax, o.admin.token);
  });

  it('are an admin’s: a supervisor is refused', async () => {
    expect(await o.t.failure('office.updateTax', registeredTax, o.supervisor.token)).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('a registered office needs its VAT number', async () => {
    expect(await o.t.failure('office.updateTax', { ...registeredTax, vatNumber: '' }, o.admin.token)).toMatchObject({ details: [{ field: 'vatNumber', code: 'required' }] });
  });
});

describe('an office not registered for VAT', () => {
  it('issues plain invoices without VAT or a QR, even to a buyer with a VAT number', async () => {
    await o.t.call('office.updateTax', { ...registeredTax, vatRegistered: false, vatNumber: '' }, o.admin.token);
    try {
      const d = await o.t.call('invoices.createDraft', { contactId: o.khalidContact, buyerVatNumber: '300000000000003', lines: [commissionLine('1,000')] }, o.agent.token);
      expect(d).toMatchObject({ type: 'plain', vat: 0, total: 100_000 });
      const issued = await o.t.call('invoices.issue', { id: d.id }, o.supervisor.token);
      expect(issued).toMatchObject({ type: 'plain', vat: 0, total: 100_000, qr: null, seller: { vatRegistered: false, vatNumber: null } });
    } finally {
      await o.t.call('office.updateTax', registeredTax, o.admin.token);
    }
  });
});

describe('the list by office days', () => {
  it('finds an issued document on its issue day and a draft on the day it was made, either end open or both set', async () => {
    const stillDraft = await draft('11');
    const issuedLater = await draft('12');
    const madeOn = stillDraft.supplyDate;
    o.clock.advance(24 * 60 * 60_000);
    const issued = await o.t.call('invoices.issue', { id: issuedLater.id }, o.supervisor.token);
    const issuedOn = issued.supplyDate;
    expect(issuedOn > madeOn).toBe(true);
    const ids = async (range: { from?: string; to?: string }) => (await o.t.call('invoices.list', { ...range, limit: 200 }, o.admin.token)).data.map((d) => d.id);
    expect(await ids({ from: madeOn, to: madeOn })).toContain(stillDraft.id);
    expect(await ids({ from: madeOn, to: madeOn })).not.toContain(issued.id);
    expect(await ids({ from: issuedOn, to: issuedOn })).toEqual([issued.id]);
    expect(await ids({ from: issuedOn })).toEqual([issued.id]);
    expect(await ids({ to: madeOn })).toContain(stillDraft.id);
    expect(await ids({ to: madeOn })).not.toContain(issued.id);
  });
});
