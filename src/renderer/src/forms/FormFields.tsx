import type { ReactNode } from 'react';
import { useController, type Control, type FieldValues } from 'react-hook-form';
import { SelectField } from '../components/SelectField';
import { TextAreaField } from '../components/TextAreaField';
import { TextField } from '../components/TextField';
import type { ContractForm } from './use-contract-form';

// Bound versions of the app's fields: value, change, blur and the translated error come from the form.
// Any contract form binds: the fields need only its control and its worded errors (a form's own
// value type is not assignable to react-hook-form's generic one, so the control is taken as it is).
type Form = Pick<ContractForm<never>, 'errorOf'> & { control: unknown };

interface Bound {
  form: Form;
  name: string;
  label: string;
  testId: string;
  hint?: string | undefined;
  disabled?: boolean;
}

export function FormTextField({ form, name, latin, type, inputMode, autoComplete, list, ...props }: Bound & { latin?: boolean; type?: string; inputMode?: 'text' | 'numeric' | 'decimal' | 'tel' | 'email'; autoComplete?: string; list?: string }) {
  const { field } = useController({ control: form.control as Control<FieldValues>, name });
  return (
    <TextField
      {...props}
      name={name}
      type={type}
      inputMode={inputMode}
      autoComplete={autoComplete}
      list={list}
      latin={latin}
      value={(field.value as string | undefined) ?? ''}
      onChange={field.onChange}
      onBlur={field.onBlur}
      ref={field.ref}
      error={form.errorOf(name)}
    />
  );
}

export function FormTextAreaField({ form, name, ...props }: Bound & { rows?: number }) {
  const { field } = useController({ control: form.control as Control<FieldValues>, name });
  return <TextAreaField {...props} name={name} value={(field.value as string | undefined) ?? ''} onChange={field.onChange} error={form.errorOf(name)} />;
}

export function FormSelectField<V extends string>({ form, name, options, ...props }: Bound & { options: readonly { value: V; label: string }[] }) {
  const { field } = useController({ control: form.control as Control<FieldValues>, name });
  return <SelectField<V> {...props} name={name} options={options} value={field.value as V} onChange={field.onChange} error={form.errorOf(name)} />;
}

export function FormCheckbox({ form, name, label, testId, children }: Omit<Bound, 'hint'> & { children?: ReactNode }) {
  const { field } = useController({ control: form.control as Control<FieldValues>, name });
  const error = form.errorOf(name);
  return (
    <label className="checkbox-field">
      <input type="checkbox" name={name} checked={field.value === true} onChange={(event) => field.onChange(event.target.checked)} onBlur={field.onBlur} data-testid={testId} aria-invalid={error ? true : undefined} />
      <span>{label}</span>
      {children}
      {error ? (
        <span className="field-error" data-testid={`field-error-${name}`}>
          {error}
        </span>
      ) : null}
    </label>
  );
}
