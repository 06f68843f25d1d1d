import { and, desc, eq, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { ActivityEntry } from '../../../shared/activity/types';
import type { Db } from '../../db/open-database';
import { activityLog, contacts, users, whatsappNumbers } from '../../db/schema';
import type { Clock } from '../../base/clock';
import { toIso } from '../../base/clock';

export interface ActivityRecord {
  userId: number | null;
  action: string;
  entityType?: string;
  entityId?: number;
  /** Never message bodies, tokens or passwords. */
  details?: Record<string, unknown>;
}

/** The audit trail of who did what (seed 000's `Log` / `logActivity()`). */
export class ActivityLog {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

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

  list(limit: number, beforeId?: number): ActivityEntry[] {
    const target = alias(users, 'target');
    const rows = this.db
      .select({
        id: activityLog.id,
        action: activityLog.action,
        entityType: activityLog.entityType,
        entityId: activityLog.entityId,
        entityName: sql<string | null>`coalesce(${target.name}, ${whatsappNumbers.name}, ${contacts.name}, ${contacts.phone})`,
        userId: activityLog.userId,
        userName: users.name,
        details: activityLog.details,
        createdAt: activityLog.createdAt,
      })
      .from(activityLog)
      .leftJoin(users, eq(users.id, activityLog.userId))
      .leftJoin(target, and(eq(activityLog.entityType, 'user'), eq(target.id, activityLog.entityId)))
      .leftJoin(whatsappNumbers, and(eq(activityLog.entityType, 'whatsapp_number'), eq(whatsappNumbers.id, activityLog.entityId)))
      .leftJoin(contacts, and(eq(activityLog.entityType, 'contact'), eq(contacts.id, activityLog.entityId)))
      .where(beforeId ? lt(activityLog.id, beforeId) : undefined)
      .orderBy(desc(activityLog.id))
      .limit(limit)
      .all();
    return rows.map((r) => ({
      ...r,
      details: r.details ? (JSON.parse(r.details) as Record<string, unknown>) : null,
      createdAt: toIso(r.createdAt),
    }));
  }
}
