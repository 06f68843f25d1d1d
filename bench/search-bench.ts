import type { Core } from '../src/main/core/create-core';
import { conversationListInput } from '../src/shared/inbox/schemas';
import { seededRandom, intBelow } from './fake-data';
import { describe, distribution, heading, line, target, thousands, type Distribution } from './report';

/**
 * Issue 5's search figures: the search index built over every message, and searches (Arabic
 * words, English words, phones in the forms people type) through the service with the input
 * parsed as the router parses it. Filter combinations are in list-bench.ts.
 */
export async function benchSearch(core: Core, token: string): Promise<void> {
  const { sqlite } = core.database;
  heading('Search index (FTS5, Arabic-normalised) over every message and customer');
  const pending = core.searchIndex.pending();
  const started = performance.now();
  while (core.searchIndex.flush(20_000) > 0) {
    // drained in batches, as the background indexer does
  }
  const seconds = (performance.now() - started) / 1000;
  line('first build from the queue', `${thousands(pending)} rows in ${seconds.toFixed(1)} s (${thousands(pending / seconds)} rows/s; in the app this runs in the background)`);
  for (const table of ['messages_fts', 'contacts_fts', 'contacts_phone_fts']) line(`${table} size`, `${(indexBytes(sqlite, table) / 2 ** 20).toFixed(1)} MiB`);

  const caller = core.services.authenticate(token);
  if (!caller) throw new Error('bench admin not signed in');
  const list = (input: Record<string, unknown>) => core.services.inbox.listConversations(caller, conversationListInput.parse({ limit: 50, ...input }));

  const words = ['شقة', 'فيلا', 'النرجس', 'الإيجار', 'موعد', 'سعر', 'apartment', 'villa', 'price', 'معاينه'];
  const phones = sqlite.prepare<[], { phone: string }>('select phone from contacts where phone is not null order by id limit 200').all().map((r) => r.phone);
  const random = seededRandom(31);
  const queries = (i: number): string => {
    if (i % 3 === 0) {
      const phone = phones[intBelow(random, phones.length)]!;
      return [phone, phone.replace('+966', '0'), phone.replace('+', ''), phone.slice(-7)][i % 4]!;
    }
    return words[i % words.length]!;
  };
  const search = await sample((i) => list({ search: queries(i) }));
  target('search (names, phones, message text), first page', describe(search), search.median < 20, 'median < 20 ms');
  line('  Arabic and English words only', describe(await sample((i) => list({ search: words[i % words.length]! }), 100)));
  line('  phones only (full, 05…, 9665…, last 7 digits)', describe(await sample((i) => list({ search: queries(i * 3) }), 100)));
  // What a search box sends while a word is still being typed: short prefixes, many words each.
  const typing = ['شق', 'الر', 'رياض', 'الم', 'مع', 'ap', 'vi'];
  line('  word beginnings while typing', describe(await sample((i) => list({ search: typing[i % typing.length]! }), 70)));

}

/** Bytes of an FTS5 table's shadow tables (data, index, sizes, config). */
function indexBytes(sqlite: Core['database']['sqlite'], table: string): number {
  const size = sqlite.prepare<[string], { bytes: number | null }>('select sum(pgsize) as bytes from dbstat where name = ?');
  return ['data', 'idx', 'docsize', 'config'].reduce((sum, part) => sum + (size.get(`${table}_${part}`)?.bytes ?? 0), 0);
}

async function sample(run: (i: number) => unknown, count = 200, warmUps = 20): Promise<Distribution> {
  const times: number[] = [];
  for (let i = 0; i < warmUps + count; i++) {
    const started = performance.now();
    await run(i);
    if (i >= warmUps) times.push(performance.now() - started);
  }
  return distribution(times);
}
