import type { TextareaHTMLAttributes } from 'react';
import { useFieldHelp } from './field-help';

interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange' | 'value' | 'name'> {
  name: string;
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string | undefined;
  hint?: string | undefined;
  testId: string;
}

/** A multi-line TextField: the text takes the direction of its first strong letter. */
export function TextAreaField({ name, label, value, onChange, error, hint, testId, ...textarea }: TextAreaFieldProps) {
  const { id, describedBy, help } = useFieldHelp(name, hint, error);
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <textarea
        {...textarea}
        id={id}
        name={name}
        className="input textarea"
        value={value}
        dir="auto"
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        data-testid={testId}
      />
      {help}
    </div>
  );
}
