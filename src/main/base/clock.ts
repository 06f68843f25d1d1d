/** Time, injectable so session expiry and lockouts are tested without waiting. */
export interface Clock {
  now(): number;
  /** Waits `ms`; a test clock records the wait and moves itself instead of sleeping. */
  sleep?(ms: number): Promise<void>;
}
export const systemClock: Clock = { now: () => Date.now() };

/** Waits on the clock's own terms (a real timer unless the clock says otherwise). */
export function waitOn(clock: Clock, ms: number): Promise<void> {
  if (clock.sleep) return clock.sleep(ms);
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function toIso(ms: number): string;
export function toIso(ms: number | null): string | null;
export function toIso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}
