import type { PublicUser } from '../../../../shared/users/types';
import type { ViewingView } from '../../../../shared/viewings/types';
import { Dialog } from '../../components/Dialog';
import { useT } from '../../i18n/use-t';
import { useRouteStore } from '../../stores/route-store';
import { ViewingItem } from './ViewingItem';

/** A calendar viewing opened: its details, next steps, and the way to its conversation. */
export function ViewingDetailsDialog({ viewing, timeZone, user, onClose }: { viewing: ViewingView; timeZone: string; user: PublicUser; onClose(): void }) {
  const t = useT();
  const conversationId = viewing.conversationId;
  return (
    <Dialog title={t('viewings.details')} onClose={onClose} testId="viewing-details">
      <div className="dialog-body">
        <ul className="viewing-list">
          <ViewingItem viewing={viewing} timeZone={timeZone} user={user} showCustomer />
        </ul>
      </div>
      <div className="dialog-footer">
        {conversationId !== null ? (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              onClose();
              useRouteStore.getState().navigateToConversation(conversationId);
            }}
            data-testid="viewing-open-conversation"
          >
            {t('viewings.openConversation')}
          </button>
        ) : null}
        <button type="button" className="button button-primary" onClick={onClose} data-testid="viewing-details-close">
          {t('viewings.close')}
        </button>
      </div>
    </Dialog>
  );
}
