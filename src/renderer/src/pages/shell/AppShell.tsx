import { useEffect } from 'react';
import type { PublicUser } from '../../../../shared/users/types';
import { useAppInfoStore } from '../../stores/app-info-store';
import { InsecureConnectionBanner } from '../../components/ConnectionNotice';
import { resetContacts } from '../../stores/contacts-store';
import { resetInbox } from '../../stores/inbox-actions';
import { watchConnection } from '../../stores/connection-store';
import { watchNumbers } from '../../stores/numbers-store';
import { watchOffice } from '../../stores/office-watch';
import { watchPendingAnswers } from '../../stores/pending-answers';
import { watchUnread } from '../../stores/unread-store';
import { watchNotifications } from '../../stores/notifications-store';
import { useRouteStore, type Route } from '../../stores/route-store';
import { ActivityPage } from '../activity/ActivityPage';
import { AutomationPage } from '../automation/AutomationPage';
import { AiPage } from '../ai/AiPage';
import { BackupsPage } from '../backups/BackupsPage';
import { DesktopPage } from '../desktop/DesktopPage';
import { BranchesPage } from '../branches/BranchesPage';
import { ContactsPage } from '../contacts/ContactsPage';
import { ForbiddenPage } from '../forbidden/ForbiddenPage';
import { InboxAlerts } from '../inbox/InboxAlerts';
import { InboxPage } from '../inbox/InboxPage';
import { IntegrationsPage } from '../integrations/IntegrationsPage';
import { CloudPage } from '../cloud/CloudPage';
import { CloudBanner } from '../cloud/CloudBanner';
import { NumbersPage } from '../numbers/NumbersPage';
import { OfficePage } from '../office/OfficePage';
import { OffersPage } from '../offers/OffersPage';
import { DashboardPage } from '../dashboard/DashboardPage';
import { InvoicesPage } from '../invoices/InvoicesPage';
import { ProfilePage } from '../profile/ProfilePage';
import { PropertiesPage } from '../properties/PropertiesPage';
import { TemplatesPage } from '../templates/TemplatesPage';
import { CalendarPage } from '../viewings/CalendarPage';
import { UsersPage } from '../users/UsersPage';
import { canSee, defaultRoute } from './access';
import { ConnectionBanner } from './ConnectionBanner';
import { NotFoundPage } from './NotFoundPage';
import { SideNav } from './SideNav';
import { useUnreadTitle } from './use-unread-title';

function Page({ route, user }: { route: Route; user: PublicUser }) {
  if (!canSee(user.role, route)) return <ForbiddenPage route={route} />;
  switch (route) {
    case 'inbox':
      return <InboxPage user={user} />;
    case 'dashboard':
      return <DashboardPage user={user} />;
    case 'contacts':
      return <ContactsPage user={user} />;
    case 'properties':
      return <PropertiesPage user={user} />;
    case 'calendar':
      return <CalendarPage user={user} />;
    case 'offers':
      return <OffersPage user={user} />;
    case 'invoices':
      return <InvoicesPage user={user} />;
    case 'templates':
      return <TemplatesPage user={user} />;
    case 'automation':
      return <AutomationPage user={user} />;
    case 'ai':
      return <AiPage user={user} />;
    case 'numbers':
      return <NumbersPage user={user} />;
    case 'users':
      return <UsersPage user={user} />;
    case 'branches':
      return <BranchesPage />;
    case 'activity':
      return <ActivityPage />;
    case 'office':
      return <OfficePage />;
    case 'backups':
      return <BackupsPage />;
    case 'desktop':
      return <DesktopPage />;
    case 'integrations':
      return <IntegrationsPage />;
    case 'cloud':
      return <CloudPage />;
    case 'profile':
      return <ProfilePage user={user} />;
  }
}

/** Pages that fill the window edge to edge and scroll inside their own panes. */
const fullBleed: ReadonlySet<Route> = new Set(['inbox', 'contacts']);

/** The signed-in layout: navigation on the inline-start side, the current page beside it. */
export function AppShell({ user }: { user: PublicUser }) {
  const route = useRouteStore((state) => state.route);
  const notFound = useRouteStore((state) => state.notFound);
  const replace = useRouteStore((state) => state.replace);
  const current = notFound ? null : (route ?? defaultRoute(user.role));

  useEffect(() => {
    if (route === null && !notFound) replace(defaultRoute(user.role));
  }, [route, notFound, replace, user.role]);

  // Numbers are live for the whole session: the inbox and the numbers page both follow them.
  useEffect(() => {
    const stop = watchNumbers();
    return () => {
      stop();
      resetInbox();
      resetContacts();
    };
  }, [user.id]);
  useEffect(() => {
    void useAppInfoStore.getState().load();
  }, []);
  // Issue 12: the desk's connection, answers waiting for it, and the unread count, on every page.
  useEffect(() => watchConnection(), []);
  useEffect(() => watchPendingAnswers(), [user.id]);
  useEffect(() => watchUnread(), [user.id]);
  // Dates everywhere follow Settings → Office, and change at once when an admin saves it.
  useEffect(() => watchOffice(), [user.id]);
  useEffect(() => watchNotifications(), [user.id]);
  useUnreadTitle();

  return (
    <div className="app-shell" data-testid="app-shell">
      <SideNav user={user} current={current} />
      <div className="main-column">
        <ConnectionBanner userId={user.id} />
        <CloudBanner user={user} />
        <main className={current && fullBleed.has(current) ? 'main main-full' : 'main'} id="main">
          {current ? <Page key={current} route={current} user={user} /> : <NotFoundPage />}
        </main>
      </div>
      <InboxAlerts userId={user.id} />
      <InsecureConnectionBanner />
    </div>
  );
}
