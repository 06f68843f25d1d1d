import type { ContactConversation } from '../../../../shared/contacts/types';
import { Badge } from '../../components/Badge';
import { Icon } from '../../components/icons';
import { useOfficeFormat } from '../../format/use-office-format';
import { conversationStatusLabel } from '../../i18n/labels';
import { useT } from '../../i18n/use-t';
import { openInInbox } from '../../stores/inbox-actions';
import { conversationStatusTone } from '../inbox/conversation-labels';
import { UnreadBadge } from '../../components/UnreadBadge';

/** `currentId`: the conversation open beside the list (in the inbox); it is left out, the rest are "other conversations". */
export function ContactConversations({ conversations: all, onError, currentId }: { conversations: ContactConversation[]; onError(error: unknown): void; currentId?: number }) {
  const t = useT();
  const office = useOfficeFormat();
  const others = currentId !== undefined;
  const conversations = others ? all.filter((c) => c.id !== currentId) : all;
  return (
    <section className="contact-section" aria-labelledby="contact-conversations-title" data-testid="contact-conversations">
      <h3 className="contact-section-title" id="contact-conversations-title">
        {others ? t('contactPanel.otherConversations') : t('contacts.conversations')}
      </h3>
      {conversations.length === 0 ? (
        <p className="muted contact-empty-line">{others ? t('contactPanel.noOtherConversations') : t('contacts.noConversations')}</p>
      ) : (
        <ul className="contact-conversation-list">
          {conversations.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                className="contact-conversation"
                onClick={() => openInInbox(c.id).catch(onError)}
                aria-label={t('contacts.openConversation', { number: c.numberName })}
                data-testid={`contact-conversation-${c.id}`}
              >
                <span className="contact-line">
                  <span className="contact-conversation-number">
                    <Icon name="phone" className="icon icon-small" />
                    {c.numberName}
                  </span>
                  {c.numberRemoved ? <Badge tone="gray">{t('contacts.numberRemoved')}</Badge> : c.numberStatus === 'inactive' ? <Badge tone="gray">{t('contacts.numberInactive')}</Badge> : null}
                  <Badge tone={conversationStatusTone[c.status]}>{conversationStatusLabel(t, c.status)}</Badge>
                  {c.lastMessageTime ? (
                    <time className="contact-conversation-time muted" dateTime={c.lastMessageTime}>
                      {office.formatListTime(c.lastMessageTime)}
                    </time>
                  ) : null}
                </span>
                <span className="contact-conversation-preview clip-text muted" dir="auto">
                  {c.lastMessage ?? t('contacts.noMessageYet')}
                </span>
                <UnreadBadge count={c.unreadCount} />
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
