import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import puppeteer from 'puppeteer-core';
import { toDataURL } from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../../../scripts/chromium';
import { commissionLine, invoicesOffice, type InvoicesOffice } from '../../testing/invoices-office';
import { chromiumPrinter } from './pdf/chromium-printer';
import { invoiceFontFiles } from './pdf/invoice-font';
import { invoiceFontFamily, invoiceHtml } from './pdf/invoice-html';
import { fontsReadyScript } from './pdf/invoice-printer';
import { decodeZatcaQr, qrTimestamp } from './zatca-qr';

// One office and one Chromium for the file: launching either is slow.
let o: InvoicesOffice;
beforeAll(async () => {
  o = await invoicesOffice({ core: { invoicePrinter: chromiumPrinter(() => findChromium()) } });
  await o.t.call('office.update', { profile: { legalNameAr: 'شركة ميراس العقارية', legalNameEn: 'Meras Real Estate Co.', crNumber: '1010123456', falLicenceNumber: '1200012345', nationalAddress: 'حي الملقا، الرياض', phone: '' } }, o.admin.token);
}, 120_000);
afterAll(() => o.t.close());

const issued = async () => {
  const d = await o.t.call(
    'invoices.createDraft',
    { contactId: o.khalidContact, lines: [commissionLine('43,750'), { descriptionAr: 'رسوم توثيق', quantity: '1', unitPrice: '100', vatCategory: 'exempt', exemptionReason: 'رسوم حكومية' }] },
    o.agent.token,
  );
  return o.t.call('invoices.issue', { id: d.id }, o.supervisor.token);
};

describe('the invoice PDF', () => {
  it('is an A4 PDF that embeds the bundled Arabic font and is titled with the document’s number', async () => {
    const doc = await issued();
    const pdf = await o.t.call('invoices.pdf', { id: doc.id }, o.agent.token);
    expect(pdf.fileName).toBe(`INV-${String(doc.number).padStart(6, '0')}.pdf`);
    const bytes = Buffer.from(pdf.base64, 'base64');
    const text = bytes.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    // Skia writes the embedded font's own name (subset-prefixed) and its file.
    expect(text).toMatch(/\/BaseFont\s*\/[A-Z]{6}\+IBMPlexSansArabic/);
    expect(text).toMatch(/\/FontFile[23]?/);
    expect(text).toContain(`/Title (${pdf.fileName.replace('.pdf', '')})`);
    // A4 is 595 × 842 points.
    expect(text).toMatch(/\/MediaBox\s*\[0 0 59[45]\.?\d* 84[12]\.?\d*\]/);
  }, 120_000);

  it('holds the seller, their VAT, CR and FAL numbers, both calendars, the buyer, VAT per category, the totals, the exemption and the QR', async () => {
    const doc = await o.t.call('invoices.get', { id: (await issued()).id }, o.admin.token);
    const html = invoiceHtml(doc, { fonts: invoiceFontFiles(undefined), qrDataUrl: 'data:image/png;base64,AAAA', timeZone: 'Asia/Riyadh' });
    for (const expected of [doc.seller.nameAr, 'Meras Real Estate', doc.seller.vatNumber!, '1010123456', '1200012345', 'خالد', 'INV-', '43,850.00 SAR', '6,562.50 SAR', '50,412.50 SAR', 'رسوم حكومية', 'data:image/png;base64,AAAA', 'هـ']) {
      expect(html, expected).toContain(expected);
    }
    expect(html).toContain('lang="ar" dir="rtl"');
  });

  it('draws a QR that, read back from the rendered page, gives the five fields', async () => {
    const doc = await o.t.call('invoices.get', { id: (await issued()).id }, o.admin.token);
    const html = invoiceHtml(doc, { fonts: invoiceFontFiles(undefined), qrDataUrl: await toDataURL(doc.qr!, { errorCorrectionLevel: 'M', margin: 1, width: 300 }), timeZone: 'Asia/Riyadh' });
    const launch = await findChromium();
    const browser = await puppeteer.launch({ executablePath: launch.executablePath, args: launch.args, headless: true });
    try {
      const page = await browser.newPage();
      // Print resolution, roughly: the QR is 38 mm wide on paper.
      await page.setViewport({ width: 800, height: 1200, deviceScaleFactor: 4 });
      await page.setContent(html, { waitUntil: 'load' });
      expect(await page.evaluate(fontsReadyScript(invoiceFontFamily))).toBe(true);
      const shot = PNG.sync.read(Buffer.from(await (await page.$('.qr img'))!.screenshot({ type: 'png' })));
      const read = jsQR(new Uint8ClampedArray(shot.data), shot.width, shot.height);
      expect(decodeZatcaQr(read!.data)).toEqual({
        sellerName: doc.seller.nameAr,
        vatNumber: doc.seller.vatNumber,
        timestamp: qrTimestamp(Date.parse(doc.issuedAt!)),
        total: '50412.50',
        vatTotal: '6562.50',
      });
    } finally {
      await browser.close();
    }
  }, 120_000);

  it('is not made for a draft', async () => {
    const d = await o.t.call('invoices.createDraft', { contactId: o.khalidContact, lines: [commissionLine('1')] }, o.agent.token);
    expect(await o.t.failure('invoices.pdf', { id: d.id }, o.agent.token)).toMatchObject({ code: 'UNPROCESSABLE_ENTITY', details: 'document_not_issued' });
  });

  it('goes to the customer’s chat through the outbox as a PDF document', async () => {
    const doc = await issued();
    const sent = await o.t.call('invoices.sendToChat', { id: doc.id }, o.agent.token);
    expect(sent.conversationId).toBe(o.khalid);
    const row = o.t.core.database.sqlite.prepare<[number], { status: string; type: string; sender: string }>('select status, type, sender from messages where id = ?').get(sent.messageId)!;
    expect(row).toMatchObject({ status: 'queued', type: 'document', sender: 'agent' });
    const attachment = o.t.core.database.sqlite.prepare<[number], { name: string; mime_type: string; sha256: string }>('select name, mime_type, sha256 from message_attachments where message_id = ?').get(sent.messageId)!;
    expect(attachment).toMatchObject({ name: `INV-${String(doc.number).padStart(6, '0')}.pdf`, mime_type: 'application/pdf' });
    expect(o.t.core.mediaStore.read(attachment.sha256, 0, 5).toString('latin1')).toBe('%PDF-');
  }, 120_000);

  it('is not sent by an agent to a customer they do not see', async () => {
    const d = await o.t.call('invoices.createDraft', { contactId: o.fahdContact, lines: [commissionLine('1')] }, o.admin.token);
    await o.t.call('invoices.issue', { id: d.id }, o.admin.token);
    expect(await o.t.failure('invoices.sendToChat', { id: d.id }, o.agent.token)).toMatchObject({ code: 'NOT_FOUND' });
  });
});
