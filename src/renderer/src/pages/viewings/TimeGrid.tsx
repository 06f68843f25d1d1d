import { useRef } from 'react';
import { useT } from '../../i18n/use-t';
import { plural } from '../../i18n/plural';
import { clockText, formatOfficeDate, weekdayName } from './calendar-dates';
import { allowViewingDrop, byDay, dayClasses, droppedViewing, type CalendarGridProps } from './calendar-grid-props';
import { hourRange, minuteAt, placeInLanes } from './calendar-layout';
import { ViewingChip } from './ViewingChip';

const hourHeight = 52;

/** The day and week views: a column per day (Sunday on the start side), the office's hours lit, viewings placed by time. */
export function TimeGrid(props: CalendarGridProps) {
  const { view, language, focusedDay } = props;
  const t = useT();
  const shown = byDay(view, props.pending);
  const range = hourRange(view.days, [...shown.values()].flat());
  const height = ((range.last - range.first) / 60) * hourHeight;
  const maxLanes = view.span === 'day' ? 12 : 4;
  const columns = useRef(new Map<string, HTMLDivElement>());
  const hours: number[] = [];
  for (let m = range.first; m < range.last; m += 60) hours.push(m);

  return (
    <div className={`time-grid time-grid-${view.span}`} role="grid" aria-label={t('calendar.grid')} style={{ ['--days' as string]: view.days.length }}>
      <div className="time-grid-head" role="row">
        <div className="time-gutter" role="presentation" />
        {view.days.map((day) => {
          const date = formatOfficeDate(day.date, language, undefined, 'short');
          const count = shown.get(day.date)?.length ?? 0;
          return (
            <div key={day.date} className={`time-grid-day-head ${dayClasses(day, view, false)}`} role="columnheader" data-testid={`calendar-head-${day.date}`}>
              <span className="day-head-weekday">{weekdayName(day.weekday, language, view.span === 'day' ? 'long' : 'short')}</span>
              <span className="day-head-date">{date.gregorian}</span>
              <span className="day-head-hijri" data-testid={`calendar-hijri-${day.date}`}>
                {date.hijri}
              </span>
              {day.holiday !== null ? <span className="day-head-holiday">{day.holiday ? t('calendar.holiday', { name: day.holiday }) : t('calendar.holidayUnnamed')}</span> : null}
              <span className="visually-hidden">{plural(t, language, 'calendar.viewingCount', count)}</span>
            </div>
          );
        })}
      </div>
      <div className="time-grid-body" role="row" style={{ height }}>
        <div className="time-gutter" role="presentation">
          {hours.map((m) => (
            <span key={m} className="time-gutter-hour" style={{ insetBlockStart: ((m - range.first) / 60) * hourHeight }}>
              <bdi>{clockText(m)}</bdi>
            </span>
          ))}
        </div>
        {view.days.map((day) => {
          const focused = day.date === focusedDay;
          const { placed, hidden } = placeInLanes(shown.get(day.date) ?? [], maxLanes);
          const dateLabel = formatOfficeDate(day.date, language).text;
          const hoursLabel = day.openings.length > 0 ? t('calendar.officeHours', { hours: day.openings.map((o) => `${clockText(o.start)}–${clockText(o.end)}`).join('، ') }) : t('calendar.closed');
          return (
            <div
              key={day.date}
              ref={(element) => {
                if (element) columns.current.set(day.date, element);
                else columns.current.delete(day.date);
              }}
              className={`time-grid-column ${dayClasses(day, view, focused)}`}
              role="gridcell"
              tabIndex={focused ? 0 : -1}
              aria-label={`${dateLabel}، ${plural(t, language, 'calendar.viewingCount', shown.get(day.date)?.length ?? 0)}، ${hoursLabel}`}
              data-day={day.date}
              data-testid={`calendar-day-${day.date}`}
              onFocus={(event) => event.target === event.currentTarget && props.onFocusDay(day.date)}
              onKeyDown={(event) => event.target === event.currentTarget && props.onDayKey(event, day.date)}
              onDragOver={allowViewingDrop}
              onDrop={(event) => {
                const id = droppedViewing(event);
                if (id === null) return;
                event.preventDefault();
                const rect = event.currentTarget.getBoundingClientRect();
                props.onDropViewing(id, day.date, clockText(minuteAt(event.clientY - rect.top, rect.height, range)));
              }}
            >
              {day.openings.map((o) => (
                <div
                  key={o.start}
                  className="office-hours-block"
                  aria-hidden="true"
                  style={{ insetBlockStart: ((Math.max(o.start, range.first) - range.first) / 60) * hourHeight, blockSize: ((Math.min(o.end, range.last) - Math.max(o.start, range.first)) / 60) * hourHeight }}
                />
              ))}
              {hours.map((m) => (
                <div key={m} className="hour-line" aria-hidden="true" style={{ insetBlockStart: ((m - range.first) / 60) * hourHeight }} />
              ))}
              {placed.map((p) => (
                <ViewingChip
                  key={p.viewing.id}
                  viewing={p.viewing}
                  movable={props.canMove(p.viewing)}
                  onOpen={props.onOpenViewing}
                  onKeyDown={props.onViewingKey}
                  style={{
                    insetBlockStart: ((p.start - range.first) / 60) * hourHeight,
                    blockSize: Math.max(22, ((p.end - p.start) / 60) * hourHeight - 2),
                    insetInlineStart: `calc(${(p.lane / p.lanes) * 100}% + 2px)`,
                    inlineSize: `calc(${100 / p.lanes}% - 4px)`,
                  }}
                />
              ))}
              {hidden > 0 ? (
                <button type="button" className="calendar-more" onClick={() => props.onOpenDay(day.date)} data-testid={`calendar-more-${day.date}`}>
                  {t('calendar.more', { count: hidden })}
                </button>
              ) : null}
            </div>
          );
        })}
      </div>
    </div>
  );
}
