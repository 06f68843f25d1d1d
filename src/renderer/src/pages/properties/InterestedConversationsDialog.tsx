import { useState } from 'react';
import type { ApiError } from '../../../../shared/errors';
import type { PropertyListItem } from '../../../../shared/properties/types';
import { call, toApiError } from '../../api/client';
import { Alert } from '../../components/Alert';
import { Badge } from '../../components/Badge';
import { Dialog } from '../../components/Dialog';
import { Icon } from '../../components/icons';
import { useOfficeFormat } from '../../format/use-office-format';
import { useQuery } from '../../hooks/use-query';
import { describeError } from '../../i18n/errors';
import { isolate } from '../../i18n/labels';
import { useT } from '../../i18n/use-t';
import { openInInbox } from '../../stores/inbox-actions';
import { describePropertyError } from './property-errors';
import { interestLabel, interestTone } from './property-labels';
import { UnreadBadge } from '../../components/UnreadBadge';

/** Who is interested in the property (on the numbers this user works); a row opens its conversation in the inbox. */
export function InterestedConversationsDialog({ property, onClose }: { property: PropertyListItem; onClose(): void }) {
  const t = useT();
  const office = useOfficeFormat();
  const query = useQuery(() => call('properties.interestedConversations', { id: property.id }));
  const [openError, setOpenError] = useState<ApiError | null>(null);
  const error = openError ?? query.error;
  const list = query.data;

  return (
    <Dialog title={t('properties.conversationsTitle', { name: isolate(property.name) })} onClose={onClose} testId="interested-dialog">
      <div className="dialog-body">
        {error ? (
          <Alert tone="error" testId="interested-error">
            {openError ? describeError(t, openError).formMessage : describePropertyError(t, error).formMessage}
          </Alert>
        ) : null}
        {list === undefined && !error ? <p className="muted">{t('app.loading')}</p> : null}
        {list?.length === 0 ? <p className="muted">{t('properties.conversationsEmpty')}</p> : null}
        {list && list.length > 0 ? (
          <ul className="interested-list" data-testid="interested-list">
            {list.map((c) => {
              const who = c.customerName ?? c.customerPhone ?? t('contacts.noName');
              return (
                <li key={c.conversationId}>
                  <button
                    type="button"
                    className="interested-row"
                    onClick={() => openInInbox(c.conversationId).catch((thrown: unknown) => setOpenError(toApiError(thrown)))}
                    aria-label={t('properties.openConversation', { name: who })}
                    data-testid={`interested-conversation-${c.conversationId}`}
                    data-status={c.interestStatus}
                  >
                    <span className="interested-row-main">
                      <span className="interested-name">
                        <bdi>{who}</bdi>
                      </span>
                      {c.customerName && c.customerPhone ? (
                        <span className="interested-phone muted" dir="ltr">
                          {c.customerPhone}
                        </span>
                      ) : null}
                    </span>
                    <span className="interested-row-meta muted">
                      <Icon name="phone" className="icon icon-small" />
                      <span dir="auto">{c.numberName}</span>
                      {c.lastMessageTime ? (
                        <time dateTime={c.lastMessageTime} className="interested-time">
                          {office.formatListTime(c.lastMessageTime)}
                        </time>
                      ) : null}
                    </span>
                    <Badge tone={interestTone[c.interestStatus]}>{interestLabel(t, c.interestStatus)}</Badge>
                    <UnreadBadge count={c.unreadCount} />
                  </button>
                </li>
              );
            })}
          </ul>
        ) : null}
      </div>
      <div className="dialog-footer">
        <button type="button" className="button button-secondary" onClick={onClose} data-testid="interested-close">
          {t('common.close')}
        </button>
      </div>
    </Dialog>
  );
}
