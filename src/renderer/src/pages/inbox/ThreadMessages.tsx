import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { MessageView } from '../../../../shared/inbox/types';
import { officeDay } from '../../format/dates';
import { useOfficeFormat } from '../../format/use-office-format';
import { useT } from '../../i18n/use-t';
import type { PendingAnswer } from '../../stores/pending-answers';
import { useJumpStore } from './jump-store';
import { MessageBubble } from './MessageBubble';
import { PendingBubble } from './PendingBubble';
import { layoutRows, rowAt, rowsInView } from './thread-layout';

/** Within this distance of the bottom, a new message scrolls into view; further up, the reader is left alone. */
const stickToBottomPx = 120;
const loadOlderPx = 400;
/** Rows mounted beyond the viewport, above and below. */
const overscanPx = 800;
/** Space above the first row and below the last. */
const padTop = 12;
const padBottom = 16;
/** How long a message jumped to stays highlighted. */
const flashMs = 1600;

type Row =
  | { key: string; kind: 'edge' }
  | { key: string; kind: 'day'; iso: string }
  | { key: string; kind: 'message'; message: MessageView }
  | { key: string; kind: 'pending'; answer: PendingAnswer };

/** A message's office day, worked out once per message time: rows are rebuilt on every change of a long thread. */
const days = new Map<string, string>();
function dayOf(iso: string): string {
  let day = days.get(iso);
  if (day === undefined) {
    if (days.size > 50_000) days.clear();
    day = officeDay(iso);
    days.set(iso, day);
  }
  return day;
}

/** The thread as rows: the edge note on top, then each day's divider before its first message; answers still waiting for the desk last. */
function threadRows(messages: readonly MessageView[], pending: readonly PendingAnswer[]): Row[] {
  const rows: Row[] = [{ key: 'edge', kind: 'edge' }];
  let day = '';
  const dayBefore = (iso: string) => {
    const today = dayOf(iso);
    if (today !== day) rows.push({ key: `day-${today}`, kind: 'day', iso });
    day = today;
  };
  for (const message of messages) {
    dayBefore(message.createdAt);
    rows.push({ key: `m-${message.id}`, kind: 'message', message });
  }
  for (const answer of pending) {
    dayBefore(answer.createdAt);
    rows.push({ key: `p-${answer.clientId}`, kind: 'pending', answer });
  }
  return rows;
}

const noPending: readonly PendingAnswer[] = [];

const estimate = (key: string) => (key.startsWith('m-') || key.startsWith('p-') ? 64 : 36);

function DayDivider({ iso }: { iso: string }) {
  const t = useT();
  const office = useOfficeFormat();
  const today = office.officeDay(iso) === office.officeDay(new Date());
  return (
    <div className="day-divider" role="separator">
      <span>{today ? t('thread.today') : office.formatDate(iso)}</span>
    </div>
  );
}

/**
 * The messages of the open conversation, windowed: only the rows in view (and a screen more
 * either side) are mounted, each measured once shown, so a thread of 10,000 messages scrolls
 * and updates like one of fifty. The reader stays where they expect: at the bottom on open and
 * for new messages, at the same message when older ones load above or a photo above grows.
 */
export function ThreadMessages({
  messages,
  pending = noPending,
  hasOlder,
  loadingOlder,
  loadOlder,
}: {
  messages: MessageView[];
  /** Answers typed here that the desk has not confirmed yet. */
  pending?: readonly PendingAnswer[];
  hasOlder: boolean;
  loadingOlder: boolean;
  loadOlder(): void;
}) {
  const t = useT();
  const scroller = useRef<HTMLDivElement>(null);
  const heights = useRef(new Map<string, number>());
  const [measured, setMeasured] = useState(0);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(0);
  const atBottom = useRef(true);
  /** The first row in view and how far below the viewport's top it starts: kept in place across changes. */
  const anchor = useRef<{ key: string; delta: number } | null>(null);
  const lastShown = useRef<string | undefined>(undefined);

  const rows = useMemo(() => threadRows(messages, pending), [messages, pending]);
  const layout = useMemo(() => layoutRows(rows.map((r) => r.key), heights.current, estimate), [rows, measured]);
  // Few messages sit at the bottom, above the composer, as in WhatsApp.
  const offset = Math.max(padTop, viewport - layout.total - padBottom);
  const { start, end } = rowsInView(layout, scrollTop - offset, viewport, overscanPx);

  const remember = useCallback(() => {
    const element = scroller.current;
    if (!element) return;
    // A message, never the edge note or a day divider: older messages load in below those (a
    // day's divider moves up to its new first message), and the reader stays with what they read.
    let index = rowAt(layout, element.scrollTop - offset);
    while (index < rows.length - 1 && rows[index]!.kind !== 'message') index++;
    const row = rows[index];
    anchor.current = row ? { key: row.key, delta: layout.tops[index]! + offset - element.scrollTop } : null;
    atBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight < stickToBottomPx;
  }, [layout, offset, rows]);

  // After every change of rows or heights: stick to the bottom, or keep the anchor row in place.
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const newest = rows[rows.length - 1];
    const opened = lastShown.current === undefined;
    const ours = newest?.kind === 'pending' || (newest?.kind === 'message' && newest.message.sender !== 'customer');
    const arrived = newest?.key !== lastShown.current && (atBottom.current || ours);
    if (opened || arrived || atBottom.current) element.scrollTop = element.scrollHeight;
    else if (anchor.current) {
      const index = rows.findIndex((r) => r.key === anchor.current!.key);
      if (index >= 0) element.scrollTop = layout.tops[index]! + offset - anchor.current.delta;
    }
    lastShown.current = newest?.key;
    remember();
    setScrollTop(element.scrollTop);
  }, [layout, offset]);

  // A reply's original was asked for: load older pages until it is here, then centre it and highlight it.
  const jumpTarget = useJumpStore((state) => state.target);
  const [flash, setFlash] = useState<string | null>(null);
  useLayoutEffect(() => {
    const element = scroller.current;
    if (jumpTarget === null || !element) return;
    const index = rows.findIndex((r) => r.key === `m-${jumpTarget}`);
    if (index < 0) {
      if (!hasOlder) useJumpStore.getState().done();
      else if (!loadingOlder) loadOlder();
      return;
    }
    const key = rows[index]!.key;
    const height = heights.current.get(key) ?? estimate(key);
    element.scrollTop = Math.max(0, layout.tops[index]! + offset - (element.clientHeight - height) / 2);
    remember();
    setScrollTop(element.scrollTop);
    setFlash(key);
    useJumpStore.getState().done();
  }, [jumpTarget, rows, layout, offset, hasOlder, loadingOlder]);
  useEffect(() => {
    if (flash === null) return;
    const timer = setTimeout(() => setFlash(null), flashMs);
    return () => clearTimeout(timer);
  }, [flash]);
  // Another conversation: a pending jump belongs to the one left.
  useEffect(() => () => useJumpStore.getState().done(), []);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    setViewport(element.clientHeight);
    const observer = new ResizeObserver(() => setViewport(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // Rows report their height when shown and when it changes (a photo loads, the language switches).
  const rowObserver = useMemo(
    () =>
      new ResizeObserver((entries) => {
        let changed = false;
        for (const entry of entries) {
          const key = (entry.target as HTMLElement).dataset.rowKey;
          const height = (entry.target as HTMLElement).offsetHeight;
          if (key && height > 0 && heights.current.get(key) !== height) {
            heights.current.set(key, height);
            changed = true;
          }
        }
        if (changed) setMeasured((n) => n + 1);
      }),
    [],
  );
  useEffect(() => () => rowObserver.disconnect(), [rowObserver]);
  const observe = useCallback(
    (element: HTMLDivElement | null) => {
      if (element) rowObserver.observe(element);
    },
    [rowObserver],
  );

  function onScroll() {
    const element = scroller.current;
    if (!element) return;
    remember();
    setScrollTop(element.scrollTop);
    if (element.scrollTop < loadOlderPx && hasOlder && !loadingOlder) loadOlder();
  }

  function render(row: Row): ReactNode {
    if (row.kind === 'message') return <MessageBubble message={row.message} />;
    if (row.kind === 'pending') return <PendingBubble answer={row.answer} />;
    if (row.kind === 'day') return <DayDivider iso={row.iso} />;
    return <p className="thread-edge muted">{hasOlder ? (loadingOlder ? t('thread.loadingOlder') : '\u00a0') : t('thread.start')}</p>;
  }

  return (
    <div className="thread-scroll" ref={scroller} onScroll={onScroll} data-testid="thread-messages" data-loaded-count={messages.length}>
      <div className="thread-window" style={{ blockSize: offset + layout.total + padBottom }}>
        {rows.slice(start, end).map((row, i) => (
          <div key={row.key} ref={observe} data-row-key={row.key} className={row.key === flash ? 'thread-row is-flashing' : 'thread-row'} style={{ insetBlockStart: layout.tops[start + i]! + offset }}>
            {render(row)}
          </div>
        ))}
      </div>
    </div>
  );
}
