import type Database from 'better-sqlite3';
import type { BusMessage, EventBus } from '../../events/event-bus';
import type { ViewingsService } from '../viewings/viewings-service';
import type { DueViewingsProvider } from './due-viewings';
import type { NotificationsService } from './notifications-service';

/**
 * What the viewings and offers tell the people who must act: an agent that someone else booked
 * a viewing for them, the number's team that a customer's offer waits for an answer. (The
 * hour-ahead reminder is the due-viewings watch, fed by `dueViewingsOf`.)
 */
export function watchWorkNotifications(deps: { sqlite: Database.Database; bus: EventBus; notifications: NotificationsService }): () => void {
  const viewing = deps.sqlite.prepare<[number], { start_at: number; customer: string | null; phone: string | null; property: string }>(
    `select v.start_at, c.name as customer, c.phone as phone, p.name as property
     from viewings v join contacts c on c.id = v.contact_id join properties p on p.id = v.property_id where v.id = ?`,
  );
  const userName = deps.sqlite.prepare<[number], { name: string }>('select name from users where id = ?');
  const offer = deps.sqlite.prepare<[number], { customer: string | null; phone: string | null; property: string }>(
    `select c.name as customer, c.phone as phone, p.name as property
     from offers o join contacts c on c.id = o.contact_id join properties p on p.id = o.property_id where o.id = ?`,
  );

  return deps.bus.subscribe((message: BusMessage) => {
    if (message.event === 'viewings.changed') {
      const change = message.data as BusMessage<'viewings.changed'>['data'];
      if (change.change !== 'booked' || change.byUserId === change.agentId) return;
      const row = viewing.get(change.viewingId);
      if (!row) return;
      deps.notifications.notify({
        userIds: [change.agentId],
        type: 'viewing_booked',
        target: { kind: 'viewing', id: change.viewingId },
        // byUserId 0: the AI responder booked it (appointmentBooking).
        params: { by: userName.get(change.byUserId)?.name ?? '', ...(change.byUserId === 0 ? { byAi: 1 } : {}), customer: row.customer?.trim() || row.phone || '', property: row.property, startsAt: new Date(row.start_at).toISOString() },
      });
    } else if (message.event === 'offers.needsAnswer') {
      const pending = message.data as BusMessage<'offers.needsAnswer'>['data'];
      const row = offer.get(pending.offerId);
      if (!row) return;
      deps.notifications.notify({
        audience: { numberId: pending.numberId },
        type: 'offer_pending',
        target: { kind: 'offer', id: pending.offerId },
        params: { customer: row.customer?.trim() || row.phone || '', property: row.property },
        // One notice per answer awaited: a second event for the same step tells nobody again.
        onceKey: `offer_pending:${pending.offerId}:${pending.amount}`,
      });
    }
  });
}

/** The live viewings starting in a window, as the hour-ahead reminder reads them. */
export function dueViewingsOf(viewings: Pick<ViewingsService, 'dueWithin'>): DueViewingsProvider {
  return {
    startingBetween: (from, to) =>
      viewings.dueWithin(from, to).map((v) => ({ id: v.id, agentId: v.agent.id, startsAt: Date.parse(v.start), customer: v.contact.name?.trim() || v.contact.phone || '', property: v.property.name })),
  };
}
