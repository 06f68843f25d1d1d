import { useEffect, useMemo, useState } from 'react';
import { saveGraphSettingsInput } from '../../../../shared/cloud/schemas';
import type { GraphSettings } from '../../../../shared/cloud/types';
import { call } from '../../api/client';
import { Alert } from '../../components/Alert';
import { SubmitButton } from '../../components/SubmitButton';
import { FormTextField } from '../../forms/FormFields';
import { useContractForm } from '../../forms/use-contract-form';
import { useT } from '../../i18n/use-t';

/** The Graph API's base URL and version (Meta's unless the office points it elsewhere). */
export function GraphCard({ graph, onSaved }: { graph: GraphSettings; onSaved(): void }) {
  const t = useT();
  const defaults = useMemo(() => ({ ...graph }), [graph]);
  const form = useContractForm(saveGraphSettingsInput, defaults);
  const dirty = form.formState.isDirty;
  useEffect(() => {
    if (!dirty) form.reset(defaults);
  }, [defaults]); // a save elsewhere shows unless this form is being edited
  const [saved, setSaved] = useState(false);
  const onSubmit = form.submit(async (values) => {
    setSaved(false);
    form.reset(await call('cloud.saveGraphSettings', values));
    setSaved(true);
    onSaved();
  });
  return (
    <section className="card" aria-labelledby="cloud-graph-title" data-testid="cloud-graph">
      <h2 className="section-title" id="cloud-graph-title">
        {t('cloud.graph')}
      </h2>
      <form noValidate className="form" onSubmit={(event) => void onSubmit(event)}>
        {form.formMessage ? (
          <Alert tone="error" testId="cloud-graph-error">
            {form.formMessage}
          </Alert>
        ) : null}
        <div className="field-row">
          <FormTextField form={form} name="baseUrl" label={t('cloud.graph.baseUrl')} latin autoComplete="off" testId="cloud-graph-base-url" />
          <FormTextField form={form} name="version" label={t('cloud.graph.version')} latin autoComplete="off" testId="cloud-graph-version" />
        </div>
        <div className="form-actions">
          <SubmitButton label={t('cloud.saveSettings')} pending={form.pending} testId="cloud-graph-save" />
          {saved && !dirty ? <span className="muted">{t('cloud.saved')}</span> : null}
        </div>
      </form>
    </section>
  );
}
