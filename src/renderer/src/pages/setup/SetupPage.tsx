import { useState, type FormEvent } from 'react';
import { errorReasons } from '../../../../shared/errors';
import { setupAdminInput } from '../../../../shared/users/schemas';
import { zodDetails } from '../../../../shared/zod-details';
import { Alert } from '../../components/Alert';
import { AuthLayout } from '../../components/AuthLayout';
import { TextField } from '../../components/TextField';
import { useSubmit } from '../../hooks/use-submit';
import { useT } from '../../i18n/use-t';
import { ApiCallError } from '../../api/client';
import { boot, setupAdmin } from '../../stores/session-actions';
import { useSessionStore } from '../../stores/session-store';
import { SubmitButton } from '../../components/SubmitButton';

const fields = ['name', 'email', 'password', 'confirm', 'setupCode'] as const;

/** First run: creates the admin. Nothing else is reachable until this is done. */
export function SetupPage() {
  const t = useT();
  const codeRequired = useSessionStore((state) => state.setupCodeRequired);
  const [values, setValues] = useState({ name: '', email: '', password: '', confirm: '', setupCode: '' });
  const submission = useSubmit(fields);
  const set = (field: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    // Every problem at once: the core's own rules checked here, and the confirmation beside them.
    const input = { name: values.name, email: values.email, password: values.password };
    const parsed = setupAdminInput.safeParse(input);
    const details = parsed.success ? [] : zodDetails(parsed.error, input);
    if (values.password !== values.confirm) details.push({ field: 'confirm', code: 'passwords_differ', message: 'The passwords differ' });
    if (details.length > 0) {
      submission.fail({ code: 'VALIDATION_ERROR', message: 'Client-side validation failed', details });
      return;
    }
    await submission.run(async () => {
      try {
        await setupAdmin({ name: values.name, email: values.email, password: values.password, ...(codeRequired ? { setupCode: values.setupCode } : {}) });
      } catch (error) {
        // Another window finished setup first: the start-up check shows the sign-in page.
        if (error instanceof ApiCallError && error.error.details === errorReasons.setupDone) void boot();
        throw error;
      }
    });
  }

  const { shown, pending } = submission;
  return (
    <AuthLayout title={t('setup.title')} intro={t('setup.intro')}>
      <form className="form" noValidate onSubmit={onSubmit} data-testid="setup-form">
        {shown.formMessage ? (
          <Alert tone="error" testId="setup-error">
            {shown.formMessage}
          </Alert>
        ) : null}
        <TextField name="name" label={t('field.name')} value={values.name} onChange={set('name')} error={shown.fields.name} autoComplete="name" testId="setup-name" autoFocus />
        <TextField name="email" type="email" latin label={t('field.email')} value={values.email} onChange={set('email')} error={shown.fields.email} autoComplete="email" testId="setup-email" />
        <TextField name="password" type="password" latin label={t('field.password')} hint={t('field.passwordHint')} value={values.password} onChange={set('password')} error={shown.fields.password} autoComplete="new-password" testId="setup-password" />
        <TextField name="confirm" type="password" latin label={t('field.confirm')} value={values.confirm} onChange={set('confirm')} error={shown.fields.confirm} autoComplete="new-password" testId="setup-confirm" />
        {codeRequired ? (
          <TextField name="setupCode" latin label={t('setup.code')} hint={t('setup.codeHint')} value={values.setupCode} onChange={set('setupCode')} error={shown.fields.setupCode} autoComplete="off" testId="setup-code" />
        ) : null}
        <SubmitButton label={t('setup.submit')} pending={pending} testId="setup-submit" block />
      </form>
    </AuthLayout>
  );
}
