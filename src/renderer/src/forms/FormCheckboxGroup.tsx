import { useController, type Control, type FieldValues } from 'react-hook-form';
import type { ContractForm } from './use-contract-form';

type Form = Pick<ContractForm<never>, 'errorOf'> & { control: unknown };

/** A list field as checkboxes: the value is the checked options' values, in the options' order. */
export function FormCheckboxGroup<V extends string>({ form, name, label, options, testId }: { form: Form; name: string; label: string; options: readonly { value: V; label: string }[]; testId: string }) {
  const { field } = useController({ control: form.control as Control<FieldValues>, name });
  const checked = new Set((field.value as V[] | undefined) ?? []);
  const error = form.errorOf(name);
  const toggle = (value: V, on: boolean) => {
    const next = new Set(checked);
    if (on) next.add(value);
    else next.delete(value);
    field.onChange(options.map((o) => o.value).filter((v) => next.has(v)));
  };
  return (
    <fieldset className="field checkbox-group" data-testid={testId} aria-invalid={error ? true : undefined}>
      <legend className="field-label">{label}</legend>
      <div className="checkbox-group-options">
        {options.map((option) => (
          <label key={option.value} className="checkbox-field">
            <input type="checkbox" name={name} value={option.value} checked={checked.has(option.value)} onChange={(event) => toggle(option.value, event.target.checked)} onBlur={field.onBlur} data-testid={`${testId}-${option.value}`} />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      {error ? (
        <span className="field-error" data-testid={`field-error-${name}`}>
          {error}
        </span>
      ) : null}
    </fieldset>
  );
}
