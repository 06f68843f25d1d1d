import { findChromium } from '../scripts/chromium';
import { chromiumPrinter } from '../src/main/services/invoices/pdf/chromium-printer';
import { startTestCore } from '../src/main/testing/test-core';
import { distribution, heading, line, ms, target } from './report';

/**
 * Issue 17's PDF target: an issued invoice printed by the host's headless Chromium, warm (the
 * browser already started by an earlier print), median under a second. Its own small office:
 * printing does not depend on the size of the database.
 */
export async function benchInvoicePdf(migrationsDir: string, rounds = 15): Promise<void> {
  heading('Invoice PDF (headless Chromium, warm)');
  const t = startTestCore({ migrationsDir, invoicePrinter: chromiumPrinter(() => findChromium()) });
  try {
    const admin = await t.setupAdmin();
    await t.call('office.updateTax', { vatRegistered: true, sellerNameAr: 'مكتب ميراس للعقارات', sellerNameEn: 'Meras Real Estate', vatNumber: '310122393500003', vatRates: [{ from: '2020-07-01', basisPoints: 1500 }] }, admin.token);
    const contact = await t.call('contacts.create', { name: 'بدر المطيري', phone: '0557741260' }, admin.token);
    const lines = Array.from({ length: 8 }, (_, i) => ({ descriptionAr: `بند رقم ${i + 1}`, descriptionEn: `Line ${i + 1}`, quantity: '1', unitPrice: '1,250.50', vatCategory: 'standard' as const }));
    const draft = await t.call('invoices.createDraft', { contactId: contact.id, lines }, admin.token);
    const issued = await t.call('invoices.issue', { id: draft.id }, admin.token);
    const coldStarted = performance.now();
    await t.call('invoices.pdf', { id: issued.id }, admin.token);
    line('first print (starts Chromium)', ms(performance.now() - coldStarted));
    const samples: number[] = [];
    let size = 0;
    for (let i = 0; i < rounds; i++) {
      const started = performance.now();
      size = (await t.call('invoices.pdf', { id: issued.id }, admin.token)).base64.length;
      samples.push(performance.now() - started);
    }
    const d = distribution(samples);
    line('PDF size', `${Math.round((size * 3) / 4 / 1024)} KiB`);
    target('invoice PDF, warm (median)', `${ms(d.median)} (p95 ${ms(d.p95)})`, d.median < 1000, '< 1 s');
  } finally {
    await t.close();
  }
}
