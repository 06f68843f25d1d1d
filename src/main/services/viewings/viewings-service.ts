import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { errorReasons, type FieldError } from '../../../shared/errors';
import type { ViewingChange } from '../../../shared/viewings/contract';
import type {
  bookViewingInput,
  calendarInput,
  rescheduleViewingInput,
  setViewingStatusInput,
  suggestSlotInput,
  updateViewingInput,
} from '../../../shared/viewings/schemas';
import {
  isActiveViewing,
  viewingDuration,
  viewingTransitions,
  type CalendarDay,
  type CalendarView,
  type ViewingAgent,
  type ViewingList,
  type ViewingSlot,
  type ViewingStatus,
  type ViewingView,
} from '../../../shared/viewings/types';
import { toIso, type Clock } from '../../base/clock';
import type { OfficeCalendar } from '../../calendar/office-calendar';
import { officeCalendarOf } from '../../calendar/office-calendar-setting';
import { dayName, dayNumber, weekdayOf } from '../../calendar/zone-time';
import type { Audience, EventBus } from '../../events/event-bus';
import { AppError } from '../../rpc/app-error';
import type { ActivityLog } from '../activity/activity-log';
import type { Caller } from '../auth/auth-service';
import type { NumberAccess } from '../inbox/number-access';
import { nextFreeSlot, openingsOf, timeRefusals, type Slot } from './viewing-checks';
import { officeWall, prepareRows, toViewingView, ViewingNames, viewingScopeSql, zoneFor, type BareViewingRow, type ViewingRow } from './viewing-rows';

const minute = 60_000;
const maxSpan = viewingDuration.max * minute;

interface Clash {
  id: number;
  start_at: number;
  end_at: number;
  property_name: string;
  customer: string | null;
  agent_name: string;
}

/**
 * Seed 000's bookings. Every write checks and writes inside one immediate transaction, so two
 * windows booking the same agent's slot at once cannot both get it, and a refusal writes nothing.
 */
export class ViewingsService {
  private readonly q;
  private readonly names: ViewingNames;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly access: NumberAccess,
    private readonly activity: ActivityLog,
    private readonly bus: EventBus,
    private readonly clock: Clock,
  ) {
    this.names = new ViewingNames(sqlite);
    this.q = {
      byId: prepareRows<[number]>(sqlite, 'where v.id = ?'),
      range: sqlite.prepare<{ from: number; to: number; agent: number | null; allowed: string | null; me: number }, BareViewingRow>(
        `select v.id, v.status, v.start_at, v.end_at, v.duration_minutes, v.contact_id, v.conversation_id, v.whatsapp_number_id, v.property_id, v.agent_id,
           v.branch_id, v.place, v.notes, v.outside_hours_reason, v.created_by, v.created_at, v.updated_at
         from viewings v
         where v.start_at >= @from and v.start_at < @to and (@agent is null or v.agent_id = @agent) and ${viewingScopeSql} order by v.start_at, v.id`,
      ),
      byConversation: prepareRows<[number]>(sqlite, 'where v.conversation_id = ? order by v.start_at desc, v.id desc'),
      byContact: prepareRows<{ contact: number; allowed: string | null; me: number }>(sqlite, `where v.contact_id = @contact and ${viewingScopeSql} order by v.start_at desc, v.id desc`),
      due: prepareRows<{ from: number; to: number }>(sqlite, "where v.start_at >= @from and v.start_at < @to and v.status in ('tentative', 'confirmed') order by v.start_at, v.id"),
      // The range on start_at is bounded by the longest viewing, so this stays one short index scan.
      clash: sqlite.prepare<{ agent: number; start: number; end: number; earliest: number; except: number }, Clash>(
        `select v.id, v.start_at, v.end_at, p.name as property_name, coalesce(ct.name, ct.phone) as customer, u.name as agent_name
         from viewings v join properties p on p.id = v.property_id join contacts ct on ct.id = v.contact_id join users u on u.id = v.agent_id
         where v.agent_id = @agent and v.start_at < @end and v.start_at > @earliest and v.end_at > @start
           and v.status in ('tentative', 'confirmed') and v.id <> @except
         order by v.start_at limit 1`,
      ),
      conversation: sqlite.prepare<[number], { contact_id: number; number_id: number; branch_id: number | null }>(
        'select c.contact_id, c.whatsapp_number_id as number_id, n.branch_id from conversations c join whatsapp_numbers n on n.id = c.whatsapp_number_id where c.id = ?',
      ),
      property: sqlite.prepare<[number], { id: number; name: string }>('select id, name from properties where id = ?'),
      user: sqlite.prepare<[number], { id: number; name: string; role: string; is_active: number; branch_id: number | null }>(
        'select id, name, role, is_active, branch_id from users where id = ?',
      ),
      insert: sqlite.prepare<{
        contact: number;
        conversation: number;
        number: number;
        property: number;
        agent: number;
        branch: number | null;
        start: number;
        end: number;
        duration: number;
        place: string | null;
        notes: string | null;
        status: string;
        reason: string | null;
        by: number | null;
        now: number;
      }>(
        `insert into viewings (contact_id, conversation_id, whatsapp_number_id, property_id, agent_id, branch_id, start_at, end_at, duration_minutes,
           place, notes, status, outside_hours_reason, created_by, created_at, updated_at)
         values (@contact, @conversation, @number, @property, @agent, @branch, @start, @end, @duration, @place, @notes, @status, @reason, @by, @now, @now)`,
      ),
      move: sqlite.prepare<{ id: number; agent: number; start: number; end: number; duration: number; reason: string | null; now: number }>(
        'update viewings set agent_id = @agent, start_at = @start, end_at = @end, duration_minutes = @duration, outside_hours_reason = @reason, updated_at = @now where id = @id',
      ),
      setStatus: sqlite.prepare<[string, number, number]>('update viewings set status = ?, updated_at = ? where id = ?'),
      setDetails: sqlite.prepare<[string | null, string | null, number, number]>('update viewings set place = ?, notes = ?, updated_at = ? where id = ?'),
      interest: sqlite.prepare<[number, number], { status: string }>('select status from conversation_property_interests where conversation_id = ? and property_id = ?'),
      upsertInterest: sqlite.prepare<[number, number, string, number, number]>(
        `insert into conversation_property_interests (conversation_id, property_id, status, created_at, updated_at) values (?, ?, ?, ?, ?)
         on conflict (conversation_id, property_id) do update set status = excluded.status, updated_at = excluded.updated_at`,
      ),
      otherActive: sqlite.prepare<[number, number, number], { n: number }>(
        "select count(*) as n from viewings where conversation_id = ? and property_id = ? and id <> ? and status in ('tentative', 'confirmed')",
      ),
      managers: sqlite.prepare<[], { id: number }>("select id from users where is_active = 1 and role in ('admin', 'supervisor')"),
      allAgents: sqlite.prepare<[], ViewingAgent>("select id, name from users where is_active = 1 order by role = 'agent' desc, name, id"),
      colleagues: sqlite.prepare<{ me: number; allowed: string }, ViewingAgent>(
        `select id, name from users where is_active = 1 and (id = @me or (role = 'agent' and (
           id in (select employee_id from whatsapp_numbers where id in (select value from json_each(@allowed)))
           or id in (select user_id from number_agents where whatsapp_number_id in (select value from json_each(@allowed))))))
         order by id = @me desc, name, id`,
      ),
    };
  }

  /** The days of the span holding `anchor` (Sunday-first weeks; a month as whole weeks) with their hours and viewings. */
  calendar(caller: Caller, input: z.output<typeof calendarInput>): CalendarView {
    const calendar = officeCalendarOf(this.sqlite);
    const today = calendar.officeDay(this.clock.now());
    const anchor = input.anchor && isRealDate(input.anchor) ? input.anchor : today;
    const { from, to } = spanOf(input.span, dayNumber(anchor));
    const days: CalendarDay[] = [];
    for (let d = from; d <= to; d++) {
      const date = dayName(d);
      days.push({ date, weekday: weekdayOf(d), working: calendar.isWorkingDay(date), holiday: calendar.holidayOn(date), openings: openingsOf(calendar, date) });
    }
    const rows = this.names.attach(this.q.range.all({
      from: calendar.dayStart(dayName(from)),
      to: calendar.dayStart(dayName(to + 1)),
      agent: input.agentId ?? null,
      ...this.scope(caller),
    }));
    return {
      timeZone: calendar.timeZone,
      today,
      span: input.span,
      anchor,
      from: dayName(from),
      to: dayName(to),
      days,
      viewings: rows.map((row) => toViewingView(row, calendar.timeZone)),
    };
  }

  get(caller: Caller, id: number): ViewingView {
    return this.view(this.visibleRow(caller, id));
  }

  forConversation(caller: Caller, conversationId: number): ViewingList {
    this.access.requireConversation(caller, conversationId);
    const { timeZone } = officeCalendarOf(this.sqlite);
    return { timeZone, viewings: this.q.byConversation.all(conversationId).map((row) => toViewingView(row, timeZone)) };
  }

  forContact(caller: Caller, contactId: number): ViewingList {
    const { timeZone } = officeCalendarOf(this.sqlite);
    return { timeZone, viewings: this.q.byContact.all({ contact: contactId, ...this.scope(caller) }).map((row) => toViewingView(row, timeZone)) };
  }

  agents(caller: Caller): ViewingAgent[] {
    const allowed = this.access.allowedNumbers(caller);
    return allowed === null ? this.q.allAgents.all() : this.q.colleagues.all({ me: caller.user.id, allowed: JSON.stringify(allowed) });
  }

  suggestSlot(caller: Caller, input: z.output<typeof suggestSlotInput>): { slot: ViewingSlot | null } {
    const numberId = this.access.requireConversation(caller, input.conversationId);
    const agentId = this.bookableAgent(caller, input.agentId, numberId).id;
    const calendar = officeCalendarOf(this.sqlite);
    const found = nextFreeSlot(calendar, this.clock.now(), input.durationMinutes, (slot) => this.clashWith(agentId, slot, 0)?.end_at ?? null);
    if (!found) return { slot: null };
    const wall = officeWall(calendar.timeZone, found.start);
    return { slot: { date: wall.date, time: wall.time, start: toIso(found.start), durationMinutes: input.durationMinutes, agentId } };
  }

  book(caller: Caller, input: z.output<typeof bookViewingInput>): ViewingView {
    const numberId = this.access.requireConversation(caller, input.conversationId);
    const conversation = this.q.conversation.get(input.conversationId)!;
    const property = this.q.property.get(input.propertyId);
    if (!property) throw fieldRefusal('propertyId', 'invalid', 'Unknown property');
    const agent = this.bookableAgent(caller, input.agentId, numberId);
    const calendar = officeCalendarOf(this.sqlite);
    const slot = this.slotOf(calendar, input.date, input.time, input.durationMinutes);
    const refusals = timeRefusals(calendar, this.clock.now(), slot, { loggingDone: input.status === 'done', outsideHoursReason: input.outsideHoursReason });
    if (refusals.length > 0) throw new AppError('VALIDATION_ERROR', refusals);

    const now = this.clock.now();
    let interestChanged = false;
    const id = this.sqlite
      .transaction(() => {
        if (isActiveViewing(input.status)) this.refuseClash(calendar, agent.id, slot, 0);
        const id = Number(
          this.q.insert.run({
            contact: conversation.contact_id,
            conversation: input.conversationId,
            number: numberId,
            property: property.id,
            agent: agent.id,
            branch: conversation.branch_id ?? agent.branch_id,
            start: slot.start,
            end: slot.end,
            duration: input.durationMinutes,
            place: blankToNull(input.place),
            notes: blankToNull(input.notes),
            status: input.status,
            reason: input.outsideHoursReason ?? null,
            by: caller.user.id,
            now,
          }).lastInsertRowid,
        );
        interestChanged = this.interestFollowsBooking(caller, input.conversationId, property, now);
        this.record(caller, 'viewing.booked', input.conversationId, { viewingId: id, propertyId: property.id, name: property.name, agentId: agent.id, start: toIso(slot.start), status: input.status });
        return id;
      })
      .immediate();
    if (interestChanged) this.bus.publish('interests.changed', { conversationId: input.conversationId }, this.access.audience(numberId));
    return this.changed(caller, id, 'booked');
  }

  reschedule(caller: Caller, input: z.output<typeof rescheduleViewingInput>): ViewingView {
    const row = this.manageableRow(caller, input.id);
    if (!isActiveViewing(row.status as ViewingStatus)) throw transitionRefusal(row.status, 'rescheduled');
    const agent = input.agentId === undefined || input.agentId === row.agent_id ? { id: row.agent_id } : this.bookableAgent(caller, input.agentId, row.whatsapp_number_id);
    const duration = input.durationMinutes ?? row.duration_minutes;
    const calendar = officeCalendarOf(this.sqlite);
    const slot = this.slotOf(calendar, input.date, input.time, duration);
    const refusals = timeRefusals(calendar, this.clock.now(), slot, { loggingDone: false, outsideHoursReason: input.outsideHoursReason });
    if (refusals.length > 0) throw new AppError('VALIDATION_ERROR', refusals);
    const now = this.clock.now();
    this.sqlite
      .transaction(() => {
        this.refuseClash(calendar, agent.id, slot, row.id);
        this.q.move.run({ id: row.id, agent: agent.id, start: slot.start, end: slot.end, duration, reason: input.outsideHoursReason ?? null, now });
        this.record(caller, 'viewing.rescheduled', row.conversation_id, {
          viewingId: row.id,
          name: row.property_name,
          from: toIso(row.start_at),
          start: toIso(slot.start),
          ...(agent.id !== row.agent_id ? { agentId: agent.id, fromAgentId: row.agent_id } : {}),
        });
      })
      .immediate();
    return this.changed(caller, row.id, 'rescheduled', row.agent_id);
  }

  update(caller: Caller, input: z.output<typeof updateViewingInput>): ViewingView {
    const row = this.manageableRow(caller, input.id);
    const place = input.place === undefined ? row.place : blankToNull(input.place);
    const notes = input.notes === undefined ? row.notes : blankToNull(input.notes);
    this.sqlite.transaction(() => {
      this.q.setDetails.run(place, notes, this.clock.now(), row.id);
      this.record(caller, 'viewing.updated', row.conversation_id, { viewingId: row.id, name: row.property_name, fields: Object.keys(input).filter((k) => k !== 'id') });
    })();
    return this.changed(caller, row.id, 'updated');
  }

  setStatus(caller: Caller, input: z.output<typeof setViewingStatusInput>): ViewingView {
    const row = this.manageableRow(caller, input.id);
    const from = row.status as ViewingStatus;
    if (from === input.status) return this.view(row);
    if (!viewingTransitions[from].includes(input.status)) throw transitionRefusal(from, input.status);
    const now = this.clock.now();
    let interestChanged = false;
    this.sqlite
      .transaction(() => {
        this.q.setStatus.run(input.status, now, row.id);
        // The last live viewing of a property cancelled: the customer is back to "interested".
        if (input.status === 'cancelled' && row.conversation_id !== null && this.q.otherActive.get(row.conversation_id, row.property_id, row.id)!.n === 0) {
          if (this.q.interest.get(row.conversation_id, row.property_id)?.status === 'viewing_scheduled') {
            this.q.upsertInterest.run(row.conversation_id, row.property_id, 'interested', now, now);
            interestChanged = true;
          }
        }
        this.record(caller, 'viewing.status', row.conversation_id, { viewingId: row.id, name: row.property_name, from, status: input.status });
      })
      .immediate();
    if (interestChanged && row.conversation_id !== null && row.whatsapp_number_id !== null) {
      this.bus.publish('interests.changed', { conversationId: row.conversation_id }, this.access.audience(row.whatsapp_number_id));
    }
    return this.changed(caller, row.id, 'status');
  }

  /**
   * The live viewings (tentative or confirmed) starting in [from, to), every agent's: what a
   * reminder ("a viewing within the hour") asks for. Not a channel: the core's own jobs call it.
   */
  dueWithin(from: number, to: number): ViewingView[] {
    const { timeZone } = officeCalendarOf(this.sqlite);
    return this.q.due.all({ from, to }).map((row) => toViewingView(row, timeZone));
  }

  /** The agent's clash check alone (the benchmark measures it). */
  clashWith(agentId: number, slot: Slot, exceptId: number): Clash | undefined {
    return this.q.clash.get({ agent: agentId, start: slot.start, end: slot.end, earliest: slot.start - maxSpan, except: exceptId });
  }

  private refuseClash(calendar: OfficeCalendar, agentId: number, slot: Slot, exceptId: number): void {
    const clash = this.clashWith(agentId, slot, exceptId);
    if (!clash) return;
    const start = officeWall(calendar.timeZone, clash.start_at);
    const end = officeWall(calendar.timeZone, clash.end_at);
    const detail: FieldError = {
      field: 'time',
      code: 'agent_busy',
      message: `${clash.agent_name} already has a viewing of ${clash.property_name} with ${clash.customer ?? 'a customer'} at ${start.date} ${start.time}–${end.time}`,
      params: { viewingId: clash.id, start: toIso(clash.start_at), date: start.date, time: start.time, endTime: end.time, property: clash.property_name, customer: clash.customer ?? '', agent: clash.agent_name },
    };
    throw new AppError('CONFLICT', [detail], undefined, detail.message);
  }

  /**
   * The AI responder's booking (issue 16, appointmentBooking): the slot the customer picked, as a
   * `tentative` viewing an agent then confirms. Run inside the caller's transaction; null (nothing
   * written) when the slot is no longer bookable — past, outside office hours, or the agent busy.
   * The caller publishes it with `announceBooked` after its commit.
   */
  bookTentative(input: { conversationId: number; propertyId: number; agentId: number; start: number; durationMinutes: number }): number | null {
    const conversation = this.q.conversation.get(input.conversationId);
    const property = this.q.property.get(input.propertyId);
    if (!conversation || !property) return null;
    const calendar = officeCalendarOf(this.sqlite);
    const now = this.clock.now();
    const slot = { start: input.start, end: input.start + input.durationMinutes * minute };
    if (timeRefusals(calendar, now, slot, { loggingDone: false, outsideHoursReason: undefined }).length > 0) return null;
    if (this.clashWith(input.agentId, slot, 0)) return null;
    const agent = this.q.user.get(input.agentId);
    const id = Number(
      this.q.insert.run({
        contact: conversation.contact_id,
        conversation: input.conversationId,
        number: conversation.number_id,
        property: property.id,
        agent: input.agentId,
        branch: conversation.branch_id ?? agent?.branch_id ?? null,
        start: slot.start,
        end: slot.end,
        duration: input.durationMinutes,
        place: null,
        notes: null,
        status: 'tentative',
        reason: null,
        by: null,
        now,
      }).lastInsertRowid,
    );
    const before = this.q.interest.get(input.conversationId, property.id)?.status;
    if (before !== 'viewing_scheduled' && before !== 'offer_made') this.q.upsertInterest.run(input.conversationId, property.id, 'viewing_scheduled', now, now);
    this.activity.record({ userId: null, action: 'viewing.booked', entityType: 'conversation', entityId: input.conversationId, details: { viewingId: id, propertyId: property.id, name: property.name, agentId: input.agentId, start: toIso(slot.start), status: 'tentative', by: 'ai' } });
    return id;
  }

  /** Tells the viewing's audience the AI booked it (after the booking's transaction committed). */
  announceBooked(id: number): void {
    const row = this.q.byId.get(id);
    if (!row) return;
    const view = this.view(row);
    // byUserId 0: no person booked it (the agent is told, as when a colleague books for them).
    this.bus.publish(
      'viewings.changed',
      { viewingId: id, change: 'booked', status: view.status, agentId: row.agent_id, byUserId: 0, conversationId: row.conversation_id, contactId: row.contact_id, start: view.start },
      this.audienceOf(row),
    );
    if (row.conversation_id !== null && row.whatsapp_number_id !== null) this.bus.publish('interests.changed', { conversationId: row.conversation_id }, this.access.audience(row.whatsapp_number_id));
  }

  /** Booking sets the interest to `viewing_scheduled` (adding it if needed); an offer already made stays. */
  private interestFollowsBooking(caller: Caller, conversationId: number, property: { id: number; name: string }, now: number): boolean {
    const before = this.q.interest.get(conversationId, property.id)?.status;
    if (before === 'viewing_scheduled' || before === 'offer_made') return false;
    this.q.upsertInterest.run(conversationId, property.id, 'viewing_scheduled', now, now);
    this.activity.record({
      userId: caller.user.id,
      action: before ? 'property_interest.updated' : 'property_interest.added',
      entityType: 'conversation',
      entityId: conversationId,
      details: { propertyId: property.id, name: property.name, status: 'viewing_scheduled', ...(before ? { from: before } : {}) },
    });
    return true;
  }

  /** Agents book only themselves; whoever is booked must be active and work the conversation's number. */
  private bookableAgent(caller: Caller, agentId: number | undefined, numberId: number | null): { id: number; branch_id: number | null } {
    const id = agentId ?? caller.user.id;
    if (caller.user.role === 'agent' && id !== caller.user.id) throw new AppError('FORBIDDEN', errorReasons.bookOthersViewing);
    const user = this.q.user.get(id);
    if (!user || user.is_active !== 1) throw fieldRefusal('agentId', 'unknown_user', 'Unknown or inactive user');
    if (numberId !== null && !this.access.mayUse(user.id, user.role, numberId)) throw fieldRefusal('agentId', 'no_access', 'That user does not work this number');
    return user;
  }

  private slotOf(calendar: OfficeCalendar, date: string, time: string, durationMinutes: number): Slot {
    if (!isRealDate(date)) throw fieldRefusal('date', 'invalid', 'No such date');
    const [h, m] = time.split(':').map(Number) as [number, number];
    const start = zoneFor(calendar.timeZone).instant(dayNumber(date), h * 60 + m);
    return { start, end: start + durationMinutes * minute };
  }

  private scope(caller: Caller): { allowed: string | null; me: number } {
    const allowed = this.access.allowedNumbers(caller);
    return { allowed: allowed === null ? null : JSON.stringify(allowed), me: caller.user.id };
  }

  /** An agent sees the viewings on the numbers they work and their own; anything else is not there for them. */
  private visibleRow(caller: Caller, id: number): ViewingRow {
    const row = this.q.byId.get(id);
    if (!row) throw new AppError('NOT_FOUND');
    const allowed = this.access.allowedNumbers(caller);
    const visible = allowed === null || row.agent_id === caller.user.id || (row.whatsapp_number_id !== null && allowed.includes(row.whatsapp_number_id));
    if (!visible) throw new AppError('NOT_FOUND');
    return row;
  }

  /** Agents change only the viewings they show. */
  private manageableRow(caller: Caller, id: number): ViewingRow {
    const row = this.visibleRow(caller, id);
    if (caller.user.role === 'agent' && row.agent_id !== caller.user.id) throw new AppError('FORBIDDEN', errorReasons.notViewingAgent);
    return row;
  }

  private view(row: ViewingRow): ViewingView {
    return toViewingView(row, officeCalendarOf(this.sqlite).timeZone);
  }

  /** Tells those who may see the viewing (and its previous agent) what happened, and returns it as it is now. */
  private changed(caller: Caller, id: number, change: ViewingChange, previousAgentId?: number): ViewingView {
    const row = this.q.byId.get(id)!;
    const view = this.view(row);
    this.bus.publish(
      'viewings.changed',
      { viewingId: id, change, status: view.status, agentId: row.agent_id, byUserId: caller.user.id, conversationId: row.conversation_id, contactId: row.contact_id, start: view.start },
      this.audienceOf(row, previousAgentId),
    );
    return view;
  }

  audienceOf(row: { whatsapp_number_id: number | null; agent_id: number }, previousAgentId?: number): Audience {
    const ids = new Set(row.whatsapp_number_id === null ? this.q.managers.all().map((r) => r.id) : (this.access.audience(row.whatsapp_number_id) as { userIds: number[] }).userIds);
    ids.add(row.agent_id);
    if (previousAgentId !== undefined) ids.add(previousAgentId);
    return { kind: 'users', userIds: [...ids] };
  }

  private record(caller: Caller, action: string, conversationId: number | null, details: Record<string, unknown>): void {
    this.activity.record({ userId: caller.user.id, action, ...(conversationId !== null ? { entityType: 'conversation', entityId: conversationId } : {}), details });
  }
}

function fieldRefusal(field: string, code: FieldError['code'], message: string): AppError {
  return new AppError('VALIDATION_ERROR', [{ field, code, message }]);
}

function transitionRefusal(from: string, to: string): AppError {
  return new AppError('CONFLICT', [{ field: 'status', code: 'invalid_transition', message: `A ${from} viewing cannot be ${to}`, params: { from, to } }]);
}

function isRealDate(date: string): boolean {
  const day = dayNumber(date);
  return Number.isFinite(day) && dayName(day) === date;
}

/** The office days shown for a span: the day; its Sunday-to-Saturday week; its month's whole weeks. */
function spanOf(span: 'day' | 'week' | 'month', anchor: number): { from: number; to: number } {
  if (span === 'day') return { from: anchor, to: anchor };
  if (span === 'week') {
    const from = anchor - weekdayOf(anchor);
    return { from, to: from + 6 };
  }
  const date = dayName(anchor);
  const first = dayNumber(`${date.slice(0, 8)}01`);
  const next = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)), 1)).toISOString().slice(0, 10);
  const last = dayNumber(next) - 1;
  return { from: first - weekdayOf(first), to: last + (6 - weekdayOf(last)) };
}

function blankToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}
