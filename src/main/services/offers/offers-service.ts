import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { errorReasons } from '../../../shared/errors';
import type { counterOfferInput, createOfferInput, offerListInput, undoAcceptanceInput } from '../../../shared/offers/schemas';
import { isOpenOffer, type OfferDetail, type OfferPage, type OfferParty, type OfferStatus } from '../../../shared/offers/types';
import type { Clock } from '../../base/clock';
import type { OfficeCalendar } from '../../calendar/office-calendar';
import type { Audience, EventBus } from '../../events/event-bus';
import { AppError } from '../../rpc/app-error';
import type { ActivityLog } from '../activity/activity-log';
import type { Caller } from '../auth/auth-service';
import { offerQueries, offerSelect, toOfferView, toStepView, type OfferRow } from './offer-records';

/** Who may work which conversation's number (the inbox's NumberAccess). */
export interface OfferGate {
  requireConversation(caller: Caller, conversationId: number): number;
  allowedNumbers(caller: Caller): number[] | null;
  mayUse(userId: number, role: string, numberId: number): boolean;
  audience(numberId: number): Audience;
}

/** Property statuses an offer can be accepted in; sold, rented or off the market cannot. */
const acceptableProperty = new Set(['available', 'reserved']);

/**
 * Seed 000's offers: a customer's offer on a property, countered by either side, answered
 * (accepted, rejected, withdrawn) or expired at the office's midnight after its last day.
 * Every change is one transaction with its history step, the conversation's interest and the
 * activity log; refusals are checked before anything is written.
 */
export class OffersService {
  private readonly q;
  /** Set by the core: re-arms the expiry wake after a last day may have moved. */
  onValidUntilChanged: () => void = () => undefined;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly gate: OfferGate,
    private readonly activity: ActivityLog,
    private readonly bus: EventBus,
    private readonly clock: Clock,
    private readonly calendar: () => OfficeCalendar,
  ) {
    this.q = {
      ...offerQueries(sqlite),
      conversation: sqlite.prepare<[number], { contact_id: number }>('select contact_id from conversations where id = ?'),
      property: sqlite.prepare<[number], { id: number; name: string; status: string }>('select id, name, status from properties where id = ?'),
      insert: sqlite.prepare<[number, number, number, number, number, string | null, string, number, number, number]>(
        `insert into offers (conversation_id, contact_id, property_id, status, first_amount, amount, terms, valid_until, awaiting, created_by, created_at, updated_at)
         values (?, ?, ?, 'submitted', ?, ?, ?, ?, 'office', ?, ?, ?)`,
      ),
      update: sqlite.prepare<{ id: number; status: string; amount: number; terms: string | null; validUntil: string; awaiting: string | null; now: number; from: string }>(
        `update offers set status = @status, amount = @amount, terms = @terms, valid_until = @validUntil, awaiting = @awaiting, updated_at = @now
         where id = @id and status = @from`,
      ),
      setPropertyStatus: sqlite.prepare<[string, number, number, string]>('update properties set status = ?, updated_at = ? where id = ? and status = ?'),
      interest: sqlite.prepare<[number, number], { status: string }>('select status from conversation_property_interests where conversation_id = ? and property_id = ?'),
      upsertInterest: sqlite.prepare<[number, number, string, number, number]>(
        `insert into conversation_property_interests (conversation_id, property_id, status, created_at, updated_at) values (?, ?, ?, ?, ?)
         on conflict (conversation_id, property_id) do update set status = excluded.status, updated_at = excluded.updated_at`,
      ),
      liveOffers: sqlite.prepare<[number, number], { n: number }>(
        "select count(*) as n from offers where conversation_id = ? and property_id = ? and status in ('submitted', 'countered', 'accepted')",
      ),
      overdue: sqlite.prepare<[string], { id: number }>("select id from offers where status in ('submitted', 'countered') and valid_until < ? order by valid_until, id"),
    };
  }

  list(caller: Caller, input: z.output<typeof offerListInput>): OfferPage {
    const allowed = this.gate.allowedNumbers(caller);
    const where: string[] = [];
    const params: Record<string, string | number> = { limit: input.limit + 1 };
    if (allowed !== null) (where.push('c.whatsapp_number_id in (select value from json_each(@allowed))'), (params.allowed = JSON.stringify(allowed)));
    if (input.status) (where.push('o.status = @status'), (params.status = input.status));
    if (input.propertyId) (where.push('o.property_id = @propertyId'), (params.propertyId = input.propertyId));
    if (input.conversationId) (where.push('o.conversation_id = @conversationId'), (params.conversationId = input.conversationId));
    if (input.agentId) (where.push('o.created_by = @agentId'), (params.agentId = input.agentId));
    if (input.before) (where.push('o.id < @before'), (params.before = input.before));
    const sql = `${offerSelect} ${where.length ? `where ${where.join(' and ')}` : ''} order by o.id desc limit @limit`;
    const rows = this.sqlite.prepare<Record<string, string | number>, OfferRow>(sql).all(params);
    const more = rows.length > input.limit;
    const page = more ? rows.slice(0, input.limit) : rows;
    return { data: page.map(toOfferView), nextCursor: more ? page[page.length - 1]!.id : null };
  }

  /** NOT_FOUND for an offer on a number the caller does not work: they are not told it exists. */
  get(caller: Caller, id: number): OfferDetail {
    return this.detail(this.visible(caller, id));
  }

  create(caller: Caller, input: z.output<typeof createOfferInput>): OfferDetail {
    this.gate.requireConversation(caller, input.conversationId);
    const property = this.q.property.get(input.propertyId);
    if (!property) throw new AppError('NOT_FOUND', `Property with ID '${input.propertyId}' not found`);
    this.requireNotPast('validUntil', input.validUntil);
    const contactId = this.q.conversation.get(input.conversationId)!.contact_id;
    const now = this.clock.now();
    const terms = input.terms || null;
    const id = this.sqlite.transaction(() => {
      const offerId = Number(
        this.q.insert.run(input.conversationId, contactId, input.propertyId, input.amount, input.amount, terms, input.validUntil, caller.user.id, now, now).lastInsertRowid,
      );
      this.q.insertStep.run(offerId, 'submitted', 'customer', input.amount, terms, input.validUntil, caller.user.id, now);
      this.setInterest(input.conversationId, input.propertyId, 'offer_made', now);
      this.record(caller.user.id, 'offer.created', offerId, { conversationId: input.conversationId, propertyId: property.id, name: property.name, amount: input.amount });
      return offerId;
    })();
    const row = this.q.byId.get(id)!;
    this.published(row, { needsAnswer: true, interests: true });
    this.onValidUntilChanged();
    return this.detail(row);
  }

  /** The office's counter (the customer's answer is awaited), or the customer's (the office's is). */
  counter(caller: Caller, input: z.output<typeof counterOfferInput>): OfferDetail {
    const row = this.requireOpen(caller, input.id);
    if (input.validUntil !== undefined) this.requireNotPast('validUntil', input.validUntil);
    const validUntil = input.validUntil ?? row.valid_until;
    const terms = input.terms === undefined ? row.terms : input.terms || null;
    const awaiting: OfferParty = input.by === 'office' ? 'customer' : 'office';
    this.change(caller.user.id, row, { status: 'countered', by: input.by, amount: input.amount, terms, validUntil, awaiting }, 'offer.countered');
    const after = this.q.byId.get(row.id)!;
    this.published(after, { needsAnswer: input.by === 'customer' });
    if (validUntil !== row.valid_until) this.onValidUntilChanged();
    return this.detail(after);
  }

  /**
   * Reserves the property. Two acceptances on one property cannot both land: the check and the
   * write are one immediate transaction, and the partial unique index refuses a second row even
   * from another process.
   */
  accept(caller: Caller, id: number): OfferDetail {
    const row = this.requireOpen(caller, id);
    this.requireNoneAccepted(row.property_id);
    const property = this.q.property.get(row.property_id)!;
    if (!acceptableProperty.has(property.status)) throw new AppError('UNPROCESSABLE_ENTITY', errorReasons.propertyUnavailable, undefined, `Property is ${property.status}`);
    const now = this.clock.now();
    try {
      this.sqlite
        .transaction(() => {
          this.requireNoneAccepted(row.property_id);
          // The side the offer waited for is the one that accepted it.
          this.write(caller.user.id, row, { status: 'accepted', by: row.awaiting ?? 'office', amount: row.amount, terms: row.terms, validUntil: row.valid_until, awaiting: null }, now);
          if (property.status !== 'reserved') this.q.setPropertyStatus.run('reserved', now, row.property_id, property.status);
          this.record(caller.user.id, 'offer.accepted', row.id, { conversationId: row.conversation_id, propertyId: row.property_id, name: row.property_name, amount: row.amount });
        })
        .immediate();
    } catch (error) {
      if (isUniqueViolation(error)) this.requireNoneAccepted(row.property_id);
      throw error;
    }
    const after = this.q.byId.get(row.id)!;
    this.published(after, {});
    this.bus.publish('properties.changed', { propertyId: row.property_id }, { kind: 'all' });
    return this.detail(after);
  }

  /** The side the offer waited for turns it down. */
  reject(caller: Caller, id: number): OfferDetail {
    const row = this.requireOpen(caller, id);
    return this.close(caller.user.id, row, 'rejected', row.awaiting ?? 'office', 'offer.rejected');
  }

  /** The customer takes their offer back. */
  withdraw(caller: Caller, id: number): OfferDetail {
    const row = this.requireOpen(caller, id);
    return this.close(caller.user.id, row, 'withdrawn', 'customer', 'offer.withdrawn');
  }

  /**
   * A supervisor or admin takes an acceptance back (the deal fell through): the offer ends
   * rejected or withdrawn, and the property is available again if it is still reserved (a
   * property marked sold or rented since stays so).
   */
  undoAcceptance(caller: Caller, input: z.output<typeof undoAcceptanceInput>): OfferDetail {
    const row = this.visible(caller, input.id);
    if (row.status !== 'accepted') throw new AppError('UNPROCESSABLE_ENTITY', errorReasons.offerNotOpen, undefined, 'Only an accepted offer can be taken back');
    const now = this.clock.now();
    const by: OfferParty = input.outcome === 'withdrawn' ? 'customer' : 'office';
    this.sqlite.transaction(() => {
      this.write(caller.user.id, row, { status: input.outcome, by, amount: row.amount, terms: row.terms, validUntil: row.valid_until, awaiting: null }, now);
      this.q.setPropertyStatus.run('available', now, row.property_id, 'reserved');
      this.settleInterest(row, now);
      this.record(caller.user.id, 'offer.acceptance_undone', row.id, { conversationId: row.conversation_id, propertyId: row.property_id, name: row.property_name, status: input.outcome });
    })();
    const after = this.q.byId.get(row.id)!;
    this.published(after, { interests: true });
    this.bus.publish('properties.changed', { propertyId: row.property_id }, { kind: 'all' });
    return this.detail(after);
  }

  /** Expires every open offer whose last day is over in the office's calendar; returns how many. */
  expireDue(): number {
    const today = this.calendar().officeDay(this.clock.now());
    const due = this.q.overdue.all(today);
    for (const { id } of due) {
      const row = this.q.byId.get(id);
      if (!row || !isOpenOffer(row.status)) continue;
      this.close(null, row, 'expired', 'office', 'offer.expired');
    }
    return due.length;
  }

  private close(userId: number | null, row: OfferRow, status: OfferStatus, by: OfferParty, action: string): OfferDetail {
    const now = this.clock.now();
    this.sqlite.transaction(() => {
      this.write(userId, row, { status, by, amount: row.amount, terms: row.terms, validUntil: row.valid_until, awaiting: null }, now);
      this.settleInterest(row, now);
      this.record(userId, action, row.id, { conversationId: row.conversation_id, propertyId: row.property_id, name: row.property_name, amount: row.amount });
    })();
    const after = this.q.byId.get(row.id)!;
    this.published(after, { interests: true });
    return this.detail(after);
  }

  private change(userId: number, row: OfferRow, next: Step, action: string): void {
    const now = this.clock.now();
    this.sqlite.transaction(() => {
      this.write(userId, row, next, now);
      this.record(userId, action, row.id, { conversationId: row.conversation_id, propertyId: row.property_id, name: row.property_name, amount: next.amount, by: next.by });
    })();
  }

  /** The offer's new state and its history step; refused if someone else changed it first. */
  private write(userId: number | null, row: OfferRow, next: Step, now: number): void {
    const changed = this.q.update.run({ id: row.id, status: next.status, amount: next.amount, terms: next.terms, validUntil: next.validUntil, awaiting: next.awaiting, now, from: row.status }).changes;
    if (changed === 0) throw new AppError('UNPROCESSABLE_ENTITY', errorReasons.offerNotOpen, undefined, 'The offer changed meanwhile');
    this.q.insertStep.run(row.id, next.status, next.by, next.amount, next.terms, next.validUntil, userId, now);
  }

  /**
   * `offer_made` holds while the conversation has an offer on the property open or accepted;
   * once none is left the interest goes back to `interested` (unless someone set it otherwise).
   */
  private settleInterest(row: OfferRow, now: number): void {
    if (this.q.liveOffers.get(row.conversation_id, row.property_id)!.n > 0) return;
    if (this.q.interest.get(row.conversation_id, row.property_id)?.status !== 'offer_made') return;
    this.setInterest(row.conversation_id, row.property_id, 'interested', now);
  }

  private setInterest(conversationId: number, propertyId: number, status: string, now: number): void {
    if (this.q.interest.get(conversationId, propertyId)?.status === status) return;
    this.q.upsertInterest.run(conversationId, propertyId, status, now, now);
  }

  private visible(caller: Caller, id: number): OfferRow {
    const row = this.q.byId.get(id);
    if (!row || !this.gate.mayUse(caller.user.id, caller.user.role, row.number_id)) throw new AppError('NOT_FOUND', `Offer with ID '${id}' not found`);
    return row;
  }

  /** An offer still on the table whose last day is not over (the expiry wake may not have run yet). */
  private requireOpen(caller: Caller, id: number): OfferRow {
    const row = this.visible(caller, id);
    if (row.status === 'accepted') throw new AppError('UNPROCESSABLE_ENTITY', errorReasons.offerAccepted, undefined, 'The offer is accepted; a supervisor can take the acceptance back');
    if (!isOpenOffer(row.status)) throw new AppError('UNPROCESSABLE_ENTITY', errorReasons.offerNotOpen, undefined, `The offer is ${row.status}`);
    if (this.calendar().officeDay(this.clock.now()) > row.valid_until) throw new AppError('UNPROCESSABLE_ENTITY', errorReasons.offerExpired, undefined, 'The offer expired');
    return row;
  }

  /** CONFLICT naming the property's accepted offer, when there is one. */
  private requireNoneAccepted(propertyId: number): void {
    const accepted = this.q.acceptedOn.get(propertyId);
    if (!accepted) return;
    throw new AppError(
      'CONFLICT',
      [
        {
          field: 'propertyId',
          code: 'offer_already_accepted',
          message: `Offer #${accepted.id} is already accepted for this property`,
          params: { offerId: accepted.id, amount: accepted.amount, customer: accepted.customer_name ?? accepted.customer_phone ?? '' },
        },
      ],
      undefined,
      `Offer #${accepted.id} is already accepted for this property`,
    );
  }

  /** A last day already over in the office's calendar is refused (today is fine). */
  private requireNotPast(field: string, day: string): void {
    const today = this.calendar().officeDay(this.clock.now());
    if (day < today) throw new AppError('VALIDATION_ERROR', [{ field, code: 'date_past', message: 'The date is already past', params: { min: today } }]);
  }

  private detail(row: OfferRow): OfferDetail {
    return { ...toOfferView(row), history: this.q.steps.all(row.id).map(toStepView) };
  }

  private published(row: OfferRow, also: { needsAnswer?: boolean; interests?: boolean }): void {
    const audience = this.gate.audience(row.number_id);
    this.bus.publish('offers.changed', { offerId: row.id, conversationId: row.conversation_id, propertyId: row.property_id }, audience);
    if (also.needsAnswer) {
      this.bus.publish('offers.needsAnswer', { offerId: row.id, conversationId: row.conversation_id, propertyId: row.property_id, numberId: row.number_id, amount: row.amount }, audience);
    }
    if (also.interests) this.bus.publish('interests.changed', { conversationId: row.conversation_id }, audience);
  }

  private record(userId: number | null, action: string, id: number, details: Record<string, unknown>): void {
    this.activity.record({ userId, action, entityType: 'offer', entityId: id, details });
  }
}

interface Step {
  status: OfferStatus;
  by: OfferParty;
  amount: number;
  terms: string | null;
  validUntil: string;
  awaiting: OfferParty | null;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE';
}

