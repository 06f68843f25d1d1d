import type { CalendarDay, ViewingView } from '../../../../shared/viewings/types';
import { minutesOf } from './calendar-dates';

/** The hours a time grid shows: the office's shifts and every viewing in view, an hour either side, on whole hours. */
export function hourRange(days: readonly CalendarDay[], viewings: readonly ViewingView[]): { first: number; last: number } {
  let first = 24 * 60;
  let last = 0;
  for (const day of days) {
    for (const o of day.openings) {
      first = Math.min(first, o.start);
      last = Math.max(last, Math.min(o.end, 24 * 60));
    }
  }
  for (const v of viewings) {
    const start = minutesOf(v.officeTime);
    first = Math.min(first, start);
    last = Math.max(last, Math.min(start + v.durationMinutes, 24 * 60));
  }
  if (first >= last) return { first: 8 * 60, last: 22 * 60 };
  return { first: Math.max(0, Math.floor(first / 60) * 60 - 60), last: Math.min(24 * 60, Math.ceil(last / 60) * 60 + 60) };
}

export interface Placed {
  viewing: ViewingView;
  /** Minutes from the day's midnight. */
  start: number;
  end: number;
  lane: number;
  /** Lanes of the cluster of overlapping viewings it belongs to. */
  lanes: number;
}

/**
 * Side by side when they overlap: each viewing takes the first lane free at its start, and a
 * cluster of overlapping viewings shares its widest lane count. Beyond `maxLanes` they are
 * counted, not drawn (the day view shows more).
 */
export function placeInLanes(viewings: readonly ViewingView[], maxLanes: number): { placed: Placed[]; hidden: number } {
  const sorted = [...viewings].sort((a, b) => a.start.localeCompare(b.start) || a.id - b.id);
  const placed: Placed[] = [];
  let hidden = 0;
  let cluster: Placed[] = [];
  let clusterEnd = -1;
  let laneEnds: number[] = [];
  const closeCluster = () => {
    const lanes = Math.max(1, ...cluster.map((p) => p.lane + 1));
    for (const p of cluster) p.lanes = lanes;
    cluster = [];
    laneEnds = [];
  };
  for (const viewing of sorted) {
    const start = minutesOf(viewing.officeTime);
    const end = start + viewing.durationMinutes;
    if (start >= clusterEnd) closeCluster();
    let lane = laneEnds.findIndex((laneEnd) => laneEnd <= start);
    if (lane === -1) lane = laneEnds.length;
    if (lane >= maxLanes) {
      hidden++;
      continue;
    }
    laneEnds[lane] = end;
    const item = { viewing, start, end, lane, lanes: 1 };
    cluster.push(item);
    placed.push(item);
    clusterEnd = Math.max(clusterEnd, end);
  }
  closeCluster();
  return { placed, hidden };
}

/** A drop's height in a day column as a time of day, on the quarter hour. */
export function minuteAt(offsetY: number, columnHeight: number, range: { first: number; last: number }): number {
  const raw = range.first + (offsetY / columnHeight) * (range.last - range.first);
  return Math.max(range.first, Math.min(range.last - 15, Math.round(raw / 15) * 15));
}
