import type { CalendarSpan } from '../../../../shared/viewings/types';

export type CalendarKeyAction =
  | { kind: 'focusDay'; days: number }
  | { kind: 'openDay' }
  | { kind: 'moveViewing'; days: number; minutes: number }
  | null;

/**
 * The calendar's keys. Arrows move focus between days as they lie on screen: in Arabic (right
 * to left) ArrowLeft is the next day; Up and Down a week in the week and month grids. With
 * Shift on a viewing they move the viewing itself: a day sideways, half an hour up or down.
 */
export function calendarKey(key: string, options: { shift: boolean; onViewing: boolean; rtl: boolean; span: CalendarSpan }): CalendarKeyAction {
  const forward = options.rtl ? 'ArrowLeft' : 'ArrowRight';
  const back = options.rtl ? 'ArrowRight' : 'ArrowLeft';
  if (options.shift && options.onViewing) {
    if (key === forward) return { kind: 'moveViewing', days: 1, minutes: 0 };
    if (key === back) return { kind: 'moveViewing', days: -1, minutes: 0 };
    if (key === 'ArrowDown') return { kind: 'moveViewing', days: 0, minutes: 30 };
    if (key === 'ArrowUp') return { kind: 'moveViewing', days: 0, minutes: -30 };
    return null;
  }
  if (options.shift) return null;
  if (key === forward) return { kind: 'focusDay', days: 1 };
  if (key === back) return { kind: 'focusDay', days: -1 };
  if (key === 'ArrowDown') return { kind: 'focusDay', days: options.span === 'day' ? 1 : 7 };
  if (key === 'ArrowUp') return { kind: 'focusDay', days: options.span === 'day' ? -1 : -7 };
  if (key === 'Enter' && !options.onViewing) return { kind: 'openDay' };
  return null;
}
