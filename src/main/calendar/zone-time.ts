/**
 * Wall-clock time in an IANA zone without the process's zone: an instant's offset is read
 * once per quarter hour of UTC time through Intl and cached, so the calendar's hot questions
 * (is the office open now?) cost a map lookup, and summer time is always the zone's own.
 */
const minute = 60_000;
const quarter = 15 * minute;
export const dayMs = 24 * 60 * minute;

export class ZoneTime {
  private readonly format: Intl.DateTimeFormat;
  private readonly offsets = new Map<number, number>();

  constructor(readonly timeZone: string) {
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
  }

  /** The zone's offset from UTC at `ms`, in milliseconds (Riyadh: +3 h). Offsets change only on quarter hours. */
  offsetAt(ms: number): number {
    const bucket = Math.floor(ms / quarter);
    let offset = this.offsets.get(bucket);
    if (offset === undefined) {
      const at = bucket * quarter;
      const parts: Record<string, number> = {};
      for (const part of this.format.formatToParts(at)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
      const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!);
      offset = wall - at;
      if (this.offsets.size > 100_000) this.offsets.clear();
      this.offsets.set(bucket, offset);
    }
    return offset;
  }

  /** The wall clock at `ms` as if it were UTC: its day number since 1970-01-01 and minute of that day. */
  wall(ms: number): { day: number; minute: number } {
    const local = ms + this.offsetAt(ms);
    const day = Math.floor(local / dayMs);
    return { day, minute: Math.floor((local - day * dayMs) / minute) };
  }

  /**
   * The instant the wall clock reads `minuteOfDay` on `day`. A time skipped when clocks go
   * forward comes out as the same distance past the jump (02:30 → 03:30); a repeated one
   * as its first occurrence.
   */
  instant(day: number, minuteOfDay: number): number {
    const wall = day * dayMs + minuteOfDay * minute;
    // A zone changes its offset at most once in two days: the offsets a day either side are the candidates.
    const before = wall - this.offsetAt(wall - dayMs);
    const after = wall - this.offsetAt(wall + dayMs);
    const fits = (t: number) => t + this.offsetAt(t) === wall;
    if (fits(before) && fits(after)) return Math.min(before, after);
    if (fits(before)) return before;
    if (fits(after)) return after;
    return before;
  }
}

/** Day number since 1970-01-01 ↔ YYYY-MM-DD, in calendar arithmetic (no zone). */
export function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / dayMs);
}

export function dayName(day: number): string {
  return new Date(day * dayMs).toISOString().slice(0, 10);
}

/** Sunday = 0: 1970-01-01 was a Thursday. */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}
