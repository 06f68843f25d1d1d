import { useState } from 'react';
import { Alert } from '../../components/Alert';
import { Icon } from '../../components/icons';
import { PageHeader } from '../../components/PageHeader';
import { describeError } from '../../i18n/errors';
import { isolate } from '../../i18n/labels';
import { useT } from '../../i18n/use-t';
import { CloudLinkDialog } from './CloudLinkDialog';
import { CloudNumbersCard } from './CloudNumbersCard';
import { GraphCard } from './GraphCard';
import { TunnelCard } from './TunnelCard';
import { useCloudConnection } from './use-cloud-connection';

/** Issue 19 (admins): link Cloud API numbers and make this desk reachable by Meta's webhooks. */
export function CloudPage() {
  const t = useT();
  const { view, error, reload, setView } = useCloudConnection();
  const [linking, setLinking] = useState(false);
  const [linked, setLinked] = useState<{ name: string; phone: string } | null>(null);
  return (
    <section className="page" data-testid="cloud-page">
      <PageHeader
        title={t('cloud.title')}
        intro={t('cloud.intro')}
        actions={
          <button type="button" className="button button-primary" onClick={() => setLinking(true)} data-testid="cloud-link-open">
            <Icon name="plus" />
            {t('cloud.link.open')}
          </button>
        }
      />
      {linked ? (
        <Alert tone="success" testId="cloud-linked">
          {t('cloud.link.done', { name: isolate(linked.name), phone: isolate(linked.phone) })}
        </Alert>
      ) : null}
      {error ? <Alert tone="error" testId="cloud-error">{describeError(t, error).formMessage}</Alert> : null}
      <Alert tone="info" testId="cloud-truth">
        {t('cloud.truth')}
      </Alert>
      {view ? (
        <>
          <CloudNumbersCard view={view} />
          <TunnelCard view={view} onChanged={setView} />
          <GraphCard graph={view.graph} onSaved={reload} />
        </>
      ) : (
        <p className="muted">{t('app.loading')}</p>
      )}
      {linking ? (
        <CloudLinkDialog
          onClose={() => setLinking(false)}
          onLinked={(number) => {
            setLinked({ name: number.verifiedName ?? number.name, phone: number.displayPhoneNumber ?? number.phoneNumberId });
            reload();
          }}
        />
      ) : null}
    </section>
  );
}
