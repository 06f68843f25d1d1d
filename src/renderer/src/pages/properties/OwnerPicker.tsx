import { useEffect, useId, useState } from 'react';
import type { ContactView } from '../../../../shared/contacts/types';
import { call } from '../../api/client';
import { useDebounced } from '../../hooks/use-debounced';
import { useT } from '../../i18n/use-t';

export interface OwnerChoice {
  id: number;
  name: string | null;
  phone: string | null;
}

/** The property's owner: a contact found by name or phone as it is typed (the contacts search), or none. */
export function OwnerPicker({ value, onChange, error, disabled }: { value: OwnerChoice | null; onChange(owner: OwnerChoice | null): void; error?: string | undefined; disabled?: boolean }) {
  const t = useT();
  const id = useId();
  const [text, setText] = useState('');
  const search = useDebounced(text.trim(), 200);
  const [found, setFound] = useState<ContactView[]>([]);

  useEffect(() => {
    if (search.length < 2) return setFound([]);
    let live = true;
    call('contacts.list', { search, limit: 8 })
      .then((page) => live && setFound(page.data))
      .catch(() => live && setFound([]));
    return () => {
      live = false;
    };
  }, [search]);

  return (
    <div className="field owner-picker">
      <label className="field-label" htmlFor={id}>
        {t('properties.field.owner')}
      </label>
      {value ? (
        <div className="owner-chosen" data-testid="property-form-owner">
          <span>
            <bdi>{value.name ?? value.phone}</bdi>
            {value.name && value.phone ? (
              <>
                {' · '}
                <bdi dir="ltr">{value.phone}</bdi>
              </>
            ) : null}
          </span>
          <button type="button" className="button button-ghost" onClick={() => onChange(null)} disabled={disabled} data-testid="property-form-owner-clear">
            {t('properties.field.ownerClear')}
          </button>
        </div>
      ) : (
        <>
          <input
            id={id}
            className="input"
            type="search"
            value={text}
            placeholder={t('properties.field.ownerSearch')}
            onChange={(event) => setText(event.target.value)}
            disabled={disabled}
            autoComplete="off"
            data-testid="property-form-owner-search"
          />
          {found.length > 0 ? (
            <ul className="owner-results" role="listbox" aria-label={t('properties.field.owner')}>
              {found.map((contact) => (
                <li key={contact.id}>
                  <button
                    type="button"
                    role="option"
                    aria-selected={false}
                    className="owner-result"
                    onClick={() => {
                      onChange({ id: contact.id, name: contact.name, phone: contact.phone });
                      setText('');
                    }}
                    data-testid="property-form-owner-option"
                  >
                    <bdi>{contact.name ?? contact.phone}</bdi>
                    {contact.phone ? <bdi dir="ltr" className="muted">{contact.phone}</bdi> : null}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </>
      )}
      {error ? <span className="field-error">{error}</span> : null}
    </div>
  );
}
