import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { visibleRange } from './virtual-range';

interface VirtualListProps<T> {
  items: readonly T[];
  /** Every row has this height in pixels: positions are computed, never measured. */
  rowHeight: number;
  getKey(item: T): string | number;
  renderRow(item: T, index: number): ReactNode;
  /** Called when the rows near the end come into view (load the next page). */
  onEndReached?(): void;
  /** Shown after the last row, e.g. "Loading more…"; one row high. */
  footer?: ReactNode;
  label: string;
  testId: string;
  overscan?: number;
}

/**
 * A list that mounts only the rows in view, so 100,000 conversations cost as much as twenty.
 * Rows are absolutely placed with logical offsets, so the same code serves RTL and LTR.
 */
export function VirtualList<T>({ items, rowHeight, getKey, renderRow, onEndReached, footer, label, testId, overscan = 4 }: VirtualListProps<T>) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(0);

  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setViewport(element.clientHeight);
    const observer = new ResizeObserver(() => setViewport(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const { start, end } = visibleRange(scrollTop, viewport, rowHeight, items.length, overscan);
  const nearEnd = viewport > 0 && end >= items.length - overscan;

  const onEndRef = useRef(onEndReached);
  onEndRef.current = onEndReached;
  useEffect(() => {
    if (nearEnd) onEndRef.current?.();
  }, [nearEnd, items.length]);

  const rows: ReactNode[] = [];
  for (let index = start; index < end; index += 1) {
    const item = items[index]!;
    rows.push(
      <div
        key={getKey(item)}
        className="virtual-row"
        role="listitem"
        aria-setsize={items.length}
        aria-posinset={index + 1}
        style={{ insetBlockStart: index * rowHeight, blockSize: rowHeight }}
      >
        {renderRow(item, index)}
      </div>,
    );
  }

  return (
    <div ref={ref} className="virtual-list" onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)} data-testid={testId}>
      <div className="virtual-canvas" role="list" aria-label={label} style={{ blockSize: (items.length + (footer ? 1 : 0)) * rowHeight }}>
        {rows}
        {footer ? (
          <div className="virtual-row virtual-footer" style={{ insetBlockStart: items.length * rowHeight, blockSize: rowHeight }}>
            {footer}
          </div>
        ) : null}
      </div>
    </div>
  );
}
