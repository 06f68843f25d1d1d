import { afterEach, describe, expect, it } from 'vitest';
import { manualClock, startTestCore } from '../../testing/test-core';

type TestCore = ReturnType<typeof startTestCore>;

/** A number and a conversation of `contactId` on it, as ingest would have stored them. */
function conversationOn(t: TestCore, contactId: number, numberName: string, lastMessage: string): { numberId: number; conversationId: number } {
  const sqlite = t.core.database.sqlite;
  const numberId = Number(sqlite.prepare("insert into whatsapp_numbers (name, status) values (?, 'active')").run(numberName).lastInsertRowid);
  const conversationId = Number(
    sqlite
      .prepare('insert into conversations (contact_id, whatsapp_number_id, last_message, last_message_time) values (?, ?, ?, ?)')
      .run(contactId, numberId, lastMessage, Date.UTC(2026, 10, 25, 8, 0)).lastInsertRowid,
  );
  return { numberId, conversationId };
}

describe('contacts', () => {
  let t: TestCore;
  afterEach(() => t.close());

  it('stores a phone typed in any usual form as E.164 and refuses the same phone again with CONFLICT on the phone field', async () => {
    t = startTestCore();
    const { token } = await t.setupAdmin();
    const first = await t.call('contacts.create', { name: 'أحمد الحربي', phone: '050 123 4567', tags: [' VIP ', 'vip', 'مستثمر'] }, token);
    expect(first).toMatchObject({ phone: '+966501234567', tags: ['VIP', 'مستثمر'], followUpDate: null });

    for (const phone of ['+966 50 123 4567', '966501234567', '00966501234567', '٠٥٠١٢٣٤٥٦٧']) {
      const refused = await t.failure('contacts.create', { name: 'نسخة', phone }, token);
      expect(refused, phone).toMatchObject({ code: 'CONFLICT', details: [{ field: 'phone', code: 'phone_taken' }] });
    }
    expect(await t.failure('contacts.create', { name: 'خطأ', phone: '12345' }, token)).toMatchObject({
      code: 'VALIDATION_ERROR',
      details: [{ field: 'phone', code: 'invalid_phone' }],
    });

    const second = await t.call('contacts.create', { name: 'سارة', phone: '+966559876543' }, token);
    expect(await t.failure('contacts.update', { id: second.id, phone: '0501234567' }, token)).toMatchObject({ code: 'CONFLICT', details: [{ field: 'phone' }] });
    // Its own phone in another form is no conflict.
    expect(await t.call('contacts.update', { id: second.id, phone: '0559876543', email: 'Sara@Example.com' }, token)).toMatchObject({ phone: '+966559876543', email: 'sara@example.com' });
    expect((await t.call('contacts.list', {}, token)).meta.total).toBe(2);
  });

  it('checks tags and the follow-up date, and counts the tags in use', async () => {
    t = startTestCore();
    const { token } = await t.setupAdmin();
    const tooMany = Array.from({ length: 21 }, (_, i) => `tag-${i}`);
    expect((await t.failure('contacts.create', { name: 'كثير', phone: '0501111111', tags: tooMany }, token)).code).toBe('VALIDATION_ERROR');
    expect(await t.failure('contacts.create', { name: 'تاريخ', phone: '0501111111', followUpDate: '2026-02-30' }, token)).toMatchObject({
      details: [{ field: 'followUpDate', code: 'invalid' }],
    });
    await t.call('contacts.create', { name: 'أ', phone: '0501111111', tags: ['شراء', 'حطين'], followUpDate: '2026-12-01' }, token);
    await t.call('contacts.create', { name: 'ب', phone: '0501111112', tags: ['شراء'] }, token);
    expect(await t.call('contacts.tags', {}, token)).toEqual([
      { tag: 'شراء', count: 2 },
      { tag: 'حطين', count: 1 },
    ]);
    const list = await t.call('contacts.list', { tag: 'حطين' }, token);
    expect(list.data.map((c) => [c.name, c.followUpDate])).toEqual([['أ', '2026-12-01']]);
  });

  it('finds contacts by a name typed without tashkeel or hamza, by any phone form and by email', async () => {
    t = startTestCore();
    const { token } = await t.setupAdmin();
    await t.call('contacts.create', { name: 'مُحَمَّد الأَحْمَدي', phone: '0501234567', email: 'm.ahmadi@example.com' }, token);
    await t.call('contacts.create', { name: 'Fatimah Al-Zahrani', phone: '+966559876543' }, token);
    await t.call('contacts.create', { name: 'إبراهيم', phone: '0533333333' }, token);

    const names = async (search: string) => (await t.call('contacts.list', { search }, token)).data.map((c) => c.name);
    expect(await names('محمد الاحمدي')).toEqual(['مُحَمَّد الأَحْمَدي']);
    expect(await names('الاحمد')).toEqual(['مُحَمَّد الأَحْمَدي']);
    expect(await names('ابراهيم')).toEqual(['إبراهيم']);
    expect(await names('fatimah')).toEqual(['Fatimah Al-Zahrani']);
    expect(await names('m.ahmadi@')).toEqual(['مُحَمَّد الأَحْمَدي']);
    for (const phone of ['0501234567', '966501234567', '+966 50 123 4567', '050 123', '4567', '1234567', '01234']) expect(await names(phone), phone).toEqual(['مُحَمَّد الأَحْمَدي']);
    // A name behind its article, and a Latin one behind a joined or hyphenated Al.
    expect(await names('احمدي')).toEqual(['مُحَمَّد الأَحْمَدي']);
    expect(await names('zahrani')).toEqual(['Fatimah Al-Zahrani']);
    expect(await names('!!!')).toEqual([]);
  });

  it('pages through every contact exactly once: named ones by name, then those known only by phone', async () => {
    t = startTestCore();
    const { token } = await t.setupAdmin();
    for (let i = 0; i < 23; i++) await t.call('contacts.create', { name: `عميل ${String(i % 7)}`, phone: `05011100${String(i).padStart(2, '0')}` }, token);
    // Contacts WhatsApp created before anyone named them.
    const sqlite = t.core.database.sqlite;
    for (let i = 0; i < 4; i++) sqlite.prepare('insert into contacts (phone) values (?)').run(`+9665022200${i}`);

    const seen: number[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await t.call('contacts.list', { limit: 5, ...(cursor ? { cursor } : {}) }, token);
      expect(page.meta.total).toBe(27);
      seen.push(...page.data.map((c) => c.id));
      cursor = page.meta.next ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(6);
    expect(new Set(seen).size).toBe(27);
    expect(seen.length).toBe(27);
    const all = (await t.call('contacts.list', { limit: 200 }, token)).data;
    expect(all.map((c) => c.id)).toEqual(seen);
    expect(all.slice(-4).every((c) => c.name === null)).toBe(true);
    expect(await t.failure('contacts.list', { cursor: 'nonsense' }, token)).toMatchObject({ code: 'VALIDATION_ERROR', details: [{ field: 'cursor' }] });
  });

  it('shows follow-ups due today by the office calendar in Riyadh, not the UTC day', async () => {
    // 22:30 UTC on 25 November is already 01:30 on 26 November in Riyadh.
    t = startTestCore({ clock: manualClock(Date.UTC(2026, 10, 25, 22, 30)) });
    const { token } = await t.setupAdmin();
    await t.call('contacts.create', { name: 'اليوم', phone: '0501111111', followUpDate: '2026-11-26' }, token);
    await t.call('contacts.create', { name: 'أمس', phone: '0501111112', followUpDate: '2026-11-25' }, token);
    await t.call('contacts.create', { name: 'بلا موعد', phone: '0501111113' }, token);
    const due = await t.call('contacts.list', { dueToday: true }, token);
    expect(due.data.map((c) => c.name)).toEqual(['اليوم']);
    expect(due.meta.total).toBe(1);
  });

  it('keeps notes with their author and time; only the author or a manager removes one', async () => {
    t = startTestCore();
    const admin = await t.setupAdmin();
    const agent = await t.createUser(admin.token, 'agent', 'agent@office.test');
    const other = await t.createUser(admin.token, 'agent', 'other@office.test');
    const supervisor = await t.createUser(admin.token, 'supervisor', 'sup@office.test');
    const contact = await t.call('contacts.create', { name: 'عميل', phone: '0501234567' }, agent.token);
    // The customer writes in on a number both agents work: the other agent sees them (and their notes) from then on.
    const { numberId } = conversationOn(t, contact.id, 'مبيعات', 'مرحبا');
    await t.call('numbers.setAgents', { id: numberId, agentIds: [agent.user.id, other.user.id] }, admin.token);

    const note = await t.call('contacts.addNote', { contactId: contact.id, content: '  تم التواصل معه اليوم، يريد عرض سعر  ' }, agent.token);
    expect(note).toMatchObject({ content: 'تم التواصل معه اليوم، يريد عرض سعر', author: { id: agent.user.id, name: agent.user.name } });
    const details = await t.call('contacts.get', { id: contact.id }, other.token);
    expect(details.notes).toEqual([note]);

    expect(await t.failure('contacts.deleteNote', { id: note.id }, other.token)).toMatchObject({ code: 'FORBIDDEN', details: 'not_note_author' });
    expect(await t.call('contacts.deleteNote', { id: note.id }, supervisor.token)).toEqual({ ok: true });
    const own = await t.call('contacts.addNote', { contactId: contact.id, content: 'ثانية' }, other.token);
    await t.call('contacts.deleteNote', { id: own.id }, other.token);
    expect((await t.call('contacts.get', { id: contact.id }, agent.token)).notes).toEqual([]);
    expect((await t.failure('contacts.addNote', { contactId: 999, content: 'x' }, agent.token)).code).toBe('NOT_FOUND');
    expect((await t.failure('contacts.addNote', { contactId: contact.id, content: '   ' }, agent.token)).code).toBe('VALIDATION_ERROR');

    const actions = (await t.call('activity.list', {}, admin.token)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['contact.created', 'contact.note_added', 'contact.note_deleted']));
  });

  it("lists the contact's conversations on the numbers the caller may work, and tells windows of changes", async () => {
    t = startTestCore();
    const admin = await t.setupAdmin();
    const agent = await t.createUser(admin.token, 'agent', 'agent@office.test');
    const contact = await t.call('contacts.create', { name: 'عميل', phone: '0501234567' }, admin.token);
    const sales = conversationOn(t, contact.id, 'مبيعات العليا', 'متى المعاينة؟');
    conversationOn(t, contact.id, 'إيجارات', 'شكراً');
    t.core.database.sqlite.prepare('update whatsapp_numbers set employee_id = ? where id = ?').run(agent.user.id, sales.numberId);

    const forAdmin = await t.call('contacts.get', { id: contact.id }, admin.token);
    expect(forAdmin.conversations.map((c) => c.numberName).sort()).toEqual(['إيجارات', 'مبيعات العليا']);
    const forAgent = await t.call('contacts.get', { id: contact.id }, agent.token);
    expect(forAgent.conversations).toEqual([
      expect.objectContaining({ id: sales.conversationId, numberName: 'مبيعات العليا', numberStatus: 'active', numberRemoved: false, lastMessage: 'متى المعاينة؟', status: 'active' }),
    ]);

    t.events.length = 0;
    await t.call('contacts.update', { id: contact.id, name: 'عميل مهم' }, agent.token);
    expect(t.events.filter((e) => e.event === 'contact.changed').map((e) => e.data)).toEqual([{ contactId: contact.id }]);
    // The inbox's rows carry the contact's name: they are told too.
    expect(t.events.filter((e) => e.event === 'conversation.update').length).toBe(2);
    expect((await t.failure('contacts.get', { id: 999 }, agent.token)).code).toBe('NOT_FOUND');
    const updated = (await t.call('activity.list', {}, admin.token)).find((e) => e.action === 'contact.updated');
    expect(updated).toMatchObject({ userId: agent.user.id, entityType: 'contact', entityId: contact.id, entityName: 'عميل مهم', details: { fields: ['name'] } });
  });
});
