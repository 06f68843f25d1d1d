import { useFieldArray, useWatch, type Control, type FieldValues } from 'react-hook-form';
import { vatCategories } from '../../../../shared/invoices/types';
import { Icon } from '../../components/icons';
import { FormSelectField, FormTextField } from '../../forms/FormFields';
import type { ContractForm } from '../../forms/use-contract-form';
import { useT } from '../../i18n/use-t';
import { emptyLine, type LineFields } from './invoice-forms';

type AnyForm = Pick<ContractForm<never>, 'errorOf'> & { control: unknown };

/** At most this many lines (the schema's limit). */
const maxLines = 200;

/** The document's lines, one row each (react-hook-form's field array): description in both languages, quantity, unit price, VAT category and, for exempt lines, why. */
export function LineRows({ form, vatRegistered }: { form: AnyForm; vatRegistered: boolean }) {
  const t = useT();
  const control = form.control as Control<FieldValues>;
  const { fields, append, remove } = useFieldArray({ control, name: 'lines' });
  const lines = (useWatch({ control, name: 'lines' }) ?? []) as LineFields[];
  const categories = vatCategories.map((c) => ({ value: c, label: t(`invoices.category.${c}`) }));
  return (
    <fieldset className="field invoice-lines" data-testid="invoice-lines">
      <legend className="field-label">{t('invoices.lines')}</legend>
      {fields.map((row, index) => (
        <div key={row.id} className="invoice-line" role="group" aria-label={`${t('invoices.lines')} ${index + 1}`} data-testid={`invoice-line-${index}`}>
          <div className="field-row">
            <FormTextField form={form} name={`lines.${index}.descriptionAr`} label={t('invoices.line.descriptionAr')} testId={`invoice-line-${index}-descriptionAr`} />
            <FormTextField form={form} name={`lines.${index}.descriptionEn`} label={t('invoices.line.descriptionEn')} latin testId={`invoice-line-${index}-descriptionEn`} />
          </div>
          <div className="field-row invoice-line-figures">
            <FormTextField form={form} name={`lines.${index}.quantity`} label={t('invoices.line.quantity')} inputMode="decimal" latin testId={`invoice-line-${index}-quantity`} />
            <FormTextField form={form} name={`lines.${index}.unitPrice`} label={t('invoices.line.unitPrice')} inputMode="decimal" latin autoComplete="off" testId={`invoice-line-${index}-unitPrice`} />
            {vatRegistered ? <FormSelectField form={form} name={`lines.${index}.vatCategory`} label={t('invoices.line.vatCategory')} options={categories} testId={`invoice-line-${index}-vatCategory`} /> : null}
            {fields.length > 1 ? (
              <button type="button" className="button button-ghost invoice-line-remove" onClick={() => remove(index)} aria-label={t('invoices.line.remove', { n: index + 1 })} title={t('invoices.line.remove', { n: index + 1 })} data-testid={`invoice-line-${index}-remove`}>
                <Icon name="trash" />
              </button>
            ) : null}
          </div>
          {vatRegistered && lines[index]?.vatCategory === 'exempt' ? (
            <FormTextField form={form} name={`lines.${index}.exemptionReason`} label={t('invoices.line.exemptionReason')} testId={`invoice-line-${index}-exemptionReason`} />
          ) : null}
        </div>
      ))}
      {fields.length < maxLines ? (
        <button type="button" className="button button-secondary" onClick={() => append({ ...emptyLine })} data-testid="invoice-line-add">
          <Icon name="plus" />
          <span>{t('invoices.line.add')}</span>
        </button>
      ) : null}
    </fieldset>
  );
}
