import { describe, expect, it } from 'vitest';
import { startTestCore } from '../testing/test-core';
import { nextOfficeDayStart, officeDay, officeTimeZoneOf } from './office-day';

/** The office's day decides when a number's daily quota starts over: its time zone, never the computer's. */
describe('the office day', () => {
  it('starts at the office’s midnight: Riyadh by default', () => {
    const noon = Date.UTC(2026, 10, 25, 9, 0, 0);
    expect(officeDay(noon)).toBe('2026-11-25');
    expect(officeDay(Date.UTC(2026, 10, 25, 21, 0, 0))).toBe('2026-11-26');
    expect(nextOfficeDayStart(noon)).toBe(Date.UTC(2026, 10, 25, 21, 0, 0));
    expect(nextOfficeDayStart(Date.UTC(2026, 10, 25, 20, 59, 59, 999))).toBe(Date.UTC(2026, 10, 25, 21, 0, 0));
    expect(nextOfficeDayStart(Date.UTC(2026, 10, 25, 21, 0, 0))).toBe(Date.UTC(2026, 10, 26, 21, 0, 0));
  });

  it('follows summer time in a zone that has it: the day the clocks go back lasts 25 hours', () => {
    // New York leaves summer time on 1 November 2026: that day starts at 04:00 UTC and ends at 05:00 UTC the next.
    expect(officeDay(Date.UTC(2026, 10, 1, 4, 0, 0), 'America/New_York')).toBe('2026-11-01');
    expect(nextOfficeDayStart(Date.UTC(2026, 10, 1, 12, 0, 0), 'America/New_York')).toBe(Date.UTC(2026, 10, 2, 5, 0, 0));
    expect(nextOfficeDayStart(Date.UTC(2026, 2, 8, 12, 0, 0), 'America/New_York')).toBe(Date.UTC(2026, 2, 9, 4, 0, 0));
  });

  it('takes the zone from the office.timeZone setting, and the default when it names no zone', async () => {
    const t = startTestCore();
    try {
      const sqlite = t.core.database.sqlite;
      expect(officeTimeZoneOf(sqlite)).toBe('Asia/Riyadh');
      sqlite.prepare("insert into settings (key, value) values ('office.timeZone', ?)").run(JSON.stringify('Europe/Berlin'));
      expect(officeTimeZoneOf(sqlite)).toBe('Europe/Berlin');
      sqlite.prepare("update settings set value = ? where key = 'office.timeZone'").run(JSON.stringify('Mars/Olympus'));
      expect(officeTimeZoneOf(sqlite)).toBe('Asia/Riyadh');
    } finally {
      await t.close();
    }
  });
});
