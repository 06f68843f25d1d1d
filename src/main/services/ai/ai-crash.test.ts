import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildCrashChild, spawnCrashChild, type CrashChild } from '../../outbox/crash-harness';
import { eventually, manualClock, migrationsDir, tempDir } from '../../testing/test-core';
import { FakeProvider } from './testing/fake-provider';
import { aiOffice } from './testing/ai-office';

/**
 * Issue 16: "SIGKILL after the provider answered → one reply or a hand-off, never two". The
 * core runs in a child process frozen at the named point and killed there; a core started after
 * on the same data folder takes over.
 */
let childBundle: string;
beforeAll(async () => {
  childBundle = await buildCrashChild(path.join(__dirname, 'engine/ai-crash-child.ts'));
}, 60_000);

const children: CrashChild[] = [];
const fakes: FakeProvider[] = [];
afterEach(async () => {
  await Promise.all(children.splice(0).map((c) => c.kill()));
  for (const fake of fakes.splice(0)) await fake.close();
});

describe.each([
  ['after the provider answered, before the decision committed', 'answered'],
  ['just after the decision committed', 'committed'],
] as const)('a SIGKILL %s', (_when, pauseAt) => {
  it('leaves the customer one AI reply after a restart, never two', async () => {
    const dataDir = tempDir();
    const fake = new FakeProvider();
    fakes.push(fake);
    await fake.start();
    const first = await aiOffice({ dataDir, provider: fake });
    fake.answerWith(() => first.answer({ reply: 'أهلاً بك! نعم لدينا فلل.' }));
    const { conversationId } = first.customerWrites('966501112233', 'عندكم فلل؟');
    await first.settled();
    // The wait falls due as soon as the next core starts (it runs on the real clock).
    first.sqlite.prepare('update ai_conversation_state set due_at = 0 where conversation_id = ?').run(conversationId);
    await first.t.close();

    const child = spawnCrashChild(childBundle, { dataDir, migrationsDir, pauseAt });
    children.push(child);
    await eventually(() => expect(child.output()).toContain(pauseAt), 20_000);
    await child.kill();

    const after = await aiOffice({ dataDir, provider: fake, clock: manualClock(Date.now()) });
    try {
      await after.settled();
      await eventually(() => expect(after.aiMessages(conversationId)).toHaveLength(1), 20_000);
      await after.quietTimePasses(60_000);
      expect(after.aiMessages(conversationId).map((m) => m.content)).toEqual(['أهلاً بك! نعم لدينا فلل.']);
      expect(after.logs().filter((l) => l.outcome === 'replied')).toHaveLength(1);
      expect(fake.requests).toHaveLength(pauseAt === 'answered' ? 2 : 1);
    } finally {
      await after.t.close();
    }
  }, 90_000);
});
