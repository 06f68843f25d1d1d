import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { propertyInterestStatuses, type ConversationStatus, type PropertyInterestStatus } from '../../../shared/domain';
import type { InterestedConversation, PropertyInterestView, PropertyListing, PropertyListItem, PropertySort, PropertyStatus, PropertyType, PropertyView, RentPeriod } from '../../../shared/properties/types';
import type { conversationInterestsInput, createPropertyInput, propertyListInput, removeInterestInput, setInterestInput, updatePropertyInput } from '../../../shared/properties/schemas';
import { normalizeSearchText, searchTerms } from '../../../shared/search-text';
import { toIso, type Clock } from '../../base/clock';
import type { Audience, EventBus } from '../../events/event-bus';
import { AppError, fieldError } from '../../rpc/app-error';
import { requireAssignableBranch } from '../branches/branch-ref';
import { PriceHistory } from './price-history';
import type { ActivityLog } from '../activity/activity-log';
import type { Caller } from '../auth/auth-service';

interface PropertyRow {
  id: number;
  name: string;
  type: string;
  location: string | null;
  price: number | null;
  bedrooms: number | null;
  area: number | null;
  status: string;
  photos: string;
  listing: string;
  rent_period: string | null;
  city: string | null;
  district: string | null;
  branch_id: number | null;
  branch_name: string | null;
  branch_name_en: string | null;
  owner_contact_id: number | null;
  owner_name: string | null;
  owner_phone: string | null;
  ad_licence_number: string | null;
  ad_licence_expiry: string | null;
  description_ar: string | null;
  description_en: string | null;
  created_at: number;
  updated_at: number;
}

const selectProperty = `select p.*, b.name as branch_name, b.name_en as branch_name_en, c.name as owner_name, c.phone as owner_phone
  from properties p left join branches b on b.id = p.branch_id left join contacts c on c.id = p.owner_contact_id`;

interface InterestedRow {
  conversation_id: number;
  status: string;
  updated_at: number;
  customer_name: string | null;
  customer_phone: string | null;
  number_name: string;
  conversation_status: string;
  last_message_time: number | null;
  unread_count: number;
}

interface InterestRow {
  conversation_id: number;
  property_id: number;
  status: string;
  created_at: number;
  updated_at: number;
}

/** Refuses a conversation the caller may not work, and names who may hear about it. */
export interface InterestGate {
  /** The conversation's number, once the caller may work it. */
  requireConversation(caller: Caller, conversationId: number): number;
  /** The numbers the caller may see; null for all of them. */
  allowedNumbers(caller: Caller): number[] | null;
  audience(numberId: number): Audience;
}

/** The record's columns by input key; free-text ones store blank as null. */
const columns = {
  name: 'name', type: 'type', location: 'location', price: 'price', bedrooms: 'bedrooms', area: 'area', status: 'status',
  listing: 'listing', rentPeriod: 'rent_period', city: 'city', district: 'district', branchId: 'branch_id', ownerContactId: 'owner_contact_id',
  adLicenceNumber: 'ad_licence_number', adLicenceExpiry: 'ad_licence_expiry', descriptionAr: 'description_ar', descriptionEn: 'description_en',
} as const;
type Column = keyof typeof columns;
const textColumns = new Set<Column>(['location', 'city', 'district', 'adLicenceNumber', 'descriptionAr', 'descriptionEn']);
type RecordInput = Partial<Record<Column, string | number | null | undefined>>;

/** Seed 003's properties catalogue, and which of its properties a conversation's customer is interested in. */
export class PropertiesService {
  private readonly q;

  readonly priceHistory: PriceHistory;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly gate: InterestGate,
    private readonly activity: ActivityLog,
    private readonly bus: EventBus,
    private readonly clock: Clock,
  ) {
    this.priceHistory = new PriceHistory(sqlite);
    this.q = {
      all: sqlite.prepare<[], PropertyRow>(`${selectProperty} order by p.name, p.id`),
      byId: sqlite.prepare<[number], PropertyRow>(`${selectProperty} where p.id = ?`),
      contactExists: sqlite.prepare<[number], { id: number }>('select id from contacts where id = ?'),
      remove: sqlite.prepare<[number]>('delete from properties where id = ?'),
      interests: sqlite.prepare<[number], InterestRow>(
        'select conversation_id, property_id, status, created_at, updated_at from conversation_property_interests where conversation_id = ? order by updated_at desc, id desc',
      ),
      interest: sqlite.prepare<[number, number], InterestRow>(
        'select conversation_id, property_id, status, created_at, updated_at from conversation_property_interests where conversation_id = ? and property_id = ?',
      ),
      upsert: sqlite.prepare<[number, number, string, number, number]>(
        `insert into conversation_property_interests (conversation_id, property_id, status, created_at, updated_at) values (?, ?, ?, ?, ?)
         on conflict (conversation_id, property_id) do update set status = excluded.status, updated_at = excluded.updated_at`,
      ),
      removeInterest: sqlite.prepare<[number, number]>('delete from conversation_property_interests where conversation_id = ? and property_id = ?'),
      // `allowed` is a JSON array of number ids, or null for every number.
      interestCounts: sqlite.prepare<{ allowed: string | null }, { property_id: number; status: string; n: number }>(
        `select i.property_id, i.status, count(*) as n from conversation_property_interests i
         join conversations c on c.id = i.conversation_id
         where @allowed is null or c.whatsapp_number_id in (select value from json_each(@allowed))
         group by i.property_id, i.status`,
      ),
      interested: sqlite.prepare<{ id: number; allowed: string | null }, InterestedRow>(
        `select i.conversation_id, i.status, i.updated_at, ct.name as customer_name, ct.phone as customer_phone, n.name as number_name,
                c.status as conversation_status, c.last_message_time, c.unread_count
         from conversation_property_interests i
         join conversations c on c.id = i.conversation_id
         join contacts ct on ct.id = c.contact_id
         join whatsapp_numbers n on n.id = c.whatsapp_number_id
         where i.property_id = @id and (@allowed is null or c.whatsapp_number_id in (select value from json_each(@allowed)))
         order by i.status = 'not_interested', i.updated_at desc, i.id desc`,
      ),
      interestedConversations: sqlite.prepare<[number], { conversation_id: number; number_id: number }>(
        `select i.conversation_id, c.whatsapp_number_id as number_id from conversation_property_interests i
         join conversations c on c.id = i.conversation_id where i.property_id = ?`,
      ),
    };
  }

  /**
   * The catalogue is one office's (tens to a few hundred rows): read whole, filtered and ordered here.
   * The search runs over the normalised name and location, as the templates' does.
   */
  list(caller: Caller, input: z.output<typeof propertyListInput>): PropertyListItem[] {
    const terms = input.search ? searchTerms(input.search) : [];
    const counts = this.interestCounts(caller);
    const found = this.q.all
      .all()
      .filter(
        (row) =>
          (!input.type || row.type === input.type) &&
          (!input.status || row.status === input.status) &&
          (!input.listing || row.listing === input.listing) &&
          (input.branchId === undefined || row.branch_id === input.branchId) &&
          (!input.city || (row.city !== null && normalizeSearchText(row.city) === normalizeSearchText(input.city))),
      )
      .map(toPropertyView)
      .filter((p) => {
        if (terms.length === 0) return true;
        const text = normalizeSearchText(`${p.name}\n${p.location ?? ''}`);
        return terms.every((term) => text.includes(term));
      });
    const ordered = input.sort === 'name' ? found : found.sort(orders[input.sort]);
    return ordered.map((p) => ({ ...p, interestCounts: counts.get(p.id) ?? noInterests() }));
  }

  /** Only conversations on numbers the caller works; the not-interested last, then most recently changed. */
  interestedConversations(caller: Caller, propertyId: number): InterestedConversation[] {
    this.get(propertyId);
    return this.q.interested.all({ id: propertyId, allowed: this.allowedJson(caller) }).map((row) => ({
      conversationId: row.conversation_id,
      interestStatus: row.status as PropertyInterestStatus,
      interestUpdatedAt: toIso(row.updated_at),
      customerName: row.customer_name,
      customerPhone: row.customer_phone,
      numberName: row.number_name,
      conversationStatus: row.conversation_status as ConversationStatus,
      lastMessageTime: row.last_message_time === null ? null : toIso(row.last_message_time),
      unreadCount: row.unread_count,
    }));
  }

  get(id: number): PropertyView {
    const row = this.q.byId.get(id);
    if (!row) throw new AppError('NOT_FOUND', `Property with ID '${id}' not found`);
    return toPropertyView(row);
  }

  create(caller: Caller, input: z.output<typeof createPropertyInput>): PropertyView {
    const values = this.checked(input, null);
    const now = this.clock.now();
    const keys = (Object.keys(columns) as Column[]).filter((key) => values[key] !== undefined);
    const id = this.sqlite.transaction(() => {
      const created = Number(
        this.sqlite
          .prepare(`insert into properties (${keys.map((k) => columns[k]).join(', ')}, photos, created_at, updated_at) values (${keys.map(() => '?').join(', ')}, '[]', ?, ?)`)
          .run(...keys.map((k) => values[k] ?? null), now, now).lastInsertRowid,
      );
      this.record(caller, 'property.created', created, { name: input.name });
      return created;
    })();
    this.bus.publish('properties.changed', { propertyId: id }, { kind: 'all' });
    return this.get(id);
  }

  /** A price change goes into the price history in the same transaction, and is published for the automation. */
  update(caller: Caller, input: z.output<typeof updatePropertyInput>): PropertyView {
    const before = this.get(input.id);
    const values = this.checked(input, before);
    const sets: string[] = [];
    const params: (string | number | null)[] = [];
    for (const key of Object.keys(columns) as Column[]) {
      const value = values[key];
      if (value === undefined) continue;
      sets.push(`${columns[key]} = ?`);
      params.push(value);
    }
    if (sets.length === 0) return before;
    const priceChanged = values.price !== undefined && values.price !== before.price;
    const now = this.clock.now();
    this.sqlite.transaction(() => {
      this.sqlite.prepare(`update properties set ${sets.join(', ')}, updated_at = ? where id = ?`).run(...params, now, input.id);
      if (priceChanged) this.priceHistory.record(input.id, before.price, (values.price as number | null) ?? null, caller.user.id, now);
      const fields = Object.keys(input).filter((k) => k !== 'id');
      this.record(caller, 'property.updated', input.id, {
        name: input.name ?? before.name,
        fields,
        ...(priceChanged ? { price: { from: before.price, to: values.price } } : {}),
      });
    })();
    this.bus.publish('properties.changed', { propertyId: input.id }, { kind: 'all' });
    if (priceChanged) {
      this.bus.publish('properties.priceChanged', { propertyId: input.id, oldPrice: before.price, newPrice: (values.price as number | null) ?? null, changedBy: caller.user.id }, { kind: 'all' });
    }
    this.interestsChangedFor(input.id);
    return this.get(input.id);
  }

  /**
   * The record's values as stored: blank text as null, rent with its period (sale without one),
   * an existing active branch and an existing owner. Refusals name their field.
   */
  private checked(input: RecordInput, before: PropertyView | null): RecordInput {
    const values: RecordInput = {};
    for (const key of Object.keys(columns) as Column[]) {
      const value = input[key];
      if (value === undefined) continue;
      values[key] = textColumns.has(key) && typeof value === 'string' ? blankToNull(value) : value;
    }
    const listing = values.listing ?? before?.listing ?? 'sale';
    const period = values.rentPeriod !== undefined ? values.rentPeriod : (before?.rentPeriod ?? null);
    if (listing === 'rent' && !period) throw fieldError('rentPeriod', 'required', 'A rent needs its period (yearly or monthly)');
    if (listing === 'sale' && period !== null) values.rentPeriod = null;
    requireAssignableBranch(this.sqlite, values.branchId as number | null | undefined, before?.branch?.id ?? null);
    const owner = values.ownerContactId;
    if (typeof owner === 'number' && owner !== before?.owner?.id && !this.q.contactExists.get(owner)) throw fieldError('ownerContactId', 'invalid', 'No such contact');
    return values;
  }

  /** Interests in it go with it (the foreign key cascades); their conversations' panels refresh. */
  delete(caller: Caller, id: number): { ok: true } {
    const property = this.get(id);
    const touched = this.q.interestedConversations.all(id);
    this.q.remove.run(id);
    this.record(caller, 'property.deleted', id, { name: property.name });
    this.bus.publish('properties.changed', { propertyId: id }, { kind: 'all' });
    for (const row of touched) this.bus.publish('interests.changed', { conversationId: row.conversation_id }, this.gate.audience(row.number_id));
    return { ok: true };
  }

  /** Most recently changed first. */
  interests(caller: Caller, input: z.output<typeof conversationInterestsInput>): PropertyInterestView[] {
    this.gate.requireConversation(caller, input.conversationId);
    return this.q.interests.all(input.conversationId).map((row) => this.toInterestView(row));
  }

  /** Adds the interest, or changes its status. */
  setInterest(caller: Caller, input: z.output<typeof setInterestInput>): PropertyInterestView {
    const numberId = this.gate.requireConversation(caller, input.conversationId);
    const property = this.get(input.propertyId);
    const before = this.q.interest.get(input.conversationId, input.propertyId);
    if (before?.status === input.status) return this.toInterestView(before);
    const now = this.clock.now();
    this.sqlite.transaction(() => {
      this.q.upsert.run(input.conversationId, input.propertyId, input.status, now, now);
      this.activity.record({
        userId: caller.user.id,
        action: before ? 'property_interest.updated' : 'property_interest.added',
        entityType: 'conversation',
        entityId: input.conversationId,
        details: { propertyId: property.id, name: property.name, status: input.status, ...(before ? { from: before.status } : {}) },
      });
    })();
    this.bus.publish('interests.changed', { conversationId: input.conversationId }, this.gate.audience(numberId));
    return this.toInterestView(this.q.interest.get(input.conversationId, input.propertyId)!);
  }

  removeInterest(caller: Caller, input: z.output<typeof removeInterestInput>): { ok: true } {
    const numberId = this.gate.requireConversation(caller, input.conversationId);
    const before = this.q.interest.get(input.conversationId, input.propertyId);
    if (!before) throw new AppError('NOT_FOUND', `Interest in property '${input.propertyId}' not found`);
    const property = this.get(input.propertyId);
    this.sqlite.transaction(() => {
      this.q.removeInterest.run(input.conversationId, input.propertyId);
      this.activity.record({
        userId: caller.user.id,
        action: 'property_interest.removed',
        entityType: 'conversation',
        entityId: input.conversationId,
        details: { propertyId: property.id, name: property.name, status: before.status },
      });
    })();
    this.bus.publish('interests.changed', { conversationId: input.conversationId }, this.gate.audience(numberId));
    return { ok: true };
  }

  private allowedJson(caller: Caller): string | null {
    const allowed = this.gate.allowedNumbers(caller);
    return allowed === null ? null : JSON.stringify(allowed);
  }

  private interestCounts(caller: Caller): Map<number, Record<PropertyInterestStatus, number>> {
    const counts = new Map<number, Record<PropertyInterestStatus, number>>();
    for (const row of this.q.interestCounts.all({ allowed: this.allowedJson(caller) })) {
      let entry = counts.get(row.property_id);
      if (!entry) counts.set(row.property_id, (entry = noInterests()));
      entry[row.status as PropertyInterestStatus] = row.n;
    }
    return counts;
  }

  private toInterestView(row: InterestRow): PropertyInterestView {
    return {
      conversationId: row.conversation_id,
      status: row.status as PropertyInterestStatus,
      property: this.get(row.property_id),
      createdAt: toIso(row.created_at),
      updatedAt: toIso(row.updated_at),
    };
  }

  private interestsChangedFor(propertyId: number): void {
    for (const row of this.q.interestedConversations.all(propertyId)) {
      this.bus.publish('interests.changed', { conversationId: row.conversation_id }, this.gate.audience(row.number_id));
    }
  }

  private record(caller: Caller, action: string, id: number, details: Record<string, unknown>): void {
    this.activity.record({ userId: caller.user.id, action, entityType: 'property', entityId: id, details });
  }
}

function noInterests(): Record<PropertyInterestStatus, number> {
  return Object.fromEntries(propertyInterestStatuses.map((status) => [status, 0])) as Record<PropertyInterestStatus, number>;
}

/** Properties without a price go last whichever way prices run. */
function byPrice(direction: 1 | -1) {
  return (a: PropertyView, b: PropertyView): number => {
    if (a.price === b.price) return b.id - a.id;
    if (a.price === null) return 1;
    if (b.price === null) return -1;
    return (a.price - b.price) * direction;
  };
}

const orders: Record<Exclude<PropertySort, 'name'>, (a: PropertyView, b: PropertyView) => number> = {
  newest: (a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id,
  price_asc: byPrice(1),
  price_desc: byPrice(-1),
};

function blankToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

function toPropertyView(row: PropertyRow): PropertyView {
  let photos: string[] = [];
  try {
    const parsed: unknown = JSON.parse(row.photos);
    if (Array.isArray(parsed)) photos = parsed.filter((p): p is string => typeof p === 'string');
  } catch {
    photos = [];
  }
  return {
    id: row.id,
    name: row.name,
    type: row.type as PropertyType,
    location: row.location,
    price: row.price,
    bedrooms: row.bedrooms,
    area: row.area,
    status: row.status as PropertyStatus,
    photos,
    listing: row.listing as PropertyListing,
    rentPeriod: row.rent_period as RentPeriod | null,
    city: row.city,
    district: row.district,
    branch: row.branch_id === null ? null : { id: row.branch_id, name: row.branch_name ?? '', nameEn: row.branch_name_en },
    owner: row.owner_contact_id === null ? null : { id: row.owner_contact_id, name: row.owner_name, phone: row.owner_phone ?? '' },
    adLicenceNumber: row.ad_licence_number,
    adLicenceExpiry: row.ad_licence_expiry,
    descriptionAr: row.description_ar,
    descriptionEn: row.description_en,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}
