import { useMemo } from 'react';
import { automationTriggers, type AutomationRuleView, type AutomationTrigger } from '../../../../shared/automation/types';
import { call } from '../../api/client';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { FieldError } from '../../components/FieldError';
import { FormDialogFooter } from '../../components/FormDialogFooter';
import { FormCheckbox, FormSelectField, FormTextAreaField, FormTextField } from '../../forms/FormFields';
import { useContractForm } from '../../forms/use-contract-form';
import { useQuery } from '../../hooks/use-query';
import { usePlural } from '../../i18n/use-plural';
import { useT } from '../../i18n/use-t';
import { useNumbersStore } from '../../stores/numbers-store';
import { delayText, type DelayDirection, type DelayUnit } from './delay';
import { DryRunBox } from './DryRunBox';
import { delayForTrigger, ruleForm, ruleFormDefaults, typedDelay } from './rule-form';
import { TemplatePreviewBox } from './TemplatePreviewBox';

/** Creates a rule, or edits one (every field sent; the core re-times or cancels its pending jobs). */
export function RuleFormDialog({ rule, onClose }: { rule?: AutomationRuleView; onClose(): void }) {
  const t = useT();
  const plural = usePlural();
  const defaults = useMemo(() => ruleFormDefaults(rule), [rule]);
  const form = useContractForm(ruleForm, defaults);
  const templates = useQuery(() => call('templates.list', {}));
  const numbers = useNumbersStore((state) => state.numbers) ?? [];

  const trigger = form.watch('trigger') as AutomationTrigger;
  const delayAmount = form.watch('delayAmount') as string;
  const delayUnit = form.watch('delayUnit') as DelayUnit;
  const delayDirection = form.watch('delayDirection') as DelayDirection;
  const templateText = form.watch('templateId') as string;
  const numberText = form.watch('whatsappNumberId') as string;
  const delayMinutes = typedDelay({ trigger, delayAmount, delayUnit, delayDirection });
  const whatsappNumberId = numberText === '' ? null : Number(numberText);

  const templateOptions = (templates.data ?? []).filter((template) => template.isActive || template.id === rule?.templateId);
  const onSubmit = form.submit(async (values) => {
    await (rule ? call('automation.updateRule', { ...values, id: rule.id }) : call('automation.createRule', values));
    onClose();
  });

  function changeTrigger(next: AutomationTrigger) {
    form.setValue('trigger', next);
    const delay = delayForTrigger(next, { amount: delayAmount, unit: delayUnit, direction: delayDirection });
    form.setValue('delayAmount', delay.amount);
    form.setValue('delayUnit', delay.unit);
    form.setValue('delayDirection', delay.direction);
  }

  const delayError = form.errorOf('delayMinutes') ?? form.errorOf('delayAmount');
  return (
    <Dialog title={t(rule ? 'automation.form.editTitle' : 'automation.form.createTitle')} onClose={onClose} busy={form.pending} size="large" testId="rule-form">
      <form noValidate onSubmit={onSubmit}>
        <div className="dialog-body form automation-form">
          {form.formMessage ? (
            <Alert tone="error" testId="rule-form-error">
              {form.formMessage}
            </Alert>
          ) : null}
          <FormTextField form={form} name="name" label={t('automation.form.name')} autoComplete="off" testId="rule-name" />
          <FormTextAreaField form={form} name="description" label={t('automation.form.description')} rows={2} testId="rule-description" />
          <div className="field">
            <label className="field-label" htmlFor="rule-trigger">
              {t('automation.form.trigger')}
            </label>
            <div className="select-wrap">
              <select
                id="rule-trigger"
                name="trigger"
                className="input select"
                value={trigger}
                onChange={(event) => changeTrigger(event.target.value as AutomationTrigger)}
                data-testid="rule-trigger"
              >
                {automationTriggers.map((value) => (
                  <option key={value} value={value}>
                    {t(`automation.trigger.${value}`)}
                  </option>
                ))}
              </select>
            </div>
            <FieldError id="rule-trigger-error" field="trigger" message={form.errorOf('trigger')} />
          </div>
          <fieldset className="automation-delay" aria-describedby="rule-delay-summary">
            <div className="automation-delay-fields">
              <FormTextField form={form} name="delayAmount" label={t('automation.form.delayAmount')} inputMode="numeric" autoComplete="off" testId="rule-delay-amount" />
              <FormSelectField
                form={form}
                name="delayUnit"
                label={t('automation.form.delayUnit')}
                options={(['minutes', 'hours', 'days'] as const).map((unit) => ({ value: unit, label: t(`automation.unit.${unit}`) }))}
                testId="rule-delay-unit"
              />
              {trigger === 'appointment_reminder' ? (
                <FormSelectField
                  form={form}
                  name="delayDirection"
                  label={t('automation.form.delayDirection')}
                  options={[
                    { value: 'before', label: t('automation.form.before') },
                    { value: 'after', label: t('automation.form.after') },
                  ]}
                  testId="rule-delay-direction"
                />
              ) : null}
            </div>
            <p className="muted automation-delay-summary" id="rule-delay-summary" data-testid="rule-delay-summary">
              {delayMinutes === null ? t('automation.form.delayHint') : t('automation.form.delaySummary', { delay: delayText(t, plural, trigger, delayMinutes) })}
            </p>
            {/* The core names `delayMinutes` (a no-response delay shorter than its window, a negative one off reminders). */}
            <FieldError id="rule-delay-error" field="delayMinutes" message={delayError} />
          </fieldset>
          <FormSelectField
            form={form}
            name="templateId"
            label={t('automation.form.template')}
            options={[{ value: '', label: t('automation.form.pickTemplate') }, ...templateOptions.map((template) => ({ value: String(template.id), label: template.name }))]}
            testId="rule-template"
          />
          <TemplatePreviewBox templateId={templateText === '' ? null : Number(templateText)} trigger={trigger} whatsappNumberId={whatsappNumberId} />
          <FormSelectField
            form={form}
            name="whatsappNumberId"
            label={t('automation.form.number')}
            options={[{ value: '', label: t('automation.rule.allNumbers') }, ...numbers.map((number) => ({ value: String(number.id), label: number.name }))]}
            testId="rule-number"
          />
          <FormCheckbox form={form} name="officeHoursOnly" label={t('automation.form.officeHoursOnly')} testId="rule-office-hours" />
          <FormCheckbox form={form} name="isActive" label={t('automation.form.isActive')} testId="rule-active" />
          <DryRunBox request={delayMinutes === null ? null : { trigger, delayMinutes, whatsappNumberId }} />
        </div>
        <FormDialogFooter submitLabel={t('automation.form.save')} pending={form.pending} onCancel={onClose} testIdPrefix="rule-form" />
      </form>
    </Dialog>
  );
}
