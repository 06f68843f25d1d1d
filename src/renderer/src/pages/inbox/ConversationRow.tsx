import { memo } from 'react';
import type { ConversationView } from '../../../../shared/inbox/types';
import { highlightRanges, phoneDigitsQuery } from '../../../../shared/search-text';
import { Badge } from '../../components/Badge';
import { FindIcon } from '../../components/find-icons';
import { Highlighted } from '../../components/Highlighted';
import { Icon } from '../../components/icons';
import { useOfficeFormat } from '../../format/use-office-format';
import { phoneRanges, snippetAround } from '../../format/highlight';
import { conversationStatusLabel, isolate } from '../../i18n/labels';
import { useT } from '../../i18n/use-t';
import { contactTitle, conversationStatusTone, initials } from './conversation-labels';
import { UnreadBadge } from '../../components/UnreadBadge';

interface ConversationRowProps {
  conversation: ConversationView;
  selected: boolean;
  /** The applied search ('' for none): its matches are highlighted. */
  search: string;
  /** The signed-in user: their own conversations read "You". */
  userId: number;
  onOpen(conversation: ConversationView): void;
}

/** The second line: the last message, or with a search the message that matched, or the phone that did. */
function Preview({ conversation, search }: { conversation: ConversationView; search: string }) {
  const t = useT();
  if (search && conversation.match) {
    const cut = snippetAround(conversation.match.content, highlightRanges(conversation.match.content, search));
    return (
      <span className="clip-text conversation-match" dir="auto" data-testid="conversation-match">
        <Highlighted text={cut.text} ranges={cut.ranges} />
      </span>
    );
  }
  const phone = conversation.contact.phone;
  const title = contactTitle(conversation);
  if (search && phone && !title?.isPhone && phoneDigitsQuery(search)) {
    const ranges = phoneRanges(phone, search);
    if (ranges.length > 0) {
      return (
        <bdi className="clip-text latin conversation-match" dir="ltr" data-testid="conversation-match">
          <Highlighted text={phone} ranges={ranges} />
        </bdi>
      );
    }
  }
  return (
    <span className="clip-text" dir="auto" data-testid="conversation-preview">
      {previewText(conversation.lastMessage, t)}
    </span>
  );
}

/** The core stores a file without a caption as `[image]`, `[ptt]`…: shown as words in the reader's language. */
function previewText(lastMessage: string | null, t: ReturnType<typeof useT>): string {
  if (lastMessage === null) return t('inbox.noMessageYet');
  const kind = /^\[(image|video|audio|ptt|document|sticker)\]$/.exec(lastMessage)?.[1];
  if (kind) return `📎 ${t(`media.type.${kind as 'image'}`)}`;
  // Kinds beyond files come as `[location] Name` (src/main/ingest/records.ts previewOf).
  const other = /^\[(location|contacts|poll|call|notice|ciphertext|revoked|unsupported)\](?: (.*))?$/s.exec(lastMessage);
  if (!other) return lastMessage;
  const rest = other[2] ? ` ${other[2]}` : '';
  const label: Record<string, string> = {
    location: `📍 ${t('kind.location')}`,
    contacts: `👤 ${t('kind.contacts')}`,
    poll: `📊 ${t('kind.poll')}`,
    call: `📞 ${t('kind.callMissed')}`,
    notice: `ℹ️ ${t('kind.notice')}`,
    ciphertext: `⏳ ${t('kind.ciphertext')}`,
    revoked: `🚫 ${t('kind.deleted')}`,
    unsupported: `❔ ${t('kind.unsupported')}`,
  };
  return `${label[other[1]!]}${rest}`;
}

function Assignee({ conversation, userId }: { conversation: ConversationView; userId: number }) {
  const t = useT();
  const name = conversation.assignedAgentName;
  if (conversation.assignedAgentId === null || !name) return null;
  const mine = conversation.assignedAgentId === userId;
  const label = mine ? t('find.assignedToMe') : t('find.assignedTo', { name: isolate(name) });
  return (
    <span className={mine ? 'assignee assignee-me' : 'assignee'} title={label} data-testid="conversation-assignee" data-agent-id={conversation.assignedAgentId}>
      <span className="assignee-initials" aria-hidden="true">
        {initials(name)}
      </span>
      <span className="assignee-name">
        <span className="visually-hidden">{label}</span>
        <span aria-hidden="true">{mine ? t('find.you') : name}</span>
      </span>
    </span>
  );
}

export const ConversationRow = memo(function ConversationRow({ conversation, selected, search, userId, onOpen }: ConversationRowProps) {
  const t = useT();
  const office = useOfficeFormat();
  const title = contactTitle(conversation);
  const unread = conversation.unreadCount;
  const classes = ['list-row', 'conversation-row', selected ? 'is-selected' : '', unread > 0 ? 'is-unread' : ''].filter(Boolean).join(' ');
  const titleRanges = title && search ? (title.isPhone ? phoneRanges(title.text, search) : highlightRanges(title.text, search, 'names')) : [];
  return (
    <button
      type="button"
      className={classes}
      aria-current={selected ? 'true' : undefined}
      onClick={() => onOpen(conversation)}
      data-testid={`conversation-row-${conversation.id}`}
      data-unread={unread}
      data-starred={conversation.isStarred}
      data-number-id={conversation.whatsappNumberId}
    >
      <span className="avatar conversation-avatar" aria-hidden="true">
        {title && !title.isPhone ? title.text.charAt(0) : <Icon name="profile" />}
      </span>
      <span className="conversation-main">
        <span className="conversation-line">
          <span className="conversation-name">
            <span className="clip-text" dir={title?.isPhone ? 'ltr' : 'auto'} data-testid="conversation-name">
              {title ? <Highlighted text={title.text} ranges={titleRanges} /> : t('common.empty')}
            </span>
          </span>
          {conversation.isStarred ? (
            <span className="conversation-star" title={t('find.starredMark')} data-testid="conversation-star">
              <FindIcon name="star" filled className="icon icon-small" />
              <span className="visually-hidden">{t('find.starredMark')}</span>
            </span>
          ) : null}
          {conversation.lastMessageTime ? (
            <time className="conversation-time" dateTime={conversation.lastMessageTime}>
              {office.formatListTime(conversation.lastMessageTime)}
            </time>
          ) : null}
        </span>
        <span className="conversation-line">
          <span className="conversation-preview">
            <Preview conversation={conversation} search={search} />
          </span>
          <UnreadBadge count={unread} />
        </span>
        <span className="conversation-line conversation-meta">
          <span className="conversation-number">
            <Icon name="phone" className="icon icon-small" />
            <span className="clip-text">{conversation.numberName}</span>
          </span>
          <Assignee conversation={conversation} userId={userId} />
          <Badge tone={conversationStatusTone[conversation.status]}>{conversationStatusLabel(t, conversation.status)}</Badge>
        </span>
      </span>
    </button>
  );
});
