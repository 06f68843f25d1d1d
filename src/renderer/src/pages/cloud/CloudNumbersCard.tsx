import { useState } from 'react';
import type { CloudConnectionView } from '../../../../shared/cloud/types';
import { call, toApiError } from '../../api/client';
import { Alert } from '../../components/Alert';
import { describeError } from '../../i18n/errors';
import { useLanguageStore } from '../../i18n/language-store';
import { plural } from '../../i18n/plural';
import { Badge } from '../../components/Badge';
import { useOfficeFormat } from '../../format/use-office-format';
import { isolate } from '../../i18n/labels';
import { useT } from '../../i18n/use-t';
import { CopyField } from './CopyField';

/** Each Cloud number's callback URL and verify token to paste into Meta, and when Meta last called. */
export function CloudNumbersCard({ view }: { view: CloudConnectionView }) {
  const t = useT();
  const format = useOfficeFormat();
  return (
    <section className="card" aria-labelledby="cloud-numbers-title" data-testid="cloud-numbers">
      <h2 className="section-title" id="cloud-numbers-title">
        {t('cloud.numbers')}
      </h2>
      {view.numbers.length === 0 ? <p className="muted">{t('cloud.noNumbers')}</p> : null}
      {view.numbers.map((number) => (
        <article key={number.numberId} className="cloud-number" data-testid="cloud-number">
          <h3 className="cloud-number-name">
            {isolate(number.name)}
            {number.displayPhoneNumber ? (
              <span dir="ltr" className="muted">
                {' '}
                {number.displayPhoneNumber}
              </span>
            ) : null}
          </h3>
          {number.verifiedName ? (
            <p data-testid="cloud-number-verified-name">
              {t('cloud.verifiedName')}: {isolate(number.verifiedName)}
            </p>
          ) : null}
          {number.tokenExpiredAt ? (
            <Badge tone="red" dot testId="cloud-number-token-expired">
              {t('cloud.tokenExpired')}
            </Badge>
          ) : null}
          {number.callbackUrl ? (
            <CopyField label={t('cloud.callbackUrl')} value={number.callbackUrl} testId="cloud-callback-url" />
          ) : (
            <>
              <CopyField label={t('cloud.callbackPath')} value={number.callbackPath} testId="cloud-callback-path" />
              <p className="muted">{t('cloud.noPublicUrl')}</p>
            </>
          )}
          <CopyField label={t('cloud.verifyToken')} value={number.verifyToken} testId="cloud-verify-token" />
          <p className="muted" data-testid="cloud-last-webhook">
            {t('cloud.lastWebhook')}: {number.lastWebhookAt ? format.formatDateTime(number.lastWebhookAt) : t('cloud.never')}
          </p>
          <TemplateSync numberId={number.numberId} />
        </article>
      ))}
    </section>
  );
}

/** Reads the WABA's templates again (new ones approved, old ones gone). */
function TemplateSync({ numberId }: { numberId: number }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const [state, setState] = useState<{ busy: boolean; text: string | null; failed: boolean }>({ busy: false, text: null, failed: false });
  const sync = () => {
    setState({ busy: true, text: null, failed: false });
    call('cloud.syncTemplates', { numberId })
      .then((result) => setState({ busy: false, text: plural(t, language, 'cloud.templates.synced', result.count), failed: false }))
      .catch((thrown: unknown) => setState({ busy: false, text: describeError(t, toApiError(thrown)).formMessage ?? null, failed: true }));
  };
  return (
    <div className="cloud-tunnel-row">
      <button type="button" className="button button-secondary" disabled={state.busy} onClick={sync} data-testid="cloud-templates-sync">
        {t('cloud.templates.sync')}
      </button>
      {state.text ? (
        <Alert tone={state.failed ? 'error' : 'success'} testId="cloud-templates-synced">
          {state.text}
        </Alert>
      ) : null}
    </div>
  );
}
