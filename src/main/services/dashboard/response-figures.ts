import type { ResponseFigures } from '../../../shared/dashboard/types';

/** Nearest-rank percentile of sorted values: the value at or below which p% of them lie. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Median, p90 and the seed's average (whole seconds) of some episodes' first responses. */
export function responseFigures(replies: readonly { wallMs: number; officeMs: number }[]): ResponseFigures {
  const wall = replies.map((r) => r.wallMs).sort((a, b) => a - b);
  const office = replies.map((r) => r.officeMs).sort((a, b) => a - b);
  return {
    answered: replies.length,
    medianMs: percentile(wall, 50),
    p90Ms: percentile(wall, 90),
    officeMedianMs: percentile(office, 50),
    officeP90Ms: percentile(office, 90),
    avgResponseTime: wall.length === 0 ? null : Math.round(wall.reduce((sum, ms) => sum + ms, 0) / wall.length / 1000),
  };
}
