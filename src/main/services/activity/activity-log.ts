import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { activityListInput } from '../../../shared/activity/schemas';
import { activityGroups, type ActivityEntry } from '../../../shared/activity/types';
import type { Db } from '../../db/open-database';
import { activityLog } from '../../db/schema';
import type { Clock } from '../../base/clock';
import { toIso } from '../../base/clock';
import { officeCalendarOf } from '../../calendar/office-calendar-setting';
import { entityNameSql, RelatedNames } from './activity-names';

export interface ActivityRecord {
  userId: number | null;
  action: string;
  entityType?: string;
  entityId?: number;
  /** Never message bodies, tokens or passwords. */
  details?: Record<string, unknown>;
}

type ListInput = z.output<typeof activityListInput>;

interface Row {
  id: number;
  action: string;
  entity_type: string | null;
  entity_id: number | null;
  entity_name: string | null;
  user_id: number | null;
  user_name: string | null;
  details: string | null;
  created_at: number;
}


/** The audit trail of who did what (seed 000's `Log` / `logActivity()`). */
export class ActivityLog {
  private readonly related: RelatedNames;
  /** One prepared statement per combination of filters, so each keeps its own plan. */
  private readonly statements = new Map<string, Database.Statement<[Record<string, string | number>], Row>>();

  constructor(
    private readonly db: Db,
    private readonly sqlite: Database.Database,
    private readonly clock: Clock,
  ) {
    this.related = new RelatedNames(this.sqlite);
  }

  record(entry: ActivityRecord): void {
    this.db
      .insert(activityLog)
      .values({
        userId: entry.userId,
        action: entry.action,
        entityType: entry.entityType ?? null,
        entityId: entry.entityId ?? null,
        details: entry.details ? JSON.stringify(entry.details) : null,
        createdAt: this.clock.now(),
      })
      .run();
  }

  /** A page of the log, newest first, each target by its name; the next page asks for ids below the last one. */
  list(input: ListInput): ActivityEntry[] {
    const where: string[] = [];
    const params: Record<string, string | number> = { limit: input.limit };
    if (input.beforeId !== undefined) (where.push('a.id < @beforeId'), (params.beforeId = input.beforeId));
    if (input.userId !== undefined) (where.push('a.user_id = @userId'), (params.userId = input.userId));
    if (input.action !== undefined) {
      if ((activityGroups as readonly string[]).includes(input.action)) {
        // A group is its actions' prefix; profile, interest and promotion changes sit with users, conversations and offers.
        const extra = { user: "or a.action like 'profile.%'", conversation: "or a.action like 'property_interest.%'", offer: "or a.action like 'promotion.%'" }[input.action as string] ?? '';
        where.push(`(a.action like @group ${extra})`);
        params.group = `${input.action}.%`;
      } else (where.push('a.action = @action'), (params.action = input.action));
    }
    const calendar = officeCalendarOf(this.sqlite);
    if (input.from !== undefined) (where.push('a.created_at >= @from'), (params.from = calendar.dayStart(input.from)));
    // The day after `to` starts at its own midnight: 23 or 25 hours later on a summer-time change.
    if (input.to !== undefined) (where.push('a.created_at < @to'), (params.to = calendar.nextDayStart(calendar.dayStart(input.to))));

    const rows = this.statement(where).all(params);
    const details = rows.map((r) => (r.details ? (JSON.parse(r.details) as Record<string, unknown>) : null));
    const related = this.related.resolve(rows.map((r, i) => ({ action: r.action, details: details[i]! })));
    return rows.map((r, i) => ({
      id: r.id,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      entityName: r.entity_name,
      userId: r.user_id,
      userName: r.user_name,
      details: details[i]!,
      related: related[i]!,
      createdAt: toIso(r.created_at),
    }));
  }

  private statement(where: string[]): Database.Statement<[Record<string, string | number>], Row> {
    const key = where.join(' and ');
    let statement = this.statements.get(key);
    if (!statement) {
      statement = this.sqlite.prepare(
        `select a.id, a.action, a.entity_type, a.entity_id, ${entityNameSql} as entity_name, a.user_id, u.name as user_name, a.details, a.created_at
         from activity_log a left join users u on u.id = a.user_id
         ${key ? `where ${key}` : ''}
         order by a.id desc limit @limit`,
      );
      this.statements.set(key, statement);
    }
    return statement;
  }
}
