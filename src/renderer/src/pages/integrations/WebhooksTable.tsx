import type { WebhookEndpointView } from '../../../../shared/webhooks/types';
import { useOfficeFormat } from '../../format/use-office-format';
import { useLanguageStore } from '../../i18n/language-store';
import { useT } from '../../i18n/use-t';
import { deliveryTone, webhookEventLabel } from './webhook-labels';

interface WebhooksTableProps {
  endpoints: WebhookEndpointView[];
  busy: boolean;
  onPause(endpoint: WebhookEndpointView, paused: boolean): void;
  onTest(endpoint: WebhookEndpointView): void;
  onLog(endpoint: WebhookEndpointView): void;
  onDelete(endpoint: WebhookEndpointView): void;
}

/** The office's endpoints: a handful, so a plain table (never the secret). */
export function WebhooksTable({ endpoints, busy, onPause, onTest, onLog, onDelete }: WebhooksTableProps) {
  const t = useT();
  const office = useOfficeFormat();
  const language = useLanguageStore((state) => state.language);
  const comma = language === 'ar' ? '، ' : ', ';
  if (endpoints.length === 0) return <p className="table-empty" data-testid="webhooks-empty">{t('webhooks.empty')}</p>;
  return (
    <table className="table" data-testid="webhooks-table" aria-label={t('webhooks.listLabel')}>
      <thead>
        <tr>
          <th>{t('webhooks.url')}</th>
          <th>{t('webhooks.events')}</th>
          <th>{t('webhooks.status')}</th>
          <th>{t('webhooks.lastDelivery')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {endpoints.map((e) => (
          <tr key={e.id} data-testid={`webhook-row-${e.id}`}>
            <td>
              <bdi>
                <code dir="ltr" data-testid="webhook-url-cell">{e.url}</code>
              </bdi>
            </td>
            <td className="webhook-events">{e.events.map((name) => webhookEventLabel(t, name)).join(comma)}</td>
            <td data-testid="webhook-status">
              <span className={`badge ${e.paused ? 'badge-amber' : 'badge-green'}`}>{e.paused ? t('webhooks.paused') : t('webhooks.running')}</span>
              {e.paused && e.pausedReason && e.pausedAt ? (
                <div className="muted webhook-paused-reason" data-testid="webhook-paused-reason">
                  {t(`webhooks.pausedBy.${e.pausedReason}`, { at: office.formatDateTime(e.pausedAt) })}
                </div>
              ) : null}
            </td>
            <td data-testid="webhook-last-delivery">
              {e.lastDelivery ? (
                <>
                  <div className="webhook-last-outcome">
                    <span className={`badge ${deliveryTone[e.lastDelivery.status]}`}>{t(`webhooks.delivery.status.${e.lastDelivery.status}`)}</span>
                    {e.lastDelivery.statusCode !== null ? <bdi className="muted">HTTP {e.lastDelivery.statusCode}</bdi> : null}
                  </div>
                  <div className="muted">{office.formatDateTime(e.lastDelivery.at)}</div>
                </>
              ) : (
                <span className="muted">{t('webhooks.none')}</span>
              )}
            </td>
            <td>
              <div className="webhook-actions">
                <button type="button" className="button button-secondary button-small" disabled={busy} onClick={() => onTest(e)} data-testid={`webhook-test-${e.id}`}>
                  {t('webhooks.sendTest')}
                </button>
                <button type="button" className="button button-secondary button-small" onClick={() => onLog(e)} data-testid={`webhook-log-${e.id}`}>
                  {t('webhooks.log')}
                </button>
                <button type="button" className="button button-secondary button-small" disabled={busy} onClick={() => onPause(e, !e.paused)} data-testid={`webhook-pause-${e.id}`}>
                  {e.paused ? t('webhooks.resume') : t('webhooks.pause')}
                </button>
                <button type="button" className="button button-danger button-small" onClick={() => onDelete(e)} data-testid={`webhook-delete-${e.id}`}>
                  {t('webhooks.delete')}
                </button>
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
