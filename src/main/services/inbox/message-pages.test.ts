import { afterEach, describe, expect, it } from 'vitest';
import { trackedCores } from '../../testing/demo-core';

const cores = trackedCores(afterEach);
const base = Date.UTC(2026, 10, 20, 8, 0, 0);

describe('a long thread', () => {
  it('pages back through every message exactly once, and catches up on what arrived since, even with an older time', async () => {
    const t = cores.start();
    const admin = await t.setupAdmin();
    const number = await t.call('numbers.create', { name: 'Sales' }, admin.token);
    const ingest = t.core.whatsapp.ingest;
    let seq = 0;
    const write = (at: number, body: string) => {
      seq++;
      const result = ingest.ingest(number.id, {
        providerId: `false_966501000099@c.us_M${seq}`, chatId: '966501000099@c.us', fromMe: false, chatKind: 'user',
        customerPhone: '966501000099', customerLid: null, profileName: null, body, type: 'chat', hasMedia: false, timestamp: at,
      });
      if (result.kind !== 'stored') throw new Error(result.kind);
      return result.conversationId;
    };
    let conversationId = 0;
    // Several messages share a second, as WhatsApp's times often do.
    for (let i = 0; i < 230; i++) conversationId = write(base + Math.floor(i / 3) * 1000, `m${i}`);

    const seen: string[] = [];
    let page = await t.call('messages.list', { conversationId, limit: 50 }, admin.token);
    while (page.length > 0) {
      seen.unshift(...page.map((m) => m.content));
      page = await t.call('messages.list', { conversationId, limit: 50, beforeId: page[0]!.id }, admin.token);
    }
    expect(seen).toEqual(Array.from({ length: 230 }, (_, i) => `m${i}`));

    // While the window was away: new messages, one caught up late with an older time.
    const newest = (await t.call('messages.list', { conversationId, limit: 1 }, admin.token))[0]!;
    write(base + 500_000, 'late but new');
    write(base - 1000, 'caught up from yesterday');
    const since = await t.call('messages.list', { conversationId, afterId: newest.id }, admin.token);
    expect(since.map((m) => m.content)).toEqual(['late but new', 'caught up from yesterday']);
    expect(await t.call('messages.list', { conversationId, afterId: since[1]!.id }, admin.token)).toEqual([]);
    expect((await t.failure('messages.list', { conversationId, afterId: 1, beforeId: 2 }, admin.token)).code).toBe('VALIDATION_ERROR');
  });
});
