import { describe, expect, it } from 'vitest';
import { offsetClock } from './offset-clock';

/** Real time is the test's own: a fixed instant, so only `advance` moves the clock. */
const frozen = (at: number) => () => at;

describe('demo mode’s movable clock', () => {
  it('reads real time plus what it was moved by', () => {
    const clock = offsetClock(frozen(1_000));
    expect(clock.now()).toBe(1_000);
    clock.advance(60_000);
    expect(clock.now()).toBe(61_000);
    expect(clock.offset()).toBe(60_000);
    clock.advance(-5);
    expect(clock.now()).toBe(61_000);
  });

  it('runs the waits a move passes, in time order, and keeps the later ones waiting', () => {
    const clock = offsetClock(frozen(0));
    const ran: string[] = [];
    clock.wakeAt(3_000, () => ran.push('third'));
    clock.wakeAt(1_000, () => ran.push('first'));
    const cancel = clock.wakeAt(2_000, () => ran.push('cancelled'));
    clock.wakeAt(10_000, () => ran.push('later'));
    cancel();
    clock.advance(5_000);
    expect(ran).toEqual(['first', 'third']);
    clock.advance(5_000);
    expect(ran).toEqual(['first', 'third', 'later']);
    // A wait already run never runs twice.
    clock.advance(60_000);
    expect(ran).toEqual(['first', 'third', 'later']);
  });

  it('wakes on its own when real time reaches a wait', async () => {
    const clock = offsetClock();
    clock.advance(60_000);
    const due = clock.now() + 5;
    const woke = await new Promise<number>((resolve) => clock.wakeAt(due, () => resolve(clock.now())));
    // Never before its time on the moved clock.
    expect(woke).toBeGreaterThanOrEqual(due);
  });
});
