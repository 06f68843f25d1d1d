import { useState } from 'react';
import type { ApiKeyView, ApiSettings, CreatedApiKey } from '../../../../shared/integrations/types';
import { call } from '../../api/client';
import { Alert } from '../../components/Alert';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { PageHeader } from '../../components/PageHeader';
import { useQuery } from '../../hooks/use-query';
import { useSubmit } from '../../hooks/use-submit';
import { useT } from '../../i18n/use-t';
import { ApiKeyFormDialog } from './ApiKeyFormDialog';
import { ApiKeysTable } from './ApiKeysTable';
import { SecretDialog } from './SecretDialog';
import { WebhooksSection } from './WebhooksSection';

const apiPath = '/api/v1/whatsapp';

/** Settings → Integrations (admins): the REST API on or off, where it listens, its keys, and the CRM webhooks. */
export function IntegrationsPage() {
  const t = useT();
  const settings = useQuery(() => call('api.settings', {}));
  const keys = useQuery(() => call('apiKeys.list', {}));
  const numbers = useQuery(() => call('numbers.list', {}));
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [revoking, setRevoking] = useState<ApiKeyView | null>(null);
  const saving = useSubmit([]);
  const revoke = useSubmit([]);

  // Shown as chosen at once (a checkbox that waits for the answer looks unclicked), put back if refused.
  const [chosen, setChosen] = useState<ApiSettings | null>(null);
  async function change(patch: Partial<ApiSettings>) {
    const before = chosen ?? settings.data;
    if (before) setChosen({ ...before, ...patch });
    const ok = await saving.run(async () => setChosen(await call('api.updateSettings', patch)));
    if (!ok) setChosen(before ?? null);
  }

  const current = chosen ?? settings.data;
  const address = `${window.location.origin.startsWith('http') ? window.location.origin : 'http://127.0.0.1:5174'}${apiPath}`;
  return (
    <div className="page" data-testid="integrations-page">
      <PageHeader title={t('integrations.title')} intro={t('integrations.intro')} />
      <section className="card integrations-card" aria-labelledby="api-title">
        <h2 className="card-title" id="api-title">
          {t('integrations.api.title')}
        </h2>
        {saving.shown.formMessage ? <Alert tone="error" testId="api-settings-error">{saving.shown.formMessage}</Alert> : null}
        {current ? (
          <div className="form">
            <label className="checkbox-field">
              <input type="checkbox" checked={current.enabled} disabled={saving.pending} onChange={(e) => void change({ enabled: e.target.checked })} data-testid="api-enabled" />
              <span>{t('integrations.api.enabled')}</span>
            </label>
            <label className="checkbox-field">
              <input type="checkbox" checked={current.lan} disabled={saving.pending || !current.enabled} onChange={(e) => void change({ lan: e.target.checked })} data-testid="api-lan" />
              <span>{t('integrations.api.lan')}</span>
            </label>
            {current.enabled ? (
              <p>
                {t('integrations.api.address')}: <code dir="ltr" data-testid="api-address">{address}</code> ·{' '}
                <a href={`${apiPath}/docs`} target="_blank" rel="noreferrer">
                  {t('integrations.api.docs')}
                </a>
              </p>
            ) : (
              <p className="muted">{t('integrations.api.off')}</p>
            )}
          </div>
        ) : null}
      </section>
      <section className="card integrations-card" aria-labelledby="keys-title">
        <div className="card-header-row">
          <h2 className="card-title" id="keys-title">
            {t('integrations.keys.title')}
          </h2>
          <button type="button" className="button button-primary" onClick={() => setCreating(true)} data-testid="api-key-new">
            {t('integrations.keys.new')}
          </button>
        </div>
        {keys.data ? <ApiKeysTable keys={keys.data} numbers={numbers.data ?? []} onRevoke={setRevoking} /> : null}
      </section>
      <WebhooksSection />
      {creating ? (
        <ApiKeyFormDialog
          numbers={numbers.data ?? []}
          onClose={() => setCreating(false)}
          onCreated={(key) => {
            setCreating(false);
            setCreated(key);
            keys.reload();
          }}
        />
      ) : null}
      {created ? <SecretDialog secret={created.secret} title={t('integrations.secret.title')} warning={t('integrations.secret.once')} testIdPrefix="api-key" onClose={() => setCreated(null)} /> : null}
      {revoking ? (
        <ConfirmDialog
          title={t('integrations.keys.revokeTitle')}
          message={t('integrations.keys.revokeConfirm', { name: revoking.name })}
          confirmLabel={t('integrations.keys.revoke')}
          danger
          pending={revoke.pending}
          error={revoke.shown.formMessage}
          onConfirm={() =>
            void revoke.run(async () => {
              await call('apiKeys.revoke', { id: revoking.id });
              setRevoking(null);
              keys.reload();
            })
          }
          onCancel={() => setRevoking(null)}
        />
      ) : null}
    </div>
  );
}
