import { useFieldArray, useWatch } from 'react-hook-form';
import { Icon } from '../../components/icons';
import { FormTextField } from '../../forms/FormFields';
import { useOfficeFormat } from '../../format/use-office-format';
import { useT } from '../../i18n/use-t';
import type { OfficeForm } from './office-form';

const isDay = (value: string | undefined): value is string => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);

/** Days the office stays closed: a row per holiday (from, to, name), one day or a range, e.g. both Eids. */
export function HolidayRows({ form }: { form: OfficeForm }) {
  const t = useT();
  const office = useOfficeFormat();
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'hours.holidays' });
  const holidays = (useWatch({ control: form.control, name: 'hours.holidays' }) ?? []) as { from: string; to: string; name: string }[];
  return (
    <fieldset className="field office-rows" data-testid="office-holidays">
      <legend className="field-label">{t('office.field.hours.holidays')}</legend>
      {fields.length === 0 ? <p className="muted">{t('office.noHolidays')}</p> : null}
      {fields.map((row, index) => {
        const holiday = holidays[index];
        // The picked day written out the office's way (Hijri too when chosen): the picker itself follows the computer.
        const dayHint = (value: string | undefined) => (isDay(value) ? office.formatDay(value) : undefined);
        return (
          <div key={row.id} className="office-row office-holiday" role="group" aria-label={t('office.holiday.label', { n: index + 1 })} data-testid={`office-holiday-${index}`}>
            <FormTextField form={form} name={`hours.holidays.${index}.from`} type="date" label={t('office.holiday.from')} hint={dayHint(holiday?.from)} testId={`office-holiday-${index}-from`} />
            <FormTextField form={form} name={`hours.holidays.${index}.to`} type="date" label={t('office.holiday.to')} hint={dayHint(holiday?.to)} testId={`office-holiday-${index}-to`} />
            <FormTextField form={form} name={`hours.holidays.${index}.name`} label={t('office.holiday.name')} testId={`office-holiday-${index}-name`} />
            <button type="button" className="button button-ghost office-row-remove" onClick={() => remove(index)} aria-label={t('office.holiday.remove', { n: index + 1 })} title={t('office.holiday.remove', { n: index + 1 })} data-testid={`office-holiday-${index}-remove`}>
              <Icon name="trash" />
            </button>
          </div>
        );
      })}
      <button type="button" className="button button-secondary office-row-add" onClick={() => append({ from: '', to: '', name: '' })} data-testid="office-holiday-add">
        <Icon name="plus" />
        <span>{t('office.holiday.add')}</span>
      </button>
    </fieldset>
  );
}
