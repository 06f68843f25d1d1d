import { useState } from 'react';
import { call } from '../../api/client';
import { useOfficeFormat } from '../../format/use-office-format';
import { useT } from '../../i18n/use-t';
import { useLiveRead } from '../automation/use-live-read';
import { durationText, outcomeText, providerErrorText, reasonText } from './ai-labels';

const limit = 20;

/** The responder's decisions, newest first, a page at a time; the open page follows new decisions live. */
export function AiLogsCard({ numberId }: { numberId: number | undefined }) {
  const t = useT();
  const { formatDateTime, formatNumber } = useOfficeFormat();
  const [page, setPage] = useState(1);
  const input = { page, limit, ...(numberId !== undefined ? { numberId } : {}) };
  const logs = useLiveRead(() => call('ai.logs', input), JSON.stringify(input), ['ai.conversation.changed']);
  const rows = logs.data?.data ?? [];
  const pages = logs.data?.pagination.totalPages ?? 1;
  // Costs are thousandths of a halala: a riyal figure with up to five decimals.
  const cost = (millihalalas: number) => t('ai.logs.costValue', { value: formatNumber(millihalalas / 100_000, { minimumFractionDigits: 2, maximumFractionDigits: 5 }) });

  return (
    <section className="card ai-card" aria-labelledby="ai-logs-title" data-testid="ai-logs">
      <h2 className="section-title" id="ai-logs-title">
        {t('ai.logs.title')}
      </h2>
      {logs.error ? <p className="field-error">{t('ai.loadFailed')}</p> : null}
      {logs.data && rows.length === 0 ? (
        <p className="table-empty" data-testid="ai-logs-empty">
          {t('ai.logs.empty')}
        </p>
      ) : (
        <div className="table-wrap ai-table">
          <table className="table" aria-label={t('ai.logs.listLabel')} data-testid="ai-logs-table">
            <thead>
              <tr>
                <th scope="col">{t('ai.logs.time')}</th>
                <th scope="col">{t('ai.logs.outcome')}</th>
                <th scope="col">{t('ai.logs.scenario')}</th>
                <th scope="col">{t('ai.logs.language')}</th>
                <th scope="col">{t('ai.logs.responseTime')}</th>
                <th scope="col">{t('ai.logs.handedOff')}</th>
                <th scope="col">{t('ai.logs.reason')}</th>
                <th scope="col">{t('ai.logs.tokens')}</th>
                <th scope="col">{t('ai.logs.cost')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} data-testid={`ai-log-${row.id}`} data-outcome={row.outcome}>
                  <td className="nowrap">{formatDateTime(row.createdAt)}</td>
                  <td>{outcomeText(t, row.outcome)}</td>
                  <td>{row.scenario ? t(`ai.scenario.${row.scenario}`) : '—'}</td>
                  <td>{row.language ? t(`ai.language.${row.language}`) : '—'}</td>
                  <td className="nowrap">{durationText(t, formatNumber, row.responseTimeMs)}</td>
                  <td>{t(row.handedOff ? 'ai.logs.yes' : 'ai.logs.no')}</td>
                  <td>{[reasonText(t, row.reason), row.errorCode ? providerErrorText(t, row.errorCode) : ''].filter(Boolean).join(' — ') || '—'}</td>
                  <td className="nowrap" title={t('ai.console.tokens', { prompt: formatNumber(row.promptTokens), completion: formatNumber(row.completionTokens) })}>
                    <bdi dir="ltr">{`${formatNumber(row.promptTokens)} + ${formatNumber(row.completionTokens)}`}</bdi>
                  </td>
                  <td className="nowrap">{cost(row.costMillihalalas)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 ? (
        <div className="ai-pager">
          <button type="button" className="button button-small button-secondary" disabled={page <= 1} onClick={() => setPage(page - 1)} data-testid="ai-logs-newer">
            {t('ai.logs.newer')}
          </button>
          <span className="muted">{t('ai.logs.page', { page: formatNumber(page), pages: formatNumber(pages) })}</span>
          <button type="button" className="button button-small button-secondary" disabled={page >= pages} onClick={() => setPage(page + 1)} data-testid="ai-logs-older">
            {t('ai.logs.older')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
