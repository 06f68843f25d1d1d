import type { ConversationView } from '../../../../shared/inbox/types';
import { Alert } from '../../components/Alert';
import { VirtualList } from '../../components/VirtualList';
import { describeError } from '../../i18n/errors';
import { isolate } from '../../i18n/labels';
import { useT } from '../../i18n/use-t';
import { narrowsList } from '../../stores/conversation-filters';
import { useConversationsStore } from '../../stores/conversations-store';
import { openConversation } from '../../stores/inbox-actions';
import { useSessionStore } from '../../stores/session-store';
import { useThreadStore } from '../../stores/thread-store';
import { ArchivedMatchesHint } from './ArchivedMatchesHint';
import { ConversationRow } from './ConversationRow';

/** Must match `.conversation-row`'s block size in inbox.css. */
export const conversationRowHeight = 84;

const keyOf = (c: ConversationView) => c.id;

function EmptyList() {
  const t = useT();
  const filters = useConversationsStore((state) => state.filters);
  const clearFilters = useConversationsStore((state) => state.clearFilters);
  const text = filters.search
    ? t('find.noResults', { query: isolate(filters.search) })
    : filters.archived
      ? t('find.archivedEmpty')
      : narrowsList(filters)
        ? t('inbox.emptyFiltered')
        : t('inbox.empty');
  return (
    <div className="pane-note" data-testid="conversation-list-empty">
      <p className="muted">{text}</p>
      {narrowsList(filters) ? (
        <button type="button" className="button button-small button-secondary" onClick={clearFilters} data-testid="inbox-clear-filters">
          {t('find.clearFilters')}
        </button>
      ) : null}
    </div>
  );
}

export function ConversationList() {
  const t = useT();
  const items = useConversationsStore((state) => state.items);
  const next = useConversationsStore((state) => state.next);
  const loadingMore = useConversationsStore((state) => state.loadingMore);
  const error = useConversationsStore((state) => state.error);
  const search = useConversationsStore((state) => state.filters.search);
  const loadMore = useConversationsStore((state) => state.loadMore);
  const userId = useSessionStore((state) => state.user?.id ?? 0);
  const openId = useThreadStore((state) => state.conversation?.id ?? null);

  return (
    <div className="conversation-pane">
      {error ? (
        <div className="conversation-pane-alert">
          <Alert tone="error" testId="inbox-error">
            {describeError(t, error).formMessage}
          </Alert>
        </div>
      ) : null}
      <ArchivedMatchesHint />
      {items === null ? (
        <p className="pane-note muted" data-testid="conversation-list-loading">
          {t('app.loading')}
        </p>
      ) : items.length === 0 ? (
        <EmptyList />
      ) : null}
      <VirtualList
        items={items ?? []}
        rowHeight={conversationRowHeight}
        getKey={keyOf}
        renderRow={(conversation) => (
          <ConversationRow conversation={conversation} selected={conversation.id === openId} search={search} userId={userId} onOpen={openConversation} />
        )}
        onEndReached={next ? () => void loadMore() : undefined}
        footer={loadingMore ? <p className="pane-note muted">{t('inbox.loadingMore')}</p> : undefined}
        label={search ? t('find.resultsLabel', { query: isolate(search) }) : t('inbox.listLabel')}
        testId="conversation-list"
        revealKey={openId}
      />
    </div>
  );
}
