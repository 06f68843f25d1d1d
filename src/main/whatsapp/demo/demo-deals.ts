import type Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/open-database';
import { users } from '../../db/schema';
import { officeCalendarOf } from '../../calendar/office-calendar-setting';
import { officeWall } from '../../services/viewings/viewing-rows';
import type { Caller } from '../../services/auth/auth-service';
import type { OffersService } from '../../services/offers/offers-service';
import type { ViewingsService } from '../../services/viewings/viewings-service';
import type { DemoSeedResult } from './demo-seed';

export interface DemoDealServices {
  viewings: ViewingsService;
  offers: OffersService;
}

/** Demo customers (by index in seededCustomers) and properties (by index in the demo catalogue). */
const majed = 0;
const ummFaisal = 2;
const abdulrahman = 5;
const badr = 11;
const narjisFlat = 0;
const malqaFlat = 2;
const qairawanLand = 3;

/**
 * Viewings and offers for the demo office, booked and logged through the services so their rules
 * hold (office hours, one accepted offer per property, interests that follow): Majed's viewing of
 * the Narjis flat at the next free slot (today while the office is open), Umm Faisal's of the
 * Malqa rental with the second agent at the next working day's opening; Abdulrahman's offer on the flat (his `offer_made`
 * interest) awaiting an answer; Badr's offer on the Qairawan land, accepted, which reserves it.
 */
export function seedDemoDeals(core: { db: Db; sqlite: Database.Database }, seeded: DemoSeedResult, services: DemoDealServices, now: number): void {
  const { db, sqlite } = core;
  const [agentOne, agentTwo] = seeded.agentIds.map((id) => callerFor(db, id));
  const conversation = (customer: number) => seeded.conversationIds[customer]!;
  const property = (index: number) => seeded.propertyIds[index]!;
  if (!agentOne || !agentTwo) return;

  const soon = services.viewings.suggestSlot(agentOne, { conversationId: conversation(majed), durationMinutes: 60 }).slot;
  if (soon) services.viewings.book(agentOne, { conversationId: conversation(majed), propertyId: property(narjisFlat), date: soon.date, time: soon.time, durationMinutes: 60, status: 'confirmed', outsideHoursReason: undefined });

  const calendar = officeCalendarOf(sqlite);
  const nextOpening = calendar.nextOpening(calendar.nextDayStart(soon ? Date.parse(soon.start) : now));
  if (nextOpening !== null) {
    const wall = officeWall(calendar.timeZone, nextOpening);
    services.viewings.book(agentTwo, { conversationId: conversation(ummFaisal), propertyId: property(malqaFlat), date: wall.date, time: wall.time, durationMinutes: 60, status: 'tentative', outsideHoursReason: undefined });
  }

  const validUntil = calendar.officeDay(now + 14 * 86_400_000);
  services.offers.create(agentOne, { conversationId: conversation(abdulrahman), propertyId: property(narjisFlat), amount: 92_000_000, validUntil });
  const accepted = services.offers.create(agentOne, { conversationId: conversation(badr), propertyId: property(qairawanLand), amount: 175_000_000, terms: 'دفعة أولى ٢٠٪ والباقي عند الإفراغ', validUntil });
  services.offers.accept(agentOne, accepted.id);
}

/** A demo agent acting through a service, as if signed in (the seed runs before anyone is). */
function callerFor(db: Db, userId: number): Caller | undefined {
  const user = db.select().from(users).where(eq(users.id, userId)).get();
  return user ? { user, session: { sessionId: 0, userId, expiresAt: Number.MAX_SAFE_INTEGER } } : undefined;
}
