import type Database from 'better-sqlite3';
import type { ActivityBreak, ActivityVerifyResult } from '../../../shared/activity/types';
import { toIso } from '../../base/clock';
import { genesisHash, rowHash } from './activity-chain';

/** A row as `select` lists it: the chained fields, prev_hash and hash (null when written outside the app), user_id. */
type RawRow = [number, number, number | null, string | null, string, string | null, number | null, string | null, string | null, string | null, number | null];

/** About 10 ms of hashing on an idle machine: other calls wait no longer than that. */
const pageSize = 2_000;

/**
 * Walks the chain in id order, a page at a time (the event loop breathes between pages, so the
 * app answers meanwhile), up to the last row when it started, and names the first break:
 * - `changed`: the row's fields no longer give its hash (or it has none: written outside the app),
 *   or its user_id names someone other than its author;
 * - `missing`: ids are skipped (rows deleted), in the middle or at the end (the sequence ran further);
 * - `order`: the row does not link to the one before it, though none is missing: the one before
 *   was rewritten together with its hash, or rows were moved.
 * Rows are immutable once written (triggers), so pages read at different moments agree.
 */
export async function verifyActivityChain(sqlite: Database.Database, yieldToLoop: () => Promise<void> = nextTick): Promise<ActivityVerifyResult> {
  const end = sqlite
    .prepare<[], { last_id: number | null; seq: number | null }>(
      `select (select id from activity_log order by id desc limit 1) as last_id, (select seq from sqlite_sequence where name = 'activity_log') as seq`,
    )
    .get()!;
  const lastId = end.last_id ?? 0;
  // Arrays rather than objects per row, and times turned into text only for the row named.
  const page = sqlite
    .prepare<[number, number, number], unknown[]>(
      `select id, created_at, actor_id, actor_name, action, entity_type, entity_id, details, prev_hash, hash, user_id
       from activity_log where id > ? and id <= ? order by id limit ?`,
    )
    .raw(true);
  let prevId = 0;
  let prevHash = genesisHash;
  let checked = 0;
  const result = (broken: ActivityBreak | null): ActivityVerifyResult => ({ ok: broken === null, checked, lastId: end.last_id, broken });
  for (;;) {
    const rows = page.all(prevId, lastId, pageSize) as RawRow[];
    for (const [id, created_at, actor_id, actor_name, action, entity_type, entity_id, details, prev_hash, hash, user_id] of rows) {
      if (id !== prevId + 1) return result({ problem: 'missing', id: prevId + 1, count: id - prevId - 1, createdAt: toIso(created_at), nextId: id });
      // user_id is outside the hash (a removed user's becomes null) but may only ever be the author's.
      if (hash === null || prev_hash === null || (user_id !== null && user_id !== actor_id) || rowHash({ id, created_at, actor_id, actor_name, action, entity_type, entity_id, details, prev_hash }) !== hash) {
        return result({ problem: 'changed', id, createdAt: toIso(created_at) });
      }
      if (prev_hash !== prevHash) return result({ problem: 'order', id, createdAt: toIso(created_at) });
      prevId = id;
      prevHash = hash;
      checked++;
    }
    if (rows.length < pageSize) break;
    await yieldToLoop();
  }
  // The sequence remembers ids handed out: a larger one means the newest rows were deleted.
  if ((end.seq ?? 0) > lastId) return result({ problem: 'missing', id: lastId + 1, count: end.seq! - lastId, createdAt: null, nextId: null });
  return result(null);
}

const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));
