import type { WakingClock, WakeOptions } from './clock';

/** setTimeout's longest delay; a longer wait is re-armed when it ends. */
const longestTimer = 2 ** 31 - 1;

export interface AdvanceableClock extends WakingClock {
  /** Moves the clock on by `ms`: every wait due by then runs now, in time order. */
  advance(ms: number): void;
  /** How far the clock is ahead of real time. */
  offset(): number;
}

/**
 * Demo mode's clock (issue 15): real time plus an offset the demo can move forward, so a
 * presenter (or an end-to-end test) sees a follow-up "a day later" without waiting a day.
 * Its waits are real timers against the shifted time; moving it re-checks every wait at once.
 * Only the host in demo mode uses it; the app otherwise runs on the system clock.
 */
export function offsetClock(realNow: () => number = Date.now): AdvanceableClock {
  let offset = 0;
  let seq = 0;
  const waits = new Map<number, { at: number; run: () => void; timer: NodeJS.Timeout | null }>();
  const now = () => realNow() + offset;

  const arm = (id: number) => {
    const wait = waits.get(id);
    if (!wait) return;
    if (wait.timer) clearTimeout(wait.timer);
    wait.timer = setTimeout(() => {
      if (now() >= wait.at) {
        waits.delete(id);
        wait.run();
      } else arm(id);
    }, Math.max(0, Math.min(wait.at - now(), longestTimer)));
    // As the system clock's: a wait never keeps a closing app alive.
    wait.timer.unref?.();
  };

  return {
    now,
    wakeAt(at: number, run: () => void, _options?: WakeOptions): () => void {
      const id = ++seq;
      waits.set(id, { at, run, timer: null });
      arm(id);
      return () => {
        const wait = waits.get(id);
        if (wait?.timer) clearTimeout(wait.timer);
        waits.delete(id);
      };
    },
    advance(ms: number): void {
      if (!(ms > 0)) return;
      offset += ms;
      // What is now due runs in time order; the rest waits the shorter time that is left.
      const due = [...waits].filter(([, w]) => w.at <= now()).sort(([a, x], [b, y]) => x.at - y.at || a - b);
      for (const [id, wait] of due) {
        if (!waits.has(id)) continue;
        if (wait.timer) clearTimeout(wait.timer);
        waits.delete(id);
        wait.run();
      }
      for (const id of [...waits.keys()]) arm(id);
    },
    offset: () => offset,
  };
}

export function isAdvanceable(clock: WakingClock): clock is AdvanceableClock {
  return typeof (clock as Partial<AdvanceableClock>).advance === 'function' && typeof (clock as Partial<AdvanceableClock>).offset === 'function';
}
