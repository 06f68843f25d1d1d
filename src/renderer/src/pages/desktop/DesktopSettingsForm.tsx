import { useEffect } from 'react';
import { desktopSettingsInput } from '../../../../shared/desktop/schemas';
import type { DesktopSettings } from '../../../../shared/desktop/types';
import { call } from '../../api/client';
import { Alert } from '../../components/Alert';
import { SubmitButton } from '../../components/SubmitButton';
import { FormCheckbox, FormTextField } from '../../forms/FormFields';
import { useContractForm } from '../../forms/use-contract-form';
import { useT } from '../../i18n/use-t';
import { BrowserChoiceField } from './BrowserChoiceField';

/** Start at login, the update server (read at the next start) and where WhatsApp Web runs, saved together. */
export function DesktopSettingsForm({ settings, onSaved, onEdited }: { settings: DesktopSettings; onSaved(saved: DesktopSettings): void; onEdited(): void }) {
  const t = useT();
  const form = useContractForm(desktopSettingsInput, { startAtLogin: settings.startAtLogin, updateUrl: settings.updateUrl ?? '', whatsappBrowser: settings.whatsappBrowser });
  const onSubmit = form.submit(async (values) => {
    const next = await call('desktop.updateSettings', values);
    form.reset({ startAtLogin: next.startAtLogin, updateUrl: next.updateUrl ?? '', whatsappBrowser: next.whatsappBrowser });
    onSaved(next);
  });
  // A "saved" note above an edited form would speak of values no longer shown.
  const dirty = form.formState.isDirty;
  useEffect(() => {
    if (dirty) onEdited();
  }, [dirty, onEdited]);
  // The schema words a bad address in English for the log; the form says it in the user's language.
  const urlError = form.errorOf('updateUrl') ? t('desktop.updateUrlInvalid') : undefined;
  return (
    <form className="desktop-settings" onSubmit={(event) => void onSubmit(event)} noValidate data-testid="desktop-settings-form">
      {form.formMessage ? <Alert tone="error" testId="desktop-settings-error">{form.formMessage}</Alert> : null}
      <div className="desktop-start-at-login">
        <FormCheckbox form={form} name="startAtLogin" label={t('desktop.startAtLogin')} testId="desktop-start-at-login" />
        <p className="field-hint">{t('desktop.startAtLoginHint')}</p>
      </div>
      <FormTextField
        form={{ ...form, errorOf: (name: string) => (name === 'updateUrl' ? urlError : form.errorOf(name)) }}
        name="updateUrl"
        type="url"
        inputMode="text"
        label={t('desktop.updateUrl')}
        hint={t('desktop.updateUrlHint')}
        testId="desktop-update-url"
        latin
      />
      <BrowserChoiceField control={form.control} error={form.errorOf('whatsappBrowser')} />
      <SubmitButton label={t('desktop.save')} pending={form.pending} testId="desktop-settings-save" />
    </form>
  );
}
