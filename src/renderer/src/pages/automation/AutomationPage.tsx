import { useState } from 'react';
import type { AutomationRuleView } from '../../../../shared/automation/types';
import type { ApiError } from '../../../../shared/errors';
import type { PublicUser } from '../../../../shared/users/types';
import { call, toApiError } from '../../api/client';
import { Alert } from '../../components/Alert';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Icon } from '../../components/icons';
import { PageHeader } from '../../components/PageHeader';
import { VirtualList } from '../../components/VirtualList';
import { describeError } from '../../i18n/errors';
import { usePlural } from '../../i18n/use-plural';
import { useT } from '../../i18n/use-t';
import { useAppInfoStore } from '../../stores/app-info-store';
import { canManageAutomation, canSeeAutomationStats } from '../shell/access';
import { DemoClockControl } from './DemoClockControl';
import { EnableRuleDialog } from './EnableRuleDialog';
import { RuleFiltersBar } from './RuleFiltersBar';
import { RuleFormDialog } from './RuleFormDialog';
import { RuleJobsDialog } from './RuleJobsDialog';
import { RuleRow, ruleRowHeight } from './RuleRow';
import { StatsCard } from './StatsCard';
import { useRules, type RuleFilters } from './use-rules';

type Open = { kind: 'form'; rule?: AutomationRuleView } | { kind: 'jobs' | 'delete' | 'enable'; rule: AutomationRuleView } | null;

/**
 * Seed 003's automation rules: live counts, the switch, filters, stats with a chart, and each
 * rule's jobs. Admins edit; supervisors read; agents read the rules touching their numbers.
 */
export function AutomationPage({ user }: { user: PublicUser }) {
  const t = useT();
  const plural = usePlural();
  const canEdit = canManageAutomation(user.role);
  const managers = canSeeAutomationStats(user.role);
  const demo = useAppInfoStore((state) => state.info?.demo === true);
  const [filters, setFilters] = useState<RuleFilters>({});
  const rules = useRules(filters);
  const [open, setOpen] = useState<Open>(null);
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const [deleting, setDeleting] = useState(false);
  const list = rules.data;

  async function toggle(rule: AutomationRuleView) {
    setActionError(null);
    // On: the dry run first. Off: at once (its pending jobs are cancelled).
    if (!rule.isActive) return setOpen({ kind: 'enable', rule });
    try {
      await call('automation.toggleRule', { id: rule.id });
    } catch (thrown) {
      setActionError(toApiError(thrown));
    }
  }

  async function remove(rule: AutomationRuleView) {
    setDeleting(true);
    try {
      await call('automation.deleteRule', { id: rule.id });
      setOpen(null);
    } catch (thrown) {
      setActionError(toApiError(thrown));
    } finally {
      setDeleting(false);
    }
  }

  const shownError = rules.error ?? actionError;
  return (
    <section className="page page-automation" data-testid="automation-page">
      <PageHeader
        title={t('automation.title')}
        intro={canEdit ? t('automation.intro') : `${t('automation.intro')} ${t('automation.readOnly')}`}
        actions={
          canEdit ? (
            <button type="button" className="button button-primary" onClick={() => setOpen({ kind: 'form' })} data-testid="rule-add">
              <Icon name="plus" className="icon icon-small" />
              <span>{t('automation.add')}</span>
            </button>
          ) : undefined
        }
      />
      {demo && canEdit ? <DemoClockControl /> : null}
      {managers ? <StatsCard numberId={typeof filters.numberId === 'number' ? filters.numberId : undefined} /> : null}
      <RuleFiltersBar filters={filters} onChange={setFilters} />
      {shownError && open?.kind !== 'delete' ? (
        <Alert tone="error" testId="automation-error">
          {describeError(t, shownError).formMessage ?? t('automation.loadFailed')}
        </Alert>
      ) : null}
      {list ? (
        <p className="muted automation-meta" data-testid="rules-meta">
          {plural('automation.meta', list.meta.total, { active: list.meta.activeCount, inactive: list.meta.inactiveCount })}
        </p>
      ) : null}
      <div className="card automation-pane" style={list && list.data.length > 0 ? { blockSize: `min(70vh, ${list.data.length * ruleRowHeight + 2}px)` } : undefined}>
        {list && list.data.length === 0 ? (
          <p className="table-empty" data-testid="rules-empty">
            {Object.keys(filters).length > 0 ? t('automation.noMatches') : t('automation.empty')}
          </p>
        ) : (
          <VirtualList
            items={list?.data ?? []}
            rowHeight={ruleRowHeight}
            getKey={(rule) => rule.id}
            renderRow={(rule) => (
              <RuleRow
                rule={rule}
                canEdit={canEdit}
                canSeeJobs={managers}
                onToggle={(r) => void toggle(r)}
                onEdit={(r) => setOpen({ kind: 'form', rule: r })}
                onDelete={(r) => {
                  setActionError(null);
                  setOpen({ kind: 'delete', rule: r });
                }}
                onJobs={(r) => setOpen({ kind: 'jobs', rule: r })}
              />
            )}
            label={t('automation.listLabel')}
            testId="rules-list"
          />
        )}
      </div>
      {open?.kind === 'form' ? <RuleFormDialog {...(open.rule ? { rule: open.rule } : {})} onClose={() => setOpen(null)} /> : null}
      {open?.kind === 'jobs' ? <RuleJobsDialog rule={open.rule} onClose={() => setOpen(null)} /> : null}
      {open?.kind === 'enable' ? <EnableRuleDialog rule={open.rule} onClose={() => setOpen(null)} /> : null}
      {open?.kind === 'delete' ? (
        <ConfirmDialog
          title={t('automation.deleteTitle')}
          message={t('automation.deleteMessage', { name: open.rule.name })}
          confirmLabel={t('automation.rule.delete')}
          danger
          pending={deleting}
          error={actionError ? describeError(t, actionError).formMessage : undefined}
          onConfirm={() => void remove(open.rule)}
          onCancel={() => setOpen(null)}
        />
      ) : null}
    </section>
  );
}
