import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger as silent } from '../../base/logger';
import { whatsappOptions } from '../../core/whatsapp-options';
import { startTestCore } from '../../testing/test-core';
import { demoModel } from './testing/demo-provider';

let t: ReturnType<typeof startTestCore> | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

describe('the AI in demo mode', () => {
  it('comes with a local scripted model that quotes a demo property’s price from the catalogue', async () => {
    process.env.MERAS_DEMO_ARRIVALS = 'off';
    t = startTestCore({ whatsapp: { ...whatsappOptions({ demo: true, logger: silent }), restoreSessions: false } });
    await t.core.seeded;
    const admin = await t.setupAdmin();
    // Pointed at the demo's local model, not yet reached: "not checked yet", until the test.
    expect(await t.call('ai.getProvider', {}, admin.token)).toMatchObject({ model: demoModel, state: 'unknown', hasKey: false, mayQuotePrices: true });
    expect(await t.call('ai.testConnection', {}, admin.token)).toEqual({ ok: true, model: demoModel });
    expect(await t.call('ai.getProvider', {}, admin.token)).toMatchObject({ state: 'ok' });
    const numberId = (await t.call('numbers.list', {}, admin.token))[0]!.id;
    await t.call('ai.saveConfig', { numberId, enabled: true, scenarios: { propertyInquiryResponse: true } }, admin.token);
    const tried = await t.call('ai.console', { numberId, question: 'كم سعر فيلا حطين؟' }, admin.token);
    expect(tried).toMatchObject({ decision: 'reply', scenario: 'propertyInquiryResponse', recordsUsed: [{ kind: 'property', title: 'فيلا دوبلكس – حي حطين' }] });
    expect(tried.answer).toContain('3,200,000');
    expect(tried.checks.every((c) => c.ok)).toBe(true);
    expect(await t.call('ai.console', { numberId, question: 'أبي أكلم موظف' }, admin.token)).toMatchObject({ decision: 'handoff', reason: 'customer_asked' });
  });
});
