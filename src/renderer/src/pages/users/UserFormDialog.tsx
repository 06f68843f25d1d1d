import { roles, type Role } from '../../../../shared/domain';
import type { PublicUser } from '../../../../shared/users/types';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { FormSelectField, FormTextField } from '../../forms/FormFields';
import { useContractForm } from '../../forms/use-contract-form';
import { roleLabel } from '../../i18n/labels';
import { useT } from '../../i18n/use-t';
import { useSessionStore } from '../../stores/session-store';
import { useUsersStore } from '../../stores/users-store';
import { createUser, editUserForm, newUserForm, updateUser, userFormValues } from './user-form';
import { FormDialogFooter } from '../../components/FormDialogFooter';
import { useLanguageStore } from '../../i18n/language-store';
import { branchOptions } from '../branches/branch-options';
import { useBranches } from '../branches/use-branches';

/** Adds a user, or edits one when `user` is given (a new password there is optional). */
export function UserFormDialog({ user, onClose }: { user?: PublicUser; onClose(): void }) {
  const t = useT();
  // One schema per mode, both the contract's fields: on an edit an empty password keeps the current one.
  const form = useContractForm(user ? editUserForm : newUserForm, userFormValues(user));
  const language = useLanguageStore((state) => state.language);
  const branches = useBranches();
  const known = user?.branchId ? branches.data?.find((b) => b.id === user.branchId) : undefined;
  const currentBranch = user?.branchId ? (known ?? { id: user.branchId, name: `#${user.branchId}`, nameEn: null }) : null;
  const onSubmit = form.submit(async (values) => {
    const saved = user ? await updateUser(user, values) : await createUser(values);
    if (!saved) return;
    useUsersStore.getState().upsert(saved);
    const session = useSessionStore.getState();
    if (session.user?.id === saved.id) session.setUser(saved);
  });

  const { pending } = form;
  const roleOptions = roles.map((role: Role) => ({ value: role, label: roleLabel(t, role) }));
  return (
    <Dialog title={user ? t('users.editTitle', { name: user.name }) : t('users.createTitle')} onClose={onClose} busy={pending} testId="user-form-dialog">
      <form noValidate onSubmit={(event) => void onSubmit(event).then((saved) => saved && onClose())} data-testid="user-form">
        <div className="dialog-body form">
          {form.formMessage ? (
            <Alert tone="error" testId="user-form-error">
              {form.formMessage}
            </Alert>
          ) : null}
          <FormTextField form={form} name="name" label={t('field.name')} autoComplete="off" testId="user-form-name" />
          <FormTextField form={form} name="email" type="email" latin label={t('field.email')} autoComplete="off" testId="user-form-email" />
          <FormTextField
            form={form}
            name="password"
            type="password"
            latin
            label={user ? t('field.newPasswordOptional') : t('field.password')}
            hint={user ? t('field.newPasswordHint') : t('field.passwordHint')}
            autoComplete="new-password"
            testId="user-form-password"
          />
          <div className="field-row">
            <FormSelectField form={form} name="role" label={t('field.role')} options={roleOptions} testId="user-form-role" />
            <FormTextField form={form} name="phone" type="tel" latin label={`${t('field.phone')} (${t('field.optional')})`} autoComplete="off" testId="user-form-phone" />
          </div>
          <FormSelectField form={form} name="branchId" label={t('branches.picker')} options={branchOptions(t, language, branches.data ?? [], currentBranch)} testId="user-form-branch" />
        </div>
        <FormDialogFooter submitLabel={user ? t('common.save') : t('users.createSubmit')} pending={pending} onCancel={onClose} testIdPrefix="user-form" />
      </form>
    </Dialog>
  );
}
