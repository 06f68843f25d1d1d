import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../base/clock';
import type { Logger } from '../base/logger';
import { eventually, manualClock, startTestCore } from '../testing/test-core';
import { Ingest } from '../ingest/ingest';
import { SearchIndex } from './search-index';

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

/**
 * The background indexer on a test clock: the core's own (on real time) is stopped, and one
 * over the same database runs when the test moves its clock. `pending()` is read before any
 * search, because a search indexes what is left itself.
 */
async function backgroundIndexer() {
  const office_ = await office({ background: false });
  const clock = manualClock();
  const errors: { message: string; fields: Record<string, unknown> | undefined }[] = [];
  const logger: Logger = { info() {}, warn() {}, error: (message, fields) => errors.push({ message, fields }) };
  const indexer = new SearchIndex(office_.sqlite, logger, clock);
  return { ...office_, clock, indexer, errors };
}

describe('the background indexer', () => {
  it('indexes what arrives while the app is open at its next pass, with no search needed', async () => {
    const { write, names, clock, indexer } = await backgroundIndexer();
    write('966501000401', 'شقة في العليا', 'Hind');
    indexer.start(300);
    // The first pass runs at once.
    clock.advance(0);
    expect(indexer.pending()).toBe(0);
    write('966501000402', 'فيلا في الياسمين', 'Lama');
    clock.advance(299);
    // The message and the new customer wait for the next pass, one interval after the last.
    expect(indexer.pending()).toBe(2);
    clock.advance(1);
    expect(indexer.pending()).toBe(0);
    expect(await names('الياسمين')).toEqual(['Lama']);
    expect(await names('العليا')).toEqual(['Hind']);
  });

  it('drains a backlog bigger than one pass batch after batch, without waiting an interval between them', async () => {
    const { sqlite, write, names, clock, indexer } = await backgroundIndexer();
    const { conversationId } = write('966501000411', 'أول رسالة', 'Backlog Customer');
    indexer.start(300);
    clock.advance(0);
    expect(indexer.pending()).toBe(0);
    // An import of 5,001 messages at once: one more than a pass takes.
    const numberId = (sqlite.prepare('select whatsapp_number_id as id from conversations where id = ?').get(conversationId) as { id: number }).id;
    sqlite
      .prepare(
        `with recursive n(i) as (select 1 union all select i + 1 from n where i < 5001)
         insert into messages (conversation_id, whatsapp_number_id, content, sender)
         select ?, ?, case when i = 5001 then 'الرسالة الأخيرة من الأرشيف' else 'رسالة قديمة ' || i end, 'customer' from n`,
      )
      .run(conversationId, numberId);
    expect(indexer.pending()).toBe(5001);
    clock.advance(300);
    expect(indexer.pending()).toBe(1);
    clock.advance(9);
    expect(indexer.pending()).toBe(1);
    // A full batch is followed 10 ms later by the next, not a whole interval.
    clock.advance(1);
    expect(indexer.pending()).toBe(0);
    expect(await names('الأرشيف')).toEqual(['Backlog Customer']);
  });

  it('indexes nothing more once stopped, leaves nothing waiting on the clock, and resumes when started again', async () => {
    const { write, names, clock, indexer } = await backgroundIndexer();
    indexer.start(300);
    clock.advance(0);
    indexer.stop();
    write('966501000421', 'مكتب في الورود', 'Sara');
    expect(clock.nextWake()).toBeNull();
    clock.advance(60_000);
    expect(indexer.pending()).toBe(2);
    indexer.start(300);
    clock.advance(0);
    expect(indexer.pending()).toBe(0);
    expect(await names('الورود')).toEqual(['Sara']);
  });

  it('started twice runs one loop, at the first start’s interval, and one stop ends it', async () => {
    const { write, clock, indexer } = await backgroundIndexer();
    indexer.start(300);
    indexer.start(50);
    clock.advance(0);
    write('966501000431', 'استراحة في الرمال', 'Noura');
    clock.advance(50);
    expect(indexer.pending()).toBe(2);
    clock.advance(250);
    expect(indexer.pending()).toBe(0);
    indexer.stop();
    write('966501000432', 'محل في النسيم', 'Amal');
    expect(clock.nextWake()).toBeNull();
    clock.advance(60_000);
    expect(indexer.pending()).toBe(2);
  });

  it('a pass that fails because the disk is full is logged and tried again later, and the message is then found', async () => {
    const { sqlite, write, names, clock, indexer, errors } = await backgroundIndexer();
    indexer.start(300);
    clock.advance(0);
    // A long message with thousands of distinct words: its index entries need new pages.
    const words = Array.from({ length: 4_000 }, (_, i) => `kw${i.toString(36)}x${(i * 7919).toString(36)}`);
    write('966501000441', `عرض خاص ${words.join(' ')}`, 'Full Disk');
    // The disk is full: the file may not grow by a page.
    const roomy = sqlite.pragma('max_page_count', { simple: true }) as number;
    sqlite.pragma(`max_page_count = ${sqlite.pragma('page_count', { simple: true }) as number}`);
    clock.advance(300);
    expect(errors).toEqual([{ message: 'search index failed', fields: { error: expect.stringMatching(/full/i) } }]);
    expect(indexer.pending()).toBe(2);
    // Space is freed; the next try comes ten intervals after the failure, not sooner.
    sqlite.pragma(`max_page_count = ${roomy}`);
    clock.advance(2_999);
    expect(indexer.pending()).toBe(2);
    clock.advance(1);
    expect(indexer.pending()).toBe(0);
    expect(errors).toHaveLength(1);
    // And the passes go back to their usual interval.
    write('966501000442', 'دور في القيروان', 'After Full');
    clock.advance(300);
    expect(indexer.pending()).toBe(0);
    expect(await names(words[3_999]!)).toEqual(['Full Disk']);
    expect(await names('القيروان')).toEqual(['After Full']);
  });
});
