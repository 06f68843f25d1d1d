import { findChromium } from '../scripts/chromium';
import { chromiumPrinter } from '../src/main/services/invoices/pdf/chromium-printer';
import { manualClock, startTestCore } from '../src/main/testing/test-core';
import { seedIssuedDocuments } from './invoice-seed';
import { describe, distribution, heading, line, ms, perSecond, target, thousands } from './report';

/** Issue 17's invoice count. */
export const invoiceCount = 20_000;
const day = 24 * 60 * 60_000;

async function timed<T>(rounds: number, run: (round: number) => Promise<T>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    await run(i);
    samples.push(performance.now() - started);
  }
  return samples;
}

/**
 * Issue 17's invoice figures on an office that issued 20,000 documents over a year: the list's
 * pages and filters, issuing (the counter and the chain at that size), the PDF warm (< 1 s), and
 * the archive export's throughput. Its own office (a test core on a data folder of its own): the
 * invoices do not depend on the message database. Calls go through the router, as the renderer's do.
 */
export async function benchInvoices(migrationsDir: string): Promise<void> {
  heading(`Invoices (${thousands(invoiceCount)} issued documents, headless Chromium for PDFs)`);
  const now = Date.UTC(2026, 11, 1, 9, 0);
  const t = startTestCore({ migrationsDir, clock: manualClock(now), invoicePrinter: chromiumPrinter(() => findChromium()) });
  try {
    const admin = await t.setupAdmin();
    const supervisor = await t.createUser(admin.token, 'supervisor', 'supervisor@office.test');
    await t.call('office.updateTax', { vatRegistered: true, sellerNameAr: 'مكتب ميراس للعقارات', sellerNameEn: 'Meras Real Estate', vatNumber: '310122393500003', vatRates: [{ from: '2020-07-01', basisPoints: 1500 }] }, admin.token);
    const contactIds: number[] = [];
    for (let i = 0; i < 200; i++) contactIds.push((await t.call('contacts.create', { name: `عميل ${i + 1}`, phone: `05577${String(i).padStart(5, '0')}` }, admin.token)).id);
    const seller = (await t.call('invoices.get', { id: (await t.call('invoices.createDraft', { contactId: contactIds[0]!, lines: [{ descriptionAr: 'بند', quantity: '1', unitPrice: '1', vatCategory: 'standard' }] }, admin.token)).id }, admin.token)).seller;
    const seeded = performance.now();
    seedIssuedDocuments(t.core.database.sqlite, { count: invoiceCount, until: now - day, contactIds, userId: admin.user.id, seller });
    line('seeded (one transaction, chained)', `${((performance.now() - seeded) / 1000).toFixed(1)} s`);

    // The list: first pages under each filter, and a page deep in the list by its cursor.
    const filters: [string, Record<string, unknown>][] = [
      ['no filter', {}],
      ['issued', { status: 'issued' }],
      ['unpaid', { paymentStatus: 'unpaid' }],
      ['credit notes', { kind: 'credit_note' }],
      ['one customer', { contactId: contactIds[17] }],
      ['one month (office days)', { from: '2026-06-01', to: '2026-06-30' }],
      ['partly paid in a quarter', { paymentStatus: 'partly_paid', from: '2026-04-01', to: '2026-06-30' }],
    ];
    for (const [name, filter] of filters) {
      const d = distribution(await timed(30, () => t.call('invoices.list', { ...filter, limit: 50 }, supervisor.token)));
      target(`list, ${name}, first page`, describe(d), d.median < 50, 'median < 50 ms');
    }
    const deep = (await t.call('invoices.list', { limit: 200 }, supervisor.token)).data.at(-1)!.id - 15_000;
    const deepPage = distribution(await timed(30, () => t.call('invoices.list', { before: deep, limit: 50 }, supervisor.token)));
    target('list, a page 15,000 rows deep (cursor)', describe(deepPage), deepPage.median < 50, 'median < 50 ms');

    // Issuing at 20,000: the counter, the previous hash and the freeze, in one transaction.
    const drafts: number[] = [];
    for (let i = 0; i < 100; i++) drafts.push((await t.call('invoices.createDraft', { contactId: contactIds[i % contactIds.length]!, lines: [{ descriptionAr: 'عمولة', quantity: '1', unitPrice: '12,500', vatCategory: 'standard' }] }, supervisor.token)).id);
    const issuing = distribution(await timed(drafts.length, (i) => t.call('invoices.issue', { id: drafts[i]! }, supervisor.token)));
    target(`issue (counter at ${thousands(invoiceCount)})`, describe(issuing), issuing.median < 20, 'median < 20 ms');

    // The PDF, warm: the browser started by an earlier print.
    const printed = drafts.at(-1)!;
    const cold = performance.now();
    await t.call('invoices.pdf', { id: printed }, supervisor.token);
    line('first print (starts Chromium)', ms(performance.now() - cold));
    let size = 0;
    const pdf = distribution(await timed(15, async () => (size = (await t.call('invoices.pdf', { id: printed }, supervisor.token)).base64.length)));
    line('PDF size', `${Math.round((size * 3) / 4 / 1024)} KiB`);
    target('invoice PDF, warm', `${ms(pdf.median)} (p95 ${ms(pdf.p95)})`, pdf.median < 1000, 'median < 1 s');

    // The archive: two days of the year's documents, printed one by one into the zip.
    const started = performance.now();
    const archive = await t.call('invoices.archive', { from: '2026-06-01', to: '2026-06-02' }, supervisor.token);
    const took = performance.now() - started;
    const rate = perSecond(archive.documents, took);
    line('archive of two days', `${thousands(archive.documents)} documents, ${(archive.size / 2 ** 20).toFixed(1)} MiB in ${(took / 1000).toFixed(1)} s`);
    target('archive export throughput', `${rate.toFixed(1)} documents/s (${((archive.size / 2 ** 20) / (took / 1000)).toFixed(1)} MiB/s)`, rate >= 2, '≥ 2 docs/s');
    line(`all ${thousands(invoiceCount)} at that rate`, `${((invoiceCount / rate) / 60).toFixed(0)} min`);
  } finally {
    await t.close();
  }
}
