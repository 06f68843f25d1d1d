import { conversationStatuses, type ConversationStatus } from '../../../../shared/domain';
import { SelectField } from '../../components/SelectField';
import { conversationStatusLabel } from '../../i18n/labels';
import { useT } from '../../i18n/use-t';
import { useConversationsStore } from '../../stores/conversations-store';
import { useNumbersStore } from '../../stores/numbers-store';

/** Number and status filters above the list; each change reloads the first page. */
export function InboxFilters() {
  const t = useT();
  const numbers = useNumbersStore((state) => state.numbers);
  const filters = useConversationsStore((state) => state.filters);
  const setFilters = useConversationsStore((state) => state.setFilters);

  const numberOptions = [{ value: '', label: t('inbox.allNumbers') }, ...(numbers ?? []).map((n) => ({ value: String(n.id), label: n.name }))];
  const statusOptions: { value: ConversationStatus | ''; label: string }[] = [
    { value: '', label: t('inbox.allStatuses') },
    ...conversationStatuses.map((status) => ({ value: status, label: conversationStatusLabel(t, status) })),
  ];

  return (
    <div className="inbox-filters">
      <SelectField
        name="number"
        label={t('inbox.filterNumber')}
        hideLabel
        value={filters.numberId === null ? '' : String(filters.numberId)}
        options={numberOptions}
        onChange={(value) => setFilters({ numberId: value ? Number(value) : null })}
        testId="inbox-number-filter"
      />
      <SelectField
        name="status"
        label={t('inbox.filterStatus')}
        hideLabel
        value={filters.status ?? ''}
        options={statusOptions}
        onChange={(value) => setFilters({ status: value || null })}
        testId="inbox-status-filter"
      />
    </div>
  );
}
