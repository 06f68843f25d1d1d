import type { AiConfigView } from '../../../../shared/ai/types';
import type { OfficeCalendar } from '../../../calendar/office-calendar';
import { ZoneTime } from '../../../calendar/zone-time';

const zones = new Map<string, ZoneTime>();
const zoneOf = (name: string) => {
  let zone = zones.get(name);
  if (!zone) zones.set(name, (zone = new ZoneTime(name)));
  return zone;
};
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * Whether `now` is inside the hours the config names: its own start–end in its own zone (an end
 * before the start runs overnight), or, without them, the office calendar (shifts, days off,
 * holidays) in the office's zone. Never the process's zone.
 */
export function insideHours(config: Pick<AiConfigView, 'businessHours'>, calendar: OfficeCalendar, now: number): boolean {
  const { start, end, timezone } = config.businessHours;
  if (start === null || end === null) return calendar.isOpen(now);
  const minute = zoneOf(timezone).wall(now).minute;
  const from = minutesOf(start);
  const to = minutesOf(end);
  return from < to ? minute >= from && minute < to : minute >= from || minute < to;
}

/** Whether the AI may answer now, by the config's mode. */
export function answersNow(config: Pick<AiConfigView, 'businessHours' | 'hoursMode'>, calendar: OfficeCalendar, now: number): boolean {
  if (config.hoursMode === 'always') return true;
  const inside = insideHours(config, calendar, now);
  return config.hoursMode === 'inside' ? inside : !inside;
}
