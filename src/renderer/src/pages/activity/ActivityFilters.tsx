import type { PublicUser } from '../../../../shared/users/types';
import { activityActionGroups, activityEntityTypes, activityGroups } from '../../../../shared/activity/types';
import { DateField } from '../../components/DateField';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import type { MessageKey } from '../../i18n/dictionary';
import { useT } from '../../i18n/use-t';
import { noActivityFilters, type ActivityFilters as Filters } from './use-activity-pages';

interface Props {
  filters: Filters;
  users: readonly PublicUser[];
  onChange(filters: Filters): void;
}

/** Who, what, which record and which days; each change starts the list again from the newest entry. */
export function ActivityFilters({ filters, users, onChange }: Props) {
  const t = useT();
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });
  const userOptions = [{ value: '', label: t('activity.anyUser') }, ...users.map((u) => ({ value: String(u.id), label: u.name }))];
  const actionOptions = [
    { value: '', label: t('activity.anyAction') },
    ...activityGroups.flatMap((group) => {
      const groupName = t(`activity.group.${group}`);
      return [
        { value: group, label: t('activity.groupAll', { group: groupName }) },
        ...activityActionGroups[group].map((action) => ({ value: action, label: `— ${t(`activity.${action}` as MessageKey)}` })),
      ];
    }),
  ];
  const recordOptions = [{ value: '', label: t('activity.anyRecord') }, ...activityEntityTypes.map((type) => ({ value: type, label: t(`activity.record.${type}`) }))];
  const filtered = filters.userId || filters.action || filters.entityType || filters.from || filters.to;
  return (
    <div className="activity-filters" data-testid="activity-filters">
      <SelectField name="userId" label={t('activity.filterUser')} value={filters.userId} options={userOptions} onChange={(userId) => set({ userId })} testId="activity-filter-user" />
      <SelectField name="action" label={t('activity.filterAction')} value={filters.action} options={actionOptions} onChange={(action) => set({ action })} testId="activity-filter-action" />
      <SelectField
        name="entityType"
        label={t('activity.filterRecord')}
        value={filters.entityType}
        options={recordOptions}
        onChange={(entityType) => set({ entityType, entityId: entityType ? filters.entityId : '' })}
        testId="activity-filter-record"
      />
      {filters.entityType ? (
        <TextField
          name="entityId"
          label={t('activity.filterRecordId')}
          value={filters.entityId}
          inputMode="numeric"
          latin
          onChange={(entityId) => set({ entityId })}
          testId="activity-filter-record-id"
        />
      ) : null}
      <DateField name="from" label={t('activity.filterFrom')} value={filters.from} max={filters.to || undefined} onChange={(from) => set({ from })} testId="activity-filter-from" />
      <DateField name="to" label={t('activity.filterTo')} value={filters.to} min={filters.from || undefined} onChange={(to) => set({ to })} testId="activity-filter-to" />
      {filtered ? (
        <button type="button" className="button button-secondary activity-clear" onClick={() => onChange(noActivityFilters)} data-testid="activity-clear">
          {t('activity.clearFilters')}
        </button>
      ) : null}
    </div>
  );
}
