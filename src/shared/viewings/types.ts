/** Seed 000's bookings (الحجوزات): a customer's viewing of a property with an agent. */

/**
 * `tentative` is booked but not yet agreed with the customer (the AI responder books these
 * later); `confirmed` agreed; then one of the three ends. Only the first two hold the agent's time.
 */
export const viewingStatuses = ['tentative', 'confirmed', 'done', 'no_show', 'cancelled'] as const;
export type ViewingStatus = (typeof viewingStatuses)[number];

/** The statuses that keep the agent's slot taken and can still be moved. */
export const activeViewingStatuses = ['tentative', 'confirmed'] as const satisfies readonly ViewingStatus[];
export const isActiveViewing = (status: ViewingStatus): boolean => (activeViewingStatuses as readonly ViewingStatus[]).includes(status);

/** Which status may follow which: the ends are final. */
export const viewingTransitions: Record<ViewingStatus, readonly ViewingStatus[]> = {
  tentative: ['confirmed', 'done', 'no_show', 'cancelled'],
  confirmed: ['done', 'no_show', 'cancelled'],
  done: [],
  no_show: [],
  cancelled: [],
};

/** The statuses a booking may start in: a past viewing can only be logged as done. */
export const bookingStatuses = ['tentative', 'confirmed', 'done'] as const satisfies readonly ViewingStatus[];

export const calendarSpans = ['day', 'week', 'month'] as const;
export type CalendarSpan = (typeof calendarSpans)[number];

/** Viewings last between a quarter hour and eight hours; the clash check relies on the upper bound. */
export const viewingDuration = { min: 15, max: 480, default: 60 } as const;

export interface ViewingView {
  id: number;
  status: ViewingStatus;
  /** ISO instants; shown in the office's zone. */
  start: string;
  end: string;
  durationMinutes: number;
  /** The office wall clock of the start (YYYY-MM-DD, HH:MM): what forms edit. */
  officeDate: string;
  officeTime: string;
  contact: { id: number; name: string | null; phone: string | null };
  conversationId: number | null;
  numberId: number | null;
  property: { id: number; name: string };
  agent: { id: number; name: string };
  branchId: number | null;
  place: string | null;
  notes: string | null;
  /** Why it was booked outside office hours or on a holiday, when it was. */
  outsideHoursReason: string | null;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
}

/** One office day of a calendar view: its working state, holiday and opening hours. */
export interface CalendarDay {
  /** YYYY-MM-DD in the office's zone. */
  date: string;
  /** Sunday = 0. */
  weekday: number;
  working: boolean;
  holiday: string | null;
  /** The day's shifts as office wall-clock minutes from its midnight (an end past 1440 runs over midnight). */
  openings: { start: number; end: number }[];
}

export interface CalendarView {
  timeZone: string;
  today: string;
  span: CalendarSpan;
  anchor: string;
  /** First and last office day shown (inclusive); a month shows whole weeks, Sunday to Saturday. */
  from: string;
  to: string;
  days: CalendarDay[];
  /** Starting within the range, in start order. */
  viewings: ViewingView[];
}

/** A list of viewings with the office's zone to show them in. */
export interface ViewingList {
  timeZone: string;
  viewings: ViewingView[];
}

export interface ViewingAgent {
  id: number;
  name: string;
}

/** The next free slot for the agent in office hours, as office wall clock. */
export interface ViewingSlot {
  date: string;
  time: string;
  start: string;
  durationMinutes: number;
  agentId: number;
}
