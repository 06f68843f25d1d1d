import type { InputHTMLAttributes, Ref } from 'react';
import { useFieldHelp } from './field-help';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value' | 'name'> {
  name: string;
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string | undefined;
  hint?: string | undefined;
  testId: string;
  /** Emails, phones and passwords are Latin text: they read left to right even in Arabic. */
  latin?: boolean;
  /** A form focuses the first field in error through it. */
  ref?: Ref<HTMLInputElement>;
}

export function TextField({ name, label, value, onChange, error, hint, testId, latin, ...input }: TextFieldProps) {
  const { id, describedBy, help } = useFieldHelp(name, hint, error);
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        {...input}
        id={id}
        name={name}
        className="input"
        value={value}
        dir={latin ? 'ltr' : undefined}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        data-testid={testId}
      />
      {help}
    </div>
  );
}
