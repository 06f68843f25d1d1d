import type Database from 'better-sqlite3';
import type { Core } from '../src/main/core/create-core';
import { notificationTypes } from '../src/shared/notifications/types';
import { intBelow, seededRandom } from './fake-data';
import { benchAdmin, benchAgentEmail, benchPassword } from './generate';
import { describe, distribution, heading, line, target, thousands } from './report';

export const notificationCount = 200_000;
const iterations = 200;
const warmUps = 30;
const day = 86_400_000;

/**
 * Issue 14's 200,000 notifications, spread over every user of the bench office and the days
 * pruning keeps, a third unread. Written into the run's working copy before the
 * core opens it, so the cached 100k/1M database stays as generated.
 */
export function seedNotifications(sqlite: Database.Database): number {
  const existing = (sqlite.prepare('select count(*) as n from notifications').get() as { n: number }).n;
  if (existing >= notificationCount) return 0;
  const random = seededRandom(14);
  const users = sqlite.prepare<[], { id: number }>('select id from users order by id').all().map((u) => u.id);
  const maxConversation = (sqlite.prepare('select max(id) as id from conversations').get() as { id: number }).id;
  const insert = sqlite.prepare(
    'insert into notifications (user_id, type, target_kind, target_id, params, desktop, read_at, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const now = Date.now();
  // Within the 90 days kept (a day's margin: the core's first pruning pass must find nothing to remove).
  const start = now - 89 * day;
  const rows = notificationCount - existing;
  // Oldest first, as they would have been written: ids and times rise together.
  const times = Array.from({ length: rows }, () => start + intBelow(random, 89 * day)).sort((a, b) => a - b);
  sqlite.transaction(() => {
    for (let i = 0; i < rows; i++) {
      const type = notificationTypes[intBelow(random, notificationTypes.length)]!;
      const conversationId = 1 + intBelow(random, maxConversation);
      const read = intBelow(random, 3) > 0 ? times[i]! + 60_000 : null;
      insert.run(users[i % users.length]!, type, 'conversation', conversationId, JSON.stringify({ customer: `عميل ${conversationId}`, by: 'Bench Admin' }), i % 2, read, times[i]!);
    }
  })();
  return rows;
}

/** The bell as a window asks for it: the unread count and the first page of 30, through the router. */
export async function benchNotifications(core: Core): Promise<void> {
  const signIn = async (email: string) => {
    const { result } = await core.router.call('auth.signIn', { email, password: benchPassword }, { clientKey: 'bench-notifications' });
    if (!result.success) throw new Error(`signIn failed: ${JSON.stringify(result.error)}`);
    return (result.data as { token: string }).token;
  };
  const routed = async (token: string, channel: string, input: unknown) => {
    const { result } = await core.router.call(channel, input, { token, clientKey: 'bench-notifications' });
    if (!result.success) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
    return result.data;
  };
  const { sqlite } = core.database;
  const total = (sqlite.prepare('select count(*) as n from notifications').get() as { n: number }).n;
  heading(`Notifications: the bell's count and first page (${thousands(total)} notifications, ${iterations} calls each)`);
  for (const [label, email] of [
    ['an agent', benchAgentEmail(1)],
    ['the admin', benchAdmin.email],
  ] as const) {
    const token = await signIn(email);
    const userId = (sqlite.prepare('select id from users where email = ?').get(email) as { id: number }).id;
    const own = sqlite.prepare<[number], { n: number; unread: number }>('select count(*) as n, count(*) filter (where read_at is null) as unread from notifications where user_id = ?').get(userId)!;
    const times: number[] = [];
    for (let i = 0; i < warmUps + iterations; i++) {
      const started = performance.now();
      const { unread } = (await routed(token, 'notifications.unread', {})) as { unread: number };
      const page = (await routed(token, 'notifications.list', { limit: 30 })) as { items: unknown[] };
      if (i >= warmUps) times.push(performance.now() - started);
      if (page.items.length !== 30 || unread !== own.unread) throw new Error(`unexpected bell: ${page.items.length} rows, ${unread} unread (expected ${own.unread})`);
    }
    const d = distribution(times);
    target(`count + first page, ${label} (${thousands(own.n)} of theirs, ${thousands(own.unread)} unread)`, describe(d), d.median < 2, 'median < 2 ms');
  }
  const pruneStarted = performance.now();
  const removed = core.services.notifications.prune();
  line('90-day pruning pass (nothing older to remove)', `${(performance.now() - pruneStarted).toFixed(1)} ms, ${removed} removed`);
}
