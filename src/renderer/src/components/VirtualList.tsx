import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
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
  /** When this key changes (the next conversation by keyboard), its row is scrolled into view. */
  revealKey?: string | number | null;
}

/**
 * A list that mounts only the rows in view, so 100,000 conversations cost as much as twenty.
 * Rows are absolutely placed with logical offsets, so the same code serves RTL and LTR.
 */
export function VirtualList<T>({ items, rowHeight, getKey, renderRow, onEndReached, footer, label, testId, overscan = 4, revealKey }: VirtualListProps<T>) {
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

  /** Scrolls just enough to show row `index`. */
  function reveal(index: number) {
    const element = ref.current;
    if (!element) return;
    const top = index * rowHeight;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + rowHeight > element.scrollTop + element.clientHeight) element.scrollTop = top + rowHeight - element.clientHeight;
    setScrollTop(element.scrollTop);
  }

  // Only a new key scrolls: a row that moves on its own (a live update) leaves the reader where they are.
  const itemsRef = useRef(items);
  itemsRef.current = items;
  useLayoutEffect(() => {
    if (revealKey === undefined || revealKey === null) return;
    const index = itemsRef.current.findIndex((item) => getKey(item) === revealKey);
    if (index >= 0) reveal(index);
  }, [revealKey]);

  /** Arrow keys, Home and End move between rows, mounting the next one first when it is out of view. */
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const element = ref.current;
    const row = (event.target as HTMLElement).closest<HTMLElement>('.virtual-row[aria-posinset]');
    // Modified arrows are the app's shortcuts (Alt+ArrowDown: next conversation), not row moves.
    if (!element || !row || event.altKey || event.ctrlKey || event.metaKey) return;
    const current = Number(row.getAttribute('aria-posinset')) - 1;
    const targets: Record<string, number> = { ArrowDown: current + 1, ArrowUp: current - 1, Home: 0, End: items.length - 1 };
    const target = targets[event.key];
    if (target === undefined || target < 0 || target >= items.length) return;
    event.preventDefault();
    reveal(target);
    requestAnimationFrame(() => {
      element.querySelector<HTMLElement>(`.virtual-row[aria-posinset="${target + 1}"] :is(button, a, [tabindex])`)?.focus();
    });
  }

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
    <div ref={ref} className="virtual-list" onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)} onKeyDown={onKeyDown} data-testid={testId}>
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
