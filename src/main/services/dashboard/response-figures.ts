import type { ResponseFigures } from '../../../shared/dashboard/types';
import type { Reply } from './range-figures';

/** Nearest-rank percentile of sorted values: the value at or below which p% of them lie. */
export function percentile(sorted: ArrayLike<number>, p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * Median, p90 and the seed's average (whole seconds) of some episodes' first responses. A year
 * holds tens of thousands: the waits are sorted as typed arrays (a numeric sort without a
 * comparator call per step).
 */
export function responseFigures(replies: readonly Reply[]): ResponseFigures {
  const wall = new Float64Array(replies.length);
  const office = new Float64Array(replies.length);
  let sum = 0;
  for (let i = 0; i < replies.length; i++) {
    const [, wallMs, officeMs] = replies[i]!;
    wall[i] = wallMs;
    office[i] = officeMs;
    sum += wallMs;
  }
  wall.sort();
  office.sort();
  return {
    answered: replies.length,
    medianMs: percentile(wall, 50),
    p90Ms: percentile(wall, 90),
    officeMedianMs: percentile(office, 50),
    officeP90Ms: percentile(office, 90),
    avgResponseTime: replies.length === 0 ? null : Math.round(sum / replies.length / 1000),
  };
}
