import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiOffice, type ApiOffice } from '../testing/api-office';

/** Seed 003 §6 over HTTP: a number's AI settings and the AI stats, with refusals in the seed's format. */
describe('the REST API\'s AI responder', () => {
  let o: ApiOffice;
  let admin: string;
  let reader: string;
  let agent: string;
  beforeAll(async () => {
    o = await startApiOffice();
    ({ admin, reader, agent } = await o.roleKeys());
  });
  afterAll(() => o.close());

  it('reads the seed\'s defaults, updates or creates with PUT, and toggles with PATCH', async () => {
    const path = `/ai/config/${o.w.rentals.id}`;
    expect((await o.request('GET', path, { key: reader })).body).toMatchObject({ success: true, data: { id: null, whatsappNumberId: o.w.rentals.id, enabled: false, tone: 'friendly', language: 'ar', fallbackDelay: 5 } });
    const put = await o.request('PUT', path, {
      key: admin,
      body: { enabled: true, businessHoursOnly: true, businessHours: { start: '08:00', end: '20:00', timezone: 'Asia/Riyadh' }, tone: 'professional', language: 'both', fallbackToHuman: true, fallbackDelay: 3 },
    });
    expect(put.status).toBe(200);
    expect(put.body.data).toMatchObject({ enabled: true, businessHoursOnly: true, hoursMode: 'inside', tone: 'professional', language: 'both', fallbackDelay: 3, businessHours: { start: '08:00', end: '20:00' } });
    const toggled = await o.request('PATCH', `${path}/toggle`, { key: admin });
    expect(toggled.body).toEqual({ success: true, data: { whatsappNumberId: o.w.rentals.id, enabled: false, updatedAt: expect.any(String) } });
  });

  it('answers a bad time with 400 naming the field, and a reader\'s or an agent\'s change with 403', async () => {
    const bad = await o.request('PUT', `/ai/config/${o.w.rentals.id}`, { key: admin, body: { businessHours: { start: '9am', end: '18:00', timezone: 'Asia/Riyadh' } } });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'VALIDATION_ERROR', details: [{ field: 'businessHours.start' }] });
    expect((await o.request('PATCH', `/ai/config/${o.w.rentals.id}/toggle`, { key: reader })).status).toBe(403);
    expect((await o.request('PATCH', `/ai/config/${o.w.sales.id}/toggle`, { key: agent })).status).toBe(403);
    expect((await o.request('GET', `/ai/config/${o.w.sales.id}`, { key: agent })).status).toBe(403);
  });

  it('serves the stats by number and period to managers, and refuses a wrong period', async () => {
    const stats = await o.request('GET', `/ai/stats?numberId=${o.w.rentals.id}&period=7d`, { key: reader });
    expect(stats.status).toBe(200);
    expect(stats.body.data).toMatchObject({ totalResponses: 0, handoffCount: 0, handoffRate: 0, satisfactionRate: null, scenarioBreakdown: [], languageBreakdown: [], hourlyDistribution: [] });
    expect((await o.request('GET', '/ai/stats?period=1y', { key: reader })).body.error).toMatchObject({ code: 'VALIDATION_ERROR', details: [{ field: 'period' }] });
    expect((await o.request('GET', '/ai/stats', { key: agent })).status).toBe(403);
  });
});
