import { useController } from 'react-hook-form';
import { createApiKeyInput } from '../../../../shared/integrations/schemas';
import { apiScopes, type CreatedApiKey } from '../../../../shared/integrations/types';
import type { NumberView } from '../../../../shared/numbers/types';
import { call } from '../../api/client';
import { Alert } from '../../components/Alert';
import { DateField } from '../../components/DateField';
import { Dialog } from '../../components/Dialog';
import { FormDialogFooter } from '../../components/FormDialogFooter';
import { TextField } from '../../components/TextField';
import { useContractForm } from '../../forms/use-contract-form';
import { useT } from '../../i18n/use-t';
import { officeDay } from '../../format/dates';
import { expiryAfterDay } from './expiry-day';

const defaults = { name: '', scopes: ['read'] as ('read' | 'send' | 'manage')[], numberIds: null as number[] | null, expiresAt: null as string | null };

/** Names a key, picks its scopes, optionally limits it to numbers and sets an expiry; the contract's schema checks it. */
export function ApiKeyFormDialog({ numbers, onClose, onCreated }: { numbers: NumberView[]; onClose(): void; onCreated(created: CreatedApiKey): void }) {
  const t = useT();
  const form = useContractForm(createApiKeyInput, defaults);
  // Bound like the shared Form fields; those are typed for a looser form than this schema's.
  const name = useController({ control: form.control, name: 'name' });
  const scopes = useController({ control: form.control, name: 'scopes' });
  const limited = useController({ control: form.control, name: 'numberIds' });
  const expires = useController({ control: form.control, name: 'expiresAt' });
  const chosenScopes = (scopes.field.value as string[] | undefined) ?? [];
  const chosenNumbers = (limited.field.value as number[] | null | undefined) ?? [];
  const toggle = <T,>(list: T[], value: T, on: boolean) => (on ? [...list, value] : list.filter((v) => v !== value));

  const onSubmit = form.submit(async (values) => {
    onCreated(await call('apiKeys.create', values));
  });
  const expiryDay = typeof expires.field.value === 'string' ? officeDay(new Date(Date.parse(expires.field.value) - 1)) : '';

  return (
    <Dialog title={t('integrations.form.title')} onClose={onClose} busy={form.pending} testId="api-key-dialog">
      <form noValidate onSubmit={(event) => void onSubmit(event)} data-testid="api-key-form">
        <div className="dialog-body form">
          {form.formMessage ? (
            <Alert tone="error" testId="api-key-form-error">
              {form.formMessage}
            </Alert>
          ) : null}
          <TextField name="name" label={t('integrations.form.name')} hint={t('integrations.form.nameHint')} value={(name.field.value as string | undefined) ?? ''} onChange={name.field.onChange} onBlur={name.field.onBlur} error={form.errorOf('name')} testId="api-key-name" autoComplete="off" maxLength={100} />
          <fieldset className="checkbox-group">
            <legend>{t('integrations.form.scopes')}</legend>
            {apiScopes.map((scope) => (
              <label key={scope} className="checkbox-field">
                <input type="checkbox" checked={chosenScopes.includes(scope)} onChange={(e) => scopes.field.onChange(toggle(chosenScopes, scope, e.target.checked))} data-testid={`api-key-scope-${scope}`} />
                <span>{t(`integrations.scope.${scope}`)}</span>
              </label>
            ))}
            {form.errorOf('scopes') ? <span className="field-error">{form.errorOf('scopes')}</span> : null}
          </fieldset>
          {numbers.length > 0 ? (
            <fieldset className="checkbox-group">
              <legend>{t('integrations.form.numbers')}</legend>
              {numbers.map((n) => (
                <label key={n.id} className="checkbox-field">
                  <input
                    type="checkbox"
                    checked={chosenNumbers.includes(n.id)}
                    onChange={(e) => {
                      const next = toggle(chosenNumbers, n.id, e.target.checked);
                      limited.field.onChange(next.length > 0 ? next : null);
                    }}
                    data-testid={`api-key-number-${n.id}`}
                  />
                  <span>{n.name}</span>
                </label>
              ))}
            </fieldset>
          ) : null}
          <DateField name="expiresAt" label={t('integrations.form.expiresAt')} value={expiryDay} onChange={(day) => expires.field.onChange(day ? expiryAfterDay(day) : null)} error={form.errorOf('expiresAt')} testId="api-key-expires" />
        </div>
        <FormDialogFooter submitLabel={t('integrations.form.create')} pending={form.pending} onCancel={onClose} testIdPrefix="api-key-form" />
      </form>
    </Dialog>
  );
}
