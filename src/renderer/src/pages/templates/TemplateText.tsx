import { Fragment } from 'react';
import { templateSegments } from '../../../../shared/templates/template-text';
import { useT } from '../../i18n/use-t';
import { variableLabel } from './template-labels';

interface TemplateTextProps {
  content: string;
  /** Filled values, shown highlighted; a variable without one shows as a chip with its name. */
  values?: Readonly<Record<string, string>>;
  className?: string;
  testId?: string;
}

/** A template's text as it will read, with its variables set apart. */
export function TemplateText({ content, values = {}, className, testId }: TemplateTextProps) {
  return (
    <p className={className ? `template-text ${className}` : 'template-text'} dir="auto" data-testid={testId}>
      {templateSegments(content).map((segment, index) => (
        <Fragment key={index}>
          {segment.kind === 'text' ? (
            segment.text
          ) : values[segment.name]?.trim() ? (
            <mark className="template-value">{values[segment.name]}</mark>
          ) : (
            <VariableChip name={segment.name} />
          )}
        </Fragment>
      ))}
    </p>
  );
}

/** A variable as a chip with its label in the current language ("اسم العميل"), titled with how it is written. */
export function VariableChip({ name }: { name: string }) {
  const t = useT();
  return (
    <bdi className="template-chip" title={`{{${name}}}`} data-variable={name}>
      {variableLabel(t, name)}
    </bdi>
  );
}

export function VariableChips({ variables, testId }: { variables: readonly string[]; testId: string }) {
  const t = useT();
  if (variables.length === 0) return <p className="muted template-no-variables" data-testid={testId}>{t('templates.noVariables')}</p>;
  return (
    <ul className="template-chips" aria-label={t('templates.variables')} data-testid={testId}>
      {variables.map((name) => (
        <li key={name}>
          <VariableChip name={name} />
        </li>
      ))}
    </ul>
  );
}
