import { useEffect, useState } from 'react';
import type { PublicUser } from '../../../../shared/users/types';
import { onEvent } from '../../api/client';
import { Alert } from '../../components/Alert';
import { Icon } from '../../components/icons';
import { PageHeader } from '../../components/PageHeader';
import { describeError } from '../../i18n/errors';
import { useT } from '../../i18n/use-t';
import { useUsersStore } from '../../stores/users-store';
import { SendNotificationDialog } from '../notifications/SendNotificationDialog';
import { canManageUsers } from '../shell/access';
import { ToggleActiveDialog } from './ToggleActiveDialog';
import { UserFormDialog } from './UserFormDialog';
import { UsersTable } from './UsersTable';

type Editing = { kind: 'create' } | { kind: 'notify' } | { kind: 'edit'; user: PublicUser } | { kind: 'toggle'; user: PublicUser } | null;

export function UsersPage({ user: me }: { user: PublicUser }) {
  const t = useT();
  const { users, error, load } = useUsersStore();
  const [editing, setEditing] = useState<Editing>(null);
  const manage = canManageUsers(me.role);

  useEffect(() => {
    void load();
    return onEvent('users.changed', () => void load());
  }, [load]);

  const close = () => setEditing(null);
  return (
    <section className="page" data-testid="users-page">
      <PageHeader
        title={t('users.title')}
        intro={t('users.intro')}
        actions={
          manage ? (
            <>
              <button type="button" className="button button-secondary" onClick={() => setEditing({ kind: 'notify' })} data-testid="users-send-notification">
                <Icon name="bell" />
                {t('notificationSend.open')}
              </button>
              <button type="button" className="button button-primary" onClick={() => setEditing({ kind: 'create' })} data-testid="users-add">
                <Icon name="plus" />
                {t('users.add')}
              </button>
            </>
          ) : null
        }
      />
      {error ? (
        <Alert tone="error" testId="users-error">
          {describeError(t, error).formMessage}
        </Alert>
      ) : null}
      <UsersTable
        users={users}
        meId={me.id}
        manage={manage}
        onEdit={(user) => setEditing({ kind: 'edit', user })}
        onToggle={(user) => setEditing({ kind: 'toggle', user })}
      />
      {editing?.kind === 'create' ? <UserFormDialog onClose={close} /> : null}
      {editing?.kind === 'notify' ? <SendNotificationDialog onClose={close} /> : null}
      {editing?.kind === 'edit' ? <UserFormDialog user={editing.user} onClose={close} /> : null}
      {editing?.kind === 'toggle' ? <ToggleActiveDialog user={editing.user} onClose={close} /> : null}
    </section>
  );
}
