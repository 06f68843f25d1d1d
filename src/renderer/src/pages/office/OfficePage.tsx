import { useCallback } from 'react';
import type { OfficeSettings } from '../../../../shared/office/types';
import { call } from '../../api/client';
import { Alert } from '../../components/Alert';
import { PageHeader } from '../../components/PageHeader';
import { useQuery } from '../../hooks/use-query';
import { describeError } from '../../i18n/errors';
import { useT } from '../../i18n/use-t';
import { OfficeDisplayForm } from './OfficeDisplayForm';
import { OfficeHoursForm } from './OfficeHoursForm';
import { OfficeProfileForm } from './OfficeProfileForm';
import { OfficeStatusLine } from './OfficeStatusLine';
import { OfficeTaxForm } from './OfficeTaxForm';

/** Settings → Office (admins): the office's registration, its week, and how dates and numbers show. */
export function OfficePage() {
  const t = useT();
  const load = useCallback(() => call('office.get', {}), []);
  const query = useQuery<OfficeSettings>(load);
  const loadTax = useCallback(() => call('office.tax', {}), []);
  const tax = useQuery(loadTax);
  return (
    <section className="page page-narrow office-page" data-testid="office-page">
      <PageHeader title={t('office.title')} intro={t('office.intro')} />
      <OfficeStatusLine />
      {query.error ? (
        <Alert tone="error" testId="office-load-error">
          {describeError(t, query.error).formMessage ?? t('office.loadFailed')}
        </Alert>
      ) : null}
      {/* Each section saves alone: the others keep what the admin is typing. */}
      {query.data ? (
        <>
          <OfficeHoursForm hours={query.data.hours} />
          <OfficeDisplayForm display={query.data.display} />
          <OfficeProfileForm profile={query.data.profile} />
          {tax.data ? <OfficeTaxForm tax={tax.data} /> : null}
        </>
      ) : null}
    </section>
  );
}
