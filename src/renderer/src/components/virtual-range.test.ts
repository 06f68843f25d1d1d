import { describe, expect, it } from 'vitest';
import { visibleRange } from './virtual-range';

describe('a virtual list renders only what can be seen', () => {
  it('renders the first screenful and the overscan at the top', () => {
    expect(visibleRange(0, 400, 80, 100_000, 3)).toEqual({ start: 0, end: 9 });
  });

  it('follows the scroll position, whatever the list length', () => {
    expect(visibleRange(80 * 50_000, 400, 80, 100_000, 3)).toEqual({ start: 49_997, end: 50_009 });
  });

  it('stops at the end of the list', () => {
    expect(visibleRange(80 * 98, 400, 80, 100, 3)).toEqual({ start: 95, end: 100 });
    expect(visibleRange(0, 400, 80, 0, 3)).toEqual({ start: 0, end: 0 });
  });
});
