import { useState } from 'react';
import { demoKinds, type DemoKind } from '../../../../shared/demo/contract';
import { call, toApiError } from '../../api/client';
import { describeError } from '../../i18n/errors';
import { useT } from '../../i18n/use-t';
import { useAppInfoStore } from '../../stores/app-info-store';
import { DemoCustomerSaysDialog } from './DemoCustomerSaysDialog';

/**
 * Demo mode only: make the simulated customer send a place, a card, a reply, an edit, a
 * deletion, a reaction or a missed call, to show how each looks (it arrives through the same
 * path as a real WhatsApp message), or type a text of the demo user's choosing.
 */
export function DemoCustomerSends({ conversationId }: { conversationId: number }) {
  const t = useT();
  const demo = useAppInfoStore((state) => state.info?.demo === true);
  const [error, setError] = useState<string | null>(null);
  const [saying, setSaying] = useState(false);
  if (!demo) return null;
  function send(kind: DemoKind) {
    setError(null);
    call('demo.customerSends', { conversationId, kind }).catch((e: unknown) => setError(describeError(t, toApiError(e)).formMessage ?? null));
  }
  return (
    <span className="demo-sends">
      <select
        className="input select input-small"
        aria-label={t('demo.customerSends')}
        value=""
        onChange={(e) => {
          // «A text I type…» opens a form; every other kind is sent at once.
          if (e.target.value === 'text') setSaying(true);
          else if (e.target.value) send(e.target.value as DemoKind);
        }}
        data-testid="demo-customer-sends"
      >
        <option value="">{t('demo.customerSends')}</option>
        <option value="text">{t('demo.kind.text')}</option>
        {demoKinds.map((kind) => (
          <option key={kind} value={kind}>
            {t(`demo.kind.${kind}`)}
          </option>
        ))}
      </select>
      {error ? <span className="message-retry-error" role="alert">{error}</span> : null}
      {saying ? <DemoCustomerSaysDialog conversationId={conversationId} onClose={() => setSaying(false)} /> : null}
    </span>
  );
}
