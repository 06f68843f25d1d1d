import type { PublicUser } from '../../../../shared/users/types';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/use-t';
import { NotificationSettings } from './NotificationSettings';
import { PasswordForm } from './PasswordForm';
import { ProfileForm } from './ProfileForm';

export function ProfilePage({ user }: { user: PublicUser }) {
  const t = useT();
  return (
    <section className="page page-narrow" data-testid="profile-page">
      <PageHeader title={t('profile.title')} intro={t('profile.intro')} />
      <ProfileForm user={user} />
      <PasswordForm />
      <NotificationSettings />
    </section>
  );
}
