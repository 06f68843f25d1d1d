import type { ConversationView } from '../../../../shared/inbox-types';
import { Alert } from '../../components/Alert';
import { VirtualList } from '../../components/VirtualList';
import { describeError } from '../../i18n/errors';
import { useT } from '../../i18n/use-t';
import { useConversationsStore } from '../../stores/conversations-store';
import { openConversation } from '../../stores/inbox-actions';
import { useThreadStore } from '../../stores/thread-store';
import { ConversationRow } from './ConversationRow';

/** Must match `.conversation-row`'s block size in inbox.css. */
export const conversationRowHeight = 84;

const keyOf = (c: ConversationView) => c.id;

export function ConversationList() {
  const t = useT();
  const items = useConversationsStore((state) => state.items);
  const next = useConversationsStore((state) => state.next);
  const loadingMore = useConversationsStore((state) => state.loadingMore);
  const error = useConversationsStore((state) => state.error);
  const filtered = useConversationsStore((state) => state.filters.numberId !== null || state.filters.status !== null);
  const loadMore = useConversationsStore((state) => state.loadMore);
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
      {items === null ? (
        <p className="pane-note muted" data-testid="conversation-list-loading">
          {t('app.loading')}
        </p>
      ) : items.length === 0 ? (
        <p className="pane-note muted" data-testid="conversation-list-empty">
          {filtered ? t('inbox.emptyFiltered') : t('inbox.empty')}
        </p>
      ) : null}
      <VirtualList
        items={items ?? []}
        rowHeight={conversationRowHeight}
        getKey={keyOf}
        renderRow={(conversation) => <ConversationRow conversation={conversation} selected={conversation.id === openId} onOpen={openConversation} />}
        onEndReached={next ? () => void loadMore() : undefined}
        footer={loadingMore ? <p className="pane-note muted">{t('inbox.loadingMore')}</p> : undefined}
        label={t('inbox.listLabel')}
        testId="conversation-list"
      />
    </div>
  );
}
