import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { parseTemplate } from '../../../../shared/templates/template-text';
import { variableToken } from '../../../../shared/templates/template-variables';
import { templateCategories, type TemplateView } from '../../../../shared/templates/types';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { FormDialogFooter } from '../../components/FormDialogFooter';
import { FormCheckbox, FormSelectField, FormTextAreaField, FormTextField } from '../../forms/FormFields';
import { useContractForm } from '../../forms/use-contract-form';
import { fieldErrorText } from '../../i18n/errors';
import { useLanguageStore } from '../../i18n/language-store';
import { useT } from '../../i18n/use-t';
import { categoryLabel, sampleValues } from './template-labels';
import { createTemplate, templateForm, templateFormValues, updateTemplate } from './template-form';
import { InsertVariable } from './InsertVariable';
import { TemplateText, VariableChips } from './TemplateText';

/** Creates a template, or edits `template`; the variables and a preview follow the text as it is typed. */
export function TemplateFormDialog({ template, onClose, onSaved }: { template?: TemplateView; onClose(): void; onSaved(template: TemplateView): void }) {
  const t = useT();
  const activeId = useId();
  const language = useLanguageStore((state) => state.language);
  const [defaults] = useState(() => templateFormValues(template));
  const form = useContractForm(templateForm, defaults);
  const content = (form.watch('content') as string | undefined) ?? '';

  const contentBox = useRef<HTMLDivElement>(null);

  /** Puts the placeholder where the cursor was, and the cursor after it. */
  function insertVariable(token: string) {
    const area = contentBox.current?.querySelector('textarea');
    const start = area?.selectionStart ?? content.length;
    const end = area?.selectionEnd ?? content.length;
    form.setValue('content', content.slice(0, start) + token + content.slice(end), { shouldDirty: true });
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(start + token.length, start + token.length);
    });
  }

  const parsed = useMemo(() => parseTemplate(content), [content]);
  const problem = parsed.problems[0];
  // Shown as a hint while typing (a half-typed `{{` is not yet a mistake); the core refuses it on save.
  const liveProblem = problem ? fieldErrorText(t, { field: 'content', code: problem.code, message: '', ...(problem.code === 'invalid_variable' ? { params: { name: problem.name } } : {}) }) : undefined;

  const onSubmit = form.submit(async (values) => {
    const saved = template ? await updateTemplate(template, values) : await createTemplate(values);
    if (saved) onSaved(saved);
  });
  async function submit(event: FormEvent) {
    if (await onSubmit(event)) onClose();
  }

  const { pending } = form;
  const categoryOptions = templateCategories.map((category) => ({ value: category, label: categoryLabel(t, category) }));
  return (
    <Dialog title={template ? t('templates.editTitle', { name: template.name }) : t('templates.createTitle')} onClose={onClose} busy={pending} testId="template-form-dialog">
      <form noValidate onSubmit={(event) => void submit(event)} data-testid="template-form">
        <div className="dialog-body form">
          {form.formMessage ? (
            <Alert tone="error" testId="template-form-error">
              {form.formMessage}
            </Alert>
          ) : null}
          <div className="field-row">
            <FormTextField form={form} name="name" label={t('templates.field.name')} autoComplete="off" testId="template-form-name" />
            <FormSelectField form={form} name="category" label={t('templates.field.category')} options={categoryOptions} testId="template-form-category" />
          </div>
          <div className="template-content-field" ref={contentBox}>
            <InsertVariable onInsert={insertVariable} />
            <FormTextAreaField
              form={form}
              name="content"
              label={t('templates.field.content')}
              hint={liveProblem ?? t('templates.field.contentHint', { example: variableToken('customer_name', language) })}
              rows={5}
              testId="template-form-content"
            />
          </div>
          <VariableChips variables={parsed.variables} testId="template-form-variables" />
          <section className="template-preview" aria-labelledby={`${activeId}-preview`}>
            <h3 className="template-preview-title" id={`${activeId}-preview`}>
              {t('templates.preview')} <span className="muted">({t('templates.previewSample')})</span>
            </h3>
            {content.trim() ? (
              <TemplateText content={content} values={sampleValues(t, parsed.variables)} className="template-bubble" testId="template-form-preview" />
            ) : (
              <p className="muted">{t('templates.previewEmpty')}</p>
            )}
          </section>
          <FormCheckbox form={form} name="isActive" label={t('templates.field.active')} testId="template-form-active" />
        </div>
        <FormDialogFooter submitLabel={template ? t('common.save') : t('templates.createSubmit')} pending={pending} onCancel={onClose} testIdPrefix="template-form" />
      </form>
    </Dialog>
  );
}
