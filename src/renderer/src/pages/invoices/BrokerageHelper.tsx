import { useCallback, useState } from 'react';
import type { BrokeragePrefill } from '../../../../shared/invoices/types';
import { formatMoney } from '../../../../shared/money';
import { call, toApiError } from '../../api/client';
import { Alert } from '../../components/Alert';
import { SelectField } from '../../components/SelectField';
import { useOfficeFormat } from '../../format/use-office-format';
import { useQuery } from '../../hooks/use-query';
import { useLanguageStore } from '../../i18n/language-store';
import { useT } from '../../i18n/use-t';
import { actionErrorText } from './invoice-format';

/** Picks an accepted offer and fills the commission line from it (2.5% of the price or of the first year's rent), to edit before saving. */
export function BrokerageHelper({ initialOfferId, onFill }: { initialOfferId?: number | undefined; onFill(prefill: BrokeragePrefill): void }) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const digits = useOfficeFormat().prefs.digits;
  const load = useCallback(() => call('offers.list', { status: 'accepted', limit: 200 }), []);
  const offers = useQuery(load);
  const [offerId, setOfferId] = useState(initialOfferId ? String(initialOfferId) : '');
  const [basis, setBasis] = useState<'' | 'sale' | 'rent'>('');
  const [error, setError] = useState<string | null>(null);
  const fill = () => {
    if (!offerId) return;
    setError(null);
    call('invoices.brokerage', { offerId: Number(offerId), ...(basis ? { basis } : {}) }).then(onFill, (thrown: unknown) => setError(actionErrorText(t, toApiError(thrown))));
  };
  const options = (offers.data?.data ?? []).map((o) => ({
    value: String(o.id),
    label: `${o.customerName ?? o.customerPhone ?? ''} — ${o.propertyName} — ${formatMoney(o.amount, language, digits)}`,
  }));
  return (
    <fieldset className="field invoice-brokerage" data-testid="invoice-brokerage">
      <legend className="field-label">{t('invoices.brokerage')}</legend>
      {offers.data && options.length === 0 ? <p className="muted">{t('invoices.brokerage.none')}</p> : null}
      <div className="field-row">
        <SelectField name="brokerageOffer" label={t('invoices.brokerage.offer')} value={offerId} options={[{ value: '', label: t('invoices.brokerage.choose') }, ...options]} onChange={setOfferId} testId="invoice-brokerage-offer" />
        <SelectField<'' | 'sale' | 'rent'>
          name="brokerageBasis"
          label={t('invoices.brokerage.basis')}
          value={basis}
          options={[
            { value: '', label: t('invoices.brokerage.fromProperty') },
            { value: 'sale', label: t('invoices.brokerage.sale') },
            { value: 'rent', label: t('invoices.brokerage.rent') },
          ]}
          onChange={setBasis}
          testId="invoice-brokerage-basis"
        />
        <button type="button" className="button button-secondary invoice-brokerage-fill" onClick={fill} disabled={!offerId} data-testid="invoice-brokerage-fill">
          {t('invoices.brokerage.fill')}
        </button>
      </div>
      {error ? (
        <Alert tone="error" testId="invoice-brokerage-error">
          {error}
        </Alert>
      ) : null}
    </fieldset>
  );
}
