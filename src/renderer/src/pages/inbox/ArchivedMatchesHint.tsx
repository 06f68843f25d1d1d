import { usePlural } from '../../i18n/use-plural';
import { useConversationsStore } from '../../stores/conversations-store';

/** A search outside the archive says when archived conversations match too, and shows them in one click. */
export function ArchivedMatchesHint() {
  const count = usePlural();
  const archivedMatches = useConversationsStore((state) => state.archivedMatches);
  const setFilters = useConversationsStore((state) => state.setFilters);
  if (archivedMatches === 0) return null;
  return (
    <p className="archived-hint" data-testid="archived-matches-hint">
      <span>{count('find.archivedMatches', archivedMatches)}</span>
      <button type="button" className="button button-small button-ghost" onClick={() => setFilters({ archived: true })} data-testid="archived-matches-show">
        {count('find.showArchived', archivedMatches)}
      </button>
    </p>
  );
}
