import type Database from 'better-sqlite3';
import type { Core } from '../src/main/core/create-core';
import { conversationStatuses, type ConversationStatus } from '../src/shared/domain';
import { conversationListInput, messageListInput } from '../src/shared/inbox/schemas';
import { intBelow, seededRandom } from './fake-data';
import { benchAdmin, benchPassword } from './generate';
import { describe, distribution, heading, line, target, type Distribution } from './report';

const iterations = 200;
const warmUps = 30;

interface ListFilter {
  whatsappNumberId?: number;
  status?: ConversationStatus;
  cursor?: string;
}

/**
 * The conversation list and a thread, through the router exactly as a window calls it
 * (validate, authenticate, authorise, service) and through the service alone.
 */
export async function benchQueries(core: Core, measure = true): Promise<string> {
  const { sqlite } = core.database;
  const admin = await core.router.call('auth.signIn', { email: benchAdmin.email, password: benchPassword }, { clientKey: 'bench' });
  if (!admin.result.success) throw new Error(`signIn failed: ${JSON.stringify(admin.result.error)}`);
  const token = (admin.result.data as { token: string }).token;
  if (!measure) return token;
  const meta = { token, clientKey: 'bench' };
  const caller = core.services.authenticate(token);
  if (!caller) throw new Error('bench admin not signed in');
  const inbox = core.services.inbox;
  // The service alone, with the input parsed (defaults filled) as the router would.
  const service = {
    listConversations: (input: ListFilter & { limit: number }) => inbox.listConversations(caller, conversationListInput.parse(input)),
    listMessages: (input: { conversationId: number; limit: number }) => inbox.listMessages(caller, messageListInput.parse(input)),
  };
  const routed = async (channel: string, input: unknown) => {
    const { result } = await core.router.call(channel, input, meta);
    if (!result.success) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
    return result.data;
  };

  const numberIds = sqlite.prepare<[], { id: number }>('select id from whatsapp_numbers order by id').all().map((r) => r.id);
  const combos: ListFilter[] = numberIds.flatMap((n) => conversationStatuses.map((status) => ({ whatsappNumberId: n, status })));
  const random = seededRandom(9);

  heading(`Conversation list, first page of 50 (${iterations} calls over ${numberIds.length} numbers × ${conversationStatuses.length} statuses)`);
  const byNumberAndStatus = (i: number) => ({ ...combos[i % combos.length]!, limit: 50 });
  const listRouter = await sample(async (i) => expectRows(await routed('conversations.list', byNumberAndStatus(i)), 50));
  const listService = await sample((i) => expectRows(service.listConversations(byNumberAndStatus(i)), 50));
  target('list by number+status, router', describe(listRouter), listRouter.median < 5, 'median < 5 ms');
  line('  the same, InboxService alone', describe(listService));

  // Every other filter the inbox offers; the renderer opens on "all numbers, all statuses".
  const cursors = combos.map((c) => service.listConversations({ ...c, limit: 50 }).meta.next!);
  const others: [string, (i: number) => ListFilter][] = [
    ['no filter (inbox first screen)', () => ({})],
    ['number only', (i) => ({ whatsappNumberId: numberIds[i % numberIds.length]! })],
    ['status only', (i) => ({ status: conversationStatuses[i % conversationStatuses.length]! })],
    ['number+status, page 2', (i) => ({ ...combos[i % combos.length]!, cursor: cursors[i % combos.length]! })],
  ];
  for (const [label, filter] of others) {
    const d = await sample(async (i) => expectRows(await routed('conversations.list', { ...filter(i), limit: 50 }), 50), 60);
    target(`list, ${label}, router`, describe(d), d.median < 5, 'median < 5 ms');
  }

  heading(`Open a thread, last 50 messages (${iterations} random conversations)`);
  const maxConversation = (sqlite.prepare('select max(id) as id from conversations').get() as { id: number }).id;
  const ids = Array.from({ length: iterations + warmUps }, () => 1 + intBelow(random, maxConversation));
  const threadRouter = await sample(async (i) => expectMessages(await routed('messages.list', { conversationId: ids[i]!, limit: 50 })));
  const threadService = await sample((i) => expectMessages(service.listMessages({ conversationId: ids[i]!, limit: 50 })));
  target('thread (messages.list), router', describe(threadRouter), threadRouter.median < 2, 'median < 2 ms');
  line('  the same, InboxService alone', describe(threadService));
  const long = sqlite.prepare<[], { id: number }>('select conversation_id as id from messages group by conversation_id order by count(*) desc limit 200').all();
  const olderPage = await sample(async (i) => {
    const c = long[i % long.length]!;
    const newest = (await routed('messages.list', { conversationId: c.id, limit: 50 })) as { id: number }[];
    return expectMessages(await routed('messages.list', { conversationId: c.id, limit: 50, beforeId: newest[0]!.id }));
  });
  line('newest + older page, 200 longest threads', describe(olderPage));

  heading('Query plans (EXPLAIN QUERY PLAN of the SQL the service runs)');
  const explained = (input: ListFilter) => inbox.explainList(caller, conversationListInput.parse({ ...input, limit: 50 }));
  planCheck(sqlite, 'list by number+status', explained(combos[0]!), 'conversations_list_number');
  planCheck(sqlite, 'list, no filter', explained({}), 'conversations_list_time');
  planCheck(sqlite, 'list, number only', explained({ whatsappNumberId: numberIds[0]! }), 'conversations_list_number');
  planCheck(sqlite, 'list, status only', explained({ status: 'pending' }), 'conversations_list_time');
  planCheck(sqlite, 'list by number+status, page 2', explained({ ...combos[0]!, cursor: cursors[0]! }), 'conversations_list_number');
  const thread = capture(sqlite, () => service.listMessages({ conversationId: ids[0]!, limit: 50 }));
  planCheck(sqlite, 'thread', { sql: thread, params: [ids[0]!, 50], plan: null }, 'messages_conversation_time');
  return token;
}

async function sample(run: (i: number) => unknown, count = iterations): Promise<Distribution> {
  const times: number[] = [];
  for (let i = 0; i < warmUps + count; i++) {
    const started = performance.now();
    await run(i);
    if (i >= warmUps) times.push(performance.now() - started);
  }
  return distribution(times);
}

function expectRows(page: unknown, rows: number): void {
  const got = (page as { data: unknown[] }).data.length;
  if (got !== rows) throw new Error(`expected a page of ${rows} conversations, got ${got}`);
}

function expectMessages(list: unknown): void {
  if (!Array.isArray(list) || list.length === 0) throw new Error('expected messages');
}

/** The SQL text the service prepares during `run` (better-sqlite3 is synchronous, so this is exact). */
function capture(sqlite: Database.Database, run: () => unknown): string {
  const original = sqlite.prepare;
  const seen: string[] = [];
  sqlite.prepare = ((source: string) => (seen.push(source), original.call(sqlite, source))) as typeof sqlite.prepare;
  try {
    run();
  } finally {
    Reflect.deleteProperty(sqlite, 'prepare');
  }
  if (seen.length !== 1) throw new Error(`expected one prepared query, saw ${seen.length}`);
  return seen[0]!;
}

function planCheck(sqlite: Database.Database, label: string, query: { sql: string; params: unknown; plan: { label: string } | null }, index: string): void {
  const plan = sqlite.prepare(`explain query plan ${query.sql}`).all(query.params) as { detail: string }[];
  const usesIndex = plan.some((p) => new RegExp(`USING (COVERING )?INDEX ${index}\\b`).test(p.detail));
  // "FOR LAST TERM / RIGHT PART OF ORDER BY" only orders rows that tie on the index's sort key.
  const sorts = plan.some((p) => p.detail.includes('TEMP B-TREE FOR ORDER BY'));
  line(label, `${usesIndex ? 'uses' : 'does NOT use'} ${index}${sorts ? ', SORTS every matching row (temp b-tree)' : ', no sort step'}${query.plan ? ` (${query.plan.label})` : ''}`);
  for (const p of plan) console.log(`      ${p.detail}`);
}
