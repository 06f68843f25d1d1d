import { afterEach, describe, expect, it } from 'vitest';
import type { ConversationView } from '../../../shared/inbox/types';
import { systemClock } from '../../base/clock';
import { Ingest } from '../../ingest/ingest';
import { startTestCore } from '../../testing/test-core';

let t: ReturnType<typeof startTestCore>;
afterEach(async () => {
  await t?.close();
});

let seq = 0;
/** Customers write in through the real ingest, on the given number. */
function customerWrites(numberId: number, phoneDigits: string, body: string, name: string | null = null, at = Date.now() + seq) {
  seq++;
  const result = new Ingest(t.core.database.sqlite, systemClock).ingest(numberId, {
    providerId: `false_${phoneDigits}@c.us_M${seq}`,
    chatId: `${phoneDigits}@c.us`,
    fromMe: false,
    chatKind: 'user',
    customerPhone: phoneDigits,
    customerLid: null,
    profileName: name,
    body,
    type: 'chat',
    hasMedia: false,
    timestamp: at,
  });
  if (result.kind !== 'stored') throw new Error(`not stored: ${result.kind}`);
  return result.conversationId;
}

async function office() {
  t = startTestCore();
  const admin = await t.setupAdmin();
  const sales = await t.call('numbers.create', { name: 'Sales' }, admin.token);
  const rentals = await t.call('numbers.create', { name: 'Rentals' }, admin.token);
  const agent = await t.createUser(admin.token, 'agent', 'agent@office.test');
  const other = await t.createUser(admin.token, 'agent', 'other@office.test');
  await t.call('numbers.setAgents', { id: sales.id, agentIds: [agent.user.id, other.user.id] }, admin.token);
  return { admin, sales, rentals, agent, other };
}

const ids = (page: { data: ConversationView[] }) => page.data.map((c) => c.id).sort((a, b) => a - b);

describe('searching the inbox', () => {
  it('finds Arabic words typed without diacritics, with any hamza form, ta marbuta or alef maqsura', async () => {
    const { admin, sales } = await office();
    const villa = customerWrites(sales.id, '966501000001', 'أُرِيدُ فِيلَّا فِي حَيِّ النَّرْجِس بِمِسَاحَةٍ كَبِيرَة');
    const tower = customerWrites(sales.id, '966501000002', 'هل يوجد مبنى تجاري للإيجار؟', 'إبراهيم الأحمد');
    customerWrites(sales.id, '966501000003', 'Is the apartment in Hittin still available?');
    const search = async (q: string) => ids(await t.call('conversations.list', { search: q }, admin.token));
    expect(await search('فيلا')).toEqual([villa]);
    expect(await search('النرجس كبيره')).toEqual([villa]);
    expect(await search('مبني')).toEqual([tower]);
    expect(await search('ابراهيم')).toEqual([tower]);
    expect(await search('hittin')).toHaveLength(1);
    const [hit] = (await t.call('conversations.list', { search: 'فيلا' }, admin.token)).data;
    expect(hit?.match?.content).toContain('فِيلَّا');
  });

  it('finds a customer by phone typed as 05…, 9665… or +966 5…', async () => {
    const { admin, sales } = await office();
    const id = customerWrites(sales.id, '966551234567', 'hello');
    customerWrites(sales.id, '966509999999', 'other');
    for (const typed of ['0551234567', '966551234567', '+966 55 123 4567', '1234567']) {
      expect(ids(await t.call('conversations.list', { search: typed }, admin.token))).toEqual([id]);
    }
  });
  it('says how many archived conversations a search also finds, with the same filters, on its first page only', async () => {
    const { admin, sales, rentals, agent } = await office();
    const archived = [customerWrites(sales.id, '966505100001', 'فيلا في الملقا'), customerWrites(sales.id, '966505100002', 'أريد فيلا'), customerWrites(rentals.id, '966505100003', 'فيلا للإيجار')];
    const open = [customerWrites(sales.id, '966505100004', 'فيلا بمسبح'), customerWrites(sales.id, '966505100005', 'فيلا بحديقة')];
    for (const id of archived) await t.call('conversations.update', { id, isArchived: true }, admin.token);
    const page = await t.call('conversations.list', { search: 'فيلا', limit: 1 }, admin.token);
    expect(page.meta.archivedMatches).toBe(3);
    expect(page.data).toHaveLength(1);
    expect(open).toContain(page.data[0]!.id);
    // The agent works the sales number only: the rentals one is not counted for them.
    expect((await t.call('conversations.list', { search: 'فيلا' }, agent.token)).meta.archivedMatches).toBe(2);
    expect((await t.call('conversations.list', { search: 'فيلا', whatsappNumberId: rentals.id }, admin.token)).meta.archivedMatches).toBe(1);
    expect((await t.call('conversations.list', { search: 'فيلا', starred: true }, admin.token)).meta.archivedMatches).toBe(0);
    // Showing the archive, or without a search, there is nothing to point at.
    expect((await t.call('conversations.list', { search: 'فيلا', archived: true }, admin.token)).meta.archivedMatches).toBeUndefined();
    expect((await t.call('conversations.list', {}, admin.token)).meta.archivedMatches).toBeUndefined();
    expect((await t.call('conversations.list', { search: 'فيلا', cursor: page.meta.next! }, admin.token)).meta.archivedMatches).toBeUndefined();
  });
});

describe('searching inside words', () => {
  /** One conversation per text, each from its own customer; returns their ids by text. */
  function conversationsSaying(numberId: number, texts: string[], firstDigits = 966504000000) {
    return new Map(texts.map((text, i) => [text, customerWrites(numberId, String(firstDigits + i), text)]));
  }
  const idsOf = (found: Map<string, number>, texts: string[]) => texts.map((text) => found.get(text)!).sort((a, b) => a - b);

  it('finds an Arabic word behind the article and every clitic written onto it, not inside another word', async () => {
    const { admin, sales } = await office();
    const forms = ['الشقة', 'والشقة', 'بالشقة', 'كالشقة', 'فالشقة', 'للشقة', 'وبالشقة', 'وللشقة'];
    const found = conversationsSaying(sales.id, [...forms.map((form) => `سألت عن ${form} أمس`), 'المشقة كبيرة', 'عندكم شقق؟']);
    const search = async (q: string) => ids(await t.call('conversations.list', { search: q }, admin.token));
    expect(await search('شقة')).toEqual(idsOf(found, forms.map((form) => `سألت عن ${form} أمس`)));
    expect(await search('شقه')).toEqual(await search('شقة'));
    const [hit] = (await t.call('conversations.list', { search: 'شقة', limit: 1 }, admin.token)).data;
    expect(hit?.match?.content).toMatch(/شقة/);
  });

  it('finds a word typed with the article behind a clitic, and the word typed without it behind the article', async () => {
    const { admin, sales } = await office();
    const found = conversationsSaying(sales.id, ['مكتبكم في الرياض؟', 'ساكن بالرياض', 'مسافر للرياض', 'والرياض أقرب لي', 'أحتاج رياض أطفال']);
    const person = customerWrites(sales.id, '966504100000', 'السلام عليكم', 'رياض العتيبي');
    const search = async (q: string) => ids(await t.call('conversations.list', { search: q }, admin.token));
    const city = idsOf(found, ['مكتبكم في الرياض؟', 'ساكن بالرياض', 'مسافر للرياض', 'والرياض أقرب لي']);
    expect(await search('الرياض')).toEqual(city);
    expect(await search('رياض')).toEqual([...city, found.get('أحتاج رياض أطفال')!, person].sort((a, b) => a - b));
  });

  it('finds prefixed words typed without tashkeel or tatweel, with another hamza form, ta marbuta or alef maqsura', async () => {
    const { admin, sales } = await office();
    const texts = ['نريد بِالشَّقَّةِ مطبخاً', 'شقة للإيجار', 'والأَرْض على شارعين', 'فالمبنى جديد', 'وبالعمــــارة مصعد'];
    const found = conversationsSaying(sales.id, texts);
    const named = customerWrites(sales.id, '966504200000', 'مرحبا', 'نورة الغامدي');
    const search = async (q: string) => ids(await t.call('conversations.list', { search: q }, admin.token));
    expect(await search('شقه')).toEqual(idsOf(found, ['نريد بِالشَّقَّةِ مطبخاً', 'شقة للإيجار']));
    expect(await search('الشَّقة')).toEqual(idsOf(found, ['نريد بِالشَّقَّةِ مطبخاً']));
    for (const typed of ['ايجار', 'إيجار', 'الايجار', 'الإيجار']) expect(await search(typed), typed).toEqual(idsOf(found, ['شقة للإيجار']));
    for (const typed of ['ارض', 'الارض', 'أرض']) expect(await search(typed), typed).toEqual(idsOf(found, ['والأَرْض على شارعين']));
    expect(await search('مبني')).toEqual(idsOf(found, ['فالمبنى جديد']));
    expect(await search('عماره')).toEqual(idsOf(found, ['وبالعمــــارة مصعد']));
    expect(await search('غامدى')).toEqual([named]);
  });

  it('does not find everything for an article or a letter alone, nor words whose own first letter looks like a clitic', async () => {
    const { admin, sales } = await office();
    conversationsSaying(sales.id, ['الشقة والفيلا', 'فيلا في الملقا', 'ورقة العقد', 'بيت كبير']);
    const search = async (q: string) => ids(await t.call('conversations.list', { search: q }, admin.token));
    for (const typed of ['ال', 'وال', 'بال', 'لل', 'و', 'ا']) expect(await search(typed), typed).toEqual([]);
    for (const typed of ['يلا', 'رقه', 'يت', 'بير']) expect(await search(typed), typed).toEqual([]);
  });

  it('finds a customer by any run of their phone digits: the last four to seven, the middle ones', async () => {
    const { admin, sales } = await office();
    const id = customerWrites(sales.id, '966551234567', 'hello');
    customerWrites(sales.id, '966509999999', 'other');
    customerWrites(sales.id, '966551239876', 'other');
    const search = async (q: string) => ids(await t.call('conversations.list', { search: q }, admin.token));
    for (const typed of ['4567', '34567', '1234567', '5512345', '٥١٢٣٤٥٦', '055 123 45', '+966 55 123 4567']) expect(await search(typed), typed).toEqual([id]);
    expect(await search('1239')).toHaveLength(1);
    expect(await search('0000')).toEqual([]);
  });

  it('finds a contact by their new phone once it is changed, and no longer by the old one', async () => {
    const { admin, sales } = await office();
    const id = customerWrites(sales.id, '966551234567', 'hello');
    const contactId = (await t.call('conversations.get', { id }, admin.token)).contact.id;
    await t.call('contacts.update', { id: contactId, phone: '0567654321' }, admin.token);
    const search = async (q: string) => ids(await t.call('conversations.list', { search: q }, admin.token));
    expect(await search('7654')).toEqual([id]);
    expect(await search('1234567')).toEqual([]);
  });

  it('finds English words at their start in any case, and a Latin name behind a joined Al', async () => {
    const { admin, sales } = await office();
    const hittin = customerWrites(sales.id, '966504300000', 'Is the apartment in HITTIN available?');
    const harbi = customerWrites(sales.id, '966504300001', 'hi', 'Fahad Alharbi');
    customerWrites(sales.id, '966504300002', 'almost done');
    const search = async (q: string) => ids(await t.call('conversations.list', { search: q }, admin.token));
    expect(await search('Hittin')).toEqual([hittin]);
    expect(await search('APART')).toEqual([hittin]);
    expect(await search('partment')).toEqual([]);
    expect(await search('harbi')).toEqual([harbi]);
    // "Al" is joined on in names only: "most" does not find "almost" in a message.
    expect(await search('most')).toEqual([]);
  });
});

describe('keeping search in step with the messages', () => {
  const messageOf = (conversationId: number) =>
    t.core.database.sqlite.prepare<[number], { id: number }>('select id from messages where conversation_id = ? order by id desc limit 1').get(conversationId)!.id;

  it('finds a new customer’s message and name without queueing anything for the indexer', async () => {
    const { admin, sales } = await office();
    const villa = customerWrites(sales.id, '966501000011', 'فيلا دوبلكس في الملقا', 'سلطان القحطاني');
    // Storing a message writes nothing for search: the indexer takes new messages by id.
    expect(t.core.database.sqlite.prepare('select count(*) as n from search_queue').get()).toEqual({ n: 0 });
    expect(t.core.searchIndex.pending()).toBeGreaterThanOrEqual(1);
    expect(ids(await t.call('conversations.list', { search: 'دوبلكس' }, admin.token))).toEqual([villa]);
    expect(ids(await t.call('conversations.list', { search: 'القحطاني' }, admin.token))).toEqual([villa]);
    expect(ids(await t.call('conversations.list', { search: '501000011' }, admin.token))).toEqual([villa]);
    expect(t.core.searchIndex.pending()).toBe(0);
  });

  it('finds an edited message by its new text only and a deleted one not at all, whether or not it was indexed before', async () => {
    const { admin, sales } = await office();
    const sqlite = t.core.database.sqlite;
    const search = async (q: string) => ids(await t.call('conversations.list', { search: q }, admin.token));
    const indexed = customerWrites(sales.id, '966501000021', 'شقة مفروشة');
    expect(await search('مفروشة')).toEqual([indexed]);
    const early = customerWrites(sales.id, '966501000022', 'ارض تجارية');
    const gone = customerWrites(sales.id, '966501000023', 'استراحة للبيع');
    sqlite.prepare("update messages set content = 'شقة فارغة' where id = ?").run(messageOf(indexed));
    sqlite.prepare("update messages set content = 'ارض سكنية' where id = ?").run(messageOf(early));
    sqlite.prepare('delete from messages where id = ?').run(messageOf(gone));
    expect(await search('مفروشة')).toEqual([]);
    expect(await search('فارغة')).toEqual([indexed]);
    expect(await search('تجارية')).toEqual([]);
    expect(await search('سكنية')).toEqual([early]);
    expect(await search('استراحة')).toEqual([]);
  });

  it('queues and finds a message stored with an id the indexer has passed already', async () => {
    const { admin, sales } = await office();
    // As for a message stored with an id of its own below the newest indexed one.
    t.core.database.sqlite.exec("update search_progress set last_id = last_id + 100 where kind = 'm'");
    const reused = customerWrites(sales.id, '966501000031', 'عمارة سكنية في العليا');
    expect(t.core.database.sqlite.prepare('select count(*) as n from search_queue').get()).toEqual({ n: 1 });
    expect(ids(await t.call('conversations.list', { search: 'العليا' }, admin.token))).toEqual([reused]);
  });
});

describe('filtering and sorting the inbox', () => {
  it('combines number, status, starred, unread, assignment and archive filters', async () => {
    const { admin, sales, rentals, agent } = await office();
    const a = customerWrites(sales.id, '966501000011', 'a');
    const b = customerWrites(sales.id, '966501000012', 'b');
    const c = customerWrites(rentals.id, '966501000013', 'c');
    const d = customerWrites(sales.id, '966501000014', 'd');
    await t.call('conversations.update', { id: a, isStarred: true }, admin.token);
    await t.call('conversations.markRead', { id: b }, admin.token);
    await t.call('conversations.update', { id: b, status: 'pending' }, admin.token);
    await t.call('conversations.assign', { id: a, agentId: agent.user.id }, admin.token);
    await t.call('conversations.update', { id: d, isArchived: true }, admin.token);
    const list = async (filter: Record<string, unknown>, token = admin.token) => ids(await t.call('conversations.list', filter, token));
    expect(await list({})).toEqual([a, b, c]);
    expect(await list({ archived: true })).toEqual([d]);
    expect(await list({ whatsappNumberId: sales.id })).toEqual([a, b]);
    expect(await list({ whatsappNumberId: sales.id, status: 'pending' })).toEqual([b]);
    expect(await list({ starred: true })).toEqual([a]);
    expect(await list({ unread: true })).toEqual([a, c]);
    expect(await list({ unread: true, whatsappNumberId: rentals.id })).toEqual([c]);
    expect(await list({ assignedTo: agent.user.id })).toEqual([a]);
    expect(await list({ assignedTo: 'unassigned', whatsappNumberId: sales.id })).toEqual([b]);
    expect(await list({ assignedTo: 'me' }, agent.token)).toEqual([a]);
    // The agent works Sales only: Rentals' conversations are not theirs to see.
    expect(await list({}, agent.token)).toEqual([a, b]);
  });

  it('sorts by last message, unread count or customer name, either way', async () => {
    const { admin, sales } = await office();
    const base = Date.now();
    const zaid = customerWrites(sales.id, '966501000021', 'x', 'Zaid', base + 1);
    const amal = customerWrites(sales.id, '966501000022', 'x', 'Amal', base + 2);
    customerWrites(sales.id, '966501000022', 'y', null, base + 3);
    const list = async (sortBy: string, sortOrder: string) =>
      (await t.call('conversations.list', { sortBy: sortBy as 'customerName', sortOrder: sortOrder as 'asc' }, admin.token)).data.map((c) => c.id);
    expect(await list('lastMessageTime', 'desc')).toEqual([amal, zaid]);
    expect(await list('lastMessageTime', 'asc')).toEqual([zaid, amal]);
    expect(await list('unreadCount', 'desc')).toEqual([amal, zaid]);
    expect(await list('customerName', 'asc')).toEqual([amal, zaid]);
    expect(await list('customerName', 'desc')).toEqual([zaid, amal]);
  });

  it('pages through every conversation exactly once while new messages arrive', async () => {
    const { admin, sales } = await office();
    const base = Date.now() - 1_000_000;
    const all = Array.from({ length: 57 }, (_, i) => customerWrites(sales.id, `9665020${String(i).padStart(5, '0')}`, `m${i}`, null, base + i));
    for (const sortBy of ['lastMessageTime', 'unreadCount', 'customerName'] as const) {
      const seen: number[] = [];
      let cursor: string | undefined;
      let round = 0;
      do {
        const page = await t.call('conversations.list', { sortBy, limit: 10, ...(cursor ? { cursor } : {}) }, admin.token);
        seen.push(...page.data.map((c) => c.id));
        cursor = page.meta.next ?? undefined;
        // New customers write in between pages: they appear at the top, live, not in later pages.
        customerWrites(sales.id, `96650399${sortBy.length}${String(round++).padStart(3, '0')}`, 'new', null, Date.now());
      } while (cursor);
      const original = seen.filter((id) => all.includes(id));
      expect(original.sort((a, b) => a - b)).toEqual([...all].sort((a, b) => a - b));
      expect(new Set(seen).size).toBe(seen.length);
    }
  });
});

describe('organising conversations', () => {
  it('assigns and transfers, telling the agent, and logs every change with who made it', async () => {
    const { admin, sales, agent, other } = await office();
    const id = customerWrites(sales.id, '966501000031', 'hi');
    await t.call('conversations.assign', { id, agentId: agent.user.id }, admin.token);
    const told = t.events.filter((e) => e.event === 'conversation.assigned');
    expect(told).toHaveLength(1);
    expect(told[0]!.audience).toEqual({ kind: 'users', userIds: [agent.user.id] });
    const moved = await t.call('conversations.assign', { id, agentId: other.user.id }, agent.token);
    expect(moved).toMatchObject({ assignedAgentId: other.user.id, assignedAgentName: `User other@office.test` });
    await t.call('conversations.update', { id, isStarred: true, status: 'resolved' }, admin.token);
    const log = await t.call('activity.list', { limit: 20 }, admin.token);
    expect(log.map((e) => e.action)).toEqual(
      expect.arrayContaining(['conversation.assigned', 'conversation.transferred', 'conversation.starred', 'conversation.status_changed']),
    );
    expect(log.find((e) => e.action === 'conversation.transferred')?.userName).toBe('User agent@office.test');
    const updates = t.events.filter((e) => e.event === 'conversation.update' && (e.data as { conversationId: number }).conversationId === id);
    expect(updates.length).toBeGreaterThanOrEqual(3);
    expect((await t.failure('conversations.assign', { id, agentId: 9999 }, admin.token)).details).toMatchObject([{ field: 'agentId', code: 'unknown_user' }]);
  });

  it('refuses an agent every channel that touches a number they have no access to', async () => {
    const { admin, rentals, agent } = await office();
    const id = customerWrites(rentals.id, '966501000041', 'hi');
    const message = (await t.call('messages.list', { conversationId: id }, admin.token))[0]!;
    const calls: [string, unknown][] = [
      ['conversations.get', { id }],
      ['conversations.markRead', { id }],
      ['conversations.update', { id, isStarred: true }],
      ['conversations.assign', { id, agentId: agent.user.id }],
      ['messages.list', { conversationId: id }],
      ['messages.send', { conversationId: id, content: 'hello' }],
      ['messages.retry', { id: message.id }],
      ['conversations.list', { whatsappNumberId: rentals.id }],
    ];
    for (const [channel, input] of calls) {
      const error = await t.failure(channel, input, agent.token);
      expect(error, channel).toMatchObject({ code: 'FORBIDDEN', message: 'User does not have access to this WhatsApp number' });
    }
    expect((await t.call('numbers.list', {}, agent.token)).map((n) => n.name)).toEqual(['Sales']);
    // An agent of another number may not be given the conversation either.
    expect((await t.failure('conversations.assign', { id, agentId: agent.user.id }, admin.token)).details).toMatchObject([{ field: 'agentId', code: 'no_access' }]);
    // Events about Rentals reach the admin but not the agent.
    t.core.whatsapp.pipeline.publishConversation(id);
    const update = t.events.filter((e) => e.event === 'conversation.update').at(-1)!;
    expect(update.audience).toEqual({ kind: 'users', userIds: [admin.user.id] });
  });
});
