import { useCallback, useEffect, useState, type KeyboardEvent } from 'react';
import type { PublicUser } from '../../../../shared/users/types';
import type { CalendarSpan, ViewingView } from '../../../../shared/viewings/types';
import { call } from '../../api/client';
import { Alert } from '../../components/Alert';
import { PageHeader } from '../../components/PageHeader';
import { useQuery } from '../../hooks/use-query';
import { describeError } from '../../i18n/errors';
import { useLanguageStore } from '../../i18n/language-store';
import { useT } from '../../i18n/use-t';
import { addDays, addMonths, clockText, minutesOf } from './calendar-dates';
import { calendarKey } from './calendar-keys';
import { CalendarToolbar } from './CalendarToolbar';
import { MonthGrid } from './MonthGrid';
import { TimeGrid } from './TimeGrid';
import { useMoveViewing } from './use-move-viewing';
import { useCalendar } from './use-viewings';
import { canManageViewing } from './ViewingActions';
import { ViewingDetailsDialog } from './ViewingDetailsDialog';

type KeyboardTarget = { kind: 'day'; date: string } | { kind: 'viewing'; id: number } | null;

/**
 * #/calendar: the office's viewings by day, week (Sunday first) or month, everyone's or one
 * agent's, in the office's zone with Hijri dates. Drag a viewing (or Shift+arrows) to move it;
 * the core checks the move as it checks a booking.
 */
export function CalendarPage({ user }: { user: PublicUser }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const [span, setSpan] = useState<CalendarSpan>('week');
  const [anchor, setAnchor] = useState<string | undefined>(undefined);
  const [agentId, setAgentId] = useState<number | null>(null);
  const calendar = useCalendar(span, anchor, agentId);
  const view = calendar.data;
  const agents = useQuery(() => call('viewings.agents', {}));
  const [focusedDay, setFocusedDay] = useState<string | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);
  const [keyboard, setKeyboard] = useState<KeyboardTarget>(null);
  const { pending, notice, move } = useMoveViewing(calendar.reload);

  const inView = (date: string) => view !== undefined && date >= view.from && date <= view.to;
  const focus = focusedDay !== null && inView(focusedDay) ? focusedDay : view ? (inView(view.today) ? view.today : view.anchor) : '';

  // After a key moved focus (or a viewing), put the browser's focus there once it is drawn.
  useEffect(() => {
    if (!keyboard) return;
    const selector = keyboard.kind === 'day' ? `[data-day="${keyboard.date}"]` : `[data-viewing-id="${keyboard.id}"]`;
    const element = document.querySelector<HTMLElement>(selector);
    if (element && document.activeElement !== element) element.focus();
  }, [keyboard, view, pending]);

  const goTo = useCallback(
    (date: string) => {
      setFocusedDay(date);
      if (!inView(date)) setAnchor(date);
    },
    [view],
  );

  const onDayKey = (event: KeyboardEvent<HTMLElement>, date: string) => {
    const action = calendarKey(event.key, { shift: event.shiftKey, onViewing: false, rtl: language === 'ar', span });
    if (!action) return;
    event.preventDefault();
    if (action.kind === 'focusDay') {
      const next = addDays(date, action.days);
      goTo(next);
      setKeyboard({ kind: 'day', date: next });
    } else if (action.kind === 'openDay') {
      openDay(date);
    }
  };

  const onViewingKey = (event: KeyboardEvent<HTMLButtonElement>, viewing: ViewingView) => {
    const action = calendarKey(event.key, { shift: event.shiftKey, onViewing: true, rtl: language === 'ar', span });
    if (!action || action.kind !== 'moveViewing' || !canManageViewing(user, viewing)) return;
    event.preventDefault();
    const minutes = Math.min(24 * 60 - 15, Math.max(0, minutesOf(viewing.officeTime) + action.minutes));
    const date = addDays(viewing.officeDate, action.days);
    setKeyboard({ kind: 'viewing', id: viewing.id });
    if (!inView(date)) setAnchor(date);
    void move(viewing, date, clockText(minutes));
  };

  function openDay(date: string) {
    setSpan('day');
    setAnchor(date);
    setFocusedDay(date);
    setKeyboard({ kind: 'day', date });
  }

  function step(direction: 1 | -1) {
    const from = anchor ?? view?.anchor;
    if (!from) return;
    setAnchor(span === 'month' ? addMonths(from, direction) : addDays(from, span === 'week' ? 7 * direction : direction));
  }

  const onDropViewing = (id: number, date: string, time: string | null) => {
    const viewing = view?.viewings.find((v) => v.id === id);
    if (!viewing || !canManageViewing(user, viewing)) return;
    void move(viewing, date, time ?? viewing.officeTime);
  };

  const opened = openId === null ? null : (view?.viewings.find((v) => v.id === openId) ?? null);
  const grid = view
    ? {
        view,
        language,
        focusedDay: focus,
        pending,
        canMove: (viewing: ViewingView) => canManageViewing(user, viewing) && (viewing.status === 'tentative' || viewing.status === 'confirmed'),
        onFocusDay: setFocusedDay,
        onDayKey,
        onOpenDay: openDay,
        onOpenViewing: (viewing: ViewingView) => setOpenId(viewing.id),
        onViewingKey,
        onDropViewing,
      }
    : null;

  return (
    <div className="page calendar-page" data-testid="calendar-page">
      <PageHeader title={t('calendar.title')} intro={t('calendar.intro')} />
      <CalendarToolbar
        view={view}
        language={language}
        span={span}
        agents={agents.data ?? []}
        agentId={agentId}
        onSpan={(next) => {
          setSpan(next);
          setAnchor(focus || anchor);
        }}
        onStep={step}
        onToday={() => {
          setAnchor(undefined);
          setFocusedDay(null);
        }}
        onAgent={setAgentId}
      />
      <div className="calendar-status" role="status" aria-live="polite" data-testid="calendar-status">
        {notice ? <Alert tone={notice.tone} testId={`calendar-notice-${notice.tone}`}>{notice.text}</Alert> : null}
      </div>
      {calendar.error ? <Alert tone="error" testId="calendar-error">{describeError(t, calendar.error).formMessage ?? t('viewings.loadFailed')}</Alert> : null}
      {view ? (
        <p className="calendar-hint">
          <span>{t('calendar.timeZone', { zone: view.timeZone })}</span>
          <span>{t('viewings.moveHint')}</span>
        </p>
      ) : null}
      {grid ? span === 'month' ? <MonthGrid {...grid} /> : <TimeGrid {...grid} /> : null}
      {opened && view ? <ViewingDetailsDialog viewing={opened} timeZone={view.timeZone} user={user} onClose={() => setOpenId(null)} /> : null}
    </div>
  );
}
