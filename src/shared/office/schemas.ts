import { z } from 'zod';
import { calendarDate, clockTime, shiftSchema } from '../calendar/office-hours';
import { officeCalendars, officeDigits } from './types';

/**
 * Settings → Office inputs. The form and the router check with these same schemas, so a bad
 * time, overlapping shifts or a holiday that ends before it starts reads the same in both.
 */

/** An IANA zone name Intl knows ("Asia/Riyadh", "Europe/London", "UTC"); offsets such as "+03:00" are not zones. */
export const ianaTimeZone = z
  .string()
  .trim()
  .max(64)
  .refine((zone) => /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(zone) && knownZone(zone), 'unknown_time_zone');

function knownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const digitsOnly = (max: number) => z.string().trim().max(max).regex(/^\d*$/);

export const officeProfileSchema = z
  .object({
    legalNameAr: z.string().trim().max(200),
    legalNameEn: z.string().trim().max(200),
    crNumber: digitsOnly(20),
    falLicenceNumber: digitsOnly(20),
    nationalAddress: z.string().trim().max(300),
    /** Any form people type (05…, +966 5…); the core stores it as E.164 or refuses it. */
    phone: z.string().trim().max(20),
  })
  .strict();

const minutesOf = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const isClock = (time: string): boolean => clockTime.safeParse(time).success;

/**
 * Where shifts overlap, as the index of the shift to blame. The same shifts open every working
 * day, so a shift running past midnight must also end before the next day's first one starts.
 */
export function overlappingShifts(shifts: readonly { start: string; end: string }[]): number[] {
  const spans = shifts
    .map((shift, index) => ({ index, shift }))
    .filter(({ shift }) => isClock(shift.start) && isClock(shift.end) && shift.start !== shift.end)
    .map(({ index, shift }) => {
      const start = minutesOf(shift.start);
      const end = minutesOf(shift.end);
      return { index, start, end: end <= start ? end + 1440 : end };
    })
    .sort((a, b) => a.start - b.start || a.index - b.index);
  const blamed = new Set<number>();
  let latest = spans[0];
  for (const span of spans.slice(1)) {
    if (span.start < latest!.end) blamed.add(span.index);
    if (span.end > latest!.end) latest = span;
  }
  if (latest && spans.length > 1 && latest.end - 1440 > spans[0]!.start) blamed.add(latest.index);
  return [...blamed].sort((a, b) => a - b);
}

export const officeHolidaySchema = z
  .object({ from: calendarDate, to: calendarDate, name: z.string().trim().min(1).max(120) })
  .strict()
  .refine((h) => !calendarDate.safeParse(h.from).success || !calendarDate.safeParse(h.to).success || h.from <= h.to, { message: 'ends_before_start', path: ['to'] });

export const officeWeekSchema = z
  .object({
    timeZone: ianaTimeZone,
    workingDays: z
      .array(z.number().int().min(0).max(6))
      .max(7)
      .transform((days) => [...new Set(days)].sort((a, b) => a - b)),
    shifts: z.array(shiftSchema).max(6).superRefine((shifts, ctx) => {
      for (const index of overlappingShifts(shifts)) ctx.addIssue({ code: 'custom', message: 'overlapping_shifts', path: [index, 'start'] });
    }),
    holidays: z.array(officeHolidaySchema).max(200),
    /** How soon a customer should hear back, counted in minutes. */
    responseTargetMinutes: z.number().int().min(1).max(10_080),
  })
  .strict();

export const officeDisplaySchema = z.object({ digits: z.enum(officeDigits), calendar: z.enum(officeCalendars) }).strict();

/** Any of the page's sections; a section left out is left as it is. */
export const officeUpdateInput = z
  .object({ profile: officeProfileSchema.optional(), hours: officeWeekSchema.optional(), display: officeDisplaySchema.optional() })
  .strict();
