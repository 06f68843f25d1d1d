import type { AutomationRuleView } from '../../../../shared/automation/types';
import { Badge } from '../../components/Badge';
import { Icon } from '../../components/icons';
import { useOfficeFormat } from '../../format/use-office-format';
import { usePlural } from '../../i18n/use-plural';
import { useT } from '../../i18n/use-t';
import { useNumbersStore } from '../../stores/numbers-store';
import { delayText } from './delay';

/** Every row is this tall: the list is virtualised (1,000 rules cost as much as ten). */
export const ruleRowHeight = 84;

interface RuleRowProps {
  rule: AutomationRuleView;
  canEdit: boolean;
  canSeeJobs: boolean;
  onToggle(rule: AutomationRuleView): void;
  onEdit(rule: AutomationRuleView): void;
  onDelete(rule: AutomationRuleView): void;
  onJobs(rule: AutomationRuleView): void;
}

/** A rule with its live counts (succeeded/fired, last fired in the office's zone, pending jobs) and its switch. */
export function RuleRow({ rule, canEdit, canSeeJobs, onToggle, onEdit, onDelete, onJobs }: RuleRowProps) {
  const t = useT();
  const plural = usePlural();
  const { formatDateTime } = useOfficeFormat();
  const number = useNumbersStore((state) => state.numbers?.find((n) => n.id === rule.whatsappNumberId));
  const numberName = rule.whatsappNumberId === null ? t('automation.rule.allNumbers') : (number?.name ?? `#${rule.whatsappNumberId}`);

  return (
    <div className={rule.isActive ? 'automation-rule' : 'automation-rule is-off'} data-testid={`rule-row-${rule.id}`} data-rule-name={rule.name}>
      <div className="automation-rule-main">
        <div className="automation-rule-head">
          <span className="automation-rule-name" dir="auto" data-testid="rule-name">
            {rule.name}
          </span>
          <Badge tone="blue" testId="rule-trigger">
            {t(`automation.trigger.${rule.trigger}`)}
          </Badge>
          <span className="muted" data-testid="rule-delay">
            {delayText(t, plural, rule.trigger, rule.delayMinutes)}
          </span>
          {rule.officeHoursOnly ? <Badge tone="gray">{t('automation.rule.officeHours')}</Badge> : null}
        </div>
        <div className="automation-rule-meta muted">
          <span dir="auto">
            <Icon name="template" className="icon icon-small" /> {rule.template?.name ?? t('automation.rule.noTemplate')}
          </span>
          <span>
            <Icon name="phone" className="icon icon-small" /> {numberName}
          </span>
          <span data-testid="rule-last-triggered">
            {rule.lastTriggered ? t('automation.rule.lastTriggered', { date: formatDateTime(rule.lastTriggered) }) : t('automation.rule.neverTriggered')}
          </span>
          <span data-testid="rule-pending">{plural('automation.pending', rule.pendingJobs)}</span>
        </div>
      </div>
      <div className="automation-rule-counts" title={t('automation.rule.countsTitle', { success: rule.successCount, triggered: rule.triggeredCount })}>
        <span className="automation-rule-count" dir="ltr" data-testid="rule-counts">
          {rule.successCount}/{rule.triggeredCount}
        </span>
        <span className="muted automation-rule-count-label">{t('automation.rule.counts')}</span>
      </div>
      <div className="automation-rule-actions">
        {canEdit ? (
          <label className="switch" title={t('automation.rule.switch', { name: rule.name })}>
            <input type="checkbox" role="switch" checked={rule.isActive} onChange={() => onToggle(rule)} aria-label={t('automation.rule.switch', { name: rule.name })} data-testid="rule-switch" />
            <span className="switch-track" aria-hidden="true" />
          </label>
        ) : (
          <Badge tone={rule.isActive ? 'green' : 'gray'} testId="rule-state">
            {t(rule.isActive ? 'automation.filter.on' : 'automation.filter.off')}
          </Badge>
        )}
        {canSeeJobs ? (
          <button type="button" className="button button-small button-ghost" onClick={() => onJobs(rule)} data-testid="rule-jobs">
            <Icon name="clock" className="icon icon-small" />
            <span>{t('automation.rule.jobs')}</span>
          </button>
        ) : null}
        {canEdit ? (
          <>
            <button type="button" className="button button-small button-ghost" onClick={() => onEdit(rule)} aria-label={t('automation.rule.edit')} title={t('automation.rule.edit')} data-testid="rule-edit">
              <Icon name="edit" className="icon icon-small" />
            </button>
            <button type="button" className="button button-small button-ghost" onClick={() => onDelete(rule)} aria-label={t('automation.rule.delete')} title={t('automation.rule.delete')} data-testid="rule-delete">
              <Icon name="trash" className="icon icon-small" />
            </button>
          </>
        ) : null}
      </div>
    </div>
  );
}
