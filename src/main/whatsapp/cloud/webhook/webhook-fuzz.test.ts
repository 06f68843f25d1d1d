import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../../../base/logger';
import { messagesValue, metaBody, sender, status, statusesValue, textMessage } from './testing/meta-payloads';
import { startWebhookFixture, type WebhookFixture } from './testing/webhook-fixture';

/** A seeded generator: the same fuzz every run, so a failure can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const logged: { level: string; message: string; fields?: Record<string, unknown> }[] = [];
const recordingLogger: Logger = {
  info: (message, fields) => void logged.push({ level: 'info', message, ...(fields ? { fields } : {}) }),
  warn: (message, fields) => void logged.push({ level: 'warn', message, ...(fields ? { fields } : {}) }),
  error: (message, fields) => void logged.push({ level: 'error', message, ...(fields ? { fields } : {}) }),
};

let fixture: WebhookFixture;
beforeAll(async () => {
  fixture = await startWebhookFixture({ logger: recordingLogger });
  fixture.t.core.searchIndex.stop();
});
afterAll(() => fixture.close());

function tableStates(): Record<string, string> {
  const db = fixture.sqlite;
  const out: Record<string, string> = {};
  const tables = (db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").all() as { name: string }[]).map((t) => t.name);
  // "Last webhook received" moves with every genuine body by design, and other features' cursors
  // (the AI's) are written when they first run; everything else must not move.
  for (const table of tables) {
    const where = table === 'settings' ? " where key not like '%.cursor.%'" : '';
    const rows = (db.prepare(`select * from "${table}"${where}`).raw().all() as unknown[][]).map((row) => (table === 'cloud_numbers' ? row.slice(0, 12) : row));
    out[table] = createHash('sha256').update(JSON.stringify(rows)).digest('hex');
  }
  return out;
}

const wrongValues: unknown[] = [null, true, -1, 0, 1.5, 1e308, '', 'x'.repeat(5_000), [], [1, 'a'], {}, { __proto__: { polluted: 1 } }, '<script>', '\u0000', '١٢٣', '\ud800'];

/** A Meta body where a field every item needs has the wrong type: each item is unreadable. */
function broken(next: () => number, i: number): unknown {
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const bad = pick(wrongValues);
  const message: Record<string, unknown> = textMessage(`wamid.FZ${i}`, '966512345678', 'نص', 1_764_000_000);
  const ok = metaBody({ changes: [{ value: { ...messagesValue([message], [sender('966512345678', 'x')]), ...statusesValue([status(`wamid.OUT${i}`, 'read', 1_764_000_000)]) } }] });
  switch (i % 9) {
    case 0:
      return { ...ok, object: bad === 'whatsapp_business_account' ? 1 : bad };
    case 1:
      return { ...ok, entry: typeof bad === 'object' && Array.isArray(bad) && bad.length === 0 ? 'x' : bad };
    case 2:
      return metaBody({ changes: [{ value: { ...messagesValue([{ ...message, id: bad }]) } }] });
    case 3:
      return metaBody({ changes: [{ value: { ...messagesValue([{ ...message, type: typeof bad === 'string' ? 7 : bad }]) } }] });
    case 4:
      return metaBody({ changes: [{ value: { ...messagesValue([{ ...message, from: typeof bad === 'string' ? 'abc' : bad }]) } }] });
    case 5:
      return { object: 'whatsapp_business_account', entry: [{ id: 'W', changes: [{ field: 'messages', value: { ...messagesValue([message]), metadata: { phone_number_id: typeof bad === 'string' ? `${bad}?` : bad } } }] }] };
    case 6:
      return metaBody({ changes: [{ value: statusesValue([{ ...status(`wamid.OUT${i}`, 'read', 1), id: bad }]) }] });
    case 7:
      return { object: 'whatsapp_business_account', entry: [{ id: 'W', changes: [{ field: 'messages', value: bad }] }] };
    default:
      return pick([bad, [ok, ok], { object: 'whatsapp_business_account', entry: [{ changes: [bad, bad] }] }, JSON.parse('{"__proto__": {"polluted": true}, "object": "whatsapp_business_account", "entry": []}')]);
  }
}

/** Bytes that are not a Meta body at all: binary, truncated JSON, deep nesting. */
function junk(next: () => number, i: number): Buffer {
  const kind = i % 4;
  if (kind === 0) return Buffer.from(Array.from({ length: 1 + Math.floor(next() * 400) }, () => Math.floor(next() * 256)));
  if (kind === 1) {
    const text = JSON.stringify(metaBody({ changes: [{ value: messagesValue([textMessage('wamid.T', '966512345678', 'ش', 1)]) }] }));
    return Buffer.from(text.slice(0, 1 + Math.floor(next() * (text.length - 2))));
  }
  if (kind === 2) return Buffer.from(`${'['.repeat(5_000)}${']'.repeat(5_000)}`);
  return Buffer.from(JSON.stringify('\u202e'.repeat(1000)));
}

describe('Cloud webhook: fuzzed bodies', () => {
  it('answers signed junk and broken Meta bodies without a crash, and changes nothing', async () => {
    const before = tableStates();
    const next = random(19);
    const statuses = new Map<number, number>();
    for (let i = 0; i < 240; i++) {
      const body = i % 3 === 0 ? junk(next, i) : Buffer.from(JSON.stringify(broken(next, i)));
      const answer = await fixture.post(body);
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      expect([200, 400]).toContain(answer.status);
      if (answer.status === 400) expect(JSON.parse(answer.text)).toMatchObject({ success: false, error: { code: 'VALIDATION_ERROR' } });
    }
    await fixture.receiver.idle();
    expect([...statuses.keys()].sort()).toEqual([200, 400]);
    expect(tableStates()).toEqual(before);
    expect(logged.filter((l) => l.level === 'error')).toEqual([]);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('stores only what a randomly mutated Meta body still says correctly, never throws, and never logs a body', async () => {
    const next = random(23);
    const secretWords = 'سري-جدا';
    const ids = new Set<string>();
    for (let i = 0; i < 150; i++) {
      const id = `wamid.MUT${i}`;
      ids.add(id);
      const body = metaBody({ changes: [{ value: messagesValue([textMessage(id, '966512345678', `${secretWords} ${i}`, 1_764_000_000 + i)], [sender('966512345678', 'عميل')]) }] });
      mutate(body, next);
      expect([200, 400]).toContain((await fixture.post(body)).status);
    }
    await fixture.receiver.idle();
    const stored = fixture.sqlite.prepare('select whatsapp_message_id, conversation_id from messages').all() as { whatsapp_message_id: string; conversation_id: number }[];
    for (const row of stored) expect(row.whatsapp_message_id, JSON.stringify(row)).toMatch(/^wamid\.MUT\d+$/);
    expect(new Set(stored.map((r) => r.whatsapp_message_id)).size).toBe(stored.length);
    expect(logged.filter((l) => l.level === 'error')).toEqual([]);
    expect(JSON.stringify(logged)).not.toContain(secretWords);
    expect(fixture.count('cloud_webhook_inbox')).toBe(0);
  });
});

/** Replaces one random node of the tree with a wrong value (or drops it). */
function mutate(tree: Record<string, unknown>, next: () => number): void {
  const nodes: [Record<string, unknown> | unknown[], string | number][] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach((child, i) => (nodes.push([node, i]), walk(child)));
    else if (node && typeof node === 'object') for (const [key, child] of Object.entries(node)) (nodes.push([node as Record<string, unknown>, key]), walk(child));
  };
  walk(tree);
  const [parent, key] = nodes[Math.floor(next() * nodes.length)]!;
  const value = wrongValues[Math.floor(next() * wrongValues.length)];
  if (next() < 0.2 && !Array.isArray(parent)) delete (parent as Record<string, unknown>)[key as string];
  else (parent as Record<string | number, unknown>)[key] = value;
}
