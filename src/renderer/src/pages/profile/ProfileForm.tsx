import { useState, type FormEvent } from 'react';
import type { PublicUser } from '../../../../shared/users/types';
import { call } from '../../api/client';
import { Alert } from '../../components/Alert';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useSubmit } from '../../hooks/use-submit';
import { languages, type Language } from '../../i18n/dictionary';
import { roleLabel } from '../../i18n/labels';
import { useLanguageStore } from '../../i18n/language-store';
import { useT } from '../../i18n/use-t';
import { useSessionStore } from '../../stores/session-store';
import { SubmitButton } from '../../components/SubmitButton';

const fields = ['name', 'phone', 'language'] as const;

/** The signed-in user's own name, phone and preferred language. */
export function ProfileForm({ user }: { user: PublicUser }) {
  const t = useT();
  const [name, setName] = useState(user.name);
  const [phone, setPhone] = useState(user.phone ?? '');
  const [language, setLanguage] = useState<Language>(user.language);
  const [saved, setSaved] = useState(false);
  const submission = useSubmit(fields);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const ok = await submission.run(async () => {
      const updated = await call('profile.update', { name, phone: phone.trim() || null, language });
      // Only a language the user just chose switches the app; saving a name must not flip it.
      if (language !== user.language) useLanguageStore.getState().setLanguage(updated.language);
      useSessionStore.getState().setUser(updated);
    });
    setSaved(ok);
  }

  const { shown, pending } = submission;
  const languageOptions = languages.map((value) => ({ value, label: t(`language.${value}`) }));
  return (
    <form className="card form-card" noValidate onSubmit={onSubmit} data-testid="profile-form">
      <h2 className="card-title">{t('profile.details')}</h2>
      <dl className="facts">
        <div>
          <dt>{t('field.email')}</dt>
          <dd>
            <bdi className="latin">{user.email}</bdi>
          </dd>
        </div>
        <div>
          <dt>{t('field.role')}</dt>
          <dd>{roleLabel(t, user.role)}</dd>
        </div>
      </dl>
      {shown.formMessage ? (
        <Alert tone="error" testId="profile-error">
          {shown.formMessage}
        </Alert>
      ) : null}
      {saved ? (
        <Alert tone="success" testId="profile-success">
          {t('profile.saved')}
        </Alert>
      ) : null}
      <TextField name="name" label={t('field.name')} value={name} onChange={setName} error={shown.fields.name} autoComplete="name" testId="profile-name" />
      <div className="field-row">
        <TextField name="phone" type="tel" latin label={`${t('field.phone')} (${t('field.optional')})`} value={phone} onChange={setPhone} error={shown.fields.phone} autoComplete="tel" testId="profile-phone" />
        <SelectField name="language" label={t('field.language')} value={language} options={languageOptions} onChange={(value) => setLanguage(value)} error={shown.fields.language} testId="profile-language" />
      </div>
      <div className="form-actions">
        <SubmitButton label={t('common.save')} pending={pending} testId="profile-save" />
      </div>
    </form>
  );
}
