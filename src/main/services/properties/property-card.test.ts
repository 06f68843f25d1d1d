import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { linkedNumber, trackedCores, type DemoCore } from '../../testing/demo-core';
import { eventually, manualClock } from '../../testing/test-core';
import { customerWritesIn } from '../../testing/two-numbers-office';
import { houseSketchPng } from '../../whatsapp/demo/demo-files';

const cores = trackedCores(afterEach);

type Core = ReturnType<typeof cores.start>;

const villa = { name: 'فيلا حطين', type: 'villa' as const, price: '3,200,000', bedrooms: 6, area: 450, city: 'الرياض', district: 'حطين', adLicenceNumber: '7100012345' };

async function upload(t: Core, token: string, data: Buffer) {
  const { uploadId } = await t.call('media.uploadStart', { name: 'front.png', mimeType: 'image/png', size: data.length }, token);
  await t.call('media.uploadChunk', { uploadId, offset: 0, data: data.toString('base64') }, token);
  return (await t.call('media.uploadFinish', { uploadId }, token)).uploadId;
}

/** What a refused card must leave as it was: the thread, the outbox and the activity log. */
function snapshot(t: Core) {
  const sqlite = t.core.database.sqlite;
  return {
    messages: sqlite.prepare('select id, status from messages order by id').all(),
    attachments: sqlite.prepare('select count(*) as n from message_attachments').get(),
    activity: sqlite.prepare('select count(*) as n from activity_log').get(),
    conversations: sqlite.prepare('select * from conversations order by id').all(),
  };
}

function setOfficeZone(t: Core, zone: string) {
  t.core.database.sqlite.prepare("insert into settings (key, value) values ('office.timeZone', ?) on conflict (key) do update set value = excluded.value").run(JSON.stringify(zone));
}

describe('a property card', () => {
  // 22:30 UTC on 25 November is already 26 November (01:30) in Riyadh.
  const lateEvening = Date.UTC(2026, 10, 25, 22, 30);

  async function office(clockAt: number) {
    const t = cores.start({ clock: manualClock(clockAt) });
    const admin = await t.setupAdmin();
    const agent = await t.createUser(admin.token, 'agent', 'agent@office.test');
    const number = await t.call('numbers.create', { name: 'المبيعات' }, admin.token);
    await t.call('numbers.setAgents', { id: number.id, agentIds: [agent.user.id] }, admin.token);
    const conversationId = customerWritesIn(t, number.id, '966501230001', 'أبي فيلا في حطين', 'سارة');
    return { t, admin, agent, conversationId };
  }

  it('is refused without an advertising licence, saying why, and nothing is queued', async () => {
    const { t, admin, agent, conversationId } = await office(lateEvening);
    const property = await t.call('properties.create', { ...villa, adLicenceNumber: null }, admin.token);
    const before = snapshot(t);
    const refused = await t.failure('properties.sendCard', { conversationId, propertyId: property.id, language: 'ar', clientId: randomUUID() }, agent.token);
    expect(refused).toMatchObject({ code: 'VALIDATION_ERROR', details: [{ field: 'adLicenceNumber', code: 'licence_missing' }] });
    // A number without its expiry is not a valid licence either.
    await t.call('properties.update', { id: property.id, adLicenceNumber: '7100012345' }, admin.token);
    const noExpiry = await t.failure('properties.sendCard', { conversationId, propertyId: property.id, language: 'en', clientId: randomUUID() }, agent.token);
    expect(noExpiry.details).toEqual([expect.objectContaining({ code: 'licence_missing' })]);
    const after = snapshot(t);
    expect(after.messages).toEqual(before.messages);
    expect(after.conversations).toEqual(before.conversations);
    expect(after.attachments).toEqual(before.attachments);
  });

  it('is refused when the licence expired yesterday in the office’s zone, though the UTC day is still its last', async () => {
    const { t, admin, agent, conversationId } = await office(lateEvening);
    const property = await t.call('properties.create', { ...villa, adLicenceExpiry: '2026-11-25' }, admin.token);
    const before = snapshot(t);
    const refused = await t.failure('properties.sendCard', { conversationId, propertyId: property.id, language: 'ar', clientId: randomUUID() }, agent.token);
    expect(refused).toMatchObject({ code: 'VALIDATION_ERROR', details: [{ field: 'adLicenceExpiry', code: 'licence_expired', params: { expiry: '2026-11-25' } }] });
    expect(snapshot(t)).toEqual(before);

    // The same instant is still 25 November in Honolulu: an office there may still advertise it.
    setOfficeZone(t, 'Pacific/Honolulu');
    const sent = await t.call('properties.sendCard', { conversationId, propertyId: property.id, language: 'ar', clientId: randomUUID() }, agent.token);
    expect(sent.status).toBe('queued');
  });

  it('goes out on its last valid day, with the photo and an Arabic or English caption carrying the price and the licence number', async () => {
    const { t, admin, agent, conversationId } = await office(lateEvening);
    const property = await t.call('properties.create', { ...villa, adLicenceExpiry: '2026-11-26' }, admin.token);
    await t.call('properties.addPhoto', { id: property.id, uploadId: await upload(t, admin.token, houseSketchPng(40, 30)) }, admin.token);

    const ar = await t.call('properties.sendCard', { conversationId, propertyId: property.id, language: 'ar', clientId: randomUUID() }, agent.token);
    expect(ar.type).toBe('image');
    expect(ar.attachments).toEqual([expect.objectContaining({ mimeType: 'image/png' })]);
    expect(ar.content).toContain('*فيلا حطين*');
    expect(ar.content).toContain('السعر: 3,200,000.00 ر.س');
    expect(ar.content).toContain('المساحة: 450 م²');
    expect(ar.content).toContain('غرف النوم: 6');
    expect(ar.content).toContain('الموقع: حطين، الرياض');
    expect(ar.content).toContain('رقم ترخيص الإعلان (فال): 7100012345');

    // The office shows Arabic-Indic digits: the card does too.
    t.core.database.sqlite.prepare("insert into settings (key, value) values ('office.digits', ?)").run(JSON.stringify('arab'));
    const en = await t.call('properties.sendCard', { conversationId, propertyId: property.id, language: 'en', clientId: randomUUID() }, agent.token);
    expect(en.content).toContain('Price: SAR ٣٬٢٠٠٬٠٠٠٫٠٠');
    expect(en.content).toContain('REGA advertising licence no.: 7100012345');
    const logged = (await t.call('activity.list', {}, admin.token)).filter((e) => e.action === 'property.card_sent');
    expect(logged).toHaveLength(2);
  });

  it('for rent says the rent per period', async () => {
    const { t, admin, agent, conversationId } = await office(lateEvening);
    const flat = await t.call('properties.create', { ...villa, name: 'شقة الملقا', listing: 'rent', rentPeriod: 'yearly', price: '65000', adLicenceExpiry: '2027-01-01' }, admin.token);
    const card = await t.call('properties.sendCard', { conversationId, propertyId: flat.id, language: 'en', clientId: randomUUID() }, agent.token);
    expect(card.type).toBe('text');
    expect(card.content).toContain('Rent: SAR 65,000.00 a year');
  });

  it('is refused in a conversation on a number the agent does not work', async () => {
    const { t, admin, conversationId } = await office(lateEvening);
    const other = await t.createUser(admin.token, 'agent', 'other@office.test');
    const property = await t.call('properties.create', { ...villa, adLicenceExpiry: '2027-01-01' }, admin.token);
    const refused = await t.failure('properties.sendCard', { conversationId, propertyId: property.id, language: 'ar', clientId: randomUUID() }, other.token);
    expect(refused).toMatchObject({ code: 'FORBIDDEN', details: 'number_not_allowed' });
  });
});

describe('a property card sent twice with the same client id (a double click, a retry)', () => {
  async function customerWroteIn(t: DemoCore) {
    const linked = await linkedNumber(t);
    t.world.deliverInbound(linked.phoneWid, { from: '966503334455', body: 'ممكن صور الفيلا؟' });
    const conversation = await eventually(async () => (await t.call('conversations.list', {}, linked.admin.token)).data[0]!);
    return { ...linked, conversation };
  }

  it('is stored and sent to WhatsApp once', async () => {
    const t = cores.startDemo();
    const { admin, phoneWid, conversation } = await customerWroteIn(t);
    const property = await t.call('properties.create', { ...villa, adLicenceExpiry: '2099-12-31' }, admin.token);
    await t.call('properties.addPhoto', { id: property.id, uploadId: await upload(t, admin.token, houseSketchPng(40, 30)) }, admin.token);
    const input = { conversationId: conversation.id, propertyId: property.id, language: 'ar' as const, clientId: randomUUID() };

    const [first, second] = await Promise.all([t.call('properties.sendCard', input, admin.token), t.call('properties.sendCard', input, admin.token)]);
    expect(second.id).toBe(first.id);
    await eventually(async () => {
      const thread = await t.call('messages.list', { conversationId: conversation.id }, admin.token);
      expect(thread.find((m) => m.id === first.id)?.status).toMatch(/sent|delivered|read/);
    });
    expect((await t.call('properties.sendCard', input, admin.token)).id).toBe(first.id);
    const cards = t.world.sentMessages(phoneWid).filter((m) => m.body.includes('7100012345'));
    expect(cards).toHaveLength(1);
    expect(cards[0]?.type).toBe('image');
    const ours = (await t.call('messages.list', { conversationId: conversation.id }, admin.token)).filter((m) => m.sender === 'agent');
    expect(ours).toHaveLength(1);
  });
});
