import { useState, type FormEvent } from 'react';
import { roles, type Role } from '../../../../shared/domain';
import type { PublicUser } from '../../../../shared/users/types';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useSubmit } from '../../hooks/use-submit';
import { roleLabel } from '../../i18n/labels';
import { useT } from '../../i18n/use-t';
import { useSessionStore } from '../../stores/session-store';
import { useUsersStore } from '../../stores/users-store';
import { createUser, updateUser, userFormValues, type UserFormValues } from './user-form';
import { FormDialogFooter } from '../../components/FormDialogFooter';
import { useLanguageStore } from '../../i18n/language-store';
import { branchOptions } from '../branches/branch-options';
import { useBranches } from '../branches/use-branches';

const fields = ['name', 'email', 'password', 'role', 'phone', 'branchId'] as const;

/** Adds a user, or edits one when `user` is given (a new password there is optional). */
export function UserFormDialog({ user, onClose }: { user?: PublicUser; onClose(): void }) {
  const t = useT();
  const [values, setValues] = useState<UserFormValues>(() => userFormValues(user));
  const submission = useSubmit(fields);
  const language = useLanguageStore((state) => state.language);
  const branches = useBranches();
  const known = user?.branchId ? branches.data?.find((b) => b.id === user.branchId) : undefined;
  const currentBranch = user?.branchId ? (known ?? { id: user.branchId, name: `#${user.branchId}`, nameEn: null }) : null;
  const set =
    <K extends keyof UserFormValues>(field: K) =>
    (value: UserFormValues[K]) =>
      setValues((v) => ({ ...v, [field]: value }));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const ok = await submission.run(async () => {
      const saved = user ? await updateUser(user, values) : await createUser(values);
      if (!saved) return;
      useUsersStore.getState().upsert(saved);
      const session = useSessionStore.getState();
      if (session.user?.id === saved.id) session.setUser(saved);
    });
    if (ok) onClose();
  }

  const { shown, pending } = submission;
  const roleOptions = roles.map((role: Role) => ({ value: role, label: roleLabel(t, role) }));
  return (
    <Dialog title={user ? t('users.editTitle', { name: user.name }) : t('users.createTitle')} onClose={onClose} busy={pending} testId="user-form-dialog">
      <form noValidate onSubmit={onSubmit} data-testid="user-form">
        <div className="dialog-body form">
          {shown.formMessage ? (
            <Alert tone="error" testId="user-form-error">
              {shown.formMessage}
            </Alert>
          ) : null}
          <TextField name="name" label={t('field.name')} value={values.name} onChange={set('name')} error={shown.fields.name} autoComplete="off" testId="user-form-name" />
          <TextField name="email" type="email" latin label={t('field.email')} value={values.email} onChange={set('email')} error={shown.fields.email} autoComplete="off" testId="user-form-email" />
          <TextField
            name="password"
            type="password"
            latin
            label={user ? t('field.newPasswordOptional') : t('field.password')}
            hint={user ? t('field.newPasswordHint') : t('field.passwordHint')}
            value={values.password}
            onChange={set('password')}
            error={shown.fields.password}
            autoComplete="new-password"
            testId="user-form-password"
          />
          <div className="field-row">
            <SelectField name="role" label={t('field.role')} value={values.role} options={roleOptions} onChange={set('role')} error={shown.fields.role} testId="user-form-role" />
            <TextField
              name="phone"
              type="tel"
              latin
              label={`${t('field.phone')} (${t('field.optional')})`}
              value={values.phone}
              onChange={set('phone')}
              error={shown.fields.phone}
              autoComplete="off"
              testId="user-form-phone"
            />
          </div>
          <SelectField
            name="branchId"
            label={t('branches.picker')}
            value={values.branchId}
            options={branchOptions(t, language, branches.data ?? [], currentBranch)}
            onChange={set('branchId')}
            error={shown.fields.branchId}
            testId="user-form-branch"
          />
        </div>
        <FormDialogFooter submitLabel={user ? t('common.save') : t('users.createSubmit')} pending={pending} onCancel={onClose} testIdPrefix="user-form" />
      </form>
    </Dialog>
  );
}
