import type { ReactNode } from 'react';
import type { DashboardSummary, DrillFigure } from '../../../../shared/dashboard/types';
import { formatMoney } from '../../../../shared/money';
import { officeDigits } from '../../format/office-digits';
import { useOfficeFormat } from '../../format/use-office-format';
import { useLanguageStore } from '../../i18n/language-store';
import { useT } from '../../i18n/use-t';
import type { Route } from '../../stores/route-store';
import { formatDuration } from './dashboard-format';

/** Where a card leads: the episodes behind it (a drill-down here) or the page that lists them. */
export type Opens = { drill: DrillFigure } | { page: Route };

function Card({ label, value, detail, opens, onOpen, testId }: { label: string; value: string; detail?: ReactNode; opens: Opens; onOpen(opens: Opens): void; testId: string }) {
  return (
    <button type="button" className="dashboard-card" onClick={() => onOpen(opens)} data-testid={testId}>
      <span className="dashboard-card-label">{label}</span>
      <span className="dashboard-card-value" data-testid={`${testId}-value`}>
        {value}
      </span>
      {detail ? <span className="dashboard-card-detail">{detail}</span> : null}
    </button>
  );
}

/** The range's headline figures; each opens the list behind it. */
export function FigureCards({ summary, onOpen }: { summary: DashboardSummary; onOpen(opens: Opens): void }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const { formatNumber } = useOfficeFormat();
  const { stats, firstResponse, waiting, viewings, invoices } = summary;
  const n = (value: number) => formatNumber(value);
  const percent = (value: number | null) => (value === null ? t('dashboard.none') : t('dashboard.percent', { value: formatNumber(value, { maximumFractionDigits: 1 }) }));
  const duration = (ms: number | null) => formatDuration(ms, t, formatNumber);
  const money = (halalas: number) => formatMoney(halalas, language, officeDigits());
  return (
    <div className="dashboard-cards" data-testid="dashboard-cards">
      <Card label={t('dashboard.card.episodes')} value={n(stats.episodes)} detail={t('dashboard.card.episodesDetail', { conversations: n(stats.totalConversations) })} opens={{ drill: 'episodes' }} onOpen={onOpen} testId="card-episodes" />
      <Card label={t('dashboard.card.firstResponse')} value={duration(firstResponse.total.medianMs)} detail={t('dashboard.card.firstResponseDetail', { office: duration(firstResponse.total.officeMedianMs), p90: duration(firstResponse.total.p90Ms) })} opens={{ drill: 'answered' }} onOpen={onOpen} testId="card-first-response" />
      <Card
        label={t('dashboard.card.responseRate')}
        value={percent(stats.responseRate)}
        detail={t('dashboard.card.responseRateDetail', { within: n(stats.answeredWithinTarget), episodes: n(stats.episodes), target: n(summary.targetMinutes) })}
        opens={{ drill: 'withinTarget' }}
        onOpen={onOpen}
        testId="card-response-rate"
      />
      <Card label={t('dashboard.card.waiting')} value={n(waiting.count)} opens={{ drill: 'waiting' }} onOpen={onOpen} testId="card-waiting" />
      <Card label={t('dashboard.card.messages')} value={n(stats.totalMessages)} detail={t('dashboard.card.messagesDetail', { incoming: n(stats.incoming), outgoing: n(stats.outgoing) })} opens={{ page: 'inbox' }} onOpen={onOpen} testId="card-messages" />
      <Card label={t('dashboard.card.activeContacts')} value={n(stats.activeContacts)} opens={{ page: 'contacts' }} onOpen={onOpen} testId="card-active-contacts" />
      <Card label={t('dashboard.card.noShow')} value={percent(viewings.noShowRate)} detail={t('dashboard.card.noShowDetail', { noShow: n(viewings.noShow), done: n(viewings.done) })} opens={{ page: 'calendar' }} onOpen={onOpen} testId="card-no-show" />
      <Card label={t('dashboard.card.invoiced')} value={money(invoices.total)} detail={t('dashboard.card.invoicedDetail', { net: money(invoices.net), vat: money(invoices.vat) })} opens={{ page: 'invoices' }} onOpen={onOpen} testId="card-invoiced" />
      <Card label={t('dashboard.card.unpaid')} value={money(invoices.unpaid)} detail={n(invoices.unpaidCount)} opens={{ page: 'invoices' }} onOpen={onOpen} testId="card-unpaid" />
    </div>
  );
}
