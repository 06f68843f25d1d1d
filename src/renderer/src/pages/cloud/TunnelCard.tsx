import { useEffect, useMemo, useState } from 'react';
import { tunnelModes, type CloudConnectionView, type TunnelMode } from '../../../../shared/cloud/types';
import { call } from '../../api/client';
import { Alert } from '../../components/Alert';
import { Badge } from '../../components/Badge';
import { SubmitButton } from '../../components/SubmitButton';
import { FormSelectField, FormTextField } from '../../forms/FormFields';
import { useContractForm } from '../../forms/use-contract-form';
import { useOfficeFormat } from '../../format/use-office-format';
import { useT } from '../../i18n/use-t';
import { tunnelDefaults, tunnelForm } from './cloud-forms';

const stateTone = { stopped: 'gray', starting: 'amber', running: 'green', failed: 'red', not_found: 'red' } as const;

/** How Meta reaches the desk: the options explained, the office's cloudflared, and the self-test. */
export function TunnelCard({ view, onChanged }: { view: CloudConnectionView; onChanged(view: CloudConnectionView): void }) {
  const t = useT();
  const format = useOfficeFormat();
  const defaults = useMemo(() => tunnelDefaults(view), [view]);
  const form = useContractForm(tunnelForm, defaults);
  const dirty = form.formState.isDirty;
  useEffect(() => {
    if (!dirty) form.reset(defaults);
  }, [defaults]); // a change from elsewhere shows unless this form is being edited
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const mode = form.watch('mode') as TunnelMode;

  const onSubmit = form.submit(async (values) => {
    setSaved(false);
    const next = await call('cloud.saveTunnelSettings', values);
    form.reset(tunnelDefaults(next));
    onChanged(next);
    setSaved(true);
  });
  const run = (action: () => Promise<CloudConnectionView>) => {
    setBusy(true);
    void action()
      .then(onChanged)
      .finally(() => setBusy(false));
  };
  const selfTest = view.selfTest;
  const cloudflared = view.settings.mode === 'cloudflared_quick' || view.settings.mode === 'cloudflared_named';

  return (
    <section className="card" aria-labelledby="cloud-options-title" data-testid="cloud-tunnel">
      <h2 className="section-title" id="cloud-options-title">
        {t('cloud.options')}
      </h2>
      <ul className="cloud-options">
        {(['cloudflared_named', 'cloudflared_quick', 'manual'] as const).map((option) => (
          <li key={option}>
            <strong>{t(`cloud.mode.${option}`)}</strong>
            <p className="muted">{t(`cloud.mode.${option}.help`)}</p>
          </li>
        ))}
      </ul>
      <form noValidate onSubmit={(event) => void onSubmit(event)} className="form" data-testid="cloud-tunnel-form">
        {form.formMessage ? <Alert tone="error" testId="cloud-tunnel-error">{form.formMessage}</Alert> : null}
        <FormSelectField form={form} name="mode" label={t('cloud.options')} options={tunnelModes.map((m) => ({ value: m, label: t(`cloud.mode.${m}`) }))} testId="cloud-mode" />
        {mode === 'cloudflared_quick' || mode === 'cloudflared_named' ? (
          <FormTextField form={form} name="cloudflaredPath" label={t('cloud.cloudflaredPath')} latin autoComplete="off" testId="cloud-cloudflared-path" />
        ) : null}
        {mode === 'cloudflared_named' ? (
          <FormTextField
            form={form}
            name="namedTunnelToken"
            label={t('cloud.namedToken')}
            hint={view.settings.hasNamedTunnelToken ? t('cloud.namedTokenSet') : undefined}
            latin
            type="password"
            autoComplete="off"
            testId="cloud-named-token"
          />
        ) : null}
        {mode === 'cloudflared_named' || mode === 'manual' ? <FormTextField form={form} name="publicUrl" label={t('cloud.publicUrl')} latin autoComplete="off" testId="cloud-public-url" /> : null}
        <div className="form-actions">
          <SubmitButton label={t('cloud.saveSettings')} pending={form.pending} testId="cloud-tunnel-save" />
          {saved && !dirty ? <span className="muted">{t('cloud.saved')}</span> : null}
        </div>
      </form>
      {cloudflared ? (
        <div className="cloud-tunnel-row">
          <span>{t('cloud.tunnel')}:</span>
          <Badge tone={stateTone[view.tunnel.state]} dot testId="cloud-tunnel-state">
            {t(`cloud.tunnel.state.${view.tunnel.state}`)}
          </Badge>
          {view.tunnel.detail ? (
            <span className="muted" dir="auto">
              {view.tunnel.detail}
            </span>
          ) : null}
          {view.tunnel.state === 'running' || view.tunnel.state === 'starting' ? (
            <button type="button" className="button button-secondary" disabled={busy} onClick={() => run(() => call('cloud.stopTunnel', {}))} data-testid="cloud-tunnel-stop">
              {t('cloud.tunnel.stop')}
            </button>
          ) : (
            <button type="button" className="button button-primary" disabled={busy} onClick={() => run(() => call('cloud.startTunnel', {}))} data-testid="cloud-tunnel-start">
              {t('cloud.tunnel.start')}
            </button>
          )}
        </div>
      ) : null}
      <div className="cloud-tunnel-row">
        <button
          type="button"
          className="button button-secondary"
          disabled={busy}
          onClick={() => run(() => call('cloud.selfTest', {}).then(() => call('cloud.connection', {})))}
          data-testid="cloud-self-test"
        >
          {t('cloud.selfTest')}
        </button>
        {selfTest ? (
          <Alert tone={selfTest.ok ? 'success' : 'error'} testId="cloud-self-test-result">
            {selfTest.ok ? t('cloud.selfTest.ok', { at: format.formatDateTime(selfTest.at) }) : t(`cloud.selfTest.${selfTest.failure ?? 'unreachable'}`, { detail: selfTest.detail ?? '' })}
          </Alert>
        ) : null}
      </div>
    </section>
  );
}
