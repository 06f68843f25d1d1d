import { Fragment, useLayoutEffect, useRef } from 'react';
import type { ConversationView, MessageView } from '../../../../shared/inbox-types';
import { Alert } from '../../components/Alert';
import { Badge } from '../../components/Badge';
import { formatDate, officeDay } from '../../format/dates';
import { describeError } from '../../i18n/errors';
import { useLanguageStore } from '../../i18n/language-store';
import { useT } from '../../i18n/use-t';
import { findNumber, useNumbersStore } from '../../stores/numbers-store';
import { useThreadStore } from '../../stores/thread-store';
import { ConnectionBadge } from '../numbers/NumberStatus';
import { Composer } from './Composer';
import { ContactPanelToggle } from './InboxContactPanel';
import { contactTitle } from './conversation-labels';
import { MessageBubble } from './MessageBubble';
import { ThreadActions } from './ThreadActions';

/** Within this distance of the bottom, a new message scrolls into view; further up, the reader is left alone. */
const stickToBottomPx = 120;
const loadOlderPx = 120;

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
          <ContactPanelToggle />
        </div>
      </div>
      <ThreadActions conversation={conversation} />
    </header>
  );
}

function DayDivider({ iso }: { iso: string }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const today = officeDay(iso) === officeDay(new Date());
  return (
    <div className="day-divider" role="separator">
      <span>{today ? t('thread.today') : formatDate(iso, language)}</span>
    </div>
  );
}

function Messages({ messages }: { messages: MessageView[] }) {
  return (
    <>
      {messages.map((message, index) => {
        const previous = messages[index - 1];
        const newDay = !previous || officeDay(previous.createdAt) !== officeDay(message.createdAt);
        return (
          <Fragment key={message.id}>
            {newDay ? <DayDivider iso={message.createdAt} /> : null}
            <MessageBubble message={message} />
          </Fragment>
        );
      })}
    </>
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
  const scroller = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const shown = useRef<{ first?: number; last?: number; height: number }>({ height: 0 });

  // Keep the view where the reader expects it: at the bottom on open and for new messages,
  // at the same message when older ones are added above.
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element || !messages) return;
    const before = shown.current;
    const first = messages[0]?.id;
    const last = messages[messages.length - 1]?.id;
    const newest = messages[messages.length - 1];
    if (before.last === undefined) element.scrollTop = element.scrollHeight;
    else if (first !== before.first && last === before.last) element.scrollTop += element.scrollHeight - before.height;
    else if (last !== before.last && (atBottom.current || newest?.sender !== 'customer')) element.scrollTop = element.scrollHeight;
    shown.current = { first, last, height: element.scrollHeight };
  }, [messages]);

  // A photo that finishes loading makes its message taller: a reader at the bottom stays there.
  useLayoutEffect(() => {
    const element = scroller.current;
    const content = element?.querySelector('.thread-content');
    if (!element || !content) return;
    const observer = new ResizeObserver(() => {
      if (atBottom.current) element.scrollTop = element.scrollHeight;
      shown.current.height = element.scrollHeight;
    });
    observer.observe(content);
    return () => observer.disconnect();
  }, [messages !== null]);

  function onScroll() {
    const element = scroller.current;
    if (!element) return;
    atBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight < stickToBottomPx;
    shown.current.height = element.scrollHeight;
    if (element.scrollTop < loadOlderPx && hasOlder && !loadingOlder) void loadOlder();
  }

  return (
    <div className="thread" data-testid="thread" data-conversation-id={conversation.id}>
      <ThreadHeader conversation={conversation} />
      <div className="thread-scroll" ref={scroller} onScroll={onScroll} data-testid="thread-messages">
        {error ? (
          <Alert tone="error" testId="thread-error">
            {describeError(t, error).formMessage}
          </Alert>
        ) : null}
        <div className="thread-spacer" aria-hidden="true" />
        {messages === null ? <p className="pane-note muted">{t('app.loading')}</p> : null}
        {messages && hasOlder ? <p className="thread-edge muted">{loadingOlder ? t('thread.loadingOlder') : '\u00a0'}</p> : null}
        {messages && !hasOlder ? <p className="thread-edge muted">{t('thread.start')}</p> : null}
        {messages ? (
          <div className="thread-content">
            <Messages messages={messages} />
          </div>
        ) : null}
      </div>
      <Composer key={conversation.id} conversation={conversation} />
    </div>
  );
}
