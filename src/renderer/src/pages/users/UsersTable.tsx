import type { PublicUser } from '../../../../shared/users/types';
import { Badge } from '../../components/Badge';
import { useOfficeFormat } from '../../format/use-office-format';
import { presenceLabel, roleLabel } from '../../i18n/labels';
import { useT } from '../../i18n/use-t';

interface UsersTableProps {
  users: PublicUser[] | null;
  meId: number;
  manage: boolean;
  onEdit(user: PublicUser): void;
  onToggle(user: PublicUser): void;
}

export function UsersTable({ users, meId, manage, onEdit, onToggle }: UsersTableProps) {
  const t = useT();
  const office = useOfficeFormat();
  return (
    <div className="card table-card">
      <table className="table" data-testid="users-table">
        <thead>
          <tr>
            <th scope="col">{t('users.col.name')}</th>
            <th scope="col">{t('users.col.email')}</th>
            <th scope="col">{t('users.col.role')}</th>
            <th scope="col">{t('users.col.presence')}</th>
            <th scope="col">{t('users.col.account')}</th>
            <th scope="col">{t('users.col.lastLogin')}</th>
            {manage ? (
              <th scope="col" className="cell-actions">
                <span className="visually-hidden">{t('users.col.actions')}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {(users ?? []).map((user) => (
            <tr key={user.id} data-testid={`user-row-${user.email}`} className={user.isActive ? undefined : 'row-muted'}>
              <td className="cell-name">
                <bdi dir="auto" className="person-name">
                  {user.name}
                </bdi>
                {user.id === meId ? <span className="tag-you">{t('users.you')}</span> : null}
              </td>
              <td>
                <bdi className="latin" data-testid="user-email">
                  {user.email}
                </bdi>
              </td>
              <td data-testid="user-role">{roleLabel(t, user.role)}</td>
              <td data-testid="user-presence">
                <span className={`presence presence-${user.status.toLowerCase()}`}>
                  <span className="presence-dot" aria-hidden="true" />
                  {presenceLabel(t, user.status)}
                </span>
              </td>
              <td data-testid="user-active">
                <Badge tone={user.isActive ? 'green' : 'red'}>{user.isActive ? t('account.active') : t('account.inactive')}</Badge>
              </td>
              <td className="cell-date muted">
                {user.lastLoginAt ? <time dateTime={user.lastLoginAt}>{office.formatDateTime(user.lastLoginAt)}</time> : t('users.never')}
              </td>
              {manage ? (
                <td className="cell-actions">
                  <button type="button" className="button button-small button-secondary" onClick={() => onEdit(user)} data-testid={`user-edit-${user.email}`}>
                    {t('users.edit')}
                  </button>
                  {/* An admin cannot lock themselves out: their own row offers no deactivate. */}
                  {user.id !== meId ? (
                    <button
                      type="button"
                      className={`button button-small ${user.isActive ? 'button-danger-ghost' : 'button-secondary'}`}
                      onClick={() => onToggle(user)}
                      data-testid={`user-toggle-active-${user.email}`}
                    >
                      {user.isActive ? t('users.deactivate') : t('users.activate')}
                    </button>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {users?.length === 0 ? <p className="table-empty">{t('users.empty')}</p> : null}
      {users === null ? <p className="table-empty">{t('app.loading')}</p> : null}
    </div>
  );
}
