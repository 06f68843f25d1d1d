import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { parseTemplate } from '../../../../shared/templates/template-text';
import { variableToken } from '../../../../shared/templates/template-variables';
import { templateCategories, type TemplateView } from '../../../../shared/templates/types';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { FormDialogFooter } from '../../components/FormDialogFooter';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { useSubmit } from '../../hooks/use-submit';
import { fieldErrorText } from '../../i18n/errors';
import { useLanguageStore } from '../../i18n/language-store';
import { useT } from '../../i18n/use-t';
import { categoryLabel, sampleValues } from './template-labels';
import { createTemplate, templateFormValues, updateTemplate, type TemplateFormValues } from './template-form';
import { InsertVariable } from './InsertVariable';
import { TemplateText, VariableChips } from './TemplateText';

const fields = ['name', 'category', 'content', 'variables', 'isActive'] as const;

/** Creates a template, or edits `template`; the variables and a preview follow the text as it is typed. */
export function TemplateFormDialog({ template, onClose, onSaved }: { template?: TemplateView; onClose(): void; onSaved(template: TemplateView): void }) {
  const t = useT();
  const activeId = useId();
  const language = useLanguageStore((state) => state.language);
  const [values, setValues] = useState<TemplateFormValues>(() => templateFormValues(template));
  const submission = useSubmit(fields);
  const set =
    <K extends keyof TemplateFormValues>(field: K) =>
    (value: TemplateFormValues[K]) =>
      setValues((v) => ({ ...v, [field]: value }));

  const contentBox = useRef<HTMLDivElement>(null);

  /** Puts the placeholder where the cursor was, and the cursor after it. */
  function insertVariable(token: string) {
    const area = contentBox.current?.querySelector('textarea');
    const start = area?.selectionStart ?? values.content.length;
    const end = area?.selectionEnd ?? values.content.length;
    set('content')(values.content.slice(0, start) + token + values.content.slice(end));
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(start + token.length, start + token.length);
    });
  }

  const parsed = useMemo(() => parseTemplate(values.content), [values.content]);
  const problem = parsed.problems[0];
  // Shown as a hint while typing (a half-typed `{{` is not yet a mistake); the core refuses it on save.
  const liveProblem = problem ? fieldErrorText(t, { field: 'content', code: problem.code, message: '', ...(problem.code === 'invalid_variable' ? { params: { name: problem.name } } : {}) }) : undefined;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    let saved: TemplateView | undefined;
    const ok = await submission.run(async () => {
      saved = template ? await updateTemplate(template, values) : await createTemplate(values);
    });
    if (!ok) return;
    if (saved) onSaved(saved);
    onClose();
  }

  const { shown, pending } = submission;
  const categoryOptions = templateCategories.map((category) => ({ value: category, label: categoryLabel(t, category) }));
  return (
    <Dialog title={template ? t('templates.editTitle', { name: template.name }) : t('templates.createTitle')} onClose={onClose} busy={pending} testId="template-form-dialog">
      <form noValidate onSubmit={onSubmit} data-testid="template-form">
        <div className="dialog-body form">
          {shown.formMessage ? (
            <Alert tone="error" testId="template-form-error">
              {shown.formMessage}
            </Alert>
          ) : null}
          <div className="field-row">
            <TextField name="name" label={t('templates.field.name')} value={values.name} onChange={set('name')} error={shown.fields.name} autoComplete="off" maxLength={100} testId="template-form-name" />
            <SelectField name="category" label={t('templates.field.category')} value={values.category} options={categoryOptions} onChange={set('category')} error={shown.fields.category} testId="template-form-category" />
          </div>
          <div className="template-content-field" ref={contentBox}>
            <InsertVariable onInsert={insertVariable} />
            <TextAreaField
            name="content"
            label={t('templates.field.content')}
            value={values.content}
            onChange={set('content')}
            error={shown.fields.content ?? shown.fields.variables}
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
            {values.content.trim() ? (
              <TemplateText content={values.content} values={sampleValues(t, parsed.variables)} className="template-bubble" testId="template-form-preview" />
            ) : (
              <p className="muted">{t('templates.previewEmpty')}</p>
            )}
          </section>
          <label className="checkbox-field" htmlFor={activeId}>
            <input id={activeId} type="checkbox" checked={values.isActive} onChange={(event) => set('isActive')(event.target.checked)} data-testid="template-form-active" />
            <span>{t('templates.field.active')}</span>
          </label>
        </div>
        <FormDialogFooter submitLabel={template ? t('common.save') : t('templates.createSubmit')} pending={pending} onCancel={onClose} testIdPrefix="template-form" />
      </form>
    </Dialog>
  );
}
