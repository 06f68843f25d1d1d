import { useFieldArray, useWatch, type Control, type FieldValues } from 'react-hook-form';
import { vatCategories } from '../../../../shared/invoices/types';
import { Icon } from '../../components/icons';
import type { ContractForm } from '../../forms/use-contract-form';
import { useT } from '../../i18n/use-t';
import { emptyLine, type LineFields } from './invoice-forms';
import { LineRow } from './LineRow';

type AnyForm = Pick<ContractForm<never>, 'errorOf'> & { control: unknown };

/** At most this many lines (the schema's limit). */
const maxLines = 200;

/** The document's lines, one row each (react-hook-form's field array), and a button to add one. */
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
        <LineRow
          key={row.id}
          form={form}
          index={index}
          vatCategory={lines[index]?.vatCategory}
          categories={categories}
          vatRegistered={vatRegistered}
          onRemove={fields.length > 1 ? () => remove(index) : undefined}
        />
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
