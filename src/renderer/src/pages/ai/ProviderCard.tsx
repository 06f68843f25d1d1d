import { useEffect, useMemo, useState } from 'react';
import { useOfficeFormat } from '../../format/use-office-format';
import type { AiProviderView, AiTestConnectionResult } from '../../../../shared/ai/types';
import { call } from '../../api/client';
import { Alert } from '../../components/Alert';
import { Badge } from '../../components/Badge';
import { SubmitButton } from '../../components/SubmitButton';
import { FormCheckbox, FormTextField } from '../../forms/FormFields';
import { useContractForm } from '../../forms/use-contract-form';
import { useOfficeMoney } from './use-office-money';
import { useT } from '../../i18n/use-t';
import { providerErrorText } from './ai-labels';
import { presetOf, providerForm, providerFormDefaults, providerPresets, type ProviderPreset } from './provider-form';

const stateTone = { unconfigured: 'gray', unknown: 'gray', ok: 'green', failing: 'red' } as const;

/**
 * The office's model provider: presets for OpenAI, Ollama and LM Studio, a write-only key, limits,
 * the budget and "may quote prices"; its state, and a test of what is typed before saving it.
 */
export function ProviderCard({ provider, canEdit, onSaved }: { provider: AiProviderView; canEdit: boolean; onSaved(provider: AiProviderView): void }) {
  const t = useT();
  const { formatDateTime } = useOfficeFormat();
  const money = useOfficeMoney();
  const defaults = useMemo(() => providerFormDefaults(provider), [provider]);
  const form = useContractForm(providerForm, defaults);
  const [saved, setSaved] = useState(false);
  // A save or a toggle from another window shows here unless this form has unsaved changes.
  const dirty = form.formState.isDirty;
  useEffect(() => {
    if (!dirty) form.reset(defaults);
  }, [defaults]); // only a new saved version resets, not each keystroke's re-render
  const [tested, setTested] = useState<AiTestConnectionResult | null>(null);
  const [testing, setTesting] = useState(false);
  const baseUrl = form.watch('baseUrl') as string;
  const preset = presetOf(baseUrl);

  const onSubmit = form.submit(async (values) => {
    setSaved(false);
    const next = await call('ai.saveProvider', values);
    form.reset(providerFormDefaults(next));
    onSaved(next);
    setSaved(true);
  });

  // The same checks as saving; what is typed is tried, nothing is saved.
  const onTest = form.submit(async (values) => {
    setTested(null);
    setTesting(true);
    try {
      setTested(await call('ai.testConnection', values));
    } finally {
      setTesting(false);
    }
  });

  function choosePreset(next: ProviderPreset | '') {
    if (next === '') return;
    form.setValue('baseUrl', providerPresets[next], { shouldValidate: true, shouldDirty: true });
    setTested(null);
  }

  return (
    <section className="card ai-card" aria-labelledby="ai-provider-title" data-testid="ai-provider">
      <div className="ai-card-head">
        <h2 className="section-title" id="ai-provider-title">
          {t('ai.provider.title')}
        </h2>
        <Badge tone={stateTone[provider.state]} dot testId="ai-provider-state">
          {t(`ai.state.${provider.state}`)}
        </Badge>
        {provider.hasKey ? (
          <Badge tone="blue" testId="ai-provider-key-saved">
            {t('ai.provider.keySavedBadge')}
          </Badge>
        ) : null}
      </div>
      <p className="muted ai-note">{t('ai.provider.intro')}</p>
      {provider.state === 'failing' && provider.lastError ? (
        <Alert tone="error" testId="ai-provider-last-error">
          {t('ai.provider.lastError', { error: providerErrorText(t, provider.lastError), time: provider.lastErrorAt ? formatDateTime(provider.lastErrorAt) : '' })}
        </Alert>
      ) : null}
      <form noValidate onSubmit={onSubmit} className="form" onChange={() => setSaved(false)}>
        <fieldset className="ai-fieldset" disabled={!canEdit}>
          {form.formMessage ? (
            <Alert tone="error" testId="ai-provider-error">
              {form.formMessage}
            </Alert>
          ) : null}
          <div className="field">
            <span className="field-label" id="ai-preset-label">
              {t('ai.provider.preset')}
            </span>
            <div className="segmented" role="group" aria-labelledby="ai-preset-label">
              {(Object.keys(providerPresets) as ProviderPreset[]).map((name) => (
                <button key={name} type="button" className={name === preset ? 'segmented-button is-active' : 'segmented-button'} aria-pressed={name === preset} onClick={() => choosePreset(name)} data-testid={`ai-preset-${name}`}>
                  {t(`ai.preset.${name}`)}
                </button>
              ))}
            </div>
          </div>
          <div className="ai-row">
            <FormTextField form={form} name="baseUrl" label={t('ai.provider.baseUrl')} latin autoComplete="off" testId="ai-base-url" />
            <FormTextField form={form} name="model" label={t('ai.provider.model')} latin autoComplete="off" testId="ai-model" />
          </div>
          <FormTextField
            form={form}
            name="apiKey"
            type="password"
            label={t('ai.provider.apiKey')}
            hint={t(provider.hasKey ? 'ai.provider.keySaved' : 'ai.provider.keyNone')}
            latin
            autoComplete="new-password"
            testId="ai-api-key"
          />
          {provider.hasKey ? <FormCheckbox form={form} name="removeKey" label={t('ai.provider.removeKey')} testId="ai-remove-key" /> : null}
          <div className="ai-row">
            <FormTextField form={form} name="timeoutMs" label={t('ai.provider.timeoutMs')} inputMode="numeric" latin testId="ai-timeout" />
            <FormTextField form={form} name="maxTokens" label={t('ai.provider.maxTokens')} inputMode="numeric" latin testId="ai-max-tokens" />
          </div>
          <div className="ai-row">
            <FormTextField
              form={form}
              name="dailyBudget"
              label={t('ai.provider.dailyBudget')}
              inputMode="decimal"
              latin
              hint={t('ai.provider.dailyBudgetHint', { spent: money(provider.spentToday) })}
              testId="ai-budget"
            />
            <FormTextField form={form} name="promptPricePerMillion" label={t('ai.provider.promptPrice')} inputMode="decimal" latin testId="ai-prompt-price" />
            <FormTextField form={form} name="completionPricePerMillion" label={t('ai.provider.completionPrice')} inputMode="decimal" latin testId="ai-completion-price" />
          </div>
          <FormCheckbox form={form} name="mayQuotePrices" label={t('ai.provider.mayQuotePrices')} testId="ai-may-quote-prices" />
          {canEdit ? (
            <div className="form-actions">
              <SubmitButton label={t('ai.provider.save')} pending={form.pending && !testing} testId="ai-provider-save" />
              <button type="button" className="button button-secondary" disabled={form.pending} onClick={() => void onTest()} data-testid="ai-test-connection">
                {testing ? t('ai.provider.testing') : t('ai.provider.test')}
              </button>
              {saved ? (
                <span className="muted" role="status" data-testid="ai-provider-saved">
                  {t('ai.saved')}
                </span>
              ) : null}
            </div>
          ) : null}
          {tested ? (
            <Alert tone={tested.ok ? 'success' : 'error'} testId="ai-test-result">
              {tested.ok
                ? tested.model
                  ? t('ai.provider.testOk', { model: tested.model })
                  : t('ai.provider.testOkNoModel')
                : providerErrorText(t, tested.errorCode ?? null)}
            </Alert>
          ) : null}
        </fieldset>
      </form>
    </section>
  );
}
