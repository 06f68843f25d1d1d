import path from 'node:path';
import type Database from 'better-sqlite3';
import { officeTimeZoneOf } from '../../base/office-day';
import type { Clock } from '../../base/clock';
import type { OfficeCalendar } from '../../calendar/office-calendar';
import type { EventBus } from '../../events/event-bus';
import type { MessageRow } from '../../ingest/records';
import type { MediaStore } from '../../media/media-store';
import type { Outbox } from '../../outbox/outbox';
import type { ActivityLog } from '../activity/activity-log';
import type { Caller } from '../auth/auth-service';
import { ContactAccess } from '../contacts/contact-access';
import type { OfficeService } from '../office/office-service';
import { OfficeTaxService } from '../office/office-tax';
import type { OffersService } from '../offers/offers-service';
import { InvoiceArchive } from './archive/invoice-archive';
import { InvoicesService } from './invoices-service';
import { InvoiceDelivery } from './pdf/invoice-delivery';
import { InvoicePdf } from './pdf/invoice-pdf';
import type { InvoicePrinter } from './pdf/invoice-printer';
import { sellerOf } from './seller';

export interface InvoicingDeps {
  sqlite: Database.Database;
  dataDir: string;
  clock: Clock;
  bus: EventBus;
  activity: ActivityLog;
  calendar: () => OfficeCalendar;
  office: OfficeService;
  offers: OffersService;
  media: MediaStore;
  outbox: Outbox;
  publishNew: (row: MessageRow) => void;
  allowedNumbers: (caller: Caller) => number[] | null;
  /** The shell's Chromium (none: no PDF); the built renderer's folder holds the font it embeds. */
  printer: InvoicePrinter | null;
  rendererDir: string | undefined;
}

/**
 * Issue 17's invoicing as one slice the core starts and closes: the VAT settings, the documents,
 * their PDF (and its Chromium), sending it to the chat, and the archive export.
 */
export function startInvoices(deps: InvoicingDeps) {
  const { sqlite } = deps;
  const timeZone = () => officeTimeZoneOf(sqlite);
  const officeTax = new OfficeTaxService(sqlite, deps.activity, deps.clock);
  const invoices = new InvoicesService({
    sqlite,
    contacts: new ContactAccess(sqlite, deps.allowedNumbers),
    offer: (caller, offerId) => deps.offers.get(caller, offerId),
    activity: deps.activity,
    bus: deps.bus,
    clock: deps.clock,
    calendar: deps.calendar,
    tax: () => officeTax.read(),
    seller: () => sellerOf(officeTax.read(), deps.office.settings().profile),
  });
  const pdf = new InvoicePdf(deps.printer, deps.rendererDir, timeZone);
  const delivery = new InvoiceDelivery({ sqlite, invoices, pdf, media: deps.media, outbox: deps.outbox, publishNew: deps.publishNew, allowedNumbers: deps.allowedNumbers, activity: deps.activity, clock: deps.clock });
  const archive = new InvoiceArchive({ sqlite, invoices, pdf, bus: deps.bus, clock: deps.clock, calendar: deps.calendar, timeZone, activity: deps.activity, folder: path.join(deps.dataDir, 'exports', 'invoice-archives') });
  return {
    officeTax,
    invoices,
    pdf,
    delivery,
    archive,
    async close(): Promise<void> {
      archive.close();
      await pdf.close();
    },
  };
}

export type Invoicing = ReturnType<typeof startInvoices>;
