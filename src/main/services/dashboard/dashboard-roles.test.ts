import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCore } from '../../testing/test-core';
import { twoNumbersOffice, type TwoNumbersOffice } from '../../testing/two-numbers-office';

/** Agents see the numbers they work and their own figures; supervisors and admins everything. */
describe('who sees which dashboard figures', () => {
  let t: ReturnType<typeof startTestCore>;
  let w: TwoNumbersOffice;
  beforeAll(async () => {
    t = startTestCore();
    w = await twoNumbersOffice(t);
    await t.call('messages.send', { conversationId: w.theirs.id, content: 'أهلًا' }, w.rentalsAgent.token);
  });
  afterAll(() => t.close());

  it('shows an agent only the episodes and numbers they work', async () => {
    const mine = await t.call('dashboard.summary', { preset: '7d' }, w.agent.token);
    expect(mine.stats.episodes).toBe(1);
    expect(mine.whatsappAccounts.map((n) => n.id)).toEqual([w.sales.id]);
    const all = await t.call('dashboard.summary', { preset: '7d' }, w.admin.token);
    expect(all.stats.episodes).toBe(2);
    expect(all.whatsappAccounts.map((n) => n.id).sort()).toEqual([w.sales.id, w.rentals.id].sort());
  });

  it('refuses an agent another number’s or another agent’s figures, and the rebuild', async () => {
    await expect(t.call('dashboard.summary', { preset: '7d', numberId: w.rentals.id }, w.agent.token)).rejects.toMatchObject({ error: { code: 'FORBIDDEN', details: 'number_not_allowed' } });
    await expect(t.call('dashboard.summary', { preset: '7d', agentId: w.rentalsAgent.user.id }, w.agent.token)).rejects.toMatchObject({ error: { code: 'FORBIDDEN' } });
    await expect(t.call('dashboard.rebuild', {}, w.agent.token)).rejects.toMatchObject({ error: { code: 'FORBIDDEN' } });
    await expect(t.call('dashboard.summary', { preset: '7d', agentId: w.agent.user.id }, w.agent.token)).resolves.toBeDefined();
  });

  it('refuses a custom range that ends before it starts, naming the field', async () => {
    await expect(t.call('dashboard.summary', { preset: 'custom', from: '2026-03-09', to: '2026-03-01' }, w.admin.token)).rejects.toMatchObject({
      error: { code: 'VALIDATION_ERROR', details: [{ field: 'to' }] },
    });
  });
});
