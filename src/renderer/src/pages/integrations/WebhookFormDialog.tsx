import { useController } from 'react-hook-form';
import { createWebhookInput } from '../../../../shared/webhooks/schemas';
import { webhookEvents, type CreatedWebhookEndpoint, type WebhookEvent } from '../../../../shared/webhooks/types';
import { call } from '../../api/client';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { FormDialogFooter } from '../../components/FormDialogFooter';
import { FormTextField } from '../../forms/FormFields';
import { useContractForm } from '../../forms/use-contract-form';
import { useT } from '../../i18n/use-t';
import { webhookEventLabel } from './webhook-labels';

const defaults = { url: '', events: [...webhookEvents] as WebhookEvent[] };

/** An endpoint's address and the events it gets; the contract's schema checks both. */
export function WebhookFormDialog({ onClose, onCreated }: { onClose(): void; onCreated(created: CreatedWebhookEndpoint): void }) {
  const t = useT();
  const form = useContractForm(createWebhookInput, defaults);
  const events = useController({ control: form.control, name: 'events' });
  const chosen = (events.field.value as WebhookEvent[] | undefined) ?? [];

  const onSubmit = form.submit(async (values) => {
    onCreated(await call('webhooks.create', values));
  });

  return (
    <Dialog title={t('webhooks.form.title')} onClose={onClose} busy={form.pending} testId="webhook-dialog">
      <form noValidate onSubmit={(event) => void onSubmit(event)} data-testid="webhook-form">
        <div className="dialog-body form">
          {form.formMessage ? (
            <Alert tone="error" testId="webhook-form-error">
              {form.formMessage}
            </Alert>
          ) : null}
          <FormTextField form={form} name="url" label={t('webhooks.form.url')} hint={t('webhooks.form.urlHint')} testId="webhook-url" latin type="url" inputMode="text" autoComplete="off" />
          <fieldset className="checkbox-group">
            <legend>{t('webhooks.form.events')}</legend>
            {webhookEvents.map((event) => (
              <label key={event} className="checkbox-field">
                <input
                  type="checkbox"
                  checked={chosen.includes(event)}
                  onChange={(e) => events.field.onChange(e.target.checked ? [...chosen, event] : chosen.filter((v) => v !== event))}
                  data-testid={`webhook-event-${event}`}
                />
                <span>{webhookEventLabel(t, event)}</span>
              </label>
            ))}
            {form.errorOf('events') ? (
              <span className="field-error" data-testid="field-error-events">
                {form.errorOf('events')}
              </span>
            ) : null}
          </fieldset>
        </div>
        <FormDialogFooter submitLabel={t('webhooks.form.create')} pending={form.pending} onCancel={onClose} testIdPrefix="webhook-form" />
      </form>
    </Dialog>
  );
}
