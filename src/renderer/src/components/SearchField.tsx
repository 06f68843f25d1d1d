import { useId } from 'react';
import { Icon } from './icons';

interface SearchFieldProps {
  /** Read out, not shown: the placeholder and the icon say what the box is for. */
  label: string;
  value: string;
  onChange(value: string): void;
  placeholder?: string;
  testId: string;
  autoFocus?: boolean;
}

/** A search box for a toolbar; Escape clears it. */
export function SearchField({ label, value, onChange, placeholder, testId, autoFocus }: SearchFieldProps) {
  const id = useId();
  return (
    <div className="search-field">
      <label className="visually-hidden" htmlFor={id}>
        {label}
      </label>
      <Icon name="search" className="icon search-field-icon" />
      <input
        id={id}
        type="search"
        className="input search-field-input"
        value={value}
        placeholder={placeholder}
        autoComplete="off"
        autoFocus={autoFocus}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          // Inside a dialog, the first Escape clears the search; the next one closes the dialog.
          if (event.key === 'Escape' && value) {
            event.preventDefault();
            event.stopPropagation();
            onChange('');
          }
        }}
        data-testid={testId}
      />
    </div>
  );
}
