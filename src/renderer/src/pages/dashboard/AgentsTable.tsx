import type { AgentResponse, ResponseFigures } from '../../../../shared/dashboard/types';
import { useOfficeFormat } from '../../format/use-office-format';
import { useT } from '../../i18n/use-t';
import { formatDuration } from './dashboard-format';

/** First response per replying agent (and the number's phone) beside the total; a row opens its episodes. */
export function AgentsTable({ total, byAgent, onOpen }: { total: ResponseFigures; byAgent: AgentResponse[]; onOpen(agentId: number | null): void }) {
  const t = useT();
  const { formatNumber } = useOfficeFormat();
  const d = (ms: number | null) => formatDuration(ms, t, formatNumber);
  const row = (name: string, f: ResponseFigures, key: string, open: (() => void) | null) => (
    <tr key={key} data-testid={`agent-row-${key}`}>
      <th scope="row">
        {open ? (
          <button type="button" className="link-button" onClick={open}>
            {name}
          </button>
        ) : (
          name
        )}
      </th>
      <td>{formatNumber(f.answered)}</td>
      <td>{d(f.medianMs)}</td>
      <td>{d(f.p90Ms)}</td>
      <td>{d(f.officeMedianMs)}</td>
      <td>{f.avgResponseTime === null ? t('dashboard.none') : formatNumber(f.avgResponseTime)}</td>
    </tr>
  );
  return (
    <section className="card dashboard-agents" data-testid="dashboard-agents">
      <h2 className="section-title">{t('dashboard.agents.title')}</h2>
      {byAgent.length === 0 ? (
        <p className="muted">{t('dashboard.agents.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('dashboard.agents.agent')}</th>
                <th scope="col">{t('dashboard.agents.answered')}</th>
                <th scope="col">{t('dashboard.agents.median')}</th>
                <th scope="col">{t('dashboard.agents.p90')}</th>
                <th scope="col">{t('dashboard.agents.officeMedian')}</th>
                <th scope="col">{t('dashboard.agents.average')}</th>
              </tr>
            </thead>
            <tbody>
              {byAgent.map((a) => row(a.agentId === null ? t('dashboard.agents.onPhone') : (a.name ?? ''), a, a.agentId === null ? 'phone' : String(a.agentId), a.agentId === null ? null : () => onOpen(a.agentId)))}
            </tbody>
            <tfoot>{row(t('dashboard.agents.total'), total, 'total', null)}</tfoot>
          </table>
        </div>
      )}
    </section>
  );
}
