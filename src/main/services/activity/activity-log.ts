import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { activityExportInput, activityListInput } from '../../../shared/activity/schemas';
import { activityGroups, type ActivityCsvPage, type ActivityEntry, type ActivityVerifyResult } from '../../../shared/activity/types';
import type { Clock } from '../../base/clock';
import type { Db } from '../../db/open-database';
import { toIso } from '../../base/clock';
import { officeCalendarOf } from '../../calendar/office-calendar-setting';
import { genesisHash, rowHash } from './activity-chain';
import { activityCsv } from './activity-csv';
import { entityNameSql, RelatedNames } from './activity-names';
import { verifyActivityChain } from './activity-verify';

export interface ActivityRecord {
  userId: number | null;
  action: string;
  entityType?: string;
  entityId?: number;
  /** Never message bodies, tokens or passwords. */
  details?: Record<string, unknown>;
}

type ListInput = z.output<typeof activityListInput>;
type ExportInput = z.output<typeof activityExportInput>;
type Filters = Omit<ListInput, 'limit' | 'beforeId'>;

interface TailRow {
  last_id: number | null;
  last_hash: string | null;
  seq: number | null;
  actor_name: string | null;
}

interface Row {
  id: number;
  action: string;
  entity_type: string | null;
  entity_id: number | null;
  entity_name: string | null;
  user_id: number | null;
  actor_id: number | null;
  user_name: string | null;
  hash: string | null;
  details: string | null;
  created_at: number;
}


/** The audit trail of who did what (seed 000's `Log` / `logActivity()`). */
export class ActivityLog {
  private readonly related: RelatedNames;
  private readonly tail: Database.Statement<[number | null], TailRow>;
  private readonly append: Database.Statement<[Record<string, string | number | null>]>;
  /** One prepared statement per combination of filters, so each keeps its own plan. */
  private readonly statements = new Map<string, Database.Statement<[Record<string, string | number>], Row>>();

  /** `_db` is unused since appends are chained in plain SQL; kept so every caller's `new ActivityLog(db, sqlite, clock)` stands. */
  constructor(
    _db: Db,
    private readonly sqlite: Database.Database,
    private readonly clock: Clock,
  ) {
    this.related = new RelatedNames(this.sqlite);
    this.tail = sqlite.prepare<[number | null], TailRow>(
      `select (select id from activity_log order by id desc limit 1) as last_id,
              (select hash from activity_log order by id desc limit 1) as last_hash,
              (select seq from sqlite_sequence where name = 'activity_log') as seq,
              (select name from users where id = ?) as actor_name`,
    );
    this.append = sqlite.prepare<[Record<string, string | number | null>]>(
      `insert into activity_log (id, user_id, actor_id, actor_name, action, entity_type, entity_id, details, created_at, prev_hash, hash)
       values (@id, @user_id, @actor_id, @actor_name, @action, @entity_type, @entity_id, @details, @created_at, @prev_hash, @hash)`,
    );
  }

  /**
   * Appends one entry, chained to the last: the one extra read (the last row's id and hash, the
   * sequence, the actor's name) is a lookup at the end of the rowid index, re-read at each append
   * rather than cached, so a transaction that rolls back, or a restore, never leaves a stale link.
   * The id is chosen here because the hash covers it: past the sequence, so rows removed at the
   * end leave a gap that "verify" names.
   */
  record(entry: ActivityRecord): void {
    const tail = this.tail.get(entry.userId)!;
    const row = {
      id: Math.max(tail.last_id ?? 0, tail.seq ?? 0) + 1,
      created_at: this.clock.now(),
      actor_id: entry.userId,
      actor_name: entry.userId === null ? null : tail.actor_name,
      action: entry.action,
      entity_type: entry.entityType ?? null,
      entity_id: entry.entityId ?? null,
      details: entry.details ? JSON.stringify(entry.details) : null,
      prev_hash: tail.last_hash ?? genesisHash,
    };
    this.append.run({ ...row, user_id: entry.userId, hash: rowHash(row) });
  }

  /** Walks the whole chain (a page at a time) and names the first row that breaks it. */
  verify(): Promise<ActivityVerifyResult> {
    return verifyActivityChain(this.sqlite);
  }

  /** A page of the log, newest first, each target by its name; the next page asks for ids below the last one. */
  list(input: ListInput): ActivityEntry[] {
    return this.page(input).map(({ hash: _hash, ...entry }) => entry);
  }

  /** A page of the CSV export of the filtered rows, newest first; the header and the total come with the first. */
  exportPage(input: ExportInput, language: 'ar' | 'en'): ActivityCsvPage {
    const entries = this.page(input);
    const zone = officeCalendarOf(this.sqlite).timeZone;
    const first = input.beforeId === undefined;
    const csv = activityCsv(entries, zone, language, first);
    const total = first ? this.count(input) : null;
    return { csv, rows: entries.length, nextBeforeId: entries.length === input.limit ? entries.at(-1)!.id : null, total };
  }

  private page(input: ListInput | ExportInput): (ActivityEntry & { hash: string | null })[] {
    const { where, params } = this.filters(input);
    if (input.beforeId !== undefined) (where.push('a.id < @beforeId'), (params.beforeId = input.beforeId));
    const rows = this.statement(where).all({ ...params, limit: input.limit });
    const details = rows.map((r) => (r.details ? (JSON.parse(r.details) as Record<string, unknown>) : null));
    const related = this.related.resolve(rows.map((r, i) => ({ action: r.action, details: details[i]! })));
    return rows.map((r, i) => ({
      id: r.id,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      entityName: r.entity_name,
      userId: r.user_id ?? r.actor_id,
      userName: r.user_name,
      details: details[i]!,
      related: related[i]!,
      createdAt: toIso(r.created_at),
      hash: r.hash,
    }));
  }

  private count(input: Filters): number {
    const { where, params } = this.filters(input, 'count');
    return this.sqlite.prepare<[Record<string, string | number>], { n: number }>(`select count(*) as n from activity_log a ${where.length ? `where ${where.join(' and ')}` : ''}`).get(params)!.n;
  }

  private filters(input: Filters, use: 'page' | 'count' = 'page'): { where: string[]; params: Record<string, string | number> } {
    const where: string[] = [];
    const params: Record<string, string | number> = {};
    if (input.userId !== undefined) (where.push('a.user_id = @userId'), (params.userId = input.userId));
    if (input.action !== undefined) {
      if ((activityGroups as readonly string[]).includes(input.action)) {
        // A group is its actions' prefix; profile, interest and promotion changes sit with users, conversations and offers.
        const prefixes = [input.action, ...({ user: ['profile'], conversation: ['property_interest'], offer: ['promotion'] }[input.action as string] ?? [])];
        // Counting, as a range ('x.' ≤ action < 'x/', '/' following '.') the action index answers. A page, with
        // LIKE: newest first along the ids, it stops at the page's last row instead of sorting every match.
        where.push(
          `(${prefixes.map((_, i) => (use === 'count' ? `(a.action >= @group${i} and a.action < @groupEnd${i})` : `a.action like @group${i}`)).join(' or ')})`,
        );
        prefixes.forEach((prefix, i) => {
          params[`group${i}`] = use === 'count' ? `${prefix}.` : `${prefix}.%`;
          if (use === 'count') params[`groupEnd${i}`] = `${prefix}/`;
        });
      } else (where.push('a.action = @action'), (params.action = input.action));
    }
    if (input.entityType !== undefined) (where.push('a.entity_type = @entityType'), (params.entityType = input.entityType));
    if (input.entityId !== undefined) (where.push('a.entity_id = @entityId'), (params.entityId = input.entityId));
    const calendar = officeCalendarOf(this.sqlite);
    if (input.from !== undefined) (where.push('a.created_at >= @from'), (params.from = calendar.dayStart(input.from)));
    // The day after `to` starts at its own midnight: 23 or 25 hours later on a summer-time change.
    if (input.to !== undefined) (where.push('a.created_at < @to'), (params.to = calendar.nextDayStart(calendar.dayStart(input.to))));
    return { where, params };
  }

  private statement(where: string[]): Database.Statement<[Record<string, string | number>], Row> {
    const key = where.join(' and ');
    let statement = this.statements.get(key);
    if (!statement) {
      // A removed user's entries keep the name they had when written (actor_name).
      statement = this.sqlite.prepare(
        `select a.id, a.action, a.entity_type, a.entity_id, ${entityNameSql} as entity_name, a.user_id, a.actor_id, coalesce(u.name, a.actor_name) as user_name, a.details, a.created_at, a.hash
         from activity_log a left join users u on u.id = a.user_id
         ${key ? `where ${key}` : ''}
         order by a.id desc limit @limit`,
      );
      this.statements.set(key, statement);
    }
    return statement;
  }
}
