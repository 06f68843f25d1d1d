import { afterEach, describe, expect, it } from 'vitest';
import { manualClock, tempDir } from '../../testing/test-core';
import { aiOffice, type AiOffice } from './testing/ai-office';

const opened: AiOffice[] = [];
afterEach(async () => {
  const fakes = new Set(opened.map((o) => o.fake));
  for (const o of opened.splice(0)) await o.t.close();
  for (const fake of fakes) await fake.close();
});

describe('the quiet-time wait is kept in the database', () => {
  it('answers three quick messages once after a restart in the middle of the wait, and not again after another', async () => {
    const dataDir = tempDir();
    const first = await aiOffice({ dataDir });
    opened.push(first);
    const { fake, answer } = first;
    fake.answerWith(() => answer({ reply: 'أهلاً بك، نعم لدينا.' }));
    first.customerWrites('966501112233', 'مرحبا');
    first.customerWrites('966501112233', 'عندكم شقق؟');
    const { conversationId } = first.customerWrites('966501112233', 'للإيجار');
    await first.settled();
    first.clock.advance(2_000);
    await first.settled();
    await first.t.close();
    opened.pop();

    const second = await aiOffice({ dataDir, provider: fake, clock: manualClock(first.clock.now()) });
    opened.push(second);
    await second.settled();
    expect(fake.requests).toHaveLength(0);
    await second.quietTimePasses(6_000);
    expect(fake.requests).toHaveLength(1);
    expect(second.aiMessages(conversationId).map((m) => m.content)).toEqual(['أهلاً بك، نعم لدينا.']);
    await second.t.close();
    opened.pop();

    const third = await aiOffice({ dataDir, provider: fake, clock: manualClock(second.clock.now() + 60_000) });
    opened.push(third);
    await third.quietTimePasses();
    expect(fake.requests).toHaveLength(1);
    expect(third.aiMessages(conversationId)).toHaveLength(1);
  });
});

describe('the provider is asked at most four times at once', () => {
  it('keeps the fifth and sixth conversations waiting until a call ends, then answers all six once', async () => {
    const office = await aiOffice();
    opened.push(office);
    const { fake, answer, customerWrites, settled, clock, aiMessages, ai } = office;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    fake.answerWith(() => ({ ...answer({}), gate }));
    const conversations = [1, 2, 3, 4, 5, 6].map((i) => customerWrites(`96650111220${i}`, 'مرحبا').conversationId);
    await settled();
    clock.advance(8_000);
    await fake.received(4);
    expect(fake.requests).toHaveLength(4);
    expect(ai().runner.calls).toEqual({ inFlight: 4, waiting: 2 });
    release();
    await settled();
    expect(fake.requests).toHaveLength(6);
    for (const id of conversations) expect(aiMessages(id)).toHaveLength(1);
  });
});
