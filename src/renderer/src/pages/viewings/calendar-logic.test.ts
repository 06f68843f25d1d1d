import { describe, expect, it } from 'vitest';
import type { ViewingView } from '../../../../shared/viewings/types';
import { calendarKey } from './calendar-keys';
import { hourRange, minuteAt, placeInLanes } from './calendar-layout';

const viewing = (id: number, time: string, durationMinutes = 60) =>
  ({ id, officeTime: time, durationMinutes, start: `2026-11-26T${time}:00.000Z` }) as ViewingView;

describe('the calendar grid', () => {
  it('puts overlapping viewings side by side and counts those past the lanes it can draw', () => {
    const { placed, hidden } = placeInLanes([viewing(1, '10:00'), viewing(2, '10:30'), viewing(3, '11:00'), viewing(4, '10:45'), viewing(5, '16:00')], 2);
    expect(placed.map((p) => [p.viewing.id, p.lane, p.lanes])).toEqual([
      [1, 0, 2],
      [2, 1, 2],
      [3, 0, 2],
      [5, 0, 1],
    ]);
    expect(hidden).toBe(1);
  });

  it('shows the office’s hours and every viewing, an hour either side, and reads a drop on the quarter hour', () => {
    const day = { date: '2026-11-26', weekday: 4, working: true, holiday: null, openings: [{ start: 540, end: 780 }, { start: 990, end: 1260 }] };
    expect(hourRange([day], [])).toEqual({ first: 480, last: 1320 });
    expect(hourRange([day], [viewing(1, '06:30')])).toEqual({ first: 300, last: 1320 });
    expect(minuteAt(300, 840, { first: 480, last: 1320 })).toBe(780);
    expect(minuteAt(-5, 840, { first: 480, last: 1320 })).toBe(480);
  });

  it('moves focus with the arrows as the days lie on screen, right to left in Arabic, and moves a viewing with Shift', () => {
    expect(calendarKey('ArrowLeft', { shift: false, onViewing: false, rtl: true, span: 'week' })).toEqual({ kind: 'focusDay', days: 1 });
    expect(calendarKey('ArrowLeft', { shift: false, onViewing: false, rtl: false, span: 'week' })).toEqual({ kind: 'focusDay', days: -1 });
    expect(calendarKey('ArrowDown', { shift: false, onViewing: false, rtl: true, span: 'month' })).toEqual({ kind: 'focusDay', days: 7 });
    expect(calendarKey('Enter', { shift: false, onViewing: false, rtl: true, span: 'month' })).toEqual({ kind: 'openDay' });
    expect(calendarKey('Enter', { shift: false, onViewing: true, rtl: true, span: 'month' })).toBeNull();
    expect(calendarKey('ArrowLeft', { shift: true, onViewing: true, rtl: true, span: 'week' })).toEqual({ kind: 'moveViewing', days: 1, minutes: 0 });
    expect(calendarKey('ArrowUp', { shift: true, onViewing: true, rtl: false, span: 'week' })).toEqual({ kind: 'moveViewing', days: 0, minutes: -30 });
  });
});
