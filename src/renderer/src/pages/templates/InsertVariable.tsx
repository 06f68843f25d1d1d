import { useId } from 'react';
import { knownVariables, variableToken, type KnownVariable } from '../../../../shared/templates/template-variables';
import { useLanguageStore } from '../../i18n/language-store';
import { useT } from '../../i18n/use-t';
import { variableLabel } from './template-labels';

/**
 * The office's usual variables by their names in the UI's language; choosing one hands its
 * placeholder to the editor, written in that language (`{{اسم_العميل}}` or `{{customer_name}}`).
 */
export function InsertVariable({ onInsert }: { onInsert(token: string): void }) {
  const t = useT();
  const id = useId();
  const language = useLanguageStore((state) => state.language);
  return (
    <div className="template-insert">
      <label className="visually-hidden" htmlFor={id}>
        {t('templates.insertVariable')}
      </label>
      <select
        id={id}
        className="input select template-insert-select"
        value=""
        onChange={(event) => {
          if (event.target.value) onInsert(variableToken(event.target.value as KnownVariable, language));
        }}
        title={t('templates.insertVariableHint')}
        data-testid="template-insert-variable"
      >
        <option value="">{`+ ${t('templates.insertVariable')}`}</option>
        {knownVariables.map((v) => (
          <option key={v.name} value={v.name}>
            {`${variableLabel(t, v.name)} — ${variableToken(v.name, language)}`}
          </option>
        ))}
      </select>
    </div>
  );
}
