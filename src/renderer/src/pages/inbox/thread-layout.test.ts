import { describe, expect, it } from 'vitest';
import { layoutRows, rowAt, rowsInView } from './thread-layout';

describe('a thread laid out for windowed rendering', () => {
  const keys = Array.from({ length: 10_000 }, (_, i) => `m${i}`);
  const measured = new Map([['m0', 300], ['m1', 20]]);
  const layout = layoutRows(keys, measured, () => 50);

  it('places measured rows at their height and the rest at the estimate', () => {
    expect(layout.tops.slice(0, 4)).toEqual([0, 300, 320, 370]);
    expect(layout.total).toBe(300 + 20 + 9_998 * 50);
  });

  it('finds the row under a point and mounts only the rows in view', () => {
    expect(rowAt(layout, 0)).toBe(0);
    expect(rowAt(layout, 310)).toBe(1);
    expect(rowAt(layout, 320)).toBe(2);
    const bottom = layout.total - 800;
    const { start, end } = rowsInView(layout, bottom, 800, 400);
    expect(end).toBe(10_000);
    expect(end - start).toBeLessThan(30);
    expect(rowsInView(layoutRows([], new Map(), () => 50), 0, 800, 400)).toEqual({ start: 0, end: 0 });
  });
});
