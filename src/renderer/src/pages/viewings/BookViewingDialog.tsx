import { useEffect, useState } from 'react';
import type { PropertyInterestView } from '../../../../shared/properties/types';
import { viewingDuration } from '../../../../shared/viewings/types';
import { call } from '../../api/client';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { FormDialogFooter } from '../../components/FormDialogFooter';
import { FormSelectField, FormTextAreaField, FormTextField } from '../../forms/FormFields';
import { useContractForm } from '../../forms/use-contract-form';
import { useT } from '../../i18n/use-t';
import { bookViewingForm } from './viewing-forms';

/**
 * Booking from the conversation: the property comes from the customer's interests (the most
 * recent first), the agent's next free slot in office hours is filled in, so the agent's second
 * click books it.
 */
export function BookViewingDialog({ conversationId, interests, onClose, onBooked }: { conversationId: number; interests: PropertyInterestView[]; onClose(): void; onBooked(): void }) {
  const t = useT();
  const candidates = interests.filter((i) => i.status !== 'not_interested');
  const form = useContractForm(bookViewingForm, {
    conversationId,
    propertyId: String(candidates[0]?.property.id ?? ''),
    date: '',
    time: '',
    durationMinutes: String(viewingDuration.default),
    place: '',
    notes: '',
    outsideHoursReason: '',
  });
  const bound = form;
  const [noSlot, setNoSlot] = useState(false);
  const { setValue } = form;

  useEffect(() => {
    let current = true;
    call('viewings.suggestSlot', { conversationId }).then(
      ({ slot }) => {
        if (!current) return;
        if (!slot) return setNoSlot(true);
        setValue('date', slot.date);
        setValue('time', slot.time);
      },
      () => current && setNoSlot(true),
    );
    return () => {
      current = false;
    };
  }, [conversationId, setValue]);

  const submit = form.submit(async (values) => {
    await call('viewings.book', values);
    onBooked();
    onClose();
  });

  return (
    <Dialog title={t('viewings.bookTitle')} onClose={onClose} busy={form.pending} testId="book-viewing-dialog">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <div className="dialog-body">
          {form.formMessage ? (
            <Alert tone="error" testId="book-viewing-error">
              {form.formMessage}
            </Alert>
          ) : null}
          {noSlot ? <p className="field-hint">{t('viewings.noSlot')}</p> : null}
          <FormSelectField form={bound} name="propertyId" label={t('viewings.property')} testId="book-viewing-property" options={candidates.map((i) => ({ value: String(i.property.id), label: i.property.name }))} />
          <div className="form-row">
            <FormTextField form={bound} name="date" type="date" latin label={t('viewings.date')} testId="book-viewing-date" />
            <FormTextField form={bound} name="time" type="time" latin label={t('viewings.time')} testId="book-viewing-time" />
            <FormTextField form={bound} name="durationMinutes" inputMode="numeric" latin label={t('viewings.duration')} testId="book-viewing-duration" />
          </div>
          <FormTextField form={bound} name="place" label={t('viewings.place')} testId="book-viewing-place" />
          <FormTextAreaField form={bound} name="notes" rows={2} label={t('viewings.notes')} testId="book-viewing-notes" />
          <FormTextField form={bound} name="outsideHoursReason" label={t('viewings.outsideHoursReason')} hint={t('viewings.outsideHoursHint')} testId="book-viewing-reason" />
        </div>
        <FormDialogFooter submitLabel={t('viewings.bookSubmit')} pending={form.pending} onCancel={onClose} testIdPrefix="book-viewing" />
      </form>
    </Dialog>
  );
}
