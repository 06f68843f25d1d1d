import type { ReactNode } from 'react';
import type { Range } from '../format/highlight';

/** A text with the search's matches wrapped in <mark>; ranges are [start, end) in the text. */
export function Highlighted({ text, ranges }: { text: string; ranges: readonly Range[] }): ReactNode {
  if (ranges.length === 0) return text;
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(
      <mark key={start} className="search-mark">
        {text.slice(start, end)}
      </mark>,
    );
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
