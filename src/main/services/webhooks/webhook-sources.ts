import type Database from 'better-sqlite3';
import type { BusMessage, EventBus } from '../../events/event-bus';
import { contactColumns, toContactView, type ContactRow } from '../contacts/contact-records';
import type { WebhookEndpoints } from './webhook-endpoints';

/**
 * Turns the core's own events into the webhook events a CRM subscribes to (seed 000
 * integrations/crm) and queues them at once, in the same tick the service published them.
 */
export class WebhookSources {
  private readonly q;
  private readonly unsubscribe: () => void;

  constructor(
    sqlite: Database.Database,
    private readonly endpoints: WebhookEndpoints,
    bus: EventBus,
  ) {
    this.q = {
      contact: sqlite.prepare<[number], ContactRow>(`select ${contactColumns} from contacts c where c.id = ?`),
    };
    this.unsubscribe = bus.subscribe((message) => this.heard(message));
  }

  close(): void {
    this.unsubscribe();
  }

  private heard(message: BusMessage): void {
    switch (message.event) {
      case 'message.new': {
        const { conversationId, message: m } = message.data as BusMessage<'message.new'>['data'];
        this.endpoints.enqueue('message.new', { conversationId, message: m });
        break;
      }
      case 'conversation.assigned': {
        const { conversation, byUserName } = message.data as BusMessage<'conversation.assigned'>['data'];
        this.endpoints.enqueue('conversation.assigned', { conversation, byUserName });
        break;
      }
      case 'conversation.update': {
        const { conversation } = message.data as BusMessage<'conversation.update'>['data'];
        // Only the change into resolved, not every later update of a resolved conversation.
        if (this.becameResolved(conversation.id, conversation.status)) this.endpoints.enqueue('conversation.resolved', { conversation });
        break;
      }
      case 'contact.changed': {
        const { contactId } = message.data as BusMessage<'contact.changed'>['data'];
        // An import's summary names no contact: nothing a CRM could act on.
        if (contactId === null) break;
        const row = this.q.contact.get(contactId);
        if (!row) break;
        // A contact never edited since it was made is a new one.
        this.endpoints.enqueue(row.created_at === row.updated_at ? 'contact.created' : 'contact.updated', { contact: toContactView(row) });
        break;
      }
      case 'viewings.changed': {
        const data = message.data as BusMessage<'viewings.changed'>['data'];
        if (data.change === 'booked') this.endpoints.enqueue('viewing.booked', data);
        break;
      }
      case 'offers.changed': {
        this.endpoints.enqueue('offer.changed', message.data as BusMessage<'offers.changed'>['data']);
        break;
      }
      default:
        break;
    }
  }

  /**
   * The status last seen per conversation in this run: the bus says what a conversation is, not
   * what changed, so repeated updates of a resolved one are told once (after a restart, the
   * first update of an already resolved conversation is told again).
   */
  private readonly lastStatus = new Map<number, string>();
  private becameResolved(conversationId: number, status: string): boolean {
    const before = this.lastStatus.get(conversationId);
    this.lastStatus.set(conversationId, status);
    return status === 'resolved' && before !== 'resolved';
  }
}
