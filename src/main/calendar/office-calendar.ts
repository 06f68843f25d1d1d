import type { OfficeHours } from '../../shared/calendar/office-hours';
import { dayMs, dayName, dayNumber, weekdayOf, ZoneTime } from './zone-time';

interface Opening {
  /** Minutes from the start of the day the shift starts on. */
  start: number;
  /** Minutes from the same day's start; past 1440 when it runs over midnight. */
  end: number;
}

const minutesOf = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
/** No office closes for longer than this; a calendar with no opening at all answers null. */
const searchDays = 400;

/**
 * The one answer to "is the office open at t", "when does it next open" and "which office
 * day is t" — for quotas, automation, the AI responder, viewings and the dashboard. Pure and
 * built once per settings change; every question is local wall-clock arithmetic in the
 * office's zone, so the process's zone never matters and summer time keeps local hours.
 */
export class OfficeCalendar {
  readonly timeZone: string;
  private readonly zone: ZoneTime;
  private readonly working: boolean[] = Array<boolean>(7).fill(false);
  private readonly openings: Opening[];
  private readonly holidays = new Set<number>();
  private readonly holidayNames = new Map<number, string>();

  constructor(hours: OfficeHours) {
    this.timeZone = hours.timeZone;
    this.zone = new ZoneTime(hours.timeZone);
    for (const day of hours.workingDays) this.working[day] = true;
    this.openings = hours.shifts
      .map((s) => {
        const start = minutesOf(s.start);
        let end = minutesOf(s.end);
        if (end <= start) end += 1440;
        return { start, end };
      })
      .sort((a, b) => a.start - b.start);
    for (const holiday of hours.holidays) {
      for (let day = dayNumber(holiday.from); day <= dayNumber(holiday.to); day++) {
        this.holidays.add(day);
        this.holidayNames.set(day, holiday.name);
      }
    }
  }

  /** The office day (YYYY-MM-DD) that holds `ms`: quotas and "today" start over at its midnight. */
  officeDay(ms: number): string {
    return dayName(this.zone.wall(ms).day);
  }

  /** The first instant of the office day `day` (YYYY-MM-DD). */
  dayStart(day: string): number {
    return this.zone.instant(dayNumber(day), 0);
  }

  /** The first instant of the office day after the one holding `ms`. */
  nextDayStart(ms: number): number {
    return this.zone.instant(this.zone.wall(ms).day + 1, 0);
  }

  /** Whether the office works on `day` (YYYY-MM-DD): a working weekday and no holiday. */
  isWorkingDay(day: string): boolean {
    return this.works(dayNumber(day));
  }

  /** The holiday's name when `day` is a holiday (an empty name is still a holiday), else null. */
  holidayOn(day: string): string | null {
    return this.holidayNames.get(dayNumber(day)) ?? null;
  }

  /** Whether the office is open at `ms`: inside a shift of a working day, a shift past midnight counting for the day it began. */
  isOpen(ms: number): boolean {
    const { day, minute } = this.zone.wall(ms);
    return this.openingAround(day, minute) !== null;
  }

  /** When the office next opens: `ms` itself when open, else the start of the next shift; null when it never opens. */
  nextOpening(ms: number): number | null {
    const { day, minute } = this.zone.wall(ms);
    if (this.openingAround(day, minute) !== null) return ms;
    for (let d = day; d <= day + searchDays; d++) {
      if (!this.works(d)) continue;
      for (const opening of this.openings) {
        if (d === day && opening.start <= minute) continue;
        const at = this.zone.instant(d, opening.start);
        if (at > ms) return at;
      }
    }
    return null;
  }

  /** When the shift open at `ms` ends; null when the office is closed at `ms`. */
  closesAt(ms: number): number | null {
    const { day, minute } = this.zone.wall(ms);
    const found = this.openingAround(day, minute);
    if (!found) return null;
    return this.zone.instant(found.day, found.opening.end);
  }

  private works(day: number): boolean {
    return this.working[weekdayOf(day)]! && !this.holidays.has(day);
  }

  /** The shift holding wall time (`day`, `minute`): today's, or yesterday's running past midnight. */
  private openingAround(day: number, minute: number): { day: number; opening: Opening } | null {
    if (this.works(day)) {
      for (const opening of this.openings) if (opening.start <= minute && minute < opening.end) return { day, opening };
    }
    if (this.works(day - 1)) {
      for (const opening of this.openings) if (opening.end > 1440 && minute + 1440 < opening.end) return { day: day - 1, opening };
    }
    return null;
  }
}

export { dayMs };
