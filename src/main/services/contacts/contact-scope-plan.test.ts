import { afterEach, describe, expect, it } from 'vitest';
import { startTestCore } from '../../testing/test-core';
import { twoNumbersOffice } from '../../testing/two-numbers-office';

let t: ReturnType<typeof startTestCore>;
afterEach(() => t?.close());

/** Every parameter name the contacts queries use, so any of them can be EXPLAINed as prepared. */
const anyParams = { fts: 'x', digits: '"050"', tag: 'x', today: 0, cname: 'x', cid: 1, limit: 51, scopeNumbers: '[1]', scopeUser: 1 };

/** Runs `work` and returns the SQL of every statement prepared over `contacts c` meanwhile. */
async function contactQueries(work: () => Promise<unknown>): Promise<string[]> {
  const sqlite = t.core.database.sqlite;
  const prepare = sqlite.prepare.bind(sqlite);
  const seen: string[] = [];
  sqlite.prepare = ((sql: string) => {
    if (/from contacts c\b/.test(sql)) seen.push(sql);
    return prepare(sql);
  }) as typeof sqlite.prepare;
  try {
    await work();
  } finally {
    sqlite.prepare = prepare as typeof sqlite.prepare;
  }
  return seen;
}

const planOf = (sql: string) =>
  (t.core.database.sqlite.prepare(`explain query plan ${sql}`).all(anyParams) as { detail: string }[]).map((r) => r.detail);

describe("an agent's contacts list", () => {
  it('pages, counts and counts tags from indexes: no scan of the contacts table, no sort of it', async () => {
    t = startTestCore();
    const w = await twoNumbersOffice(t);
    const queries = await contactQueries(async () => {
      await t.call('contacts.list', {}, w.agent.token);
      await t.call('contacts.tags', {}, w.agent.token);
    });
    // (A filter with its own index, such as today's follow-ups, reads that index and sorts its few rows, as for an admin.)
    // Named contacts, then those known by phone only, the total, then the tags.
    expect(queries.length).toBe(4);
    for (const sql of queries) {
      const plan = planOf(sql);
      expect(plan.filter((step) => /^SCAN c\b/.test(step)), sql).toEqual([]);
      // The tags' counts are sorted once grouped (a few rows); contacts never are.
      if (!/group by/.test(sql)) expect(plan.filter((step) => /TEMP B-TREE FOR ORDER BY/.test(step)), sql).toEqual([]);
      if (/order by c\.name/.test(sql)) expect(plan, sql).toContain('SEARCH c USING INDEX contacts_name (name>?)');
      if (/count\(\*\)/.test(sql)) expect(plan.some((step) => /conversations_number_contact/.test(step)), sql).toBe(true);
    }
  });
});
