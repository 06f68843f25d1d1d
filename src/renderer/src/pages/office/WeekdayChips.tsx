import { useMemo } from 'react';
import { useController } from 'react-hook-form';
import { weekdays } from '../../../../shared/calendar/office-hours';
import { useLanguageStore } from '../../i18n/language-store';
import type { OfficeForm } from './office-form';

/** 4 January 2026 was a Sunday: the office's week starts there. */
const sunday = Date.UTC(2026, 0, 4, 12);

/** Working days as chips, Sunday first, each a toggle button. */
export function WeekdayChips({ form, label }: { form: OfficeForm; label: string }) {
  const name = 'hours.workingDays';
  const error = form.errorOf(name);
  const language = useLanguageStore((state) => state.language);
  const { field } = useController({ control: form.control, name });
  const names = useMemo(() => {
    const format = new Intl.DateTimeFormat(language === 'ar' ? 'ar-SA' : 'en-GB', { weekday: 'long', timeZone: 'UTC' });
    return weekdays.map((day) => format.format(sunday + day * 86_400_000));
  }, [language]);
  const chosen = new Set((field.value as number[] | undefined) ?? []);
  const toggle = (day: number) => {
    const next = new Set(chosen);
    if (next.has(day)) next.delete(day);
    else next.add(day);
    field.onChange([...next].sort((a, b) => a - b));
  };
  return (
    <fieldset className="field office-days" aria-invalid={error ? true : undefined}>
      <legend className="field-label">{label}</legend>
      <div className="find-chips">
        {weekdays.map((day) => (
          <button key={day} type="button" className={chosen.has(day) ? 'chip is-on' : 'chip'} aria-pressed={chosen.has(day)} onClick={() => toggle(day)} data-testid={`office-day-${day}`}>
            {names[day]}
          </button>
        ))}
      </div>
      {error ? (
        <span className="field-error" data-testid={`field-error-${name}`}>
          {error}
        </span>
      ) : null}
    </fieldset>
  );
}
