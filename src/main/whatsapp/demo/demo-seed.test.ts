import { count, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { branches, contacts, conversations, messages, messageTemplates, users, whatsappNumbers } from '../../db/schema';
import { verifyPassword } from '../../services/auth/passwords';
import { startTestCore } from '../../testing/test-core';
import { demoPhoneForNumber } from './demo-ids';
import { isDemoLinked } from './demo-link';
import { sayPrice } from './demo-prices';
import { demoPassword, demoSessionDir, seedDemoData } from './demo-seed';

type TestCore = ReturnType<typeof startTestCore>;

describe('demo data', () => {
  let t: TestCore;
  afterEach(() => t.close());

  function counts() {
    const { db } = t.core.database;
    const n = (table: typeof branches | typeof users | typeof whatsappNumbers | typeof contacts | typeof conversations | typeof messages) =>
      db.select({ n: count() }).from(table).get()?.n ?? 0;
    return { branches: n(branches), users: n(users), numbers: n(whatsappNumbers), contacts: n(contacts), conversations: n(conversations), messages: n(messages) };
  }

  it('creates an office with agents, a linked demo number and conversations once, and no admin', async () => {
    t = startTestCore();
    const { db } = t.core.database;
    const seeded = await seedDemoData(db, { dataDir: t.dataDir });
    expect(seeded).not.toBeNull();
    expect(counts()).toMatchObject({ branches: 1, users: 2, numbers: 1, contacts: 13, conversations: 13 });
    // The office's usual answers are ready in the template picker.
    const templates = db.select().from(messageTemplates).all();
    expect(templates.map((tpl) => [tpl.name, JSON.parse(tpl.variables)])).toEqual(
      expect.arrayContaining([['رسالة ترحيب', ['customer_name']], ['موعد معاينة', ['customer_name', 'property_name', 'appointment_date']]]),
    );

    const staff = db.select().from(users).all();
    expect(staff.map((u) => [u.email, u.role])).toEqual([['agent1@demo.meras', 'agent'], ['agent2@demo.meras', 'agent']]);
    expect(await verifyPassword(demoPassword, staff[0]?.passwordHash ?? '')).toBe(true);

    const number = db.select().from(whatsappNumbers).get();
    expect(number).toMatchObject({ name: 'المبيعات – العرض التجريبي', status: 'active', provider: 'webjs', phoneNumber: `+${demoPhoneForNumber(number?.id ?? 0)}` });
    expect(number?.linkedAt).toBeTypeOf('number');
    expect(isDemoLinked(demoSessionDir(t.dataDir, number?.id ?? 0))).toBe(true);

    const people = db.select().from(contacts).all();
    expect(people.every((c) => /^\+9665\d{8}$/.test(c.phone ?? ''))).toBe(true);
    expect(people.some((c) => c.waLid?.endsWith('@lid'))).toBe(true);

    const threads = db.select().from(conversations).all();
    expect(threads.filter((c) => c.unreadCount > 0).length).toBeGreaterThanOrEqual(2);
    for (const thread of threads) {
      const history = db.select().from(messages).where(eq(messages.conversationId, thread.id)).orderBy(messages.createdAt).all();
      expect(history.length).toBeGreaterThan(0);
      expect(thread.lastMessage).toBe(history.at(-1)?.content);
      expect(thread.lastMessageTime).toBe(history.at(-1)?.createdAt);
      expect(thread.waChatId).toMatch(/^\d+@(c\.us|lid)$/);
      for (const m of history) {
        expect(m.whatsappMessageId).toMatch(new RegExp(`^${m.sender === 'agent'}_${thread.waChatId}_[0-9A-F]+$`));
        expect(['delivered', 'read']).toContain(m.status);
      }
    }
    expect(new Set(db.select().from(messages).all().map((m) => m.sender))).toEqual(new Set(['customer', 'agent']));
  });

  it('shows a small catalogue with the customers already interested in it, as their chats tell', async () => {
    t = startTestCore();
    await seedDemoData(t.core.database.db);
    const admin = await t.setupAdmin();
    const catalogue = await t.call('properties.list', {}, admin.token);
    expect(catalogue).toHaveLength(4);
    const narjis = catalogue.find((p) => p.name.includes('النرجس'))!;
    expect(narjis.interestCounts).toEqual({ interested: 0, viewing_scheduled: 1, offer_made: 1, not_interested: 0 });
    const interested = await t.call('properties.interestedConversations', { id: narjis.id }, admin.token);
    expect(interested.map((c) => c.customerName).sort()).toEqual(['عبدالرحمن الدوسري', 'ماجد العمري'].sort());
  });

  it('agents’ answers about a catalogue property quote the price the Properties page shows', async () => {
    t = startTestCore();
    await seedDemoData(t.core.database.db);
    const admin = await t.setupAdmin();
    const catalogue = await t.call('properties.list', {}, admin.token);
    const price = (name: string) => catalogue.find((p) => p.name === name)!.price!;
    const answer = async (customer: string, includes: string) => {
      const page = await t.call('conversations.list', { search: customer }, admin.token);
      const thread = await t.call('messages.list', { conversationId: page.data[0]!.id }, admin.token);
      return thread.filter((m) => m.sender === 'agent').find((m) => m.content.includes(includes))?.content;
    };
    // The Narjis apartment is stored at 950,000 with 4 rooms on 210 m²; the answer says so (not the 850 it once did).
    expect(price('شقة ٤ غرف – حي النرجس')).toBe(95_000_000);
    expect(await answer('ماجد العمري', 'السعر')).toContain(`والسعر ${sayPrice(95_000_000, 'ar')}`);
    expect(await answer('ماجد العمري', 'السعر')).toContain('٤ غرف، ٢١٠ متر');
    expect(await answer('Faisal Alotaibi', 'Asking')).toContain(`Asking ${sayPrice(price('فيلا دوبلكس – حي حطين'), 'en')}`);
    expect(await answer('أم فيصل', 'الإيجار')).toContain(`الإيجار ${sayPrice(price('شقة للإيجار – حي الملقا'), 'ar')} سنوياً`);
    expect(await answer('Khalid Bin Saeed', 'renting')).toContain(`${sayPrice(price('شقة للإيجار – حي الملقا'), 'en')} a year`);
    // No placeholder is left unfilled anywhere.
    const all = t.core.database.sqlite.prepare("select content from messages where content like '%{%'").all();
    expect(all).toEqual([]);
  });

  it('does nothing the second time, nor when the office already has a number', async () => {
    t = startTestCore();
    const { db } = t.core.database;
    await seedDemoData(db);
    const before = counts();
    expect(await seedDemoData(db)).toBeNull();
    expect(counts()).toEqual(before);

    t.close();
    t = startTestCore();
    t.core.database.db.insert(whatsappNumbers).values({ name: 'Own number' }).run();
    expect(await seedDemoData(t.core.database.db)).toBeNull();
    expect(counts()).toMatchObject({ users: 0, contacts: 0, numbers: 1 });
  });
});
