import { describe, expect, it } from 'vitest';
import { formatListTime, officeDay } from './dates';

describe('office dates', () => {
  it('counts the day in Riyadh time, not the machine zone', () => {
    // 22:30 UTC on 1 March is 01:30 on 2 March in Riyadh (UTC+3).
    expect(officeDay('2026-03-01T22:30:00Z')).toBe('2026-03-02');
    expect(officeDay('2026-03-01T20:59:00Z')).toBe('2026-03-01');
  });

  it('shows the time for a message from today and the date for an older one', () => {
    const now = new Date('2026-03-02T09:00:00Z');
    const today = formatListTime('2026-03-01T22:30:00Z', 'en', now);
    const older = formatListTime('2026-02-20T10:00:00Z', 'en', now);
    expect(today).toBe('01:30');
    expect(older).toContain('Feb');
    expect(older).not.toContain(':');
  });

  it('keeps Latin digits in Arabic', () => {
    const now = new Date('2026-03-02T09:00:00Z');
    expect(formatListTime('2026-03-02T08:05:00Z', 'ar', now)).toMatch(/11:05/);
  });
});
