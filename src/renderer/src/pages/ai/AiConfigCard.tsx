import { useEffect, useMemo, useState } from 'react';
import { aiHoursModes, aiLanguages, aiLimits, aiScenarios, aiTones, type AiConfigView } from '../../../../shared/ai/types';
import type { ApiError } from '../../../../shared/errors';
import { call, toApiError } from '../../api/client';
import { Alert } from '../../components/Alert';
import { Badge } from '../../components/Badge';
import { SubmitButton } from '../../components/SubmitButton';
import { useOfficeFormat } from '../../format/use-office-format';
import { FormCheckbox, FormSelectField, FormTextAreaField, FormTextField } from '../../forms/FormFields';
import { useContractForm } from '../../forms/use-contract-form';
import { describeError } from '../../i18n/errors';
import { useT } from '../../i18n/use-t';
import { configForm, configFormDefaults } from './config-form';
import { TimeZoneOptions } from './TimeZoneOptions';

/** One number's AI settings (seed 003's config plus the hours mode and the out-of-hours message) and its on/off switch. */
export function AiConfigCard({ config, canEdit, onSaved }: { config: AiConfigView; canEdit: boolean; onSaved(config: AiConfigView): void }) {
  const t = useT();
  const { formatNumber } = useOfficeFormat();
  const defaults = useMemo(() => configFormDefaults(config), [config]);
  const form = useContractForm(configForm, defaults);
  const [saved, setSaved] = useState(false);
  // A save or a toggle from another window shows here unless this form has unsaved changes.
  const dirty = form.formState.isDirty;
  useEffect(() => {
    if (!dirty) form.reset(defaults);
  }, [defaults]); // only a new saved version resets, not each keystroke's re-render
  const [toggleError, setToggleError] = useState<ApiError | null>(null);
  const [toggling, setToggling] = useState(false);

  const hoursMode = form.watch('hoursMode') as string;
  const start = form.watch('businessHours.start') as string;
  const end = form.watch('businessHours.end') as string;
  const instructions = (form.watch('customInstructions') as string | undefined) ?? '';
  const fallbackToHuman = form.watch('fallbackToHuman') as boolean;
  const enabled = config.enabled;

  const onSubmit = form.submit(async (values) => {
    setSaved(false);
    const next = await call('ai.saveConfig', values);
    form.reset(configFormDefaults(next));
    onSaved(next);
    setSaved(true);
  });

  async function toggle() {
    setToggleError(null);
    setToggling(true);
    try {
      const result = await call('ai.toggleConfig', { numberId: config.whatsappNumberId });
      form.resetField('enabled', { defaultValue: result.enabled });
      onSaved({ ...config, enabled: result.enabled, updatedAt: result.updatedAt });
    } catch (thrown) {
      setToggleError(toApiError(thrown));
    } finally {
      setToggling(false);
    }
  }

  return (
    <section className="card ai-card" aria-labelledby="ai-config-title" data-testid="ai-config">
      <div className="ai-card-head">
        <h2 className="section-title" id="ai-config-title">
          {t('ai.settings.title')}
        </h2>
        <Badge tone={enabled ? 'green' : 'gray'} dot testId="ai-config-state">
          {t(enabled ? 'ai.settings.on' : 'ai.settings.off')}
        </Badge>
        {canEdit ? (
          <button type="button" className="button button-small button-secondary" disabled={toggling} onClick={() => void toggle()} data-testid="ai-toggle">
            {t(enabled ? 'ai.settings.toggleOff' : 'ai.settings.toggleOn')}
          </button>
        ) : null}
      </div>
      <p className="muted ai-note" data-testid="ai-switch-note">
        {t('ai.settings.fromNow')}
      </p>
      {toggleError ? (
        <Alert tone="error" testId="ai-toggle-error">
          {describeError(t, toggleError).formMessage}
        </Alert>
      ) : null}
      <form noValidate onSubmit={onSubmit} className="form" onChange={() => setSaved(false)}>
        {/* A disabled fieldset: supervisors read the same form, nothing in it can change. */}
        <fieldset className="ai-fieldset" disabled={!canEdit}>
          {form.formMessage ? (
            <Alert tone="error" testId="ai-config-error">
              {form.formMessage}
            </Alert>
          ) : null}
          <FormCheckbox form={form} name="enabled" label={t('ai.settings.enabled')} testId="ai-enabled" />
          <fieldset className="ai-group">
            <legend className="field-label">{t('ai.settings.hours')}</legend>
            <div className="ai-row">
              <FormSelectField form={form} name="hoursMode" label={t('ai.settings.hoursMode')} options={aiHoursModes.map((mode) => ({ value: mode, label: t(`ai.hoursMode.${mode}`) }))} testId="ai-hours-mode" />
              {hoursMode !== 'always' ? (
                <>
                  <FormTextField form={form} name="businessHours.start" label={t('ai.settings.start')} type="time" latin testId="ai-hours-start" />
                  <FormTextField form={form} name="businessHours.end" label={t('ai.settings.end')} type="time" latin testId="ai-hours-end" />
                  <FormTextField form={form} name="businessHours.timezone" label={t('ai.settings.timezone')} latin autoComplete="off" list="ai-time-zones" testId="ai-hours-zone" />
                  <TimeZoneOptions id="ai-time-zones" />
                </>
              ) : null}
            </div>
            {hoursMode !== 'always' ? <p className="muted ai-note">{start !== '' && end !== '' && end < start ? t('ai.settings.overnight') : start === '' && end === '' ? t('ai.settings.officeHours') : t('ai.settings.hoursHint')}</p> : null}
            {hoursMode !== 'always' ? <FormTextAreaField form={form} name="outOfHoursMessage" label={t('ai.settings.outOfHoursMessage')} rows={2} testId="ai-out-of-hours" /> : null}
          </fieldset>
          <fieldset className="ai-group" data-testid="ai-scenarios">
            <legend className="field-label">{t('ai.settings.scenarios')}</legend>
            <div className="ai-switches">
              {aiScenarios.map((scenario) => (
                <FormCheckbox key={scenario} form={form} name={`scenarios.${scenario}`} label={t(`ai.scenario.${scenario}`)} testId={`ai-scenario-${scenario}`} />
              ))}
            </div>
          </fieldset>
          <div className="ai-row">
            <FormSelectField form={form} name="tone" label={t('ai.settings.tone')} options={aiTones.map((tone) => ({ value: tone, label: t(`ai.tone.${tone}`) }))} testId="ai-tone" />
            <FormSelectField form={form} name="language" label={t('ai.settings.language')} options={aiLanguages.map((language) => ({ value: language, label: t(`ai.language.${language}`) }))} testId="ai-language" />
          </div>
          <FormTextAreaField
            form={form}
            name="customInstructions"
            label={t('ai.settings.customInstructions')}
            rows={4}
            hint={t('ai.settings.counter', { count: formatNumber(instructions.trim().length), max: formatNumber(aiLimits.customInstructionsMax) })}
            testId="ai-instructions"
          />
          <div className="ai-row ai-row-end">
            <FormCheckbox form={form} name="fallbackToHuman" label={t('ai.settings.fallbackToHuman')} testId="ai-fallback" />
            {fallbackToHuman ? <FormTextField form={form} name="fallbackDelay" label={t('ai.settings.fallbackDelay')} inputMode="numeric" latin testId="ai-fallback-delay" /> : null}
          </div>
          {canEdit ? (
            <div className="form-actions">
              <SubmitButton label={t('ai.settings.save')} pending={form.pending} testId="ai-config-save" />
              {saved ? (
                <span className="muted" role="status" data-testid="ai-config-saved">
                  {t('ai.saved')}
                </span>
              ) : null}
            </div>
          ) : null}
        </fieldset>
      </form>
    </section>
  );
}
