import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../../../../scripts/chromium';
import type { InvoiceArchiveView, InvoiceDetail } from '../../../../shared/invoices/types';
import { commissionLine, invoicesOffice, type InvoicesOffice } from '../../../testing/invoices-office';
import { chromiumPrinter } from '../pdf/chromium-printer';

// One office and one Chromium for the file: launching either is slow.
let o: InvoicesOffice;
const issued: Record<'a' | 'b' | 'credit' | 'd', InvoiceDetail> = {} as never;

/** Moves the core's clock to an instant (UTC). */
const at = (iso: string) => o.clock.advance(Date.parse(iso) - o.clock.now());
const issue = async (amount: string) => {
  const d = await o.t.call('invoices.createDraft', { contactId: o.khalidContact, lines: [commissionLine(amount)] }, o.agent.token);
  return o.t.call('invoices.issue', { id: d.id }, o.supervisor.token);
};

/** Reads a finished archive the way the renderer does: piece by piece, until its size. */
async function download(archive: InvoiceArchiveView, token: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const piece = await o.t.call('invoices.archiveRead', { archiveId: archive.archiveId, offset }, token);
    const bytes = Buffer.from(piece.data, 'base64');
    parts.push(bytes);
    offset += bytes.length;
    if (offset >= piece.size || bytes.length === 0) break;
  }
  return Buffer.concat(parts);
}

beforeAll(async () => {
  o = await invoicesOffice({ core: { invoicePrinter: chromiumPrinter(() => findChromium()) } });
  // Riyadh is UTC+3: two documents sit on one UTC day and another office day.
  at('2026-12-10T09:00:00Z'); // 12:00 on 10 December, office time
  issued.a = await issue('1,000');
  at('2026-12-10T21:30:00Z'); // 00:30 on 11 December, office time
  issued.b = await issue('2,000');
  at('2026-12-11T10:00:00Z');
  const note = await o.t.call('invoices.createNote', { originalId: issued.b.id, kind: 'credit_note', reason: 'خصم متفق عليه', lines: [commissionLine('500')] }, o.supervisor.token);
  issued.credit = await o.t.call('invoices.issue', { id: note.id }, o.supervisor.token);
  at('2026-12-11T21:15:00Z'); // 00:15 on 12 December, office time
  issued.d = await issue('3,000');
}, 120_000);
afterAll(() => o.t.close());

describe('the archive export of issued documents', () => {
  it('holds, for the office days asked, each issued document’s PDF and JSON and a manifest of the chain — and nothing issued on other days', async () => {
    o.t.events.length = 0;
    const archive = await o.t.call('invoices.archive', { from: '2026-12-11', to: '2026-12-11' }, o.supervisor.token);
    expect(archive).toMatchObject({ fileName: 'invoices-2026-12-11-2026-12-11.zip', documents: 2 });

    const files = unzipSync(new Uint8Array(await download(archive, o.supervisor.token)));
    const b = `INV-${String(issued.b.number).padStart(6, '0')}`;
    const credit = `CRN-${String(issued.credit.number).padStart(6, '0')}`;
    expect(Object.keys(files).sort()).toEqual([`json/${credit}.json`, `json/${b}.json`, 'manifest.json', `pdf/${credit}.pdf`, `pdf/${b}.pdf`].sort());

    for (const [name, doc] of [
      [b, issued.b],
      [credit, issued.credit],
    ] as const) {
      const pdf = Buffer.from(files[`pdf/${name}.pdf`]!).toString('latin1');
      expect(pdf.startsWith('%PDF-')).toBe(true);
      expect(pdf).toContain(`/Title (${name})`);
      const json = JSON.parse(Buffer.from(files[`json/${name}.json`]!).toString('utf8')) as InvoiceDetail & { canonical: string; numberText: string };
      const { canonical, numberText, ...fields } = json;
      expect(fields).toEqual(await o.t.call('invoices.get', { id: doc.id }, o.admin.token));
      expect(numberText).toBe(name);
      expect(json).toMatchObject({ uuid: doc.uuid, number: doc.number, previousHash: doc.previousHash, hash: doc.hash, qr: doc.qr });
      expect(createHash('sha256').update(canonical).digest('base64')).toBe(doc.hash);
    }

    const manifest = JSON.parse(Buffer.from(files['manifest.json']!).toString('utf8'));
    expect(manifest).toMatchObject({
      range: { from: '2026-12-11', to: '2026-12-11', timeZone: 'Asia/Riyadh' },
      documents: 2,
      chain: { firstNumber: issued.b.number, lastNumber: issued.credit.number, startsAfterHash: issued.a.hash, lastHash: issued.credit.hash, unbroken: true, firstBreak: null },
    });
    expect(manifest.entries.map((e: { numberText: string; officeDay: string; pdf: string }) => [e.numberText, e.officeDay, e.pdf])).toEqual([
      [b, '2026-12-11', `pdf/${b}.pdf`],
      [credit, '2026-12-11', `pdf/${credit}.pdf`],
    ]);

    // The window that asked heard how far it got, ending at all of them.
    const progress = o.t.events.filter((e) => e.event === 'invoices.archiveProgress').map((e) => e.data);
    expect(progress.at(0)).toEqual({ archiveId: archive.archiveId, done: 0, total: 2 });
    expect(progress.at(-1)).toEqual({ archiveId: archive.archiveId, done: 2, total: 2 });
  }, 120_000);

  it('covers several office days, both ends included, in counter order', async () => {
    const archive = await o.t.call('invoices.archive', { from: '2026-12-10', to: '2026-12-12' }, o.admin.token);
    const manifest = JSON.parse(Buffer.from(unzipSync(new Uint8Array(await download(archive, o.admin.token)))['manifest.json']!).toString('utf8'));
    expect(manifest.entries.map((e: { number: number }) => e.number)).toEqual([issued.a.number, issued.b.number, issued.credit.number, issued.d.number]);
    expect(manifest.chain).toMatchObject({ unbroken: true, startsAfterHash: issued.a.previousHash });
  }, 120_000);

  it('is recorded in the activity log with its range', async () => {
    const entries = await o.t.call('activity.list', { action: 'invoice.archive_exported' }, o.admin.token);
    expect(entries[0]).toMatchObject({ userName: expect.any(String), details: { from: '2026-12-10', to: '2026-12-12', documents: 4 } });
  });

  it('is refused to agents (FORBIDDEN), for a range that ends before it starts, and for days with nothing issued — writing nothing', async () => {
    const exports = path.join(o.t.dataDir, 'exports', 'invoice-archives');
    const before = fs.existsSync(exports) ? fs.readdirSync(exports) : [];
    expect(await o.t.failure('invoices.archive', { from: '2026-12-11', to: '2026-12-11' }, o.agent.token)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await o.t.failure('invoices.archive', { from: '2026-12-12', to: '2026-12-11' }, o.admin.token)).toMatchObject({ code: 'VALIDATION_ERROR', details: [{ field: 'to', code: 'ends_before_start' }] });
    expect(await o.t.failure('invoices.archive', { from: '2026-12-13', to: '2026-12-31' }, o.admin.token)).toMatchObject({ code: 'UNPROCESSABLE_ENTITY', details: 'nothing_to_archive' });
    expect(fs.existsSync(exports) ? fs.readdirSync(exports) : []).toEqual(before);
  });

  it('runs one at a time: a second export asked for while the first prints is refused (CONFLICT), and the first still completes', async () => {
    const first = o.t.call('invoices.archive', { from: '2026-12-10', to: '2026-12-12' }, o.admin.token);
    expect(await o.t.failure('invoices.archive', { from: '2026-12-11', to: '2026-12-11' }, o.supervisor.token)).toMatchObject({ code: 'CONFLICT', details: 'archive_running' });
    expect((await first).documents).toBe(4);
    expect((await o.t.call('invoices.archive', { from: '2026-12-11', to: '2026-12-11' }, o.supervisor.token)).documents).toBe(2);
  }, 120_000);

  it('is read only by the user who exported it', async () => {
    const archive = await o.t.call('invoices.archive', { from: '2026-12-10', to: '2026-12-10' }, o.supervisor.token);
    expect(await o.t.failure('invoices.archiveRead', { archiveId: archive.archiveId, offset: 0 }, o.admin.token)).toMatchObject({ code: 'NOT_FOUND' });
    expect(await o.t.failure('invoices.archiveRead', { archiveId: archive.archiveId, offset: 0 }, o.agent.token)).toMatchObject({ code: 'FORBIDDEN' });
    expect((await download(archive, o.supervisor.token)).length).toBe(archive.size);
  }, 120_000);
});
