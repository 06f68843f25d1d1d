import { hash } from 'node:crypto';
import type Database from 'better-sqlite3';

/** The fields a row's hash covers: everything but `user_id` (nulled if the user is removed) and the hash itself. */
export interface ChainedFields {
  id: number;
  created_at: number;
  actor_id: number | null;
  actor_name: string | null;
  action: string;
  entity_type: string | null;
  entity_id: number | null;
  details: string | null;
  prev_hash: string;
}

/** The first row's previous hash. */
export const genesisHash = '0'.repeat(64);

/**
 * SHA-256 (hex) over a canonical serialisation: a JSON array in a fixed order, led by a version,
 * of values that are only integers, strings and nulls (so JSON has one spelling for each).
 * `details` is hashed as the stored text, never re-serialised.
 */
export function rowHash(row: ChainedFields): string {
  const canonical = JSON.stringify([1, row.id, row.created_at, row.actor_id, row.actor_name, row.action, row.entity_type, row.entity_id, row.details, row.prev_hash]);
  // One-shot hash(): a third of createHash()'s cost per row, which is what verify spends its time on.
  return hash('sha256', canonical, 'hex');
}

type LegacyRow = Omit<ChainedFields, 'prev_hash'>;

/**
 * Chains the rows written before the log was chained (migration 0030), in id order, in one
 * transaction, and only those that come before every chained row: a row without a hash after
 * the chain began was written outside the app, and filling it in would hide that from "verify".
 * Returns how many rows it chained (0 on every start after the first).
 */
export function chainLegacyRows(sqlite: Database.Database): number {
  const firstChained = sqlite.prepare<[], { id: number }>('select id from activity_log where hash is not null order by id limit 1');
  const unchained = sqlite.prepare<[number], LegacyRow>(
    'select id, created_at, actor_id, actor_name, action, entity_type, entity_id, details from activity_log where hash is null and id < ? order by id',
  );
  const fill = sqlite.prepare<[string, string, number]>('update activity_log set prev_hash = ?, hash = ? where id = ?');
  let count = 0;
  sqlite.transaction(() => {
    const rows = unchained.all(firstChained.get()?.id ?? Number.MAX_SAFE_INTEGER);
    let prev = genesisHash;
    for (const row of rows) {
      const hash = rowHash({ ...row, prev_hash: prev });
      fill.run(prev, hash, row.id);
      prev = hash;
      count++;
    }
  })();
  return count;
}
