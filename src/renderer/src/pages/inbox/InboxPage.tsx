import { useEffect } from 'react';
import type { PublicUser } from '../../../../shared/users/types';
import { Alert } from '../../components/Alert';
import { EmptyState } from '../../components/EmptyState';
import { Icon } from '../../components/icons';
import { useT } from '../../i18n/use-t';
import { useConversationsStore } from '../../stores/conversations-store';
import { watchInbox } from '../../stores/inbox-actions';
import { useNumbersStore } from '../../stores/numbers-store';
import { useRouteStore } from '../../stores/route-store';
import { useThreadStore } from '../../stores/thread-store';
import { narrowsList } from '../../stores/conversation-filters';
import { canManageNumbers } from '../shell/access';
import { ConversationList } from './ConversationList';
import { InboxContactPanel } from './InboxContactPanel';
import { InboxFilters } from './InboxFilters';
import { watchInboxKeys } from './inbox-keys';
import { useConversationAddress } from './use-conversation-address';
import { Thread } from './Thread';

/** Nothing to show until a number exists: admins are sent to add one, everyone else is told whom to ask. */
function NoNumbers({ user }: { user: PublicUser }) {
  const t = useT();
  const navigate = useRouteStore((state) => state.navigate);
  const admin = canManageNumbers(user.role);
  return (
    <EmptyState icon="phone" tone="accent" title={t('inbox.noNumbers')} className="inbox-empty" testId="inbox-no-numbers">
      <p className="muted">{admin ? t('inbox.noNumbersAdmin') : t('inbox.noNumbersOther')}</p>
      {admin ? (
        <a
          href="#/numbers"
          className="button button-primary"
          onClick={(event) => {
            event.preventDefault();
            navigate('numbers');
          }}
          data-testid="inbox-go-numbers"
        >
          {t('inbox.goToNumbers')}
        </a>
      ) : null}
    </EmptyState>
  );
}

export function InboxPage({ user }: { user: PublicUser }) {
  const t = useT();
  const noNumbers = useNumbersStore((state) => state.numbers?.length === 0);
  const noConversations = useConversationsStore((state) => state.items?.length === 0 && !narrowsList(state.filters));
  const open = useThreadStore((state) => state.conversation);

  useEffect(() => watchInbox(), []);
  useEffect(() => watchInboxKeys(), []);
  const linkFailed = useConversationAddress();

  // Conversations of a removed number stay readable, so the inbox shows whenever there are any.
  if (noNumbers && noConversations) return <NoNumbers user={user} />;
  return (
    <section className="inbox" data-testid="inbox-page">
      <h1 className="visually-hidden">{t('inbox.title')}</h1>
      <div className="inbox-list">
        <InboxFilters user={user} />
        <ConversationList />
      </div>
      <div className="inbox-thread">
        {open ? (
          <div className="inbox-thread-body">
            <Thread key={open.id} conversation={open} />
            <InboxContactPanel conversation={open} user={user} />
          </div>
        ) : (
          <div className="thread-placeholder" data-testid="thread-placeholder">
            <span className="thread-placeholder-icon" aria-hidden="true">
              <Icon name="chat" />
            </span>
            {linkFailed ? (
              <Alert tone="error" testId="inbox-link-not-found">
                {t('inbox.linkNotFound')}
              </Alert>
            ) : null}
            <p className="muted">{t('inbox.noSelection')}</p>
          </div>
        )}
      </div>
    </section>
  );
}
