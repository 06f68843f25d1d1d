import type { WebhookDeliveryView, WebhookEndpointView } from '../../../../shared/webhooks/types';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { VirtualList } from '../../components/VirtualList';
import { useOfficeFormat } from '../../format/use-office-format';
import { describeError } from '../../i18n/errors';
import { useLanguageStore } from '../../i18n/language-store';
import { plural } from '../../i18n/plural';
import { useT } from '../../i18n/use-t';
import { useDeliveryLog } from './use-delivery-log';
import { deliveryTone, webhookEventLabel } from './webhook-labels';

const rowHeight = 64;

/** An endpoint's delivery log: every event sent (or waiting, or given up), newest first, in the office's zone. */
export function WebhookDeliveriesDialog({ endpoint, notice, onClose }: { endpoint: WebhookEndpointView; notice?: string | undefined; onClose(): void }) {
  const t = useT();
  const log = useDeliveryLog(endpoint.id);
  const items = log.items ?? [];
  return (
    <Dialog title={t('webhooks.delivery.title', { url: endpoint.url })} onClose={onClose} size="large" testId="webhook-log-dialog">
      <div className="dialog-body webhook-log">
        {notice ? <Alert tone="info" testId="webhook-log-notice">{notice}</Alert> : null}
        {log.error ? <Alert tone="error" testId="webhook-log-error">{describeError(t, log.error).formMessage}</Alert> : null}
        {log.items && items.length === 0 ? (
          <p className="table-empty" data-testid="webhook-log-empty">
            {t('webhooks.delivery.empty')}
          </p>
        ) : (
          <>
            <div className="webhook-log-head" aria-hidden="true">
              <span>{t('webhooks.delivery.event')}</span>
              <span>{t('webhooks.delivery.status')}</span>
              <span>{t('webhooks.delivery.result')}</span>
              <span>{t('webhooks.delivery.when')}</span>
            </div>
            <div className="webhook-log-pane" style={{ blockSize: `min(55vh, ${Math.max(1, items.length) * rowHeight + (log.hasMore ? rowHeight : 2)}px)` }}>
              <VirtualList
                items={items}
                rowHeight={rowHeight}
                getKey={(d) => d.id}
                renderRow={(d) => <DeliveryRow delivery={d} />}
                onEndReached={log.more}
                footer={log.hasMore ? <p className="muted webhook-log-more">{t('webhooks.delivery.loadMore')}</p> : undefined}
                label={t('webhooks.log')}
                testId="webhook-log"
              />
            </div>
          </>
        )}
      </div>
      <div className="dialog-footer">
        <button type="button" className="button button-secondary" onClick={log.refresh} data-testid="webhook-log-refresh">
          {t('webhooks.delivery.refresh')}
        </button>
        <button type="button" className="button button-primary" onClick={onClose} data-testid="webhook-log-close">
          {t('common.close')}
        </button>
      </div>
    </Dialog>
  );
}

function DeliveryRow({ delivery: d }: { delivery: WebhookDeliveryView }) {
  const t = useT();
  const office = useOfficeFormat();
  const language = useLanguageStore((state) => state.language);
  const result = d.lastStatusCode !== null ? `HTTP ${d.lastStatusCode}` : (d.lastError ?? t('webhooks.delivery.noAnswer'));
  const when =
    d.status === 'delivered' && d.deliveredAt
      ? t('webhooks.delivery.deliveredAt', { at: office.formatDateTime(d.deliveredAt) })
      : d.status === 'pending' && d.nextAttemptAt
        ? t('webhooks.delivery.nextAttempt', { at: office.formatDateTime(d.nextAttemptAt) })
        : t('webhooks.delivery.created', { at: office.formatDateTime(d.createdAt) });
  return (
    <div className="webhook-log-row" data-testid={`webhook-delivery-${d.id}`} data-status={d.status}>
      <span className="webhook-log-event">
        <strong data-testid="webhook-delivery-event">{webhookEventLabel(t, d.event)}</strong>
        <code dir="ltr" className="muted" title={d.eventId}>
          {d.event} · {d.eventId.slice(0, 8)}
        </code>
      </span>
      <span>
        <span className={`badge ${deliveryTone[d.status]}`} data-testid="webhook-delivery-status">
          {t(`webhooks.delivery.status.${d.status}`)}
        </span>
        <span className="muted webhook-log-attempts" data-testid="webhook-delivery-attempts">
          {plural(t, language, 'webhooks.attempts', d.attempts)}
        </span>
      </span>
      <span className="webhook-log-result" data-testid="webhook-delivery-result" title={d.lastError ?? undefined}>
        <bdi>{result}</bdi>
      </span>
      <span className="muted" data-testid="webhook-delivery-when">
        {when}
      </span>
    </div>
  );
}
