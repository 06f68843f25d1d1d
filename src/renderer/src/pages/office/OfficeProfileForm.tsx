import { officeUpdateInput } from '../../../../shared/office/schemas';
import type { OfficeProfile } from '../../../../shared/office/types';
import { call } from '../../api/client';
import { FormTextField } from '../../forms/FormFields';
import { useContractForm } from '../../forms/use-contract-form';
import { useT } from '../../i18n/use-t';
import { OfficeSection } from './OfficeSection';

/** The office as registered: legal names, CR and FAL numbers, national address, phone. */
export function OfficeProfileForm({ profile }: { profile: OfficeProfile }) {
  const t = useT();
  const form = useContractForm(officeUpdateInput, { profile });
  const onSubmit = form.submit(async (values) => {
    const saved = await call('office.update', { profile: values.profile! });
    form.reset({ profile: saved.profile });
  });
  const field = (name: keyof OfficeProfile, extra: { latin?: boolean; inputMode?: 'numeric' | 'tel'; type?: string; hint?: string } = {}) => (
    <FormTextField form={form} name={`profile.${name}`} label={t(`office.field.profile.${name}`)} testId={`office-profile-${name}`} {...extra} />
  );
  return (
    <OfficeSection form={form} name="profile" title={t('office.section.profile')} onSubmit={onSubmit}>
      <div className="field-row">
        {field('legalNameAr')}
        {field('legalNameEn', { latin: true })}
      </div>
      <div className="field-row">
        {field('crNumber', { latin: true, inputMode: 'numeric' })}
        {field('falLicenceNumber', { latin: true, inputMode: 'numeric' })}
      </div>
      {field('nationalAddress')}
      {field('phone', { latin: true, inputMode: 'tel', type: 'tel', hint: t('office.phoneHint') })}
    </OfficeSection>
  );
}
