import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../base/clock';
import { eventually, startTestCore } from '../testing/test-core';
import { Ingest } from '../ingest/ingest';

/**
 * The search indexer takes new rows by id past a mark and queued changes (migration 0011):
 * whatever a user changes is found by its new text at the next search, however the change and
 * the indexer's runs interleave.
 */
let t: ReturnType<typeof startTestCore>;
afterEach(async () => {
  await t?.close();
});

let seq = 0;
async function office(options: { background: boolean }) {
  t = startTestCore();
  if (!options.background) t.core.searchIndex.stop();
  const admin = await t.setupAdmin();
  const number = await t.call('numbers.create', { name: 'Sales' }, admin.token);
  const sqlite = t.core.database.sqlite;
  const ingest = new Ingest(sqlite, systemClock);
  const write = (phone: string, body: string, name: string) => {
    seq++;
    const result = ingest.ingest(number.id, {
      providerId: `false_${phone}@c.us_S${seq}`,
      chatId: `${phone}@c.us`,
      fromMe: false,
      chatKind: 'user',
      customerPhone: phone,
      customerLid: null,
      profileName: name,
      body,
      type: 'chat',
      hasMedia: false,
      timestamp: Date.now() + seq,
    });
    if (result.kind !== 'stored') throw new Error(result.kind);
    return result;
  };
  const names = async (search: string) => (await t.call('conversations.list', { search }, admin.token)).data.map((c) => c.contact.name);
  const newest = (table: 'contacts' | 'messages') => (sqlite.prepare(`select max(id) as id from ${table}`).get() as { id: number }).id;
  /** Indexed now: by a search, or by the background indexer when it runs. */
  const indexed = async () => {
    if (options.background) await eventually(() => t.core.searchIndex.pending() === 0);
    else t.core.searchIndex.flush();
    expect(t.core.searchIndex.pending()).toBe(0);
  };
  return { sqlite, write, names, newest, indexed };
}

describe.each([
  { background: false, when: 'a search indexed it' },
  { background: true, when: 'the background indexer indexed it' },
])('a change to the newest row after $when', ({ background }) => {
  it('a customer renamed right after being indexed is found by the new name, not the old one', async () => {
    const { sqlite, write, names, newest, indexed } = await office({ background });
    write('966501000001', 'مرحبا', 'سعد الدوسري');
    write('966501000002', 'السلام عليكم', 'ماجد الحربي');
    await indexed();
    expect(await names('الحربي')).toEqual(['ماجد الحربي']);
    sqlite.prepare("update contacts set name = 'ماجد العنزي' where id = ?").run(newest('contacts'));
    expect(await names('العنزي')).toEqual(['ماجد العنزي']);
    expect(await names('الحربي')).toEqual([]);
    expect(await names('الدوسري')).toEqual(['سعد الدوسري']);
  });

  it('the newest message edited right after being indexed is found by its new text, not the old', async () => {
    const { sqlite, write, names, newest, indexed } = await office({ background });
    write('966501000011', 'شقة في الملقا', 'Nora');
    write('966501000012', 'فيلا في حطين', 'Reem');
    await indexed();
    expect(await names('حطين')).toEqual(['Reem']);
    sqlite.prepare("update messages set content = 'ارض في النرجس' where id = ?").run(newest('messages'));
    expect(await names('النرجس')).toEqual(['Reem']);
    expect(await names('حطين')).toEqual([]);
    expect(await names('الملقا')).toEqual(['Nora']);
  });

  it('a customer renamed twice, indexed in between, is found by the last name only', async () => {
    const { sqlite, write, names, newest, indexed } = await office({ background });
    write('966501000021', 'hello', 'First Name');
    await indexed();
    sqlite.prepare("update contacts set name = 'Second Name' where id = ?").run(newest('contacts'));
    await indexed();
    sqlite.prepare("update contacts set name = 'Third Name' where id = ?").run(newest('contacts'));
    expect(await names('Third')).toEqual(['Third Name']);
    expect(await names('Second')).toEqual([]);
    expect(await names('First')).toEqual([]);
  });
});

describe('the indexer’s batches', () => {
  it('takes new rows and queued changes a batch at a time, and says how many it took', async () => {
    const { sqlite, write, names } = await office({ background: false });
    for (let i = 0; i < 5; i++) write(`96650100010${i}`, `رسالة رقم ${i}`, `عميل ${i}`);
    // Five messages and five customers, new past the marks.
    expect(t.core.searchIndex.pending()).toBe(10);
    expect(t.core.searchIndex.flush(2)).toBe(4);
    expect(t.core.searchIndex.pending()).toBe(6);
    sqlite.prepare("update contacts set name = 'عميل معدل' where id = (select min(id) from contacts)").run();
    expect(t.core.searchIndex.pending()).toBe(7);
    // Two of each new kind and the rename, then the last of each.
    expect(t.core.searchIndex.flush(2)).toBe(5);
    expect(t.core.searchIndex.flush(2)).toBe(2);
    expect(t.core.searchIndex.flush(2)).toBe(0);
    expect(t.core.searchIndex.pending()).toBe(0);
    expect(await names('معدل')).toEqual(['عميل معدل']);
  });

  it('indexes a customer’s name and email as separate words, and their phone digits', async () => {
    const { sqlite, write, names, newest } = await office({ background: false });
    write('966501000301', 'hello', 'Fahad');
    sqlite.prepare("update contacts set email = 'sales@broker.test' where id = ?").run(newest('contacts'));
    t.core.searchIndex.flush();
    expect(await names('Fahad')).toEqual(['Fahad']);
    expect(await names('sales')).toEqual(['Fahad']);
    expect(await names('1000301')).toEqual(['Fahad']);
  });

  it('a customer deleted after being indexed is no longer found, by name or by phone', async () => {
    const { sqlite, write, names } = await office({ background: false });
    const { conversationId } = write('966501000201', 'hello', 'Gone Customer');
    t.core.searchIndex.flush();
    const contactId = (sqlite.prepare('select contact_id as id from conversations where id = ?').get(conversationId) as { id: number }).id;
    sqlite.prepare('delete from messages where conversation_id = ?').run(conversationId);
    sqlite.prepare('delete from conversations where id = ?').run(conversationId);
    sqlite.prepare('delete from contacts where id = ?').run(contactId);
    t.core.searchIndex.flush();
    expect(sqlite.prepare("select count(*) as n from contacts_fts where contacts_fts match 'gone'").get()).toEqual({ n: 0 });
    expect(sqlite.prepare("select count(*) as n from contacts_phone_fts where digits match '1000201'").get()).toEqual({ n: 0 });
    expect(await names('Gone')).toEqual([]);
  });
});
