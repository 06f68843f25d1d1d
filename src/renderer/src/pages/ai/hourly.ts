import type { AiStats } from '../../../../shared/ai/types';

/** Every hour 0–23 of the office's day: the stats list only the hours with replies. */
export function fullDay(hourly: AiStats['hourlyDistribution']): { hour: number; count: number }[] {
  const counts = new Map(hourly.map((h) => [h.hour, h.count]));
  return Array.from({ length: 24 }, (_, hour) => ({ hour, count: counts.get(hour) ?? 0 }));
}
