import { calendarSpans, type CalendarSpan, type CalendarView, type ViewingAgent } from '../../../../shared/viewings/types';
import { SelectField } from '../../components/SelectField';
import type { Language } from '../../i18n/dictionary';
import { useT } from '../../i18n/use-t';
import { formatMonth, formatOfficeDate } from './calendar-dates';

/** The range's heading: the day, the week's first and last days, or the month — each with its Hijri dates. */
function rangeHeading(view: CalendarView, language: Language): string {
  if (view.span === 'day') return formatOfficeDate(view.anchor, language).text;
  if (view.span === 'month') return formatMonth(view.anchor, language);
  const from = formatOfficeDate(view.from, language, undefined, 'short');
  const to = formatOfficeDate(view.to, language, 'both', 'medium');
  return `${from.gregorian} – ${to.gregorian} · ${from.hijri} – ${to.hijri}`;
}

export function CalendarToolbar({
  view,
  language,
  span,
  agents,
  agentId,
  onSpan,
  onStep,
  onToday,
  onAgent,
}: {
  view: CalendarView | undefined;
  language: Language;
  span: CalendarSpan;
  agents: ViewingAgent[];
  agentId: number | null;
  onSpan(span: CalendarSpan): void;
  onStep(direction: 1 | -1): void;
  onToday(): void;
  onAgent(id: number | null): void;
}) {
  const t = useT();
  return (
    <div className="calendar-toolbar">
      <div className="segmented" role="group" aria-label={t('calendar.spanLabel')}>
        {calendarSpans.map((s) => (
          <button key={s} type="button" className={s === span ? 'segmented-button is-active' : 'segmented-button'} aria-pressed={s === span} onClick={() => onSpan(s)} data-testid={`calendar-span-${s}`}>
            {t(`calendar.span.${s}`)}
          </button>
        ))}
      </div>
      <div className="calendar-step">
        {/* Previous sits on the start side: the right in Arabic, with its arrow pointing that way. */}
        <button type="button" className="button button-small button-ghost" onClick={() => onStep(-1)} aria-label={t('calendar.previous')} title={t('calendar.previous')} data-testid="calendar-previous">
          <span aria-hidden="true" className="icon-directional">‹</span>
        </button>
        <button type="button" className="button button-small button-secondary" onClick={onToday} data-testid="calendar-today">
          {t('calendar.today')}
        </button>
        <button type="button" className="button button-small button-ghost" onClick={() => onStep(1)} aria-label={t('calendar.next')} title={t('calendar.next')} data-testid="calendar-next">
          <span aria-hidden="true" className="icon-directional">›</span>
        </button>
      </div>
      <h2 className="calendar-range" aria-live="polite" data-testid="calendar-range">
        {view ? rangeHeading(view, language) : ''}
      </h2>
      <SelectField
        name="calendar-agent"
        label={t('calendar.agentLabel')}
        hideLabel
        value={agentId === null ? '' : String(agentId)}
        options={[{ value: '', label: t('calendar.allAgents') }, ...agents.map((a) => ({ value: String(a.id), label: a.name }))]}
        onChange={(value) => onAgent(value === '' ? null : Number(value))}
        testId="calendar-agent"
      />
    </div>
  );
}
