import { useFieldArray, useWatch } from 'react-hook-form';
import { Icon } from '../../components/icons';
import { FormTextField } from '../../forms/FormFields';
import { useT } from '../../i18n/use-t';
import type { OfficeForm } from './office-form';

/** At most this many shifts a day (the schema's limit). */
const maxShifts = 6;

/** The day's opening hours: a row per shift (from, to), added and removed; a shift ending before it starts runs past midnight. */
export function ShiftRows({ form }: { form: OfficeForm }) {
  const t = useT();
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'hours.shifts' });
  const shifts = (useWatch({ control: form.control, name: 'hours.shifts' }) ?? []) as { start: string; end: string }[];
  return (
    <fieldset className="field office-rows" data-testid="office-shifts">
      <legend className="field-label">{t('office.field.hours.shifts')}</legend>
      <p className="field-hint">{t('office.shiftsHint')}</p>
      {fields.length === 0 ? <p className="muted">{t('office.noShifts')}</p> : null}
      {fields.map((row, index) => {
        const shift = shifts[index];
        const overnight = Boolean(shift && /^\d\d:\d\d$/.test(shift.start) && /^\d\d:\d\d$/.test(shift.end) && shift.end < shift.start);
        return (
          <div key={row.id} className="office-row" role="group" aria-label={t('office.shift.label', { n: index + 1 })} data-testid={`office-shift-${index}`}>
            <FormTextField form={form} name={`hours.shifts.${index}.start`} type="time" label={t('office.shift.start')} testId={`office-shift-${index}-start`} />
            <FormTextField
              form={form}
              name={`hours.shifts.${index}.end`}
              type="time"
              label={t('office.shift.end')}
              hint={overnight ? t('office.shift.overnight') : undefined}
              testId={`office-shift-${index}-end`}
            />
            <button type="button" className="button button-ghost office-row-remove" onClick={() => remove(index)} aria-label={t('office.shift.remove', { n: index + 1 })} title={t('office.shift.remove', { n: index + 1 })} data-testid={`office-shift-${index}-remove`}>
              <Icon name="trash" />
            </button>
          </div>
        );
      })}
      {fields.length < maxShifts ? (
        <button type="button" className="button button-secondary office-row-add" onClick={() => append({ start: '', end: '' })} data-testid="office-shift-add">
          <Icon name="plus" />
          <span>{t('office.shift.add')}</span>
        </button>
      ) : null}
    </fieldset>
  );
}
