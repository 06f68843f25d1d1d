import { automationTriggers, type AutomationTrigger } from '../../../../shared/automation/types';
import { SelectField } from '../../components/SelectField';
import { useT } from '../../i18n/use-t';
import { useNumbersStore } from '../../stores/numbers-store';
import type { RuleFilters } from './use-rules';

/** The number select's values: '' every rule, 'all' the every-number rules only, or a number's id. */
type NumberChoice = '' | 'all' | `${number}`;
type ActiveChoice = '' | 'on' | 'off';

function numberChoice(filters: RuleFilters): NumberChoice {
  if (filters.numberId === undefined) return '';
  return filters.numberId === null ? 'all' : `${filters.numberId}`;
}

/** Seed 003's filters: number (or the every-number rules), trigger, on/off. */
export function RuleFiltersBar({ filters, onChange }: { filters: RuleFilters; onChange(filters: RuleFilters): void }) {
  const t = useT();
  const numbers = useNumbersStore((state) => state.numbers) ?? [];
  const set = (patch: RuleFilters) => {
    const next: RuleFilters = { ...filters, ...patch };
    // An absent filter is no filter: drop the keys set back to "any".
    for (const name of Object.keys(patch) as (keyof RuleFilters)[]) if (patch[name] === undefined) delete next[name];
    onChange(next);
  };
  const active: ActiveChoice = filters.isActive === undefined ? '' : filters.isActive ? 'on' : 'off';
  const filtered = Object.keys(filters).length > 0;

  return (
    <div className="automation-filters" data-testid="rule-filters">
      <SelectField<NumberChoice>
        name="numberId"
        label={t('automation.filter.number')}
        value={numberChoice(filters)}
        options={[
          { value: '', label: t('automation.filter.anyNumber') },
          { value: 'all', label: t('automation.filter.allNumbersOnly') },
          ...numbers.map((number) => ({ value: `${number.id}` as NumberChoice, label: number.name })),
        ]}
        onChange={(choice) => set({ numberId: choice === '' ? undefined : choice === 'all' ? null : Number(choice) })}
        testId="rule-filter-number"
      />
      <SelectField<AutomationTrigger | ''>
        name="trigger"
        label={t('automation.filter.trigger')}
        value={filters.trigger ?? ''}
        options={[{ value: '', label: t('automation.filter.anyTrigger') }, ...automationTriggers.map((trigger) => ({ value: trigger, label: t(`automation.trigger.${trigger}`) }))]}
        onChange={(trigger) => set({ trigger: trigger === '' ? undefined : trigger })}
        testId="rule-filter-trigger"
      />
      <SelectField<ActiveChoice>
        name="isActive"
        label={t('automation.filter.active')}
        value={active}
        options={[
          { value: '', label: t('automation.filter.anyState') },
          { value: 'on', label: t('automation.filter.on') },
          { value: 'off', label: t('automation.filter.off') },
        ]}
        onChange={(choice) => set({ isActive: choice === '' ? undefined : choice === 'on' })}
        testId="rule-filter-active"
      />
      {filtered ? (
        <button type="button" className="button button-secondary automation-clear" onClick={() => onChange({})} data-testid="rule-filters-clear">
          {t('automation.filter.clear')}
        </button>
      ) : null}
    </div>
  );
}
