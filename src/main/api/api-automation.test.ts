import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiOffice, type ApiOffice } from '../testing/api-office';

/** Seed 003 §5 over HTTP: the automation rules and stats, with their refusals in the seed's format. */
describe('the REST API\'s automation rules and stats', () => {
  let o: ApiOffice;
  let admin: string;
  let reader: string;
  let agent: string;
  let templateId: number;
  beforeAll(async () => {
    o = await startApiOffice();
    ({ admin, reader, agent } = await o.roleKeys());
    templateId = o.w.ruleTemplate.id;
  });
  afterAll(() => o.close());

  it('creates (201), reads, lists with the seed\'s filters and meta, changes, toggles and deletes a rule', async () => {
    const created = await o.request('POST', '/automation/rules', {
      key: admin,
      body: { name: 'إشعار تغيير السعر', description: 'للعملاء المهتمين', trigger: 'price_change', delayMinutes: 5, templateId, isActive: true, whatsappNumberId: o.w.sales.id },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ success: true, data: { name: 'إشعار تغيير السعر', trigger: 'price_change', delayMinutes: 5, templateId, template: { id: templateId }, isActive: true, whatsappNumberId: o.w.sales.id, triggeredCount: 0, successCount: 0, lastTriggered: null } });
    const id = (created.body.data as { id: number }).id;

    expect((await o.request('GET', `/automation/rules/${id}`, { key: reader })).body).toMatchObject({ success: true, data: { id, template: { variables: ['customer_name'] } } });
    const list = await o.request('GET', '/automation/rules', { key: reader });
    expect(list.body.meta).toEqual({ total: 2, activeCount: 1, inactiveCount: 1 });
    expect(((await o.request('GET', `/automation/rules?numberId=${o.w.sales.id}&isActive=true`, { key: reader })).body.data as { id: number }[]).map((r) => r.id)).toEqual([id]);
    expect((await o.request('GET', '/automation/rules?numberId=null', { key: reader })).body).toMatchObject({ data: [], meta: { total: 0 } });
    expect(((await o.request('GET', '/automation/rules?trigger=follow_up', { key: reader })).body.data as { id: number }[]).map((r) => r.id)).toEqual([o.w.theirRule.id]);

    const updated = await o.request('PUT', `/automation/rules/${id}`, { key: admin, body: { name: 'إشعار تغيير السعر - محدث', delayMinutes: 10, isActive: false } });
    expect(updated.body.data).toMatchObject({ id, name: 'إشعار تغيير السعر - محدث', delayMinutes: 10, isActive: false });

    const toggled = await o.request('PATCH', `/automation/rules/${id}/toggle`, { key: admin });
    expect(toggled.status).toBe(200);
    expect(toggled.body).toEqual({ success: true, data: { id, isActive: true, updatedAt: expect.any(String) } });

    const deleted = await o.request('DELETE', `/automation/rules/${id}`, { key: admin });
    expect(deleted.body).toEqual({ success: true, data: { id }, message: 'Automation rule deleted successfully' });
    expect((await o.request('GET', `/automation/rules/${id}`, { key: admin })).status).toBe(404);
  });

  it('answers a wrong rule with 400 naming the field, another number\'s rule with 404, and a reader\'s or an agent\'s change with 403', async () => {
    const negative = await o.request('POST', '/automation/rules', { key: admin, body: { name: 'x', trigger: 'new_inquiry', delayMinutes: -60, templateId } });
    expect(negative.status).toBe(400);
    expect(negative.body.error).toMatchObject({ code: 'VALIDATION_ERROR', details: [{ field: 'delayMinutes', code: 'negative_delay' }] });
    const unknown = await o.request('POST', '/automation/rules', { key: admin, body: { name: 'x', trigger: 'birthday', templateId } });
    expect(unknown.body.error).toMatchObject({ code: 'VALIDATION_ERROR', details: [{ field: 'trigger' }] });
    expect((await o.request('PUT', `/automation/rules/${o.w.theirRule.id}`, { key: admin, body: { templateId: 999_999 } })).body.error).toMatchObject({ details: [{ field: 'templateId', code: 'template_missing' }] });
    expect((await o.request('GET', '/automation/rules?isActive=maybe', { key: admin })).status).toBe(400);

    // The Sales agent's key: the Rentals rule is not there, a change is not theirs to make.
    expect((await o.request('GET', `/automation/rules/${o.w.theirRule.id}`, { key: agent })).status).toBe(404);
    expect(((await o.request('GET', '/automation/rules', { key: agent })).body.data as { id: number }[]).map((r) => r.id)).not.toContain(o.w.theirRule.id);
    expect((await o.request('PATCH', `/automation/rules/${o.w.theirRule.id}/toggle`, { key: agent })).status).toBe(403);
    expect((await o.request('POST', '/automation/rules', { key: agent, body: { name: 'x', trigger: 'new_inquiry', templateId } })).status).toBe(403);
    // A read-only key may not write, whoever owns it.
    expect((await o.request('DELETE', `/automation/rules/${o.w.theirRule.id}`, { key: reader })).status).toBe(403);
    expect((await o.request('GET', `/automation/rules/${o.w.theirRule.id}`, { key: admin })).status).toBe(200);
  });

  it('serves the stats by number and period to managers, and refuses an agent or a wrong period', async () => {
    const stats = await o.request('GET', `/automation/stats?numberId=${o.w.rentals.id}&period=30d`, { key: reader });
    expect(stats.status).toBe(200);
    expect(stats.body.data).toMatchObject({ totalRules: 1, activeRules: 0, inactiveRules: 1, messagesSent: { last24h: 0, last7d: 0, last30d: 0 }, successRate: 0, failureRate: 0, topTriggers: [], notSent: { skipped: 0, cancelled: 0, expired: 0 } });
    expect((stats.body.data as { dailyStats: unknown[] }).dailyStats).toHaveLength(31);
    expect(((await o.request('GET', '/automation/stats', { key: reader })).body.data as { dailyStats: unknown[] }).dailyStats.length).toBeLessThanOrEqual(2);
    expect((await o.request('GET', '/automation/stats?period=1y', { key: reader })).body.error).toMatchObject({ code: 'VALIDATION_ERROR', details: [{ field: 'period' }] });
    expect((await o.request('GET', '/automation/stats', { key: agent })).status).toBe(403);
  });

  it('refuses to delete a template a rule sends with 409 naming the rule', async () => {
    const refused = await o.request('DELETE', `/templates/${templateId}`, { key: admin });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'CONFLICT', details: [{ field: 'id', code: 'used_by_rules', params: { rules: 'متابعة الإيجارات', count: 1 } }] });
  });
});
