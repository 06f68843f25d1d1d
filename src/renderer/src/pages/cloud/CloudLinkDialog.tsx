import { useState } from 'react';
import type { CloudNumberView } from '../../../../shared/cloud/types';
import { call } from '../../api/client';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { FormDialogFooter } from '../../components/FormDialogFooter';
import { FormTextField } from '../../forms/FormFields';
import { useContractForm } from '../../forms/use-contract-form';
import { useT } from '../../i18n/use-t';
import { linkCloudDefaults, linkCloudForm } from './cloud-forms';

/** Links a number on the Cloud API: the core checks the credentials with Meta before keeping them. */
export function CloudLinkDialog({ onClose, onLinked }: { onClose(): void; onLinked(number: CloudNumberView): void }) {
  const t = useT();
  const [defaults] = useState(linkCloudDefaults);
  const form = useContractForm(linkCloudForm, defaults);
  const onSubmit = form.submit(async (values) => onLinked(await call('cloud.link', values)));
  return (
    <Dialog title={t('cloud.link.title')} onClose={onClose} busy={form.pending} testId="cloud-link-dialog">
      <form noValidate onSubmit={(event) => void onSubmit(event).then((saved) => saved && onClose())} data-testid="cloud-link-form">
        <div className="dialog-body form">
          <p className="muted">{t('cloud.link.intro')}</p>
          {form.formMessage ? (
            <Alert tone="error" testId="cloud-link-error">
              {form.formMessage}
            </Alert>
          ) : null}
          {form.pending ? <p className="muted" role="status">{t('cloud.link.checking')}</p> : null}
          <FormTextField form={form} name="name" label={t('cloud.field.name')} autoComplete="off" testId="cloud-link-name" />
          <div className="field-row">
            <FormTextField form={form} name="phoneNumberId" label={t('cloud.field.phoneNumberId')} latin inputMode="numeric" autoComplete="off" testId="cloud-link-phone-id" />
            <FormTextField form={form} name="wabaId" label={t('cloud.field.wabaId')} latin inputMode="numeric" autoComplete="off" testId="cloud-link-waba-id" />
          </div>
          <FormTextField form={form} name="accessToken" label={t('cloud.field.accessToken')} latin type="password" autoComplete="off" testId="cloud-link-token" />
          <FormTextField form={form} name="appSecret" label={t('cloud.field.appSecret')} latin type="password" autoComplete="off" testId="cloud-link-secret" />
          <FormTextField form={form} name="verifyToken" label={t('cloud.field.verifyToken')} latin autoComplete="off" testId="cloud-link-verify" />
        </div>
        <FormDialogFooter submitLabel={t('cloud.link.save')} pending={form.pending} onCancel={onClose} testIdPrefix="cloud-link" />
      </form>
    </Dialog>
  );
}
