import { useController } from 'react-hook-form';
import { officeUpdateInput } from '../../../../shared/office/schemas';
import type { OfficeWeek } from '../../../../shared/office/types';
import { call } from '../../api/client';
import { TextField } from '../../components/TextField';
import { useContractForm } from '../../forms/use-contract-form';
import { useT } from '../../i18n/use-t';
import { HolidayRows } from './HolidayRows';
import type { OfficeForm } from './office-form';
import { OfficeSection } from './OfficeSection';
import { ShiftRows } from './ShiftRows';
import { TimeZoneField } from './TimeZoneField';
import { WeekdayChips } from './WeekdayChips';

/** The office's week: zone, working days, split shifts, holidays, and the response-time target. */
export function OfficeHoursForm({ hours }: { hours: OfficeWeek }) {
  const t = useT();
  const form = useContractForm(officeUpdateInput, { hours });
  const onSubmit = form.submit(async (values) => {
    const saved = await call('office.update', { hours: values.hours! });
    form.reset({ hours: saved.hours });
  });
  return (
    <OfficeSection form={form} name="hours" title={t('office.section.hours')} onSubmit={onSubmit}>
      <TimeZoneField form={form} />
      <WeekdayChips form={form} label={t('office.field.hours.workingDays')} />
      <ShiftRows form={form} />
      <HolidayRows form={form} />
      <MinutesField form={form} />
    </OfficeSection>
  );
}

/** Whole minutes; what is not a number goes to the schema as typed, so it is refused with the same words the core would use. */
function MinutesField({ form }: { form: OfficeForm }) {
  const t = useT();
  const name = 'hours.responseTargetMinutes';
  const { field } = useController({ control: form.control, name });
  const value = field.value as number | string | undefined;
  return (
    <TextField
      name={name}
      label={t('office.field.hours.responseTargetMinutes')}
      hint={t('office.responseHint')}
      inputMode="numeric"
      latin
      value={value === undefined ? '' : String(value)}
      onChange={(typed) => field.onChange(/^\s*\d+\s*$/.test(typed) ? Number(typed) : typed)}
      onBlur={field.onBlur}
      ref={field.ref}
      error={form.errorOf(name)}
      testId="office-response-target"
    />
  );
}
