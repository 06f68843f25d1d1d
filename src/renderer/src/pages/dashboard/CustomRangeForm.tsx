import { dashboardQuery } from '../../../../shared/dashboard/schemas';
import { FormDateField } from '../../forms/FormDateField';
import { useContractForm } from '../../forms/use-contract-form';
import { useT } from '../../i18n/use-t';

/** A custom range's first and last office day, checked by the contract's schema before it is shown. */
export function CustomRangeForm({ from, to, onApply }: { from: string; to: string; onApply(range: { from: string; to: string }): void }) {
  const t = useT();
  const form = useContractForm(dashboardQuery, { preset: 'custom', from, to });
  return (
    <form
      className="dashboard-custom-range"
      onSubmit={form.submit(async (values) => {
        onApply({ from: values.from!, to: values.to! });
      })}
      data-testid="dashboard-custom-range"
    >
      <FormDateField form={form} name="from" label={t('dashboard.from')} testId="dashboard-from" />
      <FormDateField form={form} name="to" label={t('dashboard.to')} testId="dashboard-to" />
      <button type="submit" className="button button-secondary" data-testid="dashboard-apply">
        {t('dashboard.apply')}
      </button>
    </form>
  );
}
