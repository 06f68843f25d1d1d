import type { DashboardQueryInput, DrillFigure } from './use-dashboard';
import { call } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { VirtualList } from '../../components/VirtualList';
import { useOfficeFormat } from '../../format/use-office-format';
import { useQuery } from '../../hooks/use-query';
import { usePlural } from '../../i18n/use-plural';
import { useT } from '../../i18n/use-t';
import { useRouteStore } from '../../stores/route-store';
import { formatDuration } from './dashboard-format';

const rowHeight = 56;

/** The episodes behind a figure, from the same query as the card; a row opens its conversation. */
export function DrillDownDialog({ query, figure, repliedBy, onClose }: { query: DashboardQueryInput; figure: DrillFigure; repliedBy: number | null; onClose(): void }) {
  const t = useT();
  const count = usePlural();
  const { formatListTime, formatNumber } = useOfficeFormat();
  const open = useRouteStore((state) => state.navigateToConversation);
  const drill = useQuery(() => call('dashboard.drillDown', { query, figure, limit: 500, ...(repliedBy !== null ? { repliedBy } : {}) }));
  const rows = drill.data?.rows ?? [];
  const time = (ms: number) => formatListTime(new Date(ms).toISOString());
  return (
    <Dialog title={t(`dashboard.drill.title.${figure}`)} onClose={onClose} size="large" testId="dashboard-drill">
      <div className="dialog-body">
        {drill.data ? (
          <p className="muted" data-testid="dashboard-drill-count">
            {count('dashboard.drill.count', drill.data.total)}
          </p>
        ) : (
          <p className="muted">{t('app.loading')}</p>
        )}
        {drill.data && rows.length === 0 ? <p className="muted">{t('dashboard.drill.empty')}</p> : null}
        {rows.length > 0 ? (
          <div className="dashboard-drill-list">
            <VirtualList
              items={rows}
              rowHeight={rowHeight}
              getKey={(row) => row.episodeId}
              label={t(`dashboard.drill.title.${figure}`)}
              testId="dashboard-drill-rows"
              renderRow={(row) => (
                <button
                  type="button"
                  className="dashboard-row dashboard-drill-row"
                  onClick={() => {
                    onClose();
                    open(row.conversationId);
                  }}
                  data-testid={`drill-row-${row.conversationId}`}
                >
                  <span className="dashboard-row-main">{row.customer}</span>
                  <span className="muted">{row.numberName}</span>
                  <span className="muted">{time(row.startedAt)}</span>
                  <span>
                    {row.firstReplyAt === null
                      ? t('dashboard.drill.noReply')
                      : `${formatDuration(row.responseMs, t, formatNumber)} · ${row.onPhone ? t('dashboard.agents.onPhone') : (row.repliedBy ?? '')}`}
                  </span>
                </button>
              )}
            />
          </div>
        ) : null}
      </div>
      <div className="dialog-footer">
        <button type="button" className="button button-secondary" onClick={onClose} data-testid="dashboard-drill-close">
          {t('dashboard.drill.close')}
        </button>
      </div>
    </Dialog>
  );
}
