import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { errorReasons } from '../../../shared/errors';
import type { MessageView } from '../../../shared/inbox/types';
import type { sendPropertyCardInput } from '../../../shared/properties/schemas';
import type { PropertyView } from '../../../shared/properties/types';
import type { Clock } from '../../base/clock';
import { officeCalendarOf } from '../../calendar/office-calendar-setting';
import { toMessageView } from '../../ingest/records';
import type { MediaStore } from '../../media/media-store';
import type { Outbox, OutboxAttachment } from '../../outbox/outbox';
import { AppError } from '../../rpc/app-error';
import { requireOpenWindow } from '../cloud/service-window';
import type { MessagePipeline } from '../../whatsapp/message-pipeline';
import type { ActivityLog } from '../activity/activity-log';
import type { Caller } from '../auth/auth-service';
import { propertyCardCaption } from './card-caption';
import { officeDigitsOf } from './office-digits';
import type { InterestGate, PropertiesService } from './properties-service';
import { sniffImageType } from './property-photos';

/**
 * Sends a property's card (its first photo and a caption) into a conversation through the outbox,
 * like any answer. REGA fines an ad without a valid advertising licence up to SAR 200,000, so
 * a property whose licence is missing or past its last day (on the office's calendar) is refused.
 */
export class PropertyCards {
  private readonly q;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly properties: PropertiesService,
    private readonly outbox: Outbox,
    private readonly pipeline: MessagePipeline,
    private readonly gate: InterestGate,
    private readonly activity: ActivityLog,
    private readonly store: MediaStore,
    private readonly clock: Clock,
  ) {
    this.q = {
      numberRemoved: sqlite.prepare<[number], { removed_at: number | null }>(
        'select n.removed_at from conversations c join whatsapp_numbers n on n.id = c.whatsapp_number_id where c.id = ?',
      ),
    };
  }

  send(caller: Caller, input: z.output<typeof sendPropertyCardInput>): MessageView {
    this.gate.requireConversation(caller, input.conversationId);
    // A double click or a retry carries the same client id: the card already queued is the answer.
    const repeat = this.outbox.sentBefore(input.conversationId, input.clientId);
    if (repeat) return toMessageView(repeat, this.outbox.attachmentsOf(repeat.id));
    const property = this.properties.get(input.propertyId);
    this.requireValidLicence(property);
    if (this.q.numberRemoved.get(input.conversationId)?.removed_at != null) throw new AppError('UNPROCESSABLE_ENTITY', errorReasons.numberRemoved);
    // A card is a photo with a caption: on a Cloud API number only within the 24-hour window.
    requireOpenWindow(this.sqlite, this.clock, input.conversationId);
    const content = propertyCardCaption(property, input.language, officeDigitsOf(this.sqlite));
    const attachment = this.firstPhoto(property);
    const row = this.sqlite.transaction(() => {
      this.activity.record({
        userId: caller.user.id,
        action: 'property.card_sent',
        entityType: 'conversation',
        entityId: input.conversationId,
        details: { propertyId: property.id, name: property.name, language: input.language },
      });
      // Last: the outbox wakes the number's sender as it returns, so nothing here may fail after it.
      return this.outbox.enqueue({
        conversationId: input.conversationId,
        content,
        sender: 'agent',
        senderId: caller.user.id,
        senderName: caller.user.name,
        clientId: input.clientId,
        ...(attachment ? { attachment } : {}),
      });
    })();
    this.pipeline.publishNew(row);
    return toMessageView(row, this.outbox.attachmentsOf(row.id));
  }

  /** Present, and its last valid day is today or later in the office's zone. */
  private requireValidLicence(property: PropertyView): void {
    if (!property.adLicenceNumber || !property.adLicenceExpiry) {
      throw new AppError(
        'VALIDATION_ERROR',
        [{ field: 'adLicenceNumber', code: 'licence_missing', message: 'The property has no REGA advertising licence: it cannot be advertised' }],
        undefined,
        'No valid advertising licence',
      );
    }
    const today = officeCalendarOf(this.sqlite).officeDay(this.clock.now());
    if (property.adLicenceExpiry < today) {
      throw new AppError(
        'VALIDATION_ERROR',
        [{ field: 'adLicenceExpiry', code: 'licence_expired', message: `The REGA advertising licence expired on ${property.adLicenceExpiry}`, params: { expiry: property.adLicenceExpiry } }],
        undefined,
        'No valid advertising licence',
      );
    }
  }

  /** The first photo still in the media store; a card without one goes as text. */
  private firstPhoto(property: PropertyView): OutboxAttachment | null {
    const photo = property.photos.find((p) => this.store.has(p));
    if (!photo) return null;
    const mimeType = sniffImageType(this.store.read(photo, 0, 16), 0);
    const extension = mimeType.split('/')[1] ?? 'jpg';
    return { type: 'image', sha256: photo, name: `property-${property.id}.${extension}`, size: this.store.size(photo), mimeType };
  }
}
