import { dashboardPresets, type DashboardPreset } from '../../../../shared/dashboard/types';
import type { PublicUser } from '../../../../shared/users/types';
import { call } from '../../api/client';
import { SelectField } from '../../components/SelectField';
import { useQuery } from '../../hooks/use-query';
import { useT } from '../../i18n/use-t';
import { useNumbersStore } from '../../stores/numbers-store';
import { canListUsers } from '../shell/access';
import { CustomRangeForm } from './CustomRangeForm';
import type { DashboardQueryInput } from './use-dashboard';

/** Range presets (or a custom range) and the number, branch and agent filters; agents filter their own numbers only. */
export function DashboardFilters({ user, query, today, onChange }: { user: PublicUser; query: DashboardQueryInput; today: string; onChange(query: DashboardQueryInput): void }) {
  const t = useT();
  const numbers = useNumbersStore((state) => state.numbers) ?? [];
  const managers = canListUsers(user.role);
  const branches = useQuery(() => call('branches.list', {}));
  const users = useQuery(() => (managers ? call('users.list', {}) : Promise.resolve([] as PublicUser[])));
  const preset = query.preset ?? '30d';
  const set = (patch: Partial<DashboardQueryInput>) => {
    const next = { ...query, ...patch } as Record<string, unknown>;
    for (const [key, value] of Object.entries(patch)) if (value === undefined) delete next[key];
    onChange(next as DashboardQueryInput);
  };
  const choosePreset = (value: DashboardPreset) => (value === 'custom' ? set({ preset: 'custom', from: query.from ?? today, to: query.to ?? today }) : set({ preset: value, from: undefined, to: undefined }));
  const id = (value: string) => (value === '' ? undefined : Number(value));

  return (
    <div className="dashboard-filters" data-testid="dashboard-filters">
      <div className="segmented" role="group" aria-label={t('dashboard.range')}>
        {dashboardPresets.map((value) => (
          <button key={value} type="button" className={value === preset ? 'segmented-button is-active' : 'segmented-button'} aria-pressed={value === preset} onClick={() => choosePreset(value)} data-testid={`dashboard-preset-${value}`}>
            {t(`dashboard.preset.${value}`)}
          </button>
        ))}
      </div>
      {preset === 'custom' ? <CustomRangeForm from={query.from ?? today} to={query.to ?? today} onApply={(range) => set({ preset: 'custom', ...range })} /> : null}
      <SelectField
        name="numberId"
        label={t('dashboard.filter.number')}
        value={query.numberId === undefined ? '' : String(query.numberId)}
        options={[{ value: '', label: t('dashboard.filter.anyNumber') }, ...numbers.map((n) => ({ value: String(n.id), label: n.name }))]}
        onChange={(value) => set({ numberId: id(value) })}
        testId="dashboard-filter-number"
      />
      {managers ? (
        <>
          <SelectField
            name="branchId"
            label={t('dashboard.filter.branch')}
            value={query.branchId === undefined ? '' : String(query.branchId)}
            options={[{ value: '', label: t('dashboard.filter.anyBranch') }, ...(branches.data ?? []).map((b) => ({ value: String(b.id), label: b.name }))]}
            onChange={(value) => set({ branchId: id(value) })}
            testId="dashboard-filter-branch"
          />
          <SelectField
            name="agentId"
            label={t('dashboard.filter.agent')}
            value={query.agentId === undefined ? '' : String(query.agentId)}
            options={[{ value: '', label: t('dashboard.filter.anyAgent') }, ...(users.data ?? []).map((u) => ({ value: String(u.id), label: u.name }))]}
            onChange={(value) => set({ agentId: id(value) })}
            testId="dashboard-filter-agent"
          />
        </>
      ) : null}
    </div>
  );
}
