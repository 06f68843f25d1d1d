import type Database from 'better-sqlite3';
import type { Audience } from '../../events/event-bus';

/** Admins and supervisors: who reads the AI's settings and state. */
export function managersAudience(sqlite: Database.Database): Audience {
  const ids = sqlite.prepare<[], { id: number }>("select id from users where is_active = 1 and role in ('admin', 'supervisor')").all();
  return { kind: 'users', userIds: ids.map((r) => r.id) };
}
