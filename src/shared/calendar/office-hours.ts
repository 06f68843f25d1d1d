import { z } from 'zod';

/** Sunday = 0 … Saturday = 6, as `Date#getUTCDay` counts (the Saudi week starts on Sunday). */
export const weekdays = [0, 1, 2, 3, 4, 5, 6] as const;
export type Weekday = (typeof weekdays)[number];

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');
const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

/**
 * One opening of a working day. An end at or before the start runs past midnight
 * (16:30–01:00): the shift belongs to the day it starts on, holidays included.
 */
export const shiftSchema = z.object({ start: clockTime, end: clockTime }).refine((s) => s.start !== s.end, { message: 'empty shift', path: ['end'] });
export type Shift = z.infer<typeof shiftSchema>;

/** A day or an inclusive range of days the office stays closed (both Eids, National Day). */
export const holidaySchema = z
  .object({ from: calendarDate, to: calendarDate, name: z.string().trim().max(120).default('') })
  .refine((h) => h.from <= h.to, { message: 'ends before it starts', path: ['to'] });
export type Holiday = z.infer<typeof holidaySchema>;

export const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/** The office's week: its zone, working days, the same split shifts on each, and its holidays. */
export const officeHoursSchema = z.object({
  timeZone: z.string().refine(isTimeZone, 'unknown time zone'),
  workingDays: z.array(z.number().int().min(0).max(6)).max(7),
  shifts: z.array(shiftSchema).max(6),
  holidays: z.array(holidaySchema).max(200),
});
export type OfficeHours = z.infer<typeof officeHoursSchema>;

/** A Saudi office: Sunday–Thursday, 09:00–13:00 and 16:30–21:00, in Riyadh. */
export const defaultOfficeHours: OfficeHours = {
  timeZone: 'Asia/Riyadh',
  workingDays: [0, 1, 2, 3, 4],
  shifts: [
    { start: '09:00', end: '13:00' },
    { start: '16:30', end: '21:00' },
  ],
  holidays: [],
};
