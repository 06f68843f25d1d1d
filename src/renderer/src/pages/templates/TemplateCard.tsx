import type { TemplateView } from '../../../../shared/templates/types';
import { Badge } from '../../components/Badge';
import { Icon } from '../../components/icons';
import { usePlural } from '../../i18n/use-plural';
import { useT } from '../../i18n/use-t';
import { categoryLabel } from './template-labels';
import { TemplateText, VariableChips } from './TemplateText';

export interface TemplateActions {
  onEdit(template: TemplateView): void;
  onDelete(template: TemplateView): void;
}

/** One template: its name, category and state, the text with its variables, and how often it was sent. */
export function TemplateCard({ template, actions }: { template: TemplateView; actions: TemplateActions | undefined }) {
  const t = useT();
  const count = usePlural();
  return (
    <article className="card template-card" data-testid={`template-row-${template.name}`} data-active={template.isActive}>
      <header className="template-card-head">
        <h2 className="template-name">
          <bdi>{template.name}</bdi>
        </h2>
        <div className="template-badges">
          <Badge tone="blue">{categoryLabel(t, template.category)}</Badge>
          <Badge tone={template.isActive ? 'green' : 'gray'} dot>
            {template.isActive ? t('templates.active') : t('templates.inactive')}
          </Badge>
        </div>
      </header>
      <TemplateText content={template.content} className="template-card-text" testId="template-content" />
      <VariableChips variables={template.variables} testId="template-variables" />
      <footer className="template-card-foot">
        <span className="muted template-usage" data-testid="template-usage" data-count={template.usageCount}>
          {count('templates.usage', template.usageCount)}
        </span>
        {actions ? (
          <span className="template-card-actions">
            <button type="button" className="button button-ghost button-small" onClick={() => actions.onEdit(template)} data-testid={`template-edit-${template.name}`}>
              <Icon name="edit" />
              {t('templates.edit')}
            </button>
            <button type="button" className="button button-danger-ghost button-small" onClick={() => actions.onDelete(template)} data-testid={`template-delete-${template.name}`}>
              <Icon name="trash" />
              {t('templates.delete')}
            </button>
          </span>
        ) : null}
      </footer>
    </article>
  );
}
