import type Database from 'better-sqlite3';
import type { ActivityLog } from '../activity/activity-log';

/**
 * The number's conversations assigned to an agent who no longer works it (taken off its agents,
 * or no longer its owner): read off the number's list index, which holds the assignee.
 */
const assignedToOutsiders = `
  select c.id, c.assigned_agent_id as agent_id from conversations c join users u on u.id = c.assigned_agent_id
  where c.whatsapp_number_id = @numberId and c.assigned_agent_id is not null and u.role = 'agent'
    and u.id not in (select user_id from number_agents where whatsapp_number_id = @numberId)
    and u.id is not (select employee_id from whatsapp_numbers where id = @numberId)`;

/**
 * Unassigns them (inside the caller's transaction), one activity entry each, and returns their
 * ids so the open inboxes can be told. An agent who may not see a conversation must not stay its
 * assignee: nobody else would pick it up, and "assigned to me" would count what they cannot open.
 */
export function unassignLostAccess(sqlite: Database.Database, activity: ActivityLog, byUserId: number, numberId: number, now: number): number[] {
  const rows = sqlite.prepare<{ numberId: number }, { id: number; agent_id: number }>(assignedToOutsiders).all({ numberId });
  const unassign = sqlite.prepare<[number, number]>('update conversations set assigned_agent_id = null, updated_at = ? where id = ?');
  for (const row of rows) {
    unassign.run(now, row.id);
    activity.record({
      userId: byUserId,
      action: 'conversation.unassigned',
      entityType: 'conversation',
      entityId: row.id,
      details: { from: row.agent_id, to: null, reason: 'number_access_removed' },
    });
  }
  return rows.map((r) => r.id);
}

/**
 * A user deactivated, or made an agent: their conversations on numbers they may no longer work
 * (all of them when deactivated) go back to the unassigned queue, one activity entry each.
 * Runs inside the caller's transaction; returns the conversations to tell the inboxes about.
 */
export function unassignLeaver(sqlite: Database.Database, activity: ActivityLog, byUserId: number, userId: number, reason: 'user_deactivated' | 'role_changed', now: number): number[] {
  const rows =
    reason === 'user_deactivated'
      ? sqlite.prepare<[number], { id: number }>('select id from conversations where assigned_agent_id = ?').all(userId)
      : sqlite
          .prepare<{ userId: number }, { id: number }>(
            `select c.id from conversations c join whatsapp_numbers n on n.id = c.whatsapp_number_id
             where c.assigned_agent_id = @userId and n.employee_id is not @userId
               and n.id not in (select whatsapp_number_id from number_agents where user_id = @userId)`,
          )
          .all({ userId });
  const unassign = sqlite.prepare<[number, number]>('update conversations set assigned_agent_id = null, updated_at = ? where id = ?');
  for (const row of rows) {
    unassign.run(now, row.id);
    activity.record({ userId: byUserId, action: 'conversation.unassigned', entityType: 'conversation', entityId: row.id, details: { from: userId, to: null, reason } });
  }
  return rows.map((r) => r.id);
}
