import { useEffect, useMemo, useState } from 'react';
import { z } from 'zod';
import { sendCloudTemplateInput } from '../../../../shared/cloud/schemas';
import type { CloudTemplateView } from '../../../../shared/cloud/types';
import type { ConversationView } from '../../../../shared/inbox/types';
import { call } from '../../api/client';
import { Alert } from '../../components/Alert';
import { SelectField } from '../../components/SelectField';
import { FormTextField } from '../../forms/FormFields';
import { useContractForm } from '../../forms/use-contract-form';
import { useT } from '../../i18n/use-t';
import { newClientId } from '../../stores/client-id';

const value = sendCloudTemplateInput.shape.body.unwrap().element;

/** The values a template asks for, as the contract takes them (a wrong count is the core's refusal too). */
const templateForm = z.object({ header: z.array(value), body: z.array(value), buttons: z.array(value) });
type TemplateValues = z.input<typeof templateForm>;

const blanks = (n: number) => Array.from({ length: n }, () => '');

/** Picks an approved template and fills its values, then queues it. */
export function CloudTemplatePicker({ conversation }: { conversation: ConversationView }) {
  const t = useT();
  const [templates, setTemplates] = useState<CloudTemplateView[] | null>(null);
  const [chosenId, setChosenId] = useState('');
  useEffect(() => {
    void call('cloud.templates', { numberId: conversation.whatsappNumberId })
      .then(setTemplates)
      .catch(() => setTemplates([]));
  }, [conversation.whatsappNumberId]);
  const chosen = templates?.find((template) => String(template.id) === chosenId) ?? null;
  if (templates === null) return null;
  if (templates.length === 0) return <p className="muted">{t('cloud.templates.none')}</p>;
  return (
    <div className="cloud-template-fields" data-testid="cloud-templates">
      <SelectField
        name="cloud-template"
        label={t('cloud.templates.title')}
        value={chosenId}
        onChange={setChosenId}
        options={[{ value: '', label: '—' }, ...templates.map((template) => ({ value: String(template.id), label: `${template.name} (${template.language})` }))]}
        testId="cloud-template-select"
      />
      {chosen ? <TemplateValuesForm key={chosen.id} template={chosen} conversationId={conversation.id} onSent={() => setChosenId('')} /> : null}
    </div>
  );
}

function TemplateValuesForm({ template, conversationId, onSent }: { template: CloudTemplateView; conversationId: number; onSent(): void }) {
  const t = useT();
  const withValues = template.parameters.buttons.filter((button) => button.parameters > 0);
  const defaults = useMemo<TemplateValues>(
    () => ({ header: blanks(template.parameters.header), body: blanks(template.parameters.body), buttons: blanks(withValues.length) }),
    [template], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const form = useContractForm(templateForm, defaults);
  const [clientId] = useState(newClientId);
  const onSubmit = form.submit(async (values) => {
    await call('cloud.sendTemplate', {
      conversationId,
      templateId: template.id,
      header: values.header,
      body: values.body,
      buttons: withValues.map((button, i) => ({ index: button.index, value: values.buttons[i]! })),
      clientId,
    });
    onSent();
  });
  return (
    // Not a <form>: it sits inside the composer's, and a nested form would send the composer instead.
    <div className="cloud-template-fields" data-testid="cloud-template-form">
      <p className="muted" dir="auto">
        {template.bodyText}
      </p>
      {form.formMessage ? (
        <Alert tone="error" testId="cloud-template-error">
          {form.formMessage}
        </Alert>
      ) : null}
      {defaults.header.map((_, i) => (
        <FormTextField key={`h${i}`} form={form} name={`header.${i}`} label={t('cloud.templates.header')} testId={`cloud-template-header-${i}`} />
      ))}
      {defaults.body.map((_, i) => (
        <FormTextField key={`b${i}`} form={form} name={`body.${i}`} label={t('cloud.templates.body', { n: i + 1 })} testId={`cloud-template-body-${i}`} />
      ))}
      {withValues.map((button, i) => (
        <FormTextField key={`k${button.index}`} form={form} name={`buttons.${i}`} label={t('cloud.templates.button', { text: button.text })} latin testId={`cloud-template-button-${i}`} />
      ))}
      <button type="button" className="button button-primary" disabled={form.pending} onClick={() => void onSubmit()} data-testid="cloud-template-send">
        {t('cloud.templates.send')}
      </button>
    </div>
  );
}
