import type Database from 'better-sqlite3';
import type { ConnectionState } from '../../../shared/whatsapp';
import type { Clock } from '../../base/clock';
import { officeCalendarOf } from '../../calendar/office-calendar-setting';
import type { BusMessage, EventBus } from '../../events/event-bus';
import type { NotificationsService } from './notifications-service';

/** A disconnection the admin asked for (stopped) or that never had a connection is no news. */
const quietReasons = new Set(['stopped', 'not_started']);
/** The first words of a customer's message shown in its notification. */
const previewLength = 80;

/**
 * Turns what already happens in the core into notifications: it listens to the events the
 * services publish (an assignment, a customer's message, a failed send, a number's state)
 * and is told by the outbox when a send counts against a quota and by sign-in when someone
 * signs in. Each source names its recipients; `NotificationsService.notify` does the rest.
 */
export class NotificationSources {
  /** Each number's last known connection state, to tell a drop from a repeat. */
  private readonly states = new Map<number, ConnectionState>();
  private readonly q;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
    bus: EventBus,
  ) {
    this.q = {
      conversation: sqlite.prepare<[number], { assigned_agent_id: number | null; customer: string; number_id: number }>(
        `select c.assigned_agent_id, coalesce(nullif(trim(ct.name), ''), ct.phone, '') as customer, c.whatsapp_number_id as number_id
         from conversations c join contacts ct on ct.id = c.contact_id where c.id = ?`,
      ),
      message: sqlite.prepare<[number], { sender: string; sender_id: number | null; conversation_id: number; error_code: string | null }>(
        'select sender, sender_id, conversation_id, error_code from messages where id = ?',
      ),
      quota: sqlite.prepare<[number], { name: string; quota_used: number; quota_limit: number; quota_day: string | null }>(
        'select name, quota_used, quota_limit, quota_day from whatsapp_numbers where id = ?',
      ),
    };
    this.unsubscribe = bus.subscribe((message) => this.heard(message));
  }

  close(): void {
    this.unsubscribe();
  }

  /** A send counted against its number's quota: 80% and 100% are told once per number and office day. */
  quotaCounted(numberId: number): void {
    const row = this.q.quota.get(numberId);
    if (!row || row.quota_limit <= 0) return;
    const day = officeCalendarOf(this.sqlite).officeDay(this.clock.now());
    if (row.quota_day !== day) return;
    const level = row.quota_used >= row.quota_limit ? 'quota_reached' : row.quota_used * 5 >= row.quota_limit * 4 ? 'quota_warning' : null;
    if (!level) return;
    this.notifications.notify({
      audience: { numberId },
      type: level,
      target: { kind: 'number', id: numberId },
      params: { number: row.name, used: row.quota_used, limit: row.quota_limit },
      onceKey: `${level}:${numberId}:${day}`,
    });
  }

  /** Someone signed in: admins hear of it unless it was an admin. */
  signedIn(user: { id: number; name: string; role: string }): void {
    if (user.role === 'admin') return;
    this.notifications.notify({
      audience: { roles: ['admin'] },
      type: 'staff_signed_in',
      target: { kind: 'user', id: user.id },
      params: { user: user.name, role: user.role },
    });
  }

  private heard(message: BusMessage): void {
    switch (message.event) {
      case 'conversation.assigned': {
        const { conversation, byUserName } = message.data as BusMessage<'conversation.assigned'>['data'];
        if (conversation.assignedAgentId === null) return;
        this.notifications.notify({
          userIds: [conversation.assignedAgentId],
          type: 'conversation_assigned',
          target: { kind: 'conversation', id: conversation.id },
          params: { by: byUserName, customer: conversation.contact.name?.trim() || conversation.contact.phone || '', number: conversation.numberName },
        });
        return;
      }
      case 'message.new': {
        const { conversationId, message: m } = message.data as BusMessage<'message.new'>['data'];
        if (m.sender !== 'customer') return;
        this.customerWrote(conversationId, m.content);
        return;
      }
      case 'message.status': {
        const { messageId, status } = message.data as BusMessage<'message.status'>['data'];
        if (status === 'failed') this.sendFailed(messageId);
        return;
      }
      case 'number.status': {
        const { number } = message.data as BusMessage<'number.status'>['data'];
        const before = this.states.get(number.id);
        this.states.set(number.id, number.connection.state);
        // Published twice (admins, then the others) with the same state: only the change counts.
        if (before !== 'CONNECTED' || number.connection.state !== 'DISCONNECTED') return;
        if (number.connection.reason && quietReasons.has(number.connection.reason)) return;
        this.notifications.notify({
          audience: { numberId: number.id },
          type: 'number_disconnected',
          target: { kind: 'number', id: number.id },
          params: { number: number.name, reason: number.connection.reason },
        });
        return;
      }
      case 'number.removed': {
        this.states.delete((message.data as BusMessage<'number.removed'>['data']).id);
        return;
      }
      default:
        return;
    }
  }

  /** A customer's message in a conversation that is someone's: its agent is told, once until they read it. */
  private customerWrote(conversationId: number, content: string): void {
    const conversation = this.q.conversation.get(conversationId);
    if (!conversation || conversation.assigned_agent_id === null) return;
    const target = { kind: 'conversation', id: conversationId } as const;
    if (this.notifications.hasUnread(conversation.assigned_agent_id, 'conversation_message', target)) return;
    this.notifications.notify({
      userIds: [conversation.assigned_agent_id],
      type: 'conversation_message',
      target,
      params: { customer: conversation.customer, preview: content.trim().slice(0, previewLength) },
    });
  }

  /** An answer failed for good: whoever wrote it is told, or the conversation's agent for an automatic one. */
  private sendFailed(messageId: number): void {
    const row = this.q.message.get(messageId);
    if (!row) return;
    const conversation = this.q.conversation.get(row.conversation_id);
    if (!conversation) return;
    const recipient = row.sender === 'agent' && row.sender_id !== null ? row.sender_id : conversation.assigned_agent_id;
    if (recipient === null) return;
    this.notifications.notify({
      userIds: [recipient],
      type: 'send_failed',
      target: { kind: 'conversation', id: row.conversation_id },
      params: { customer: conversation.customer, errorCode: row.error_code },
    });
  }
}
