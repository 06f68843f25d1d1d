import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { Role } from '../../../shared/domain';
import type { createNotificationInput, notificationListInput } from '../../../shared/notifications/schemas';
import {
  defaultNotificationModes,
  notificationTypesFor,
  type NotificationMode,
  type NotificationPage,
  type NotificationParams,
  type NotificationPreference,
  type NotificationTarget,
  type NotificationTargetKind,
  type NotificationType,
  type NotificationView,
} from '../../../shared/notifications/types';
import { toIso, type Clock } from '../../base/clock';
import type { EventBus } from '../../events/event-bus';
import { AppError, fieldError } from '../../rpc/app-error';
import type { Caller } from '../auth/auth-service';

/** Who a notification is for: named users, everyone active in some roles, or those who may see a number. */
export type NotifyAudience = { roles: readonly Role[] } | { numberId: number };

export interface NotifyInput {
  /** Named users; with `audience`, the union of both. */
  userIds?: readonly number[];
  audience?: NotifyAudience;
  type: NotificationType;
  target?: NotificationTarget | null;
  params?: NotificationParams;
  /** Left out even when in the audience (whoever did the thing is not told of it). */
  exceptUserId?: number | null;
  /**
   * Told at most once for this key (e.g. `quota_warning:3:2026-12-03`): a second call with the
   * same key notifies nobody. Marks are kept as long as notifications are.
   */
  onceKey?: string;
}

interface Row {
  id: number;
  user_id: number;
  type: NotificationType;
  target_kind: NotificationTargetKind | null;
  target_id: number | null;
  params: string;
  desktop: number;
  read_at: number | null;
  created_at: number;
}

/** How long notifications (and "told once" marks) are kept. */
export const keepNotificationsMs = 90 * 24 * 60 * 60 * 1000;

/**
 * Seed 000's notifications, strictly per user: every read and write names the caller's own id
 * in its SQL, so another user's notification is NOT_FOUND whatever its id; each new one is
 * pushed to its user's windows only. `notify` is the one way in for every feature.
 */
export class NotificationsService {
  private readonly q;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly bus: EventBus,
    private readonly clock: Clock,
  ) {
    this.q = {
      page: sqlite.prepare<[number, number, number], Row>('select * from notifications where user_id = ? and id < ? order by id desc limit ?'),
      // Counted from the unread-only index alone (covering: no row is read). Named, because a
      // planner that picked the (user, id) index would read every one of the user's rows instead
      // (15,000 of them in the benchmark: 100 ms rather than under 1).
      unread: sqlite.prepare<[number], { n: number }>('select count(*) as n from notifications indexed by notifications_user_unread where user_id = ? and read_at is null'),
      markRead: sqlite.prepare<[number, number, number]>('update notifications set read_at = coalesce(read_at, ?) where id = ? and user_id = ?'),
      markAllRead: sqlite.prepare<[number, number]>('update notifications set read_at = ? where user_id = ? and read_at is null'),
      modes: sqlite.prepare<[number], { type: NotificationType; mode: NotificationMode }>('select type, mode from notification_preferences where user_id = ?'),
      setMode: sqlite.prepare<[number, string, string]>(
        'insert into notification_preferences (user_id, type, mode) values (?, ?, ?) on conflict (user_id, type) do update set mode = excluded.mode',
      ),
      modeOf: sqlite.prepare<[number, string], { mode: NotificationMode }>('select mode from notification_preferences where user_id = ? and type = ?'),
      insert: sqlite.prepare<[number, string, string | null, number | null, string, number, number], Row>(
        'insert into notifications (user_id, type, target_kind, target_id, params, desktop, created_at) values (?, ?, ?, ?, ?, ?, ?) returning *',
      ),
      unreadSame: sqlite.prepare<[number, string, number, string], { id: number }>(
        'select id from notifications indexed by notifications_user_unread where user_id = ? and type = ? and target_id = ? and target_kind = ? and read_at is null limit 1',
      ),
      mark: sqlite.prepare<[string, number]>('insert or ignore into notification_marks (key, created_at) values (?, ?)'),
      active: sqlite.prepare<[string], { id: number; role: Role }>('select id, role from users where is_active = 1 and id in (select value from json_each(?))'),
      inRoles: sqlite.prepare<[string], { id: number; role: Role }>('select id, role from users where is_active = 1 and role in (select value from json_each(?))'),
      numberAudience: sqlite.prepare<[number, number], { id: number; role: Role }>(
        `select id, role from users where is_active = 1 and (role in ('admin', 'supervisor')
           or id in (select employee_id from whatsapp_numbers where id = ?)
           or id in (select user_id from number_agents where whatsapp_number_id = ?))`,
      ),
      pruneNotifications: sqlite.prepare<[number]>('delete from notifications where created_at < ?'),
      pruneMarks: sqlite.prepare<[number]>('delete from notification_marks where created_at < ?'),
      usersWithOld: sqlite.prepare<[number], { user_id: number }>('select distinct user_id from notifications where created_at < ?'),
    };
  }

  /** The caller's notifications, newest first, a page at a time. */
  list(caller: Caller, input: z.output<typeof notificationListInput>): NotificationPage {
    const rows = this.q.page.all(caller.user.id, input.before ?? Number.MAX_SAFE_INTEGER, input.limit + 1);
    const items = rows.slice(0, input.limit).map(toView);
    return { items, nextBefore: rows.length > input.limit ? items[items.length - 1]!.id : null };
  }

  unread(userId: number): number {
    return this.q.unread.get(userId)!.n;
  }

  /** Only the caller's own: another user's id is NOT_FOUND (never said to exist). */
  markRead(caller: Caller, id: number): { unread: number } {
    const changed = this.q.markRead.run(this.clock.now(), id, caller.user.id).changes;
    if (changed === 0) throw new AppError('NOT_FOUND');
    return this.unreadChanged(caller.user.id);
  }

  markAllRead(caller: Caller): { unread: number } {
    this.q.markAllRead.run(this.clock.now(), caller.user.id);
    return this.unreadChanged(caller.user.id);
  }

  preferences(caller: Caller): NotificationPreference[] {
    const chosen = new Map(this.q.modes.all(caller.user.id).map((r) => [r.type, r.mode]));
    return notificationTypesFor(caller.user.role).map((type) => ({ type, mode: chosen.get(type) ?? defaultNotificationModes[type] }));
  }

  setPreference(caller: Caller, type: NotificationType, mode: NotificationMode): NotificationPreference[] {
    if (!notificationTypesFor(caller.user.role).includes(type)) throw new AppError('FORBIDDEN');
    this.q.setMode.run(caller.user.id, type, mode);
    return this.preferences(caller);
  }

  /** Seed 000 create-for-admins: the admin's message goes to the users named or in the roles named. */
  create(caller: Caller, input: z.output<typeof createNotificationInput>): { sent: number } {
    if (input.userIds) {
      const known = new Set(this.q.active.all(JSON.stringify(input.userIds)).map((u) => u.id));
      const unknown = input.userIds.find((id) => !known.has(id));
      if (unknown !== undefined) throw fieldError('userIds', 'unknown_user', `No active user with id ${unknown}`);
    }
    const made = this.notify({
      ...(input.userIds ? { userIds: input.userIds } : {}),
      ...(input.roles ? { audience: { roles: input.roles } } : {}),
      type: 'office_message',
      target: null,
      params: { title: input.title, body: input.body, by: caller.user.name },
    });
    return { sent: made.length };
  }

  /**
   * The one way any feature tells users something. Each recipient gets it per their choice for
   * the type (off: nothing stored; in_app: stored; desktop: stored and flagged for a desktop
   * notification) and hears of it on their own windows only. Returns what was stored.
   */
  notify(input: NotifyInput): NotificationView[] {
    const now = this.clock.now();
    const recipients = this.recipients(input);
    if (recipients.length === 0) return [];
    const target = input.target ?? null;
    const params = JSON.stringify(input.params ?? {});
    const made = this.sqlite.transaction(() => {
      if (input.onceKey !== undefined && this.q.mark.run(input.onceKey, now).changes === 0) return [];
      const rows: Row[] = [];
      for (const user of recipients) {
        const mode = this.q.modeOf.get(user.id, input.type)?.mode ?? defaultNotificationModes[input.type];
        if (mode === 'off') continue;
        rows.push(this.q.insert.get(user.id, input.type, target?.kind ?? null, target?.id ?? null, params, mode === 'desktop' ? 1 : 0, now)!);
      }
      return rows;
    })();
    for (const row of made) {
      this.bus.publish('notification.new', { notification: toView(row), unread: this.unread(row.user_id) }, { kind: 'users', userIds: [row.user_id] });
    }
    return made.map(toView);
  }

  /** Whether the user still has an unread notification of this type about this target (new messages are told once until read). */
  hasUnread(userId: number, type: NotificationType, target: NotificationTarget): boolean {
    return this.q.unreadSame.get(userId, type, target.id, target.kind) !== undefined;
  }

  /** Drops notifications and marks older than 90 days; each user who lost unread ones hears their new count. */
  prune(): number {
    const before = this.clock.now() - keepNotificationsMs;
    const users = this.q.usersWithOld.all(before).map((r) => r.user_id);
    const counts = new Map(users.map((id) => [id, this.unread(id)]));
    const removed = this.sqlite.transaction(() => {
      this.q.pruneMarks.run(before);
      return this.q.pruneNotifications.run(before).changes;
    })();
    if (removed > 0) {
      for (const [userId, unread] of counts) {
        const now = this.unread(userId);
        if (now !== unread) this.bus.publish('notifications.unread', { unread: now }, { kind: 'users', userIds: [userId] });
      }
    }
    return removed;
  }

  private unreadChanged(userId: number): { unread: number } {
    const unread = this.unread(userId);
    // The user's other windows (another tab, the desktop) keep the same count.
    this.bus.publish('notifications.unread', { unread }, { kind: 'users', userIds: [userId] });
    return { unread };
  }

  private recipients(input: NotifyInput): { id: number; role: Role }[] {
    const found = new Map<number, { id: number; role: Role }>();
    if (input.userIds && input.userIds.length > 0) for (const u of this.q.active.all(JSON.stringify(input.userIds))) found.set(u.id, u);
    const audience = input.audience;
    if (audience && 'roles' in audience) for (const u of this.q.inRoles.all(JSON.stringify(audience.roles))) found.set(u.id, u);
    if (audience && 'numberId' in audience) for (const u of this.q.numberAudience.all(audience.numberId, audience.numberId)) found.set(u.id, u);
    if (input.exceptUserId != null) found.delete(input.exceptUserId);
    // A type the role never receives (staff sign-ins for a supervisor) is not stored for it.
    return [...found.values()].filter((u) => notificationTypesFor(u.role).includes(input.type));
  }
}

function toView(row: Row): NotificationView {
  return {
    id: row.id,
    type: row.type,
    target: row.target_kind !== null && row.target_id !== null ? { kind: row.target_kind, id: row.target_id } : null,
    params: JSON.parse(row.params) as NotificationParams,
    desktop: row.desktop === 1,
    readAt: toIso(row.read_at),
    createdAt: toIso(row.created_at),
  };
}
