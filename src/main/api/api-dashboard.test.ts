import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiOffice, type ApiOffice } from '../testing/api-office';

/** Seed 000 §6's dashboard stats over HTTP, on the dashboard's channels, with refusals in the seed's format. */
describe('the REST API\'s dashboard', () => {
  let o: ApiOffice;
  let admin: string;
  let reader: string;
  let agent: string;
  beforeAll(async () => {
    o = await startApiOffice();
    ({ admin, reader, agent } = await o.roleKeys());
  });
  afterAll(() => o.close());

  it('serves the same figures as the app, in seed 000\'s shape', async () => {
    const res = await o.request('GET', '/dashboard/stats?preset=7d', { key: reader });
    expect(res.status).toBe(200);
    const app = await o.t.call('dashboard.summary', { preset: '7d' }, o.w.admin.token);
    const data = res.body.data as typeof app & { charts: { messageTypes: { name: string; type: string; value: number }[] } };
    expect(data.stats).toEqual(app.stats);
    expect(data.stats.totalMessages).toBeGreaterThan(0);
    expect(data.charts.messagesByDay).toEqual(app.charts.messagesByDay);
    expect(data.charts.messageTypes).toEqual(app.charts.messageTypes.map((t) => ({ name: t.type, ...t })));
    expect(data.whatsappAccounts.map((a) => a.name).sort()).toEqual(app.whatsappAccounts.map((a) => a.name).sort());
    expect(data.teamPerformance[0]).toMatchObject({ name: 'responseRate' });
  });

  it('opens the episodes behind a figure, with their count in meta', async () => {
    const res = await o.request('GET', '/dashboard/drill-down?preset=30d&figure=episodes', { key: reader });
    expect(res.status).toBe(200);
    const app = await o.t.call('dashboard.drillDown', { query: { preset: '30d' }, figure: 'episodes' }, o.w.admin.token);
    expect(res.body.meta).toEqual({ figure: 'episodes', total: app.total });
    expect(res.body.data).toEqual(app.rows);
  });

  it('answers a wrong range or figure with 400 naming the field', async () => {
    const custom = await o.request('GET', '/dashboard/stats?preset=custom&from=2026-11-01', { key: reader });
    expect(custom.status).toBe(400);
    expect(custom.body.error).toMatchObject({ code: 'VALIDATION_ERROR', details: [{ field: 'to' }] });
    const preset = await o.request('GET', '/dashboard/stats?preset=1y', { key: reader });
    expect(preset.body.error).toMatchObject({ code: 'VALIDATION_ERROR', details: [{ field: 'preset' }] });
    const figure = await o.request('GET', '/dashboard/drill-down?figure=everything', { key: reader });
    expect(figure.status).toBe(400);
    expect(figure.body.error).toMatchObject({ code: 'VALIDATION_ERROR', details: [{ field: 'figure' }] });
  });

  it('refuses an agent another number or another agent\'s figures, and a rebuild to all but an admin\'s manage key, with 403', async () => {
    expect((await o.request('GET', `/dashboard/stats?numberId=${o.w.sales.id}`, { key: agent })).status).toBe(200);
    expect((await o.request('GET', `/dashboard/stats?numberId=${o.w.rentals.id}`, { key: agent })).status).toBe(403);
    expect((await o.request('GET', `/dashboard/stats?agentId=${o.w.admin.user.id}`, { key: agent })).status).toBe(403);
    expect((await o.request('POST', '/dashboard/rebuild', { key: agent })).status).toBe(403);
    expect((await o.request('POST', '/dashboard/rebuild', { key: reader })).status).toBe(403);
    const rebuilt = await o.request('POST', '/dashboard/rebuild', { key: admin });
    expect(rebuilt.status).toBe(200);
    expect(rebuilt.body.data).toEqual({ episodes: expect.any(Number) });
  });
});
