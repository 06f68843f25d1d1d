import type { ConversationView } from '../../../../shared/inbox-types';
import { Badge } from '../../components/Badge';
import { Icon } from '../../components/icons';
import { formatListTime } from '../../format/dates';
import { conversationStatusLabel } from '../../i18n/labels';
import { useLanguageStore } from '../../i18n/language-store';
import { useT } from '../../i18n/use-t';
import { contactTitle, conversationStatusTone } from './conversation-labels';

interface ConversationRowProps {
  conversation: ConversationView;
  selected: boolean;
  onOpen(conversation: ConversationView): void;
}

export function ConversationRow({ conversation, selected, onOpen }: ConversationRowProps) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const title = contactTitle(conversation);
  const unread = conversation.unreadCount;
  const classes = ['conversation-row', selected ? 'is-selected' : '', unread > 0 ? 'is-unread' : ''].filter(Boolean).join(' ');
  return (
    <button
      type="button"
      className={classes}
      aria-current={selected ? 'true' : undefined}
      onClick={() => onOpen(conversation)}
      data-testid={`conversation-row-${conversation.id}`}
      data-unread={unread}
      data-number-id={conversation.whatsappNumberId}
    >
      <span className="avatar conversation-avatar" aria-hidden="true">
        {title && !title.isPhone ? title.text.charAt(0) : <Icon name="profile" />}
      </span>
      <span className="conversation-main">
        <span className="conversation-line">
          <span className="conversation-name">
            <span className="clip-text" dir={title?.isPhone ? 'ltr' : 'auto'} data-testid="conversation-name">
              {title ? title.text : t('common.empty')}
            </span>
          </span>
          {conversation.lastMessageTime ? (
            <time className="conversation-time" dateTime={conversation.lastMessageTime}>
              {formatListTime(conversation.lastMessageTime, language)}
            </time>
          ) : null}
        </span>
        <span className="conversation-line">
          <span className="conversation-preview">
            <span className="clip-text" dir="auto" data-testid="conversation-preview">
              {conversation.lastMessage ?? t('inbox.noMessageYet')}
            </span>
          </span>
          {unread > 0 ? (
            <span className="unread-badge" aria-label={t('inbox.unread', { count: unread })}>
              {unread > 99 ? '99+' : unread}
            </span>
          ) : null}
        </span>
        <span className="conversation-line conversation-meta">
          <span className="conversation-number">
            <Icon name="phone" className="icon icon-small" />
            {conversation.numberName}
          </span>
          <Badge tone={conversationStatusTone[conversation.status]}>{conversationStatusLabel(t, conversation.status)}</Badge>
        </span>
      </span>
    </button>
  );
}
