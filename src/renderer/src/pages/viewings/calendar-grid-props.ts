import type { DragEvent, KeyboardEvent } from 'react';
import type { CalendarDay, CalendarView, ViewingView } from '../../../../shared/viewings/types';
import type { Language } from '../../i18n/dictionary';
import type { PendingMove } from './use-move-viewing';
import { placeOf } from './use-move-viewing';

/** What the day, week and month grids share with the page that holds their state. */
export interface CalendarGridProps {
  view: CalendarView;
  language: Language;
  focusedDay: string;
  pending: PendingMove | null;
  canMove(viewing: ViewingView): boolean;
  onFocusDay(date: string): void;
  onDayKey(event: KeyboardEvent<HTMLElement>, date: string): void;
  onOpenDay(date: string): void;
  onOpenViewing(viewing: ViewingView): void;
  onViewingKey(event: KeyboardEvent<HTMLButtonElement>, viewing: ViewingView): void;
  /** `time` null keeps the viewing's time (a drop on a month's day). */
  onDropViewing(id: number, date: string, time: string | null): void;
}

/** The viewings of each day as they show now (a move under way at its new place). */
export function byDay(view: CalendarView, pending: PendingMove | null): Map<string, ViewingView[]> {
  const days = new Map<string, ViewingView[]>(view.days.map((d) => [d.date, []]));
  for (const viewing of view.viewings) {
    const shown = placeOf(viewing, pending);
    days.get(shown.officeDate)?.push(shown);
  }
  return days;
}

/** A drag carrying a viewing may drop here. */
export function allowViewingDrop(event: DragEvent<HTMLElement>): void {
  if (event.dataTransfer.types.includes('application/x-meras-viewing')) {
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
  }
}

export function droppedViewing(event: DragEvent<HTMLElement>): number | null {
  const id = Number(event.dataTransfer.getData('application/x-meras-viewing'));
  return Number.isInteger(id) && id > 0 ? id : null;
}

export function dayClasses(day: CalendarDay, view: CalendarView, focused: boolean): string {
  return [
    'calendar-day',
    day.working ? '' : 'is-closed',
    day.weekday === 5 || day.weekday === 6 ? 'is-weekend' : '',
    day.holiday !== null ? 'is-holiday' : '',
    day.date === view.today ? 'is-today' : '',
    focused ? 'is-focused' : '',
  ]
    .filter(Boolean)
    .join(' ');
}
