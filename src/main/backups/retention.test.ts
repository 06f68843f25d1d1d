import { describe, expect, it } from 'vitest';
import { backupsToKeep } from './retention';

const day = 86_400_000;
/** 03:00 in Riyadh (UTC+3) is 00:00 UTC. */
const riyadhThreeAm = (isoDay: string) => Date.parse(`${isoDay}T00:00:00Z`);
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe('backup retention', () => {
  it('after 90 days of daily backups keeps exactly 7 days, the newest of 4 weeks and of 6 months', () => {
    // Daily backups from Sun 2026-09-06 through Fri 2026-12-04 (90 days).
    const first = riyadhThreeAm('2026-09-06');
    const backups = Array.from({ length: 90 }, (_, i) => ({ id: isoDay(first + i * day), at: first + i * day }));
    expect(backups.at(-1)!.id).toBe('2026-12-04');
    const kept = [...backupsToKeep(backups, 'Asia/Riyadh')].sort();
    expect(kept).toEqual([
      // months (newest of each): Sep, Oct, Nov (Dec is today's)
      '2026-09-30',
      '2026-10-31',
      // weeks (Sunday–Saturday, newest of each): the three Saturdays before this week
      '2026-11-14',
      '2026-11-21',
      '2026-11-28',
      // 7 days: Sat 11-28 … Fri 12-04 (11-28 counted once), and Nov's newest is 11-30
      '2026-11-29',
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
    ]);
  });

  it('counts days in the office time zone, not the computer’s', () => {
    // 23:30 UTC on Nov 1 is already Nov 2 in Riyadh: two backups, one office day.
    const a = { id: 'a', at: Date.parse('2026-11-01T23:30:00Z') };
    const b = { id: 'b', at: Date.parse('2026-11-02T08:00:00Z') };
    expect([...backupsToKeep([a, b], 'Asia/Riyadh', { daily: 0, weekly: 0, monthly: 1 })]).toEqual(['b']);
    expect([...backupsToKeep([a, b], 'Asia/Riyadh', { daily: 1, weekly: 0, monthly: 0 })].sort()).toEqual(['a', 'b']);
    // In UTC they are two days: with one day kept, only the later one.
    expect([...backupsToKeep([a, b], 'UTC', { daily: 1, weekly: 0, monthly: 0 })]).toEqual(['b']);
  });

  it('keeps every backup of a recent day (the manual one and the one before a restore), but only the newest of an older week', () => {
    const at = Date.parse('2026-11-02T08:00:00Z');
    const recent = [{ id: 'manual', at }, { id: 'before-restore', at: at + 3_600_000 }];
    expect([...backupsToKeep(recent, 'Asia/Riyadh')].sort()).toEqual(['before-restore', 'manual']);
    const later = Array.from({ length: 7 }, (_, i) => ({ id: `day${i}`, at: at + (i + 7) * 86_400_000 }));
    const kept = backupsToKeep([...recent, ...later], 'Asia/Riyadh');
    expect(kept.has('before-restore')).toBe(true);
    expect(kept.has('manual')).toBe(false);
  });
});
