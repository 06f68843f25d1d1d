import { useState, type FormEvent } from 'react';
import { call } from '../../api/client';
import { Alert } from '../../components/Alert';
import { TextField } from '../../components/TextField';
import { useSubmit } from '../../hooks/use-submit';
import { clientFieldError } from '../../i18n/errors';
import { useT } from '../../i18n/use-t';
import { SubmitButton } from '../../components/SubmitButton';

const fields = ['oldPassword', 'newPassword', 'confirm'] as const;
const empty = { oldPassword: '', newPassword: '', confirm: '' };

export function PasswordForm() {
  const t = useT();
  const [values, setValues] = useState(empty);
  const [changed, setChanged] = useState(false);
  const submission = useSubmit(fields);
  const set = (field: keyof typeof empty) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setChanged(false);
    if (values.newPassword !== values.confirm) {
      submission.fail(clientFieldError('confirm', 'passwords_differ'));
      return;
    }
    const ok = await submission.run(() => call('profile.changePassword', { oldPassword: values.oldPassword, newPassword: values.newPassword }));
    if (ok) setValues(empty);
    setChanged(ok);
  }

  const { shown, pending } = submission;
  return (
    <form className="card form-card" noValidate onSubmit={onSubmit} data-testid="password-form">
      <h2 className="card-title">{t('profile.passwordTitle')}</h2>
      <p className="card-intro">{t('profile.passwordIntro')}</p>
      {shown.formMessage ? (
        <Alert tone="error" testId="password-error">
          {shown.formMessage}
        </Alert>
      ) : null}
      {changed ? (
        <Alert tone="success" testId="password-success">
          {t('profile.passwordChanged')}
        </Alert>
      ) : null}
      <TextField name="oldPassword" type="password" latin label={t('field.oldPassword')} value={values.oldPassword} onChange={set('oldPassword')} error={shown.fields.oldPassword} autoComplete="current-password" testId="password-old" />
      <div className="field-row">
        <TextField name="newPassword" type="password" latin label={t('field.newPassword')} hint={t('field.passwordHint')} value={values.newPassword} onChange={set('newPassword')} error={shown.fields.newPassword} autoComplete="new-password" testId="password-new" />
        <TextField name="confirm" type="password" latin label={t('field.confirmNew')} value={values.confirm} onChange={set('confirm')} error={shown.fields.confirm} autoComplete="new-password" testId="password-confirm" />
      </div>
      <div className="form-actions">
        <SubmitButton label={t('profile.passwordSubmit')} pending={pending} testId="password-submit" />
      </div>
    </form>
  );
}
