import type { PublicUser } from '../../../../shared/users/types';
import { Icon, type IconName } from '../../components/icons';
import { LanguageToggle } from '../../components/LanguageToggle';
import type { MessageKey } from '../../i18n/dictionary';
import { useLanguageStore } from '../../i18n/language-store';
import { plural } from '../../i18n/plural';
import { roleLabel } from '../../i18n/labels';
import { useT } from '../../i18n/use-t';
import { routes, useRouteStore, type Route } from '../../stores/route-store';
import { signOut } from '../../stores/session-actions';
import { useUnreadStore } from '../../stores/unread-store';
import { canSee } from './access';
import { Brand } from '../../components/Brand';
import { NotificationBell } from '../notifications/NotificationBell';

const navItems: Record<Route, { label: MessageKey; icon: IconName }> = {
  inbox: { label: 'nav.inbox', icon: 'inbox' },
  dashboard: { label: 'nav.dashboard', icon: 'chart' },
  contacts: { label: 'nav.contacts', icon: 'contacts' },
  properties: { label: 'nav.properties', icon: 'properties' },
  calendar: { label: 'nav.calendar', icon: 'calendar' },
  offers: { label: 'nav.offers', icon: 'offer' },
  invoices: { label: 'nav.invoices', icon: 'file' },
  templates: { label: 'nav.templates', icon: 'template' },
  automation: { label: 'nav.automation', icon: 'bolt' },
  ai: { label: 'nav.ai', icon: 'sparkle' },
  numbers: { label: 'nav.numbers', icon: 'phone' },
  users: { label: 'nav.users', icon: 'users' },
  branches: { label: 'nav.branches', icon: 'office' },
  activity: { label: 'nav.activity', icon: 'activity' },
  office: { label: 'nav.office', icon: 'office' },
  backups: { label: 'nav.backups', icon: 'backup' },
  desktop: { label: 'nav.desktop', icon: 'power' },
  integrations: { label: 'nav.integrations', icon: 'link' },
  cloud: { label: 'nav.cloud', icon: 'link' },
  profile: { label: 'nav.profile', icon: 'profile' },
};

/** The inbox entry's count of conversations waiting to be read. */
function UnreadCount() {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const count = useUnreadStore((state) => state.summary?.conversations ?? 0);
  if (count <= 0) return null;
  return (
    <>
      <span className="unread-badge nav-count" aria-hidden="true" data-testid="nav-unread">
        {count > 99 ? '99+' : count}
      </span>
      <span className="visually-hidden">{plural(t, language, 'nav.unreadCount', count)}</span>
    </>
  );
}

/** `current` is null on an address the app has no page for. */
export function SideNav({ user, current }: { user: PublicUser; current: Route | null }) {
  const t = useT();
  const navigate = useRouteStore((state) => state.navigate);
  return (
    <aside className="sidenav">
      <div className="sidenav-header">
        <Brand />
        <NotificationBell />
      </div>
      <nav className="nav" aria-label={t('nav.label')}>
        <ul className="nav-list">
          {routes
            .filter((route) => canSee(user.role, route))
            .map((route) => (
              <li key={route}>
                <a
                  href={`#/${route}`}
                  className="nav-link"
                  aria-current={route === current ? 'page' : undefined}
                  onClick={(event) => {
                    event.preventDefault();
                    navigate(route);
                  }}
                  title={t(navItems[route].label)}
                  data-testid={`nav-${route}`}
                >
                  <Icon name={navItems[route].icon} />
                  <span className="nav-link-label">{t(navItems[route].label)}</span>
                  {route === 'inbox' ? <UnreadCount /> : null}
                </a>
              </li>
            ))}
        </ul>
      </nav>
      <div className="sidenav-footer">
        <div className="user-card" data-testid="current-user">
          <span className="avatar" aria-hidden="true">
            {user.name.trim().charAt(0)}
          </span>
          <span className="user-card-text">
            <span className="user-card-name" data-testid="current-user-name">
              {user.name}
            </span>
            <span className="user-card-role" data-testid="current-user-role">
              {roleLabel(t, user.role)}
            </span>
          </span>
        </div>
        <LanguageToggle className="button button-ghost button-block" />
        <button type="button" className="button button-ghost button-block" onClick={() => void signOut()} title={t('nav.signOut')} data-testid="signout">
          <Icon name="signOut" className="icon icon-directional" />
          <span>{t('nav.signOut')}</span>
        </button>
      </div>
    </aside>
  );
}
