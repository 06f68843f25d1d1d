import { afterEach, describe, expect, it } from 'vitest';
import { defaultOfficeHours, officeHoursSchema, type OfficeHours } from '../../shared/calendar/office-hours';
import { startTestCore } from '../testing/test-core';
import { OfficeCalendar } from './office-calendar';
import { officeCalendarOf, officeHoursKey } from './office-calendar-setting';

const riyadh = new OfficeCalendar(defaultOfficeHours);
/** A Riyadh wall-clock time (UTC+3 all year) as an instant. */
const ry = (date: string, time: string) => Date.parse(`${date}T${time}:00+03:00`);
const london = (hours: Partial<OfficeHours> = {}) =>
  new OfficeCalendar({ ...defaultOfficeHours, timeZone: 'Europe/London', workingDays: [0, 1, 2, 3, 4, 5, 6], shifts: [{ start: '09:00', end: '17:00' }], ...hours });

const processZone = process.env.TZ;
afterEach(() => {
  if (processZone === undefined) delete process.env.TZ;
  else process.env.TZ = processZone;
});

describe('the office calendar: open or closed', () => {
  it('is open inside both shifts of a split working day and closed between them', () => {
    // Sunday 6 December 2026, 09:00–13:00 and 16:30–21:00.
    expect(riyadh.isOpen(ry('2026-12-06', '08:59'))).toBe(false);
    expect(riyadh.isOpen(ry('2026-12-06', '09:00'))).toBe(true);
    expect(riyadh.isOpen(ry('2026-12-06', '12:59'))).toBe(true);
    expect(riyadh.isOpen(ry('2026-12-06', '13:00'))).toBe(false);
    expect(riyadh.isOpen(ry('2026-12-06', '16:29'))).toBe(false);
    expect(riyadh.isOpen(ry('2026-12-06', '16:30'))).toBe(true);
    expect(riyadh.isOpen(ry('2026-12-06', '20:59'))).toBe(true);
    expect(riyadh.isOpen(ry('2026-12-06', '21:00'))).toBe(false);
  });

  it('stays closed on Friday and Saturday, the Saudi weekend', () => {
    expect(riyadh.isOpen(ry('2026-12-04', '10:00'))).toBe(false);
    expect(riyadh.isOpen(ry('2026-12-05', '17:00'))).toBe(false);
    expect(riyadh.isWorkingDay('2026-12-04')).toBe(false);
    expect(riyadh.isWorkingDay('2026-12-03')).toBe(true);
  });

  it('counts a shift past midnight for the day it began, weekend or not', () => {
    const lateShift = new OfficeCalendar({ ...defaultOfficeHours, shifts: [{ start: '16:30', end: '01:00' }] });
    // Thursday's shift runs into Friday night; Friday's own evening stays closed.
    expect(lateShift.isOpen(ry('2026-12-04', '00:30'))).toBe(true);
    expect(lateShift.isOpen(ry('2026-12-04', '01:00'))).toBe(false);
    expect(lateShift.isOpen(ry('2026-12-04', '17:00'))).toBe(false);
    expect(lateShift.isOpen(ry('2026-12-05', '00:30'))).toBe(false);
    // Saturday has no shift, so Sunday's early hours are closed; Sunday's shift opens Monday's.
    expect(lateShift.isOpen(ry('2026-12-06', '00:30'))).toBe(false);
    expect(lateShift.isOpen(ry('2026-12-07', '00:30'))).toBe(true);
    expect(lateShift.closesAt(ry('2026-12-06', '23:00'))).toBe(ry('2026-12-07', '01:00'));
  });

  it('stays closed on every day of a holiday range, and on a holiday’s night shift', () => {
    const eid = new OfficeCalendar({
      ...defaultOfficeHours,
      shifts: [{ start: '16:30', end: '01:00' }],
      holidays: [{ from: '2027-03-09', to: '2027-03-11', name: 'عيد الفطر' }],
    });
    expect(eid.isOpen(ry('2027-03-08', '17:00'))).toBe(true);
    expect(eid.isOpen(ry('2027-03-09', '00:30'))).toBe(true); // Monday's shift, before the holiday began
    expect(eid.isOpen(ry('2027-03-09', '17:00'))).toBe(false);
    expect(eid.isOpen(ry('2027-03-11', '17:00'))).toBe(false);
    expect(eid.isOpen(ry('2027-03-12', '00:30'))).toBe(false); // the holiday's own night shift
    expect(eid.holidayOn('2027-03-10')).toBe('عيد الفطر');
    expect(eid.holidayOn('2027-03-12')).toBeNull();
    // Thursday the 11th is the holiday's last day; Friday and Saturday are the weekend.
    expect(eid.nextOpening(ry('2027-03-09', '17:00'))).toBe(ry('2027-03-14', '16:30'));
  });
});

describe('the office calendar: when it next opens', () => {
  it('is now while open, the next shift between shifts, and Sunday morning after Thursday evening', () => {
    const during = ry('2026-12-06', '10:15');
    expect(riyadh.nextOpening(during)).toBe(during);
    expect(riyadh.nextOpening(ry('2026-12-06', '13:00'))).toBe(ry('2026-12-06', '16:30'));
    expect(riyadh.nextOpening(ry('2026-12-03', '21:30'))).toBe(ry('2026-12-06', '09:00'));
    expect(riyadh.nextOpening(ry('2026-12-06', '06:00'))).toBe(ry('2026-12-06', '09:00'));
  });

  it('says when the open shift closes, and nothing when closed', () => {
    expect(riyadh.closesAt(ry('2026-12-06', '10:15'))).toBe(ry('2026-12-06', '13:00'));
    expect(riyadh.closesAt(ry('2026-12-06', '14:00'))).toBeNull();
  });

  it('answers never for an office with no working day', () => {
    const closed = new OfficeCalendar({ ...defaultOfficeHours, workingDays: [] });
    expect(closed.isOpen(ry('2026-12-06', '10:00'))).toBe(false);
    expect(closed.nextOpening(ry('2026-12-06', '10:00'))).toBeNull();
  });
});

describe('the office day', () => {
  it('starts at the office’s midnight, not UTC’s', () => {
    expect(riyadh.officeDay(Date.parse('2026-12-03T20:59:59Z'))).toBe('2026-12-03');
    expect(riyadh.officeDay(Date.parse('2026-12-03T21:00:00Z'))).toBe('2026-12-04');
    expect(riyadh.dayStart('2026-12-04')).toBe(Date.parse('2026-12-03T21:00:00Z'));
    expect(riyadh.nextDayStart(ry('2026-12-04', '10:00'))).toBe(ry('2026-12-05', '00:00'));
  });
});

describe('the process’s time zone never matters', () => {
  const questions = (calendar: OfficeCalendar) => {
    const moments = [ry('2026-12-03', '20:59'), ry('2026-12-04', '00:30'), ry('2026-12-06', '16:30'), Date.parse('2027-03-28T00:30:00Z')];
    return moments.map((ms) => [calendar.isOpen(ms), calendar.nextOpening(ms), calendar.officeDay(ms), calendar.nextDayStart(ms), calendar.dayStart(calendar.officeDay(ms))]);
  };

  it('gives the same instants under UTC and America/New_York', () => {
    process.env.TZ = 'UTC';
    const underUtc = [questions(new OfficeCalendar(defaultOfficeHours)), questions(london())];
    process.env.TZ = 'America/New_York';
    const underNewYork = [questions(new OfficeCalendar(defaultOfficeHours)), questions(london())];
    expect(underNewYork).toEqual(underUtc);
    expect(new Date(0).getTimezoneOffset()).toBe(300); // the process zone really changed
  });
});

describe('an office zone with summer time keeps its local hours', () => {
  it('opens at 09:00 local on both sides of the spring change', () => {
    const office = london();
    // Clocks go forward on Sunday 28 March 2027: 09:00 is 09:00Z before and 08:00Z after.
    expect(office.nextOpening(Date.parse('2027-03-27T05:00:00Z'))).toBe(Date.parse('2027-03-27T09:00:00Z'));
    expect(office.nextOpening(Date.parse('2027-03-29T05:00:00Z'))).toBe(Date.parse('2027-03-29T08:00:00Z'));
    expect(office.isOpen(Date.parse('2027-03-29T08:30:00Z'))).toBe(true);
    expect(office.isOpen(Date.parse('2027-03-29T16:30:00Z'))).toBe(false); // 17:30 summer time
  });

  it('opens at 09:00 local on both sides of the autumn change, and the changing days are 23 and 25 hours long', () => {
    const office = london();
    expect(office.nextOpening(Date.parse('2027-10-30T05:00:00Z'))).toBe(Date.parse('2027-10-30T08:00:00Z'));
    expect(office.nextOpening(Date.parse('2027-11-01T05:00:00Z'))).toBe(Date.parse('2027-11-01T09:00:00Z'));
    expect(office.nextDayStart(office.dayStart('2027-03-28')) - office.dayStart('2027-03-28')).toBe(23 * 3600_000);
    expect(office.nextDayStart(office.dayStart('2027-10-31')) - office.dayStart('2027-10-31')).toBe(25 * 3600_000);
  });

  it('keeps a night shift across the autumn change: it closes at 02:00 local, an hour more of work', () => {
    const office = london({ shifts: [{ start: '22:00', end: '02:00' }] });
    // Saturday 30 October 2027 22:00 BST = 21:00Z; Sunday 02:00 GMT = 02:00Z (01:00–02:00 happens twice).
    expect(office.closesAt(Date.parse('2027-10-30T21:30:00Z'))).toBe(Date.parse('2027-10-31T02:00:00Z'));
    expect(office.isOpen(Date.parse('2027-10-31T01:30:00Z'))).toBe(true);
    expect(office.isOpen(Date.parse('2027-10-31T02:00:00Z'))).toBe(false);
  });
});

describe('the office calendar from settings', () => {
  it('reads the stored week and zone, follows a change at once, and falls back to the default week when the stored one is broken', async () => {
    const t = startTestCore();
    try {
      const sqlite = t.core.database.sqlite;
      const friday = ry('2026-12-04', '10:00');
      expect(officeCalendarOf(sqlite).isOpen(friday)).toBe(false);
      const week = officeHoursSchema.omit({ timeZone: true }).parse({ workingDays: [5], shifts: [{ start: '09:00', end: '12:00' }], holidays: [] });
      sqlite.prepare('insert into settings (key, value) values (?, ?)').run(officeHoursKey, JSON.stringify(week));
      expect(officeCalendarOf(sqlite).isOpen(friday)).toBe(true);
      sqlite.prepare("insert into settings (key, value) values ('office.timeZone', ?)").run(JSON.stringify('Europe/London'));
      // 10:00 in Riyadh is 07:00 in London: before London's 09:00.
      expect(officeCalendarOf(sqlite).isOpen(friday)).toBe(false);
      sqlite.prepare('update settings set value = ? where key = ?').run('{"workingDays":"sometimes"}', officeHoursKey);
      expect(officeCalendarOf(sqlite).isOpen(Date.parse('2026-12-06T10:00:00Z'))).toBe(true); // Sunday 10:00 London, default week
    } finally {
      await t.close();
    }
  });
});
