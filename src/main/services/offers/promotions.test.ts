import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offersOffice, offerTables } from '../../testing/offers-office';

/** Seed 003's promotion template, word for word. */
const promotionTemplate = {
  name: 'عرض خاص',
  content: 'مرحباً {{customer_name}}! 🉐\n\nلدينا عرض خاص لك:\n{{offer_details}}\n\nالعرض ساري حتى {{expiry_date}}.\n\nتواصل معنا الآن للاستفادة!',
  category: 'promotion' as const,
};

// The office is in Los Angeles: its days start at 08:00 UTC in December.
const startOf = (day: number) => Date.UTC(2026, 11, day, 8, 0);

let o: Awaited<ReturnType<typeof offersOffice>>;
beforeAll(async () => {
  o = await offersOffice({ timeZone: 'America/Los_Angeles' });
}, 60_000);
afterAll(() => o.t.close());

describe('promotions', () => {
  it('fill the promotion template’s offer details and expiry date only while valid, in the office’s days', async () => {
    const template = await o.t.call('templates.create', promotionTemplate, o.admin.token);
    const promotion = await o.t.call(
      'promotions.create',
      { name: 'عرض ديسمبر', detailsAr: 'خصم ٥٪ على فلل الملقا', detailsEn: '5% off Malqa villas', validFrom: '2026-12-12', validUntil: '2026-12-14' },
      o.supervisor.token,
    );
    const send = () => o.t.core.router.call('messages.sendTemplate', { conversationId: o.khalid, templateId: template.id, variables: { customer_name: 'خالد' } }, { clientKey: 'test', token: o.agent.token });
    const refusedFields = async () => {
      const { result } = await send();
      if (result.success) throw new Error('sent');
      return (result.error.details as { field: string }[]).map((d) => d.field);
    };

    o.clock.advance(startOf(12) - 1 - o.clock.now());
    expect(await o.t.call('promotions.current', {}, o.agent.token)).toEqual({ promotion: null });
    expect(await refusedFields()).toEqual(['variables.offer_details', 'variables.expiry_date']);

    o.clock.advance(1);
    expect((await o.t.call('promotions.current', {}, o.agent.token)).promotion?.id).toBe(promotion.id);
    const { result } = await send();
    expect(result.success).toBe(true);
    if (result.success) {
      const content = (result.data as { content: string }).content;
      expect(content).toContain('خصم ٥٪ على فلل الملقا');
      expect(content).toContain('الاثنين، 14 ديسمبر 2026');
    }

    // What the agent typed wins over the promotion.
    const typed = await o.t.call('messages.sendTemplate', { conversationId: o.khalid, templateId: template.id, variables: { customer_name: 'خالد', offer_details: 'عرض خاص لك وحدك' } }, o.agent.token);
    expect(typed.content).toContain('عرض خاص لك وحدك');

    o.clock.advance(startOf(15) - 1 - o.clock.now());
    expect((await o.t.call('promotions.current', {}, o.agent.token)).promotion?.id).toBe(promotion.id);
    o.clock.advance(1);
    expect(await o.t.call('promotions.current', {}, o.agent.token)).toEqual({ promotion: null });
    expect(await refusedFields()).toEqual(['variables.offer_details', 'variables.expiry_date']);
  });

  it('speak English in an English template, the Arabic details standing in when there are no English ones', async () => {
    const template = await o.t.call('templates.create', { name: 'Special offer', content: 'Hi {{customer_name}}: {{offer_details}} until {{expiry_date}}.', category: 'promotion' }, o.admin.token);
    const today = o.clock.now();
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles' }).format(new Date(today));
    await o.t.call('promotions.create', { name: 'عرض اليوم', detailsAr: 'خصم اليوم فقط', validFrom: day, validUntil: day }, o.admin.token);
    const sent = await o.t.call('messages.sendTemplate', { conversationId: o.sara, templateId: template.id, variables: { customer_name: 'Sara' } }, o.agent.token);
    expect(sent.content).toMatch(/^Hi Sara: خصم اليوم فقط until \w+day, \d{1,2} December 2026\.$/);
  });

  it('are managed by supervisors and admins only, and a promotion ending before it starts is refused with the field', async () => {
    const before = offerTables(o.t);
    const input = { name: 'عرض', detailsAr: 'خصم', validFrom: '2027-01-10', validUntil: '2027-01-05' };
    expect(await o.t.failure('promotions.create', input, o.admin.token)).toMatchObject({ code: 'VALIDATION_ERROR', details: [{ field: 'validUntil', code: 'ends_before_start' }] });
    expect(await o.t.failure('promotions.create', { ...input, validUntil: '2027-01-20' }, o.agent.token)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await o.t.failure('promotions.create', { ...input, name: ' ', validUntil: '2027-01-20' }, o.admin.token)).toMatchObject({ details: [{ field: 'name', code: 'required' }] });
    const made = await o.t.call('promotions.create', { ...input, validUntil: '2027-01-20' }, o.admin.token);
    const after = offerTables(o.t);
    // Moving one end past the other is refused too.
    expect(await o.t.failure('promotions.update', { id: made.id, validUntil: '2027-01-01' }, o.supervisor.token)).toMatchObject({ details: [{ field: 'validUntil', code: 'ends_before_start' }] });
    expect(await o.t.failure('promotions.delete', { id: made.id }, o.agent.token)).toMatchObject({ code: 'FORBIDDEN' });
    expect(offerTables(o.t)).toEqual(after);
    expect(after).not.toEqual(before);
    await o.t.call('promotions.delete', { id: made.id }, o.supervisor.token);
    expect((await o.t.call('promotions.list', {}, o.agent.token)).map((p) => p.id)).not.toContain(made.id);
  });
});
