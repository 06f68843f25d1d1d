import type Database from 'better-sqlite3';
import type { Clock } from '../../../base/clock';
import { errorReasons } from '../../../../shared/errors';
import { documentNumberText, type InvoicePdfView } from '../../../../shared/invoices/types';
import type { MediaStore } from '../../../media/media-store';
import type { Outbox } from '../../../outbox/outbox';
import type { MessageRow } from '../../../ingest/records';
import { AppError } from '../../../rpc/app-error';
import { requireOpenWindow } from '../../cloud/service-window';
import type { ActivityLog } from '../../activity/activity-log';
import type { Caller } from '../../auth/auth-service';
import type { InvoicesService } from '../invoices-service';
import type { InvoicePdf } from './invoice-pdf';

export interface DeliveryDeps {
  sqlite: Database.Database;
  invoices: InvoicesService;
  pdf: InvoicePdf;
  media: MediaStore;
  outbox: Outbox;
  /** Shows the queued message in open threads, as an answer typed in the app would. */
  publishNew: (row: MessageRow) => void;
  allowedNumbers: (caller: Caller) => number[] | null;
  activity: ActivityLog;
  /** Issue 19: a Cloud API number's 24-hour window is read on the core's clock. */
  clock: Clock;
}

/** The PDF to download, and to send to the customer's chat through the outbox as a document (queued like any answer: paced, within the quota, retried). */
export class InvoiceDelivery {
  constructor(private readonly d: DeliveryDeps) {}

  async pdf(caller: Caller, id: number): Promise<InvoicePdfView> {
    const file = await this.d.pdf.render(this.d.invoices.get(caller, id));
    return { fileName: file.fileName, mimeType: file.mimeType, base64: file.bytes.toString('base64') };
  }

  /** To the customer's most recent conversation on a number the caller works (and not removed). */
  async sendToChat(caller: Caller, id: number): Promise<{ messageId: number; conversationId: number }> {
    const doc = this.d.invoices.get(caller, id);
    const allowed = this.d.allowedNumbers(caller);
    const chat =
      doc.contactId === null
        ? undefined
        : this.d.sqlite
            .prepare<{ contact: number; numbers: string | null }, { id: number }>(
              `select c.id from conversations c join whatsapp_numbers n on n.id = c.whatsapp_number_id
               where c.contact_id = @contact and n.removed_at is null and (@numbers is null or c.whatsapp_number_id in (select value from json_each(@numbers)))
               order by c.last_message_time desc, c.id desc limit 1`,
            )
            .get({ contact: doc.contactId, numbers: allowed === null ? null : JSON.stringify(allowed) });
    if (!chat) throw new AppError('UNPROCESSABLE_ENTITY', errorReasons.noChat, undefined, 'The customer has no chat on a number you work');
    // A PDF is not a template: on a Cloud API number only within the 24-hour window.
    requireOpenWindow(this.d.sqlite, this.d.clock, chat.id);
    const file = await this.d.pdf.render(doc);
    const stored = this.d.media.put(file.bytes);
    const number = documentNumberText(doc.kind, doc.number)!;
    const row = this.d.outbox.enqueue({
      conversationId: chat.id,
      content: `${number} — ${doc.seller.nameAr}`,
      sender: 'agent',
      senderId: caller.user.id,
      senderName: caller.user.name,
      attachment: { type: 'document', sha256: stored.sha256, name: file.fileName, size: stored.size, mimeType: file.mimeType },
    });
    this.d.publishNew(row);
    this.d.activity.record({ userId: caller.user.id, action: 'invoice.sent', entityType: 'invoice', entityId: doc.id, details: { conversationId: chat.id, number } });
    return { messageId: row.id, conversationId: chat.id };
  }
}
