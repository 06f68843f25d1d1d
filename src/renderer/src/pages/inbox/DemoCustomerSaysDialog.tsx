import { useMemo } from 'react';
import { demoCustomerSaysInput } from '../../../../shared/demo/contract';
import { call } from '../../api/client';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { FormDialogFooter } from '../../components/FormDialogFooter';
import { FormTextAreaField } from '../../forms/FormFields';
import { useContractForm } from '../../forms/use-contract-form';
import { useT } from '../../i18n/use-t';

/** Demo mode: the simulated customer types the text given here (demo.customerSays), e.g. to try the AI or a rule. */
export function DemoCustomerSaysDialog({ conversationId, onClose }: { conversationId: number; onClose(): void }) {
  const t = useT();
  const defaults = useMemo(() => ({ conversationId, text: '' }), [conversationId]);
  const form = useContractForm(demoCustomerSaysInput, defaults);
  const onSubmit = form.submit(async (values) => {
    await call('demo.customerSays', values);
    onClose();
  });
  return (
    <Dialog title={t('demo.says.title')} onClose={onClose} busy={form.pending} testId="demo-says">
      <form noValidate onSubmit={onSubmit}>
        <div className="dialog-body form">
          {form.formMessage ? (
            <Alert tone="error" testId="demo-says-error">
              {form.formMessage}
            </Alert>
          ) : null}
          <FormTextAreaField form={form} name="text" label={t('demo.says.text')} hint={t('demo.says.hint')} rows={3} testId="demo-says-text" />
        </div>
        <FormDialogFooter submitLabel={t('demo.says.send')} pending={form.pending} onCancel={onClose} testIdPrefix="demo-says" />
      </form>
    </Dialog>
  );
}
