import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { errorReasons } from '../../../../shared/errors';
import type { archiveInput, archiveReadInput } from '../../../../shared/invoices/schemas';
import type { InvoiceArchivePiece, InvoiceArchiveView } from '../../../../shared/invoices/types';
import type { Clock } from '../../../base/clock';
import { toIso } from '../../../base/clock';
import type { OfficeCalendar } from '../../../calendar/office-calendar';
import type { EventBus } from '../../../events/event-bus';
import { AppError } from '../../../rpc/app-error';
import type { ActivityLog } from '../../activity/activity-log';
import type { Caller } from '../../auth/auth-service';
import type { InvoicesService } from '../invoices-service';
import type { InvoicePdf } from '../pdf/invoice-pdf';
import { chainCheck, documentJson, entryNames, manifestEntry, type ManifestEntry } from './archive-entries';
import { ZipFileWriter } from './zip-file-writer';

export interface ArchiveDeps {
  sqlite: Database.Database;
  invoices: InvoicesService;
  pdf: InvoicePdf;
  bus: EventBus;
  clock: Clock;
  calendar: () => OfficeCalendar;
  timeZone: () => string;
  activity: ActivityLog;
  /** Where finished archives wait to be read: emptied when the core starts. */
  folder: string;
}

/** Pieces as large as a file's (media.read): 2 MB, under the socket's 3 MB frame once in base64. */
export const archivePieceBytes = 2 * 1024 * 1024;
/** Documents printed at the same time during an export. */
const printsAtOnce = 3;
/** A finished archive not read within this is removed with the next export. */
const keptFor = 60 * 60 * 1000;

interface Finished {
  file: string;
  userId: number;
  size: number;
  madeAt: number;
}

/**
 * The archive export of issued documents (issue 17): for a range of office days, one zip with
 * each document's PDF and JSON and a manifest of the chain. It runs in steps, one document at a
 * time (the PDF is printed by Chromium, out of the core's thread; the zip is written as it
 * grows), telling the caller's window how far it got, and one export runs at a time. The zip
 * waits in the data folder until its reader takes it piece by piece.
 */
export class InvoiceArchive {
  private running: string | null = null;
  private readonly finished = new Map<string, Finished>();

  constructor(private readonly d: ArchiveDeps) {
    fs.rmSync(d.folder, { recursive: true, force: true });
  }

  async export(caller: Caller, input: z.output<typeof archiveInput>): Promise<InvoiceArchiveView> {
    if (this.running) throw new AppError('CONFLICT', errorReasons.archiveRunning, undefined, 'An archive is being exported already');
    const calendar = this.d.calendar();
    const fromMs = calendar.dayStart(input.from);
    const toMs = calendar.nextDayStart(calendar.dayStart(input.to));
    const ids = this.d.sqlite
      .prepare<[number, number], { id: number; canonical: string }>("select id, canonical from invoice_documents where status = 'issued' and issued_at >= ? and issued_at < ? order by counter_value")
      .all(fromMs, toMs);
    if (ids.length === 0) throw new AppError('UNPROCESSABLE_ENTITY', errorReasons.nothingToArchive, undefined, 'No document was issued on those days');
    this.d.pdf.requirePrinter();

    const archiveId = randomUUID();
    this.running = archiveId;
    this.forgetOld(caller.user.id);
    fs.mkdirSync(this.d.folder, { recursive: true, mode: 0o700 });
    const file = path.join(this.d.folder, `${archiveId}.zip`);
    const zip = new ZipFileWriter(file);
    const audience = { kind: 'sessions' as const, sessionIds: [caller.session.sessionId] };
    const total = ids.length;
    const step = Math.max(1, Math.floor(total / 100));
    const progress = (done: number) => this.d.bus.publish('invoices.archiveProgress', { archiveId, done, total }, audience);
    try {
      progress(0);
      const entries: ManifestEntry[] = [];
      const chain: { number: number; previousHash: string; hash: string; canonical: string }[] = [];
      // A few documents print at once (each in its own Chromium page) while the next is written:
      // Chromium's work overlaps the core's. Written in counter order; only those in flight are held.
      const print = (index: number) => {
        const doc = this.d.invoices.get(caller, ids[index]!.id);
        const printed = this.d.pdf.render(doc).then((pdf) => ({ doc, pdf }));
        // Awaited in order below; one that fails after an earlier failure is not reported twice.
        printed.catch(() => undefined);
        return printed;
      };
      const inFlight = ids.slice(0, printsAtOnce).map((_, index) => print(index));
      for (let index = 0; index < total; index++) {
        const { doc, pdf } = await inFlight.shift()!;
        if (index + printsAtOnce < total) inFlight.push(print(index + printsAtOnce));
        const { canonical } = ids[index]!;
        const names = entryNames(doc);
        const modified = new Date(doc.issuedAt!);
        zip.add(names.pdf, pdf.bytes, { compress: false, modified });
        zip.add(names.json, Buffer.from(documentJson(doc, canonical), 'utf8'), { compress: true, modified });
        await zip.flush();
        entries.push(manifestEntry(doc));
        chain.push({ number: doc.number!, previousHash: doc.previousHash!, hash: doc.hash!, canonical });
        const done = index + 1;
        if (done % step === 0 || done === total) progress(done);
      }
      const exportedAt = this.d.clock.now();
      const manifest = {
        format: 1,
        range: { from: input.from, to: input.to, timeZone: this.d.timeZone() },
        exportedAt: toIso(exportedAt),
        exportedBy: caller.user.name,
        documents: entries.length,
        chain: chainCheck(chain),
        entries,
      };
      zip.add('manifest.json', Buffer.from(JSON.stringify(manifest, null, 2), 'utf8'), { compress: true, modified: new Date(exportedAt) });
      const size = await zip.finish();
      this.finished.set(archiveId, { file, userId: caller.user.id, size, madeAt: exportedAt });
      this.d.activity.record({ userId: caller.user.id, action: 'invoice.archive_exported', details: { from: input.from, to: input.to, documents: total, firstNumber: manifest.chain.firstNumber, lastNumber: manifest.chain.lastNumber } });
      return { archiveId, fileName: `invoices-${input.from}-${input.to}.zip`, size, documents: total };
    } catch (error) {
      zip.discard();
      throw error;
    } finally {
      this.running = null;
    }
  }

  /** A piece of the caller's own finished archive. */
  read(caller: Caller, input: z.output<typeof archiveReadInput>): InvoiceArchivePiece {
    const found = this.finished.get(input.archiveId);
    if (!found || found.userId !== caller.user.id) throw new AppError('NOT_FOUND', `Archive '${input.archiveId}' not found`);
    if (input.offset > found.size) throw new AppError('VALIDATION_ERROR', [{ field: 'offset', code: 'invalid', message: 'Past the end of the file' }]);
    const length = Math.min(archivePieceBytes, found.size - input.offset);
    const bytes = Buffer.alloc(length);
    const fd = fs.openSync(found.file, 'r');
    try {
      fs.readSync(fd, bytes, 0, length, input.offset);
    } finally {
      fs.closeSync(fd);
    }
    return { data: bytes.toString('base64'), offset: input.offset, size: found.size };
  }

  /** Removes the archives the core no longer keeps: the caller's earlier one, and any left unread for an hour. */
  private forgetOld(userId: number): void {
    const now = this.d.clock.now();
    for (const [id, found] of this.finished) {
      if (found.userId === userId || now - found.madeAt > keptFor) {
        fs.rmSync(found.file, { force: true });
        this.finished.delete(id);
      }
    }
  }

  close(): void {
    this.finished.clear();
    fs.rmSync(this.d.folder, { recursive: true, force: true });
  }
}
