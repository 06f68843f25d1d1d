import { useWatch } from 'react-hook-form';
import { officeUpdateInput } from '../../../../shared/office/schemas';
import { officeCalendars, officeDigits, type OfficeDisplaySettings } from '../../../../shared/office/types';
import { call } from '../../api/client';
import { FormSelectField } from '../../forms/FormFields';
import { useContractForm } from '../../forms/use-contract-form';
import { officeFormat } from '../../format/office-format';
import { useLanguageStore } from '../../i18n/language-store';
import { useOfficeDisplayStore } from '../../stores/office-display-store';
import { useT } from '../../i18n/use-t';
import { OfficeSection } from './OfficeSection';

/** Digits and calendar for every date the team sees, with a sample of the choice before it is saved. */
export function OfficeDisplayForm({ display }: { display: OfficeDisplaySettings }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const timeZone = useOfficeDisplayStore((state) => state.display.timeZone);
  const form = useContractForm(officeUpdateInput, { display });
  const chosen = (useWatch({ control: form.control, name: 'display' }) ?? display) as OfficeDisplaySettings;
  const onSubmit = form.submit(async (values) => {
    const saved = await call('office.update', { display: values.display! });
    form.reset({ display: saved.display });
  });
  const sample = officeFormat(language, { timeZone, digits: chosen.digits, calendar: chosen.calendar }).formatDateTime(new Date().toISOString());
  return (
    <OfficeSection form={form} name="display" title={t('office.section.display')} onSubmit={onSubmit}>
      <div className="field-row">
        <FormSelectField
          form={form}
          name="display.digits"
          label={t('office.field.display.digits')}
          options={officeDigits.map((value) => ({ value, label: t(`office.digits.${value}`) }))}
          testId="office-digits"
        />
        <FormSelectField
          form={form}
          name="display.calendar"
          label={t('office.field.display.calendar')}
          options={officeCalendars.map((value) => ({ value, label: t(`office.calendar.${value}`) }))}
          testId="office-calendar"
        />
      </div>
      <p className="muted" data-testid="office-display-sample">
        {t('office.displaySample', { sample })}
      </p>
    </OfficeSection>
  );
}
