import { documentNumberText, type InvoiceDetail } from '../../../../shared/invoices/types';
import { formatAmount } from '../../../../shared/money';
import type { InvoiceFontFiles } from './invoice-font';

/** The family name the template declares; the printer checks it loaded before printing. */
export const invoiceFontFamily = 'Meras Invoice Arabic';

const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const typeTitles = {
  tax: ['فاتورة ضريبية', 'Tax invoice'],
  simplified: ['فاتورة ضريبية مبسطة', 'Simplified tax invoice'],
  plain: ['فاتورة', 'Invoice'],
} as const;
const kindTitles = { invoice: null, credit_note: ['إشعار دائن', 'Credit note'], debit_note: ['إشعار مدين', 'Debit note'] } as const;
const categoryTitles = {
  standard: ['خاضع للنسبة الأساسية', 'Standard rate'],
  zero_rated: ['خاضع لنسبة الصفر', 'Zero rated'],
  exempt: ['معفى', 'Exempt'],
  out_of_scope: ['خارج نطاق الضريبة', 'Out of scope'],
} as const;

/** Both calendars, in the office's zone: "03/12/2026 — 23 جمادى الآخرة 1448". */
function datesOf(iso: string, timeZone: string): { gregorian: string; hijri: string; time: string } {
  const at = new Date(iso);
  return {
    gregorian: new Intl.DateTimeFormat('en-GB', { timeZone, day: '2-digit', month: '2-digit', year: 'numeric' }).format(at),
    hijri: new Intl.DateTimeFormat('ar-SA-u-ca-islamic-umalqura-nu-latn', { timeZone, day: 'numeric', month: 'long', year: 'numeric' }).format(at),
    time: new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hour12: false }).format(at),
  };
}

/**
 * The one printed form of a document: A4, Arabic first with English beside, the bundled Arabic
 * font embedded (so the PDF looks the same on any computer), the seller's VAT, CR and FAL
 * numbers, both calendars' dates, the buyer, the lines, VAT per category, the totals, exemption
 * reasons and the QR (a PNG data URL).
 */
export function invoiceHtml(doc: InvoiceDetail, options: { fonts: InvoiceFontFiles; qrDataUrl: string | null; timeZone: string }): string {
  const money = (halalas: number) => `${formatAmount(halalas, 'en', 'latn')} SAR`;
  const number = documentNumberText(doc.kind, doc.number) ?? 'مسودة / Draft';
  const [titleAr, titleEn] = kindTitles[doc.kind] ?? typeTitles[doc.type];
  const dates = datesOf(doc.issuedAt ?? doc.createdAt, options.timeZone);
  const font = (file: Buffer, weight: number, range: string) =>
    `@font-face{font-family:'${invoiceFontFamily}';font-weight:${weight};src:url(data:font/woff2;base64,${file.toString('base64')}) format('woff2');unicode-range:${range};}`;
  const arabicRange = 'U+0600-06FF,U+0750-077F,U+0870-088E,U+0890-0891,U+0898-08E1,U+08E3-08FF,U+200C-200E,U+2010-2011,U+204F,U+2E41,U+FB50-FDFF,U+FE70-FE74,U+FE76-FEFC';
  const latinRange = 'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+2000-206F,U+2074,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD';
  const vat = doc.type !== 'plain';
  const row = (ar: string, en: string, value: string) => `<tr><th><span>${ar}</span><small>${en}</small></th><td>${value}</td></tr>`;
  const seller = doc.seller;
  const exemptions = doc.lines.filter((l) => l.exemptionReason);
  return `<!doctype html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<title>${escape(number)}</title>
<style>
${font(options.fonts.arabic400, 400, arabicRange)}${font(options.fonts.arabic700, 700, arabicRange)}${font(options.fonts.latin400, 400, latinRange)}${font(options.fonts.latin700, 700, latinRange)}
@page { size: A4; margin: 14mm 12mm; }
* { box-sizing: border-box; }
body { font-family: '${invoiceFontFamily}'; font-size: 10.5pt; color: #111; margin: 0; }
h1 { font-size: 16pt; margin: 0; }
h1 small, th small, .en { display: block; font-size: 8.5pt; color: #555; font-weight: 400; }
header { display: flex; justify-content: space-between; align-items: flex-start; border-block-end: 2px solid #0b6e4f; padding-block-end: 8px; }
.number { font-size: 13pt; font-weight: 700; direction: ltr; unicode-bidi: isolate; }
.parties { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; margin-block: 12px; }
.parties section { border: 1px solid #ccc; border-radius: 4px; padding: 8px; }
.parties h2 { font-size: 10.5pt; margin: 0 0 4px; }
.ids { direction: ltr; unicode-bidi: isolate; }
table { inline-size: 100%; border-collapse: collapse; }
.lines th, .lines td { border: 1px solid #ccc; padding: 4px 6px; text-align: start; vertical-align: top; }
.lines thead th { background: #eef5f1; }
.num { direction: ltr; unicode-bidi: isolate; white-space: nowrap; }
.bottom { display: flex; justify-content: space-between; gap: 16px; margin-block-start: 12px; }
.totals th, .totals td { padding: 3px 6px; text-align: start; font-weight: 400; }
.totals tr.grand th, .totals tr.grand td { font-weight: 700; border-block-start: 1.5px solid #111; }
.qr img { inline-size: 38mm; block-size: 38mm; }
.notes { margin-block-start: 10px; font-size: 9pt; }
footer { margin-block-start: 14px; font-size: 7.5pt; color: #666; direction: ltr; word-break: break-all; }
</style>
</head>
<body>
<header>
  <div><h1>${titleAr}<small>${titleEn}</small></h1>${doc.reason ? `<p>سبب الإشعار / Reason: ${escape(doc.reason)}</p>` : ''}${doc.originalNumber !== null ? `<p>يصحح الفاتورة / Corrects: <span class="num">${documentNumberText('invoice', doc.originalNumber)}</span></p>` : ''}</div>
  <div>
    <div class="number" data-field="number">${escape(number)}</div>
    <div>التاريخ / Date: <span class="num">${dates.gregorian} ${dates.time}</span></div>
    <div>الهجري / Hijri: ${escape(dates.hijri)}</div>
  </div>
</header>
<div class="parties">
  <section data-field="seller">
    <h2>البائع <small class="en">Seller</small></h2>
    <div>${escape(seller.nameAr)}</div>${seller.nameEn ? `<div class="en">${escape(seller.nameEn)}</div>` : ''}
    ${seller.vatNumber ? `<div>الرقم الضريبي / VAT No.: <span class="ids">${seller.vatNumber}</span></div>` : ''}
    ${seller.crNumber ? `<div>السجل التجاري / CR No.: <span class="ids">${escape(seller.crNumber)}</span></div>` : ''}
    ${seller.falLicenceNumber ? `<div>رخصة فال / FAL licence: <span class="ids">${escape(seller.falLicenceNumber)}</span></div>` : ''}
    ${seller.address ? `<div>${escape(seller.address)}</div>` : ''}
  </section>
  <section data-field="buyer">
    <h2>المشتري <small class="en">Buyer</small></h2>
    <div>${escape(doc.buyerName)}</div>
    ${doc.buyerVatNumber ? `<div>الرقم الضريبي / VAT No.: <span class="ids">${doc.buyerVatNumber}</span></div>` : ''}
  </section>
</div>
<table class="lines">
  <thead><tr>
    <th>الوصف<small>Description</small></th><th>الكمية<small>Qty</small></th><th>سعر الوحدة<small>Unit price</small></th>
    ${vat ? '<th>فئة الضريبة<small>VAT category</small></th>' : ''}<th>المبلغ<small>Amount</small></th>
  </tr></thead>
  <tbody>
  ${doc.lines
    .map(
      (l) => `<tr><td>${escape(l.descriptionAr)}${l.descriptionEn ? `<span class="en" dir="auto">${escape(l.descriptionEn)}</span>` : ''}</td><td class="num">${l.quantity}</td><td class="num">${money(l.unitPrice)}</td>${
        vat ? `<td>${categoryTitles[l.vatCategory][0]}<span class="en">${categoryTitles[l.vatCategory][1]}</span></td>` : ''
      }<td class="num">${money(l.net)}</td></tr>`,
    )
    .join('\n  ')}
  </tbody>
</table>
<div class="bottom">
  <table class="totals">
    ${vat ? doc.totals.byCategory.map((c) => row(`${categoryTitles[c.category][0]} (${c.rateBasisPoints / 100}٪)`, `${categoryTitles[c.category][1]} (${c.rateBasisPoints / 100}%)`, `<span class="num">${money(c.net)}</span> — ضريبة / VAT <span class="num">${money(c.vat)}</span>`)).join('') : ''}
    ${row('الإجمالي دون الضريبة', 'Total excluding VAT', `<span class="num" data-field="net">${money(doc.totals.net)}</span>`)}
    ${vat ? row('ضريبة القيمة المضافة', 'VAT', `<span class="num" data-field="vat">${money(doc.totals.vat)}</span>`) : ''}
    <tr class="grand"><th><span>الإجمالي مع الضريبة</span><small>Total including VAT</small></th><td><span class="num" data-field="total">${money(doc.totals.total)}</span></td></tr>
  </table>
  ${options.qrDataUrl ? `<div class="qr"><img alt="ZATCA QR" src="${options.qrDataUrl}"></div>` : ''}
</div>
${exemptions.length ? `<div class="notes">${exemptions.map((l) => `<div>إعفاء / Exemption — ${escape(l.descriptionAr)}: ${escape(l.exemptionReason!)}</div>`).join('')}</div>` : ''}
${doc.notes ? `<div class="notes">${escape(doc.notes)}</div>` : ''}
<footer>UUID ${doc.uuid}${doc.hash ? ` · SHA-256 ${doc.hash}` : ''}</footer>
</body>
</html>`;
}
