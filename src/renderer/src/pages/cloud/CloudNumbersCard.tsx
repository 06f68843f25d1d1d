import type { CloudConnectionView } from '../../../../shared/cloud/types';
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
        </article>
      ))}
    </section>
  );
}
