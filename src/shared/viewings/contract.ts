import { channel } from '../contract-kit';
import { empty } from '../fields';
import type { Role } from '../domain';
import * as s from './schemas';
import type { CalendarView, ViewingAgent, ViewingList, ViewingSlot, ViewingStatus, ViewingView } from './types';

/**
 * Viewings are the front line's work: every role of the office books them, named here so a
 * role added later is refused at the router until it is given them.
 */
const viewingRoles: readonly Role[] = ['admin', 'supervisor', 'agent'];

/**
 * Seed 000's bookings. Agents see the viewings on numbers they work and their own, and change
 * only their own; supervisors and admins everyone's. Outside that, a viewing is NOT_FOUND.
 */
export const viewingsChannels = {
  /** A day, a week (Sunday to Saturday) or a month of whole weeks: the days' office hours and holidays, and the viewings in it. */
  'viewings.calendar': channel<CalendarView>()({ input: s.calendarInput, access: viewingRoles, kind: 'read' }),
  'viewings.get': channel<ViewingView>()({ input: s.viewingIdInput, access: viewingRoles, kind: 'read' }),
  /** The conversation's viewings, newest start first. */
  'viewings.forConversation': channel<ViewingList>()({ input: s.conversationViewingsInput, access: viewingRoles, kind: 'read' }),
  /** The customer's viewings the caller may see, newest start first. */
  'viewings.forContact': channel<ViewingList>()({ input: s.contactViewingsInput, access: viewingRoles, kind: 'read' }),
  /** Who may be booked: for an agent, themselves and the colleagues on their numbers. */
  'viewings.agents': channel<ViewingAgent[]>()({ input: empty, access: viewingRoles, kind: 'read' }),
  /** The agent's next free slot in office hours from now (null when the office never opens). */
  'viewings.suggestSlot': channel<{ slot: ViewingSlot | null }>()({ input: s.suggestSlotInput, access: viewingRoles, kind: 'read' }),
  /** Refused in the past (unless logged as done), outside office hours or on a holiday without a reason, or when the agent is busy (CONFLICT naming the clash). */
  'viewings.book': channel<ViewingView>()({ input: s.bookViewingInput, access: viewingRoles, kind: 'write' }),
  /** A new time (and agent), with the booking's checks. */
  'viewings.reschedule': channel<ViewingView>()({ input: s.rescheduleViewingInput, access: viewingRoles, kind: 'write' }),
  'viewings.update': channel<ViewingView>()({ input: s.updateViewingInput, access: viewingRoles, kind: 'write' }),
  /** Confirm, mark done or no-show, cancel: tentative → confirmed → done / no_show / cancelled. */
  'viewings.setStatus': channel<ViewingView>()({ input: s.setViewingStatusInput, access: viewingRoles, kind: 'write' }),
} as const;

/** What happened to a viewing, for calendars, panels and (later) notifications. */
export type ViewingChange = 'booked' | 'rescheduled' | 'updated' | 'status';

export interface ViewingsEvents {
  /**
   * A viewing was booked, moved or changed; for those who may see it (the number's team and
   * the viewing's agent). `byUserId` differing from `agentId` on `booked` is "booked for you by someone else".
   */
  'viewings.changed': {
    viewingId: number;
    change: ViewingChange;
    status: ViewingStatus;
    agentId: number;
    byUserId: number;
    conversationId: number | null;
    contactId: number;
    start: string;
  };
}
