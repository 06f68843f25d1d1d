import type { DashboardSummary } from '../../../../shared/dashboard/types';
import { useOfficeFormat } from '../../format/use-office-format';
import { useT } from '../../i18n/use-t';
import { useRouteStore } from '../../stores/route-store';

/** Who waits longest for a person's reply now; a row opens the conversation. */
export function WaitingList({ waiting }: { waiting: DashboardSummary['waiting'] }) {
  const t = useT();
  const { formatListTime } = useOfficeFormat();
  const open = useRouteStore((state) => state.navigateToConversation);
  return (
    <section className="card dashboard-list" data-testid="dashboard-waiting">
      <h2 className="section-title">{t('dashboard.waiting.title')}</h2>
      {waiting.longest.length === 0 ? <p className="muted">{t('dashboard.waiting.empty')}</p> : null}
      <ul className="dashboard-rows">
        {waiting.longest.map((w) => (
          <li key={w.episodeId}>
            <button type="button" className="dashboard-row" onClick={() => open(w.conversationId)} data-testid={`waiting-${w.conversationId}`}>
              <span className="dashboard-row-main">{w.customer}</span>
              <span className="muted">{w.numberName}</span>
              <span className="muted">{t('dashboard.waiting.since', { time: formatListTime(new Date(w.startedAt).toISOString()) })}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Seed 000's recent conversations. */
export function RecentList({ recent }: { recent: DashboardSummary['recentConversations'] }) {
  const t = useT();
  const { formatListTime } = useOfficeFormat();
  const open = useRouteStore((state) => state.navigateToConversation);
  return (
    <section className="card dashboard-list" data-testid="dashboard-recent">
      <h2 className="section-title">{t('dashboard.recent.title')}</h2>
      {recent.length === 0 ? <p className="muted">{t('dashboard.recent.empty')}</p> : null}
      <ul className="dashboard-rows">
        {recent.map((c) => (
          <li key={c.id}>
            <button type="button" className="dashboard-row" onClick={() => open(c.id)} data-testid={`recent-${c.id}`}>
              <span className="dashboard-row-main">{c.customer}</span>
              <span className="muted dashboard-row-text">{c.lastMessage ?? ''}</span>
              <span className="muted">{c.lastMessageTime === null ? '' : formatListTime(new Date(c.lastMessageTime).toISOString())}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
