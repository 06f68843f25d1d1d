import { useEffect } from 'react';
import { FindIcon } from '../../components/find-icons';
import { isolate } from '../../i18n/labels';
import { useT } from '../../i18n/use-t';
import { showConversation, transferredText, useNoticesStore, watchInboxAlerts } from '../../stores/inbox-alerts';
import { contactTitle } from './conversation-labels';

/**
 * For the whole signed-in session, on any page: desktop notifications for new customer
 * messages, and a notice in the window when someone assigns the user a conversation.
 */
export function InboxAlerts({ userId }: { userId: number }) {
  const t = useT();
  const notices = useNoticesStore((state) => state.notices);
  const dismiss = useNoticesStore((state) => state.dismiss);

  useEffect(() => watchInboxAlerts(userId), [userId]);

  return (
    <div className="notice-stack" role="region" aria-label={t('find.noticesLabel')} data-testid="notices">
      {notices.map((notice) => {
        const title = contactTitle(notice.conversation);
        const customer = title ? title.text : t('common.empty');
        return (
          <div key={notice.key} className="notice" role="status" data-testid="assigned-notice" data-kind={notice.kind} data-conversation-id={notice.conversation.id}>
            <span className="notice-icon" aria-hidden="true">
              <FindIcon name="assign" />
            </span>
            <p className="notice-text">
              {notice.kind === 'assigned'
                ? t('find.assignedNotice', { by: isolate(notice.byUserName), customer: isolate(customer) })
                : transferredText(t, isolate(notice.byUserName), isolate(customer), notice.conversation.assignedAgentName === null ? null : isolate(notice.conversation.assignedAgentName))}
            </p>
            <div className="notice-actions">
              <button
                type="button"
                className="button button-small button-primary"
                onClick={() => {
                  dismiss(notice.key);
                  showConversation(notice.conversation);
                }}
                data-testid="assigned-notice-open"
              >
                {t('find.openConversation')}
              </button>
              <button type="button" className="button button-small button-ghost notice-close" onClick={() => dismiss(notice.key)} aria-label={t('find.dismiss')} data-testid="assigned-notice-dismiss">
                <FindIcon name="close" className="icon icon-small" />
              </button>
            </div>
          </div>
        );
      })}
    </div>
  );
}
