import { useT } from '../../i18n/use-t';
import { plural } from '../../i18n/plural';
import { formatOfficeDate, weekdayName } from './calendar-dates';
import { allowViewingDrop, byDay, dayClasses, droppedViewing, type CalendarGridProps } from './calendar-grid-props';
import { ViewingChip } from './ViewingChip';

const shownPerDay = 3;

/** The month view: whole weeks from Sunday, each day with its Hijri date, holidays and weekend shaded, a few viewings and a count of the rest. */
export function MonthGrid(props: CalendarGridProps) {
  const { view, language, focusedDay } = props;
  const t = useT();
  const shown = byDay(view, props.pending);
  const month = view.anchor.slice(0, 7);
  const weeks: (typeof view.days)[] = [];
  for (let i = 0; i < view.days.length; i += 7) weeks.push(view.days.slice(i, i + 7));

  return (
    <div className="month-grid" role="grid" aria-label={t('calendar.grid')}>
      <div className="month-row month-head" role="row">
        {weeks[0]?.map((day) => (
          <div key={day.weekday} className="month-weekday" role="columnheader">
            {weekdayName(day.weekday, language, 'long')}
          </div>
        ))}
      </div>
      {weeks.map((week) => (
        <div key={week[0]!.date} className="month-row" role="row">
          {week.map((day) => {
            const focused = day.date === focusedDay;
            const viewings = shown.get(day.date) ?? [];
            const date = formatOfficeDate(day.date, language, undefined, 'short');
            return (
              <div
                key={day.date}
                className={`month-cell ${dayClasses(day, view, focused)} ${day.date.startsWith(month) ? '' : 'is-other-month'}`}
                role="gridcell"
                tabIndex={focused ? 0 : -1}
                aria-label={`${formatOfficeDate(day.date, language).text}، ${plural(t, language, 'calendar.viewingCount', viewings.length)}`}
                data-day={day.date}
                data-testid={`calendar-day-${day.date}`}
                onFocus={(event) => event.target === event.currentTarget && props.onFocusDay(day.date)}
                onKeyDown={(event) => event.target === event.currentTarget && props.onDayKey(event, day.date)}
                onDoubleClick={() => props.onOpenDay(day.date)}
                onDragOver={allowViewingDrop}
                onDrop={(event) => {
                  const id = droppedViewing(event);
                  if (id === null) return;
                  event.preventDefault();
                  props.onDropViewing(id, day.date, null);
                }}
              >
                <div className="month-cell-head">
                  <span className="month-cell-day">{date.gregorian}</span>
                  <span className="month-cell-hijri" data-testid={`calendar-hijri-${day.date}`}>
                    {date.hijri}
                  </span>
                </div>
                {day.holiday !== null ? <span className="day-head-holiday">{day.holiday ? t('calendar.holiday', { name: day.holiday }) : t('calendar.holidayUnnamed')}</span> : null}
                {viewings.slice(0, shownPerDay).map((viewing) => (
                  <ViewingChip key={viewing.id} viewing={viewing} movable={props.canMove(viewing)} onOpen={props.onOpenViewing} onKeyDown={props.onViewingKey} />
                ))}
                {viewings.length > shownPerDay ? (
                  <button type="button" className="calendar-more" onClick={() => props.onOpenDay(day.date)} data-testid={`calendar-more-${day.date}`}>
                    {t('calendar.more', { count: viewings.length - shownPerDay })}
                  </button>
                ) : null}
              </div>
            );
          })}
        </div>
      ))}
    </div>
  );
}
