import { useMemo } from 'react';
import { saveFaqInput } from '../../../../shared/ai/schemas';
import { aiFaqLanguages, type AiFaqEntry } from '../../../../shared/ai/types';
import { call } from '../../api/client';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { FormDialogFooter } from '../../components/FormDialogFooter';
import { FormSelectField, FormTextAreaField } from '../../forms/FormFields';
import { useContractForm } from '../../forms/use-contract-form';
import { useT } from '../../i18n/use-t';

/** Adds an FAQ entry, or edits one (the contract's saveFaqInput, with the entry's id when editing). */
export function FaqFormDialog({ entry, onClose }: { entry?: AiFaqEntry; onClose(): void }) {
  const t = useT();
  const defaults = useMemo(() => ({ ...(entry ? { id: entry.id } : {}), question: entry?.question ?? '', answer: entry?.answer ?? '', language: entry?.language ?? ('ar' as const) }), [entry]);
  const form = useContractForm(saveFaqInput, defaults);
  const onSubmit = form.submit(async (values) => {
    await call('ai.saveFaq', values);
    onClose();
  });
  return (
    <Dialog title={t(entry ? 'ai.faq.editTitle' : 'ai.faq.createTitle')} onClose={onClose} busy={form.pending} testId="faq-form">
      <form noValidate onSubmit={onSubmit}>
        <div className="dialog-body form">
          {form.formMessage ? (
            <Alert tone="error" testId="faq-form-error">
              {form.formMessage}
            </Alert>
          ) : null}
          <FormTextAreaField form={form} name="question" label={t('ai.faq.question')} rows={2} testId="faq-question" />
          <FormTextAreaField form={form} name="answer" label={t('ai.faq.answer')} rows={5} testId="faq-answer" />
          <FormSelectField form={form} name="language" label={t('ai.faq.language')} options={aiFaqLanguages.map((language) => ({ value: language, label: t(`ai.language.${language}`) }))} testId="faq-language" />
        </div>
        <FormDialogFooter submitLabel={t('ai.faq.save')} pending={form.pending} onCancel={onClose} testIdPrefix="faq-form" />
      </form>
    </Dialog>
  );
}
