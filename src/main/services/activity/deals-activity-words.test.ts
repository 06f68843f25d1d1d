import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityActions } from '../../../shared/activity/types';
import { offersOffice } from '../../testing/offers-office';

/**
 * Every action listed in `activityActions` has its sentence in both languages: the renderer's
 * typecheck demands an `activity.say.<action>` key for each (activity-sentence.tsx) and its tests
 * read them. So an action the core records has a sentence exactly when it is listed there.
 */
const said = (action: string) => (activityActions as readonly string[]).includes(action);

// The clock stands at Thursday 10 December 2026, 12:00 in Riyadh; Sunday the 13th is a working day.
let office: Awaited<ReturnType<typeof offersOffice>>;
beforeAll(async () => {
  office = await offersOffice();
}, 60_000);
afterAll(() => office.t.close());

describe('viewings, offers and promotions in the activity log', () => {
  it('every action the services record reads as a sentence in Arabic and English and sits in the filter', async () => {
    const { t, agent, admin, khalid, sara, villa, flat } = office;
    const viewing = await t.call('viewings.book', { conversationId: khalid, propertyId: villa.id, date: '2026-12-13', time: '10:00' }, agent.token);
    await t.call('viewings.reschedule', { id: viewing.id, date: '2026-12-14', time: '10:00' }, agent.token);
    await t.call('viewings.update', { id: viewing.id, notes: 'يحضر مع زوجته' }, agent.token);
    await t.call('viewings.setStatus', { id: viewing.id, status: 'confirmed' }, agent.token);
    const offer = await t.call('offers.create', { conversationId: khalid, propertyId: villa.id, amount: '2,300,000', validUntil: '2026-12-20' }, agent.token);
    await t.call('offers.counter', { id: offer.id, by: 'office', amount: '2,400,000' }, agent.token);
    await t.call('offers.accept', { id: offer.id }, agent.token);
    await t.call('offers.undoAcceptance', { id: offer.id, outcome: 'rejected' }, admin.token);
    const second = await t.call('offers.create', { conversationId: sara, propertyId: flat.id, amount: '850,000', validUntil: '2026-12-20' }, agent.token);
    await t.call('offers.reject', { id: second.id }, agent.token);
    const third = await t.call('offers.create', { conversationId: sara, propertyId: villa.id, amount: '2,000,000', validUntil: '2026-12-20' }, agent.token);
    await t.call('offers.withdraw', { id: third.id }, agent.token);
    const promotion = await t.call('promotions.create', { name: 'عرض الشتاء', detailsAr: 'خصم ٢٪', validFrom: '2026-12-10', validUntil: '2026-12-31' }, admin.token);
    await t.call('promotions.update', { id: promotion.id, name: 'عرض الشتاء الكبير' }, admin.token);
    await t.call('promotions.delete', { id: promotion.id }, admin.token);

    const recorded = new Set(
      (t.core.database.sqlite.prepare("select action from activity_log where action like 'viewing.%' or action like 'offer.%' or action like 'promotion.%'").all() as { action: string }[]).map((r) => r.action),
    );
    expect(recorded.size).toBeGreaterThanOrEqual(13);
    for (const action of recorded) {
      expect(said(action), action).toBe(true);
    }

    // The log names the customer of an offer and the promotion, even once deleted.
    const entries = await t.call('activity.list', { action: 'offer' }, admin.token);
    expect(entries.find((e) => e.action === 'offer.created' && e.entityId === offer.id)?.entityName).toBe('خالد');
    expect(entries.find((e) => e.action === 'promotion.deleted')?.entityName).toBe('عرض الشتاء الكبير');
    expect(entries.every((e) => e.action.startsWith('offer.') || e.action.startsWith('promotion.'))).toBe(true);
    const viewings = await t.call('activity.list', { action: 'viewing' }, admin.token);
    expect(viewings.map((e) => e.action).sort()).toEqual(['viewing.booked', 'viewing.rescheduled', 'viewing.status', 'viewing.updated']);
    expect(viewings.every((e) => e.entityName === 'خالد')).toBe(true);
  });

  it('no action named in the viewings or offers services lacks a sentence (expiry included, which needs midnight to pass)', () => {
    const dir = path.join(__dirname, '..');
    const sources = ['viewings/viewings-service.ts', 'offers/offers-service.ts', 'offers/promotions-service.ts', 'offers/offer-expiry.ts'].map((file) => readFileSync(path.join(dir, file), 'utf8')).join('\n');
    const named = [...new Set([...sources.matchAll(/'((?:viewing|offer|promotion)\.[a-z_]+)'/g)].map((m) => m[1]!))];
    expect(named).toContain('offer.expired');
    expect(named.filter((action) => !said(action))).toEqual([]);
  });
});
