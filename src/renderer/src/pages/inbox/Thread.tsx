import { useMemo } from 'react';
import type { ConversationView } from '../../../../shared/inbox/types';
import { Alert } from '../../components/Alert';
import { Badge } from '../../components/Badge';
import { describeError } from '../../i18n/errors';
import { useT } from '../../i18n/use-t';
import { findNumber, useNumbersStore } from '../../stores/numbers-store';
import { pendingFor, usePendingAnswersStore } from '../../stores/pending-answers';
import { useSessionStore } from '../../stores/session-store';
import { useThreadStore } from '../../stores/thread-store';
import { ConnectionBadge } from '../numbers/NumberStatus';
import { AiConversationStrip } from './AiConversationStrip';
import { Composer } from './Composer';
import { ContactPanelToggle } from './InboxContactPanel';
import { DemoCustomerSends } from './DemoCustomerSends';
import { contactTitle } from './conversation-labels';
import { ThreadMessages } from './ThreadMessages';
import { ThreadActions } from './ThreadActions';

function ThreadHeader({ conversation }: { conversation: ConversationView }) {
  const t = useT();
  const number = useNumbersStore((state) => findNumber(state.numbers, conversation.whatsappNumberId));
  const title = contactTitle(conversation);
  const showPhone = conversation.contact.phone && !title?.isPhone;
  return (
    <header className="thread-header">
      <div className="thread-header-main">
        <div className="thread-title">
          <h2 className="thread-name" data-testid="thread-name">
            {title ? title.isPhone ? <bdi dir="ltr">{title.text}</bdi> : title.text : t('common.empty')}
          </h2>
          {showPhone ? (
            <bdi className="latin thread-phone" dir="ltr">
              {conversation.contact.phone}
            </bdi>
          ) : null}
        </div>
        <div className="thread-badges">
          <span className="thread-number">{conversation.numberName}</span>
          {number ? <ConnectionBadge connection={number.connection} /> : null}
          {conversation.isArchived ? <Badge tone="gray">{t('find.archivedBadge')}</Badge> : null}
          <DemoCustomerSends conversationId={conversation.id} />
          <ContactPanelToggle />
        </div>
      </div>
      <ThreadActions conversation={conversation} />
    </header>
  );
}

/** The open conversation: its messages (older ones load on scrolling up) and the composer. */
export function Thread({ conversation }: { conversation: ConversationView }) {
  const t = useT();
  const messages = useThreadStore((state) => state.messages);
  const hasOlder = useThreadStore((state) => state.hasOlder);
  const loadingOlder = useThreadStore((state) => state.loadingOlder);
  const error = useThreadStore((state) => state.error);
  const loadOlder = useThreadStore((state) => state.loadOlder);
  const userId = useSessionStore((state) => state.user?.id);
  const answers = usePendingAnswersStore((state) => state.answers);
  const pending = useMemo(() => pendingFor(answers, userId, conversation.id, messages), [answers, userId, conversation.id, messages]);
  return (
    <div className="thread" data-testid="thread" data-conversation-id={conversation.id}>
      <ThreadHeader conversation={conversation} />
      <AiConversationStrip conversationId={conversation.id} />
      {error ? (
        <Alert tone="error" testId="thread-error">
          {describeError(t, error).formMessage}
        </Alert>
      ) : null}
      {messages === null ? (
        <div className="thread-scroll" data-testid="thread-messages">
          <p className="pane-note muted">{t('app.loading')}</p>
        </div>
      ) : (
        <ThreadMessages messages={messages} pending={pending} hasOlder={hasOlder} loadingOlder={loadingOlder} loadOlder={() => void loadOlder()} />
      )}
      <Composer key={conversation.id} conversation={conversation} />
    </div>
  );
}
