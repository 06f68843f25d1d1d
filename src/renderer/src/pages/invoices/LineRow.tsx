import type { VatCategory } from '../../../../shared/invoices/types';
import { Icon } from '../../components/icons';
import { FormSelectField, FormTextField } from '../../forms/FormFields';
import type { ContractForm } from '../../forms/use-contract-form';
import { useT } from '../../i18n/use-t';
import type { LineFields } from './invoice-forms';

type AnyForm = Pick<ContractForm<never>, 'errorOf'> & { control: unknown };

/** One line of a document being edited: description in both languages, quantity, unit price, VAT category and, for an exempt line, why. */
export function LineRow({
  form,
  index,
  vatCategory,
  categories,
  vatRegistered,
  onRemove,
}: {
  form: AnyForm;
  index: number;
  vatCategory: VatCategory | undefined;
  categories: { value: VatCategory; label: string }[];
  vatRegistered: boolean;
  /** Absent for the only line: a document keeps at least one. */
  onRemove: (() => void) | undefined;
}) {
  const t = useT();
  // Each field is bound by its path in the field array and tested by the same name.
  const bound = (field: keyof LineFields) => ({ form, name: `lines.${index}.${field}`, label: t(`invoices.line.${field}`), testId: `invoice-line-${index}-${field}` });
  return (
    <div className="invoice-line" role="group" aria-label={`${t('invoices.lines')} ${index + 1}`} data-testid={`invoice-line-${index}`}>
      <div className="field-row">
        <FormTextField {...bound('descriptionAr')} />
        <FormTextField {...bound('descriptionEn')} latin />
      </div>
      <div className="field-row invoice-line-figures">
        <FormTextField {...bound('quantity')} inputMode="decimal" latin />
        <FormTextField {...bound('unitPrice')} inputMode="decimal" latin autoComplete="off" />
        {vatRegistered ? <FormSelectField {...bound('vatCategory')} options={categories} /> : null}
        {onRemove ? (
          <button type="button" className="button button-ghost invoice-line-remove" onClick={onRemove} aria-label={t('invoices.line.remove', { n: index + 1 })} title={t('invoices.line.remove', { n: index + 1 })} data-testid={`invoice-line-${index}-remove`}>
            <Icon name="trash" />
          </button>
        ) : null}
      </div>
      {vatRegistered && vatCategory === 'exempt' ? <FormTextField {...bound('exemptionReason')} /> : null}
    </div>
  );
}
