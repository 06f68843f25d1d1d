import { useState, type FormEvent } from 'react';
import { errorReasons } from '../../../../shared/errors';
import { ApiCallError } from '../../api/client';
import { Alert } from '../../components/Alert';
import { AuthLayout } from '../../components/AuthLayout';
import { TextField } from '../../components/TextField';
import { useSubmit } from '../../hooks/use-submit';
import { sessionEndLabel } from '../../i18n/labels';
import { useT } from '../../i18n/use-t';
import { boot, signIn } from '../../stores/session-actions';
import { useSessionStore } from '../../stores/session-store';
import { SubmitButton } from '../../components/SubmitButton';

const fields = ['email', 'password'] as const;

export function SignInPage() {
  const t = useT();
  const notice = useSessionStore((state) => state.notice);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const submission = useSubmit(fields);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const ok = await submission.run(async () => {
      try {
        await signIn({ email, password });
      } catch (error) {
        if (error instanceof ApiCallError && error.error.details === errorReasons.setupRequired) void boot();
        throw error;
      }
    });
    if (!ok) setPassword('');
  }

  const { shown, pending } = submission;
  // A fresh failure says more than why the last session ended.
  const showNotice = notice !== null && !submission.hasError;
  return (
    <AuthLayout title={t('signin.title')} intro={t('signin.intro')}>
      <form className="form" noValidate onSubmit={onSubmit} data-testid="signin-form">
        {showNotice ? (
          <Alert tone="info" testId="session-notice">
            {sessionEndLabel(t, notice)}
          </Alert>
        ) : null}
        {shown.formMessage ? (
          <Alert tone="error" testId="signin-error">
            {shown.formMessage}
          </Alert>
        ) : null}
        <TextField name="email" type="email" latin label={t('field.email')} value={email} onChange={setEmail} error={shown.fields.email} autoComplete="username" testId="signin-email" autoFocus />
        <TextField name="password" type="password" latin label={t('field.password')} value={password} onChange={setPassword} error={shown.fields.password} autoComplete="current-password" testId="signin-password" />
        <SubmitButton label={t('signin.submit')} pendingLabel={t('app.loading')} pending={pending} testId="signin-submit" block />
      </form>
    </AuthLayout>
  );
}
