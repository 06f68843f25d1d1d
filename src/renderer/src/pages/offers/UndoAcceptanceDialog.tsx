import { useMemo } from 'react';
import type { OfferView } from '../../../../shared/offers/types';
import { call } from '../../api/client';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { FormDialogFooter } from '../../components/FormDialogFooter';
import { FormSelectField } from '../../forms/FormFields';
import { useContractForm } from '../../forms/use-contract-form';
import { isolate } from '../../i18n/labels';
import { useT } from '../../i18n/use-t';
import { undoAcceptanceForm } from './offer-forms';

/** A supervisor or admin takes an acceptance back: the deal fell through, the property is available again. */
export function UndoAcceptanceDialog({ offer, onClose }: { offer: OfferView; onClose(): void }) {
  const t = useT();
  const defaults = useMemo(() => ({ outcome: 'rejected' as const }), []);
  const form = useContractForm(undoAcceptanceForm, defaults);
  const fields = form;
  const onSubmit = form.submit(async (values) => {
    await call('offers.undoAcceptance', { ...values, id: offer.id });
    onClose();
  });
  return (
    <Dialog title={t('offers.undoTitle')} onClose={onClose} busy={form.pending} size="small" testId="undo-acceptance">
      <form noValidate onSubmit={onSubmit}>
        <div className="dialog-body form">
          {form.formMessage ? (
            <Alert tone="error" testId="undo-acceptance-error">
              {form.formMessage}
            </Alert>
          ) : null}
          <p className="dialog-message">{t('offers.undoIntro', { property: isolate(offer.propertyName) })}</p>
          <FormSelectField
            form={fields}
            name="outcome"
            label={t('offers.undoOutcome')}
            options={[
              { value: 'rejected', label: t('offers.undo.rejected') },
              { value: 'withdrawn', label: t('offers.undo.withdrawn') },
            ]}
            testId="undo-acceptance-outcome"
          />
        </div>
        <FormDialogFooter submitLabel={t('offers.undo')} pending={form.pending} onCancel={onClose} testIdPrefix="undo-acceptance" />
      </form>
    </Dialog>
  );
}
