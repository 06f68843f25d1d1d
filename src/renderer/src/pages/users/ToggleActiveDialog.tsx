import type { PublicUser } from '../../../../shared/users/types';
import { call } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useSubmit } from '../../hooks/use-submit';
import { useT } from '../../i18n/use-t';
import { useUsersStore } from '../../stores/users-store';

// Shown in the dialog itself: there is no field, so "isActive" errors (last admin) read as the form's.
const fields = ['isActive'] as const;

/** Deactivates (or reactivates) a user after the admin confirms. */
export function ToggleActiveDialog({ user, onClose }: { user: PublicUser; onClose(): void }) {
  const t = useT();
  const submission = useSubmit(fields);
  const deactivating = user.isActive;

  async function confirm() {
    const ok = await submission.run(async () => {
      useUsersStore.getState().upsert(await call('users.setActive', { id: user.id, isActive: !user.isActive }));
    });
    if (ok) onClose();
  }

  const { shown, pending } = submission;
  const fieldMessage = shown.fields.isActive;
  const error = shown.formMessage ?? fieldMessage;
  return (
    <ConfirmDialog
      title={deactivating ? t('users.deactivateTitle') : t('users.activateTitle')}
      message={deactivating ? t('users.confirmDeactivate', { name: user.name }) : t('users.confirmActivate', { name: user.name })}
      confirmLabel={deactivating ? t('users.deactivate') : t('users.activate')}
      danger={deactivating}
      pending={pending}
      error={error ? <span data-testid={fieldMessage ? 'field-error-isActive' : undefined}>{error}</span> : undefined}
      onConfirm={() => void confirm()}
      onCancel={onClose}
    />
  );
}
