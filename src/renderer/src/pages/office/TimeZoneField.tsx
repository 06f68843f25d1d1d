import { useMemo } from 'react';
import { useController } from 'react-hook-form';
import { TextField } from '../../components/TextField';
import { officeFormat } from '../../format/office-format';
import { useLanguageStore } from '../../i18n/language-store';
import { useT } from '../../i18n/use-t';
import type { OfficeForm } from './office-form';

/** Every IANA zone the browser knows (UTC is not in the list on every engine). */
function zones(): string[] {
  const listed = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return listed.includes('UTC') ? listed : ['UTC', ...listed];
}

/** The office's zone, searchable by typing any part of its name ("Riyadh", "London"), with the time there now. */
export function TimeZoneField({ form }: { form: OfficeForm }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const all = useMemo(zones, []);
  const name = 'hours.timeZone';
  const { field } = useController({ control: form.control, name });
  const zone = (field.value as string | undefined) ?? '';
  const hint = useMemo(() => {
    if (!all.includes(zone)) return t('office.timeZoneHint');
    const now = officeFormat(language, { timeZone: zone, digits: 'latn', calendar: 'gregory' }).formatTime(new Date().toISOString());
    return `${t('office.timeZoneHint')} ${t('office.timeZoneNow', { time: now })}`;
  }, [all, zone, language, t]);
  return (
    <>
      <TextField
        name={name}
        label={t('office.field.hours.timeZone')}
        latin
        value={zone}
        onChange={field.onChange}
        onBlur={field.onBlur}
        ref={field.ref}
        error={form.errorOf(name)}
        hint={hint}
        testId="office-time-zone"
        list="office-time-zones"
        autoComplete="off"
        spellCheck={false}
      />
      <datalist id="office-time-zones">
        {all.map((zoneName) => (
          <option key={zoneName} value={zoneName} />
        ))}
      </datalist>
    </>
  );
}
