import { useEffect, useState, type FormEvent } from 'react';
import type { ConversationView } from '../../../../shared/inbox/types';
import { variableKind } from '../../../../shared/templates/template-variables';
import type { TemplateView } from '../../../../shared/templates/types';
import { call } from '../../api/client';
import { Alert } from '../../components/Alert';
import { DateField } from '../../components/DateField';
import { Dialog } from '../../components/Dialog';
import { SearchField } from '../../components/SearchField';
import { SubmitButton } from '../../components/SubmitButton';
import { TextField } from '../../components/TextField';
import { useSubmit } from '../../hooks/use-submit';
import { useT } from '../../i18n/use-t';
import { useSessionStore } from '../../stores/session-store';
import { newClientId } from '../../stores/client-id';
import { useThreadStore } from '../../stores/thread-store';
import { categoryLabel, variableLabel } from './template-labels';
import { TemplateText } from './TemplateText';
import { useDebounced, useTemplates } from './use-templates';
import { useOfficeDisplayStore } from '../../stores/office-display-store';
import { likelyProperty, messageLanguage, prefilledValues, promotionFieldValues, spokenValues } from './variable-values';
import { promotionVariables } from '../../../../shared/offers/promotion-values';

/** From the composer: choose an active template, fill its variables, check the preview, send. */
export function TemplatePicker({ conversation, onClose }: { conversation: ConversationView; onClose(): void }) {
  const [chosen, setChosen] = useState<TemplateView | null>(null);
  return chosen ? (
    <FillStep conversation={conversation} template={chosen} onBack={() => setChosen(null)} onClose={onClose} />
  ) : (
    <ChooseStep onChoose={setChosen} onClose={onClose} />
  );
}

function ChooseStep({ onChoose, onClose }: { onChoose(template: TemplateView): void; onClose(): void }) {
  const t = useT();
  const [searchText, setSearchText] = useState('');
  const search = useDebounced(searchText.trim(), 150);
  const templates = useTemplates({ isActive: true, ...(search ? { search } : {}) });
  const list = templates.data;
  return (
    <Dialog title={t('templates.pickTitle')} onClose={onClose} testId="template-picker">
      <div className="dialog-body template-picker">
        <SearchField label={t('templates.pickSearch')} placeholder={t('templates.pickSearch')} value={searchText} onChange={setSearchText} autoFocus testId="template-picker-search" />
        {list === undefined ? <p className="muted">{t('app.loading')}</p> : null}
        {list?.length === 0 ? <p className="muted template-picker-empty">{search ? t('templates.pickNoMatch') : t('templates.pickEmpty')}</p> : null}
        {list && list.length > 0 ? (
          <ul className="template-options" data-testid="template-picker-list">
            {list.map((template) => (
              <li key={template.id}>
                <button type="button" className="template-option" onClick={() => onChoose(template)} data-testid={`template-option-${template.name}`}>
                  <span className="template-option-head">
                    <span className="template-option-name">
                      <bdi>{template.name}</bdi>
                    </span>
                    <span className="muted template-option-category">{categoryLabel(t, template.category)}</span>
                  </span>
                  <TemplateText content={template.content} className="template-option-text" />
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <div className="dialog-footer">
        <button type="button" className="button button-secondary" onClick={onClose} data-testid="template-picker-cancel">
          {t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}

function FillStep({ conversation, template, onBack, onClose }: { conversation: ConversationView; template: TemplateView; onBack(): void; onClose(): void }) {
  const t = useT();
  const agentName = useSessionStore((state) => state.user?.name ?? null);
  const officePhone = useOfficeDisplayStore((state) => state.display.phone);
  const language = messageLanguage(template.content);
  const [values, setValues] = useState<Record<string, string>>(() => prefilledValues(template.variables, { conversation, agentName, property: null, language, officePhone }));
  const fields = template.variables.map((name) => `variables.${name}`);
  const submission = useSubmit(fields);
  // One id for this dialog's answer: pressing send again after a dropped connection cannot send it twice.
  const [clientId] = useState(newClientId);

  // The property the customer is interested in fills its name, place and price unless typed already.
  useEffect(() => {
    let live = true;
    call('conversations.interests', { conversationId: conversation.id }).then(
      (interests) => {
        const property = likelyProperty(interests);
        if (!live || !property) return;
        const known = prefilledValues(template.variables, { conversation, agentName, property, language, officePhone });
        setValues((v) => Object.fromEntries(Object.entries(v).map(([name, value]) => [name, value || known[name] || ''])));
      },
      () => undefined, // Without interests the fields simply stay empty.
    );
    return () => {
      live = false;
    };
  }, [conversation, template.variables, agentName, language, officePhone]);

  // The promotion valid today fills the offer's details and expiry date unless typed already.
  useEffect(() => {
    if (!template.variables.some((name) => (promotionVariables as readonly string[]).includes(name))) return;
    let live = true;
    call('promotions.current', {}).then(
      ({ promotion }) => {
        if (!live || !promotion) return;
        const known = promotionFieldValues(promotion, language);
        setValues((v) => Object.fromEntries(Object.entries(v).map(([name, value]) => [name, value || known[name] || ''])));
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [template.variables, language]);

  const spoken = spokenValues(values, language);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const ok = await submission.run(async () => {
      const message = await call('messages.sendTemplate', { conversationId: conversation.id, templateId: template.id, variables: spoken, clientId });
      useThreadStore.getState().addMessages(conversation.id, [message]);
    });
    if (ok) onClose();
  }

  const { shown, pending } = submission;
  return (
    <Dialog title={t('templates.fillTitle', { name: template.name })} onClose={onClose} busy={pending} testId="template-fill">
      <form noValidate onSubmit={onSubmit} data-testid="template-fill-form">
        <div className="dialog-body form">
          {shown.formMessage ? (
            <Alert tone="error" testId="template-fill-error">
              {shown.formMessage}
            </Alert>
          ) : null}
          {template.variables.length > 0 ? <p className="muted">{t('templates.fillIntro')}</p> : null}
          {template.variables.map((name, index) => {
            const field = {
              name: `variables.${name}`,
              label: variableLabel(t, name),
              value: values[name] ?? '',
              onChange: (value: string) => setValues((v) => ({ ...v, [name]: value })),
              error: shown.fields[`variables.${name}`],
              testId: `template-var-${name}`,
            };
            const kind = variableKind(name);
            if (kind === 'date') return <DateField key={name} {...field} />;
            return <TextField key={name} {...field} type={kind === 'time' ? 'time' : 'text'} autoComplete="off" autoFocus={index === 0 && !values[name]} />;
          })}
          <section className="template-preview">
            <h3 className="template-preview-title">{t('templates.preview')}</h3>
            <TemplateText content={template.content} values={spoken} className="template-bubble" testId="template-fill-preview" />
          </section>
        </div>
        <div className="dialog-footer">
          <button type="button" className="button button-secondary" onClick={onBack} disabled={pending} data-testid="template-fill-back">
            {t('templates.back')}
          </button>
          <SubmitButton label={t('templates.send')} pendingLabel={t('templates.sending')} pending={pending} testId="template-fill-send" />
        </div>
      </form>
    </Dialog>
  );
}
