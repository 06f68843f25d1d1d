/**
 * Where each row of a thread sits when only the rows in view are mounted. Rows have different
 * heights (a photo, a long message), so each is measured once shown and estimated until then.
 */
export interface ThreadLayout {
  /** Top of each row, and the total height after the last. */
  tops: number[];
  total: number;
}

export function layoutRows(keys: readonly string[], heights: ReadonlyMap<string, number>, estimate: (key: string) => number): ThreadLayout {
  const tops = new Array<number>(keys.length);
  let y = 0;
  for (let i = 0; i < keys.length; i++) {
    tops[i] = y;
    y += heights.get(keys[i]!) ?? estimate(keys[i]!);
  }
  return { tops, total: y };
}

/** The first row whose bottom is below `y` (binary search over the tops). */
export function rowAt(layout: ThreadLayout, y: number): number {
  let low = 0;
  let high = layout.tops.length - 1;
  if (high < 0) return 0;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (layout.tops[mid]! <= y) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The rows to mount for a viewport at `scrollTop`, with `overscanPx` more above and below. */
export function rowsInView(layout: ThreadLayout, scrollTop: number, viewport: number, overscanPx: number): { start: number; end: number } {
  const count = layout.tops.length;
  if (count === 0) return { start: 0, end: 0 };
  const start = rowAt(layout, Math.max(0, scrollTop - overscanPx));
  const end = Math.min(count, rowAt(layout, scrollTop + viewport + overscanPx) + 1);
  return { start, end };
}
