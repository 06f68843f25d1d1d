import { useEffect, useState } from 'react';
import type { AiConfigView, AiProviderView } from '../../../../shared/ai/types';
import type { PublicUser } from '../../../../shared/users/types';
import { call, onEvent } from '../../api/client';
import { Alert } from '../../components/Alert';
import { PageHeader } from '../../components/PageHeader';
import { useQuery } from '../../hooks/use-query';
import { describeError } from '../../i18n/errors';
import { useT } from '../../i18n/use-t';
import { useNumbersStore } from '../../stores/numbers-store';
import { canManageAi } from '../shell/access';
import { AiConfigCard } from './AiConfigCard';
import { AiLogsCard } from './AiLogsCard';
import { AiStatsCard } from './AiStatsCard';
import { ConsoleCard } from './ConsoleCard';
import { FaqCard } from './FaqCard';
import { ProviderCard } from './ProviderCard';

const tabs = ['settings', 'provider', 'faq', 'console', 'stats', 'logs'] as const;
type Tab = (typeof tabs)[number];

/** One number's settings, read when the number changes; a save or a toggle elsewhere is read again. */
function NumberSettings({ numberId, canEdit }: { numberId: number; canEdit: boolean }) {
  const t = useT();
  const config = useQuery(() => call('ai.getConfig', { numberId }));
  const [shown, setShown] = useState<AiConfigView | undefined>(undefined);
  useEffect(() => setShown(config.data), [config.data]);
  const reload = config.reload;
  useEffect(() => onEvent('ai.config.changed', (data) => data.numberId === numberId && reload()), [numberId, reload]);
  if (config.error && !shown) {
    return (
      <Alert tone="error" testId="ai-error">
        {describeError(t, config.error).formMessage ?? t('ai.loadFailed')}
      </Alert>
    );
  }
  if (!shown) return <p className="muted">{t('app.loading')}</p>;
  return <AiConfigCard config={shown} canEdit={canEdit} onSaved={setShown} />;
}

function ProviderSection({ canEdit }: { canEdit: boolean }) {
  const t = useT();
  const provider = useQuery(() => call('ai.getProvider', {}));
  const [shown, setShown] = useState<AiProviderView | undefined>(undefined);
  useEffect(() => setShown(provider.data), [provider.data]);
  const reload = provider.reload;
  useEffect(() => onEvent('ai.provider.changed', () => reload()), [reload]);
  if (provider.error && !shown) {
    return (
      <Alert tone="error" testId="ai-error">
        {describeError(t, provider.error).formMessage ?? t('ai.loadFailed')}
      </Alert>
    );
  }
  if (!shown) return <p className="muted">{t('app.loading')}</p>;
  return <ProviderCard provider={shown} canEdit={canEdit} onSaved={setShown} />;
}

function FaqSection({ canEdit }: { canEdit: boolean }) {
  const faq = useQuery(() => call('ai.listFaq', {}));
  return <FaqCard entries={faq.data} error={faq.error} canEdit={canEdit} onChanged={faq.reload} />;
}

/**
 * Issue 16's AI page: per-number settings, the office's provider, the FAQ, the test console,
 * stats and the decision log. Admins edit and try; supervisors read; agents do not see it.
 */
export function AiPage({ user }: { user: PublicUser }) {
  const t = useT();
  const canEdit = canManageAi(user.role);
  const numbers = useNumbersStore((state) => state.numbers);
  const [picked, setPicked] = useState<number | null>(null);
  const [tab, setTab] = useState<Tab>('settings');
  const numberId = picked ?? numbers?.[0]?.id ?? null;
  const shownTabs = tabs.filter((name) => name !== 'console' || canEdit);
  const perNumber = tab === 'settings' || tab === 'console';

  return (
    <section className="page page-ai" data-testid="ai-page">
      <PageHeader title={t('ai.title')} intro={canEdit ? t('ai.intro') : `${t('ai.intro')} ${t('ai.readOnly')}`} />
      <div className="ai-toolbar">
        <div className="segmented ai-tabs" role="tablist" aria-label={t('ai.tabs')}>
          {shownTabs.map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              id={`ai-tab-${name}`}
              aria-selected={name === tab}
              aria-controls="ai-tab-panel"
              className={name === tab ? 'segmented-button is-active' : 'segmented-button'}
              onClick={() => setTab(name)}
              data-testid={`ai-tab-${name}`}
            >
              {t(`ai.tab.${name}`)}
            </button>
          ))}
        </div>
        {tab !== 'provider' && tab !== 'faq' && numbers && numbers.length > 0 ? (
          <label className="ai-number-picker">
            <span className="field-label">{t('ai.number')}</span>
            <span className="select-wrap">
              <select
                className="input select"
                value={perNumber ? String(numberId ?? '') : picked === null ? '' : String(picked)}
                onChange={(event) => setPicked(event.target.value === '' ? null : Number(event.target.value))}
                data-testid="ai-number"
              >
                {perNumber ? null : <option value="">{t('ai.stats.allNumbers')}</option>}
                {numbers.map((number) => (
                  <option key={number.id} value={number.id}>
                    {number.name}
                  </option>
                ))}
              </select>
            </span>
          </label>
        ) : null}
      </div>
      <div id="ai-tab-panel" role="tabpanel" aria-labelledby={`ai-tab-${tab}`} className="ai-panel">
        {perNumber && numbers && numbers.length === 0 ? <p className="muted">{t('ai.noNumbers')}</p> : null}
        {tab === 'settings' && numberId !== null ? <NumberSettings key={numberId} numberId={numberId} canEdit={canEdit} /> : null}
        {tab === 'provider' ? <ProviderSection canEdit={canEdit} /> : null}
        {tab === 'faq' ? <FaqSection canEdit={canEdit} /> : null}
        {tab === 'console' && canEdit && numberId !== null ? <ConsoleCard key={numberId} numberId={numberId} /> : null}
        {tab === 'stats' ? <AiStatsCard numberId={picked ?? undefined} /> : null}
        {tab === 'logs' ? <AiLogsCard numberId={picked ?? undefined} /> : null}
      </div>
    </section>
  );
}
