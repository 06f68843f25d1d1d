import { useState } from 'react';
import type { CreatedWebhookEndpoint, WebhookEndpointView } from '../../../../shared/webhooks/types';
import { call } from '../../api/client';
import { Alert } from '../../components/Alert';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useQuery } from '../../hooks/use-query';
import { useSubmit } from '../../hooks/use-submit';
import { useT } from '../../i18n/use-t';
import { SecretDialog } from './SecretDialog';
import { WebhookDeliveriesDialog } from './WebhookDeliveriesDialog';
import { WebhookFormDialog } from './WebhookFormDialog';
import { WebhooksTable } from './WebhooksTable';

/** Settings → Integrations → CRM webhooks: the endpoints, their secret once, pause, test, log. */
export function WebhooksSection() {
  const t = useT();
  const endpoints = useQuery(() => call('webhooks.list', {}));
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedWebhookEndpoint | null>(null);
  const [deleting, setDeleting] = useState<WebhookEndpointView | null>(null);
  const [logOf, setLogOf] = useState<WebhookEndpointView | null>(null);
  const [tested, setTested] = useState<number | null>(null);
  const action = useSubmit([]);
  const remove = useSubmit([]);

  const setPaused = (endpoint: WebhookEndpointView, paused: boolean) =>
    void action.run(async () => {
      await call('webhooks.update', { id: endpoint.id, paused });
      endpoints.reload();
    });
  const sendTest = (endpoint: WebhookEndpointView) =>
    void action.run(async () => {
      await call('webhooks.sendTest', { id: endpoint.id });
      setTested(endpoint.id);
      // The test goes in the background: the log shows how it went.
      setLogOf(endpoint);
    });

  return (
    <section className="card integrations-card" aria-labelledby="webhooks-title" data-testid="webhooks-section">
      <div className="card-header-row">
        <h2 className="card-title" id="webhooks-title">
          {t('webhooks.title')}
        </h2>
        <button type="button" className="button button-primary" onClick={() => setCreating(true)} data-testid="webhook-new">
          {t('webhooks.new')}
        </button>
      </div>
      <p className="muted">{t('webhooks.intro')}</p>
      {action.shown.formMessage ? <Alert tone="error" testId="webhook-action-error">{action.shown.formMessage}</Alert> : null}
      {endpoints.data ? (
        <WebhooksTable endpoints={endpoints.data} busy={action.pending} onPause={setPaused} onTest={sendTest} onLog={setLogOf} onDelete={setDeleting} />
      ) : null}
      {creating ? (
        <WebhookFormDialog
          onClose={() => setCreating(false)}
          onCreated={(endpoint) => {
            setCreating(false);
            setCreated(endpoint);
            endpoints.reload();
          }}
        />
      ) : null}
      {created ? (
        <SecretDialog secret={created.secret} title={t('webhooks.secret.title')} warning={t('webhooks.secret.once')} testIdPrefix="webhook" onClose={() => setCreated(null)}>
          <p>
            {t('webhooks.secret.for')}: <bdi><code dir="ltr">{created.endpoint.url}</code></bdi>
          </p>
        </SecretDialog>
      ) : null}
      {logOf ? (
        <WebhookDeliveriesDialog
          endpoint={logOf}
          notice={tested === logOf.id ? t('webhooks.testQueued') : undefined}
          onClose={() => {
            setLogOf(null);
            setTested(null);
            // The list's "last delivery" may have moved on meanwhile.
            endpoints.reload();
          }}
        />
      ) : null}
      {deleting ? (
        <ConfirmDialog
          title={t('webhooks.deleteTitle')}
          message={t('webhooks.deleteConfirm', { url: deleting.url })}
          confirmLabel={t('webhooks.delete')}
          danger
          pending={remove.pending}
          error={remove.shown.formMessage}
          onConfirm={() =>
            void remove.run(async () => {
              await call('webhooks.delete', { id: deleting.id });
              setDeleting(null);
              endpoints.reload();
            })
          }
          onCancel={() => setDeleting(null)}
        />
      ) : null}
    </section>
  );
}
