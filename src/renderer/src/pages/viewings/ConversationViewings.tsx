import { useEffect, useState } from 'react';
import type { PropertyInterestView } from '../../../../shared/properties/types';
import type { PublicUser } from '../../../../shared/users/types';
import { call, onEvent } from '../../api/client';
import { Alert } from '../../components/Alert';
import { useQuery } from '../../hooks/use-query';
import { describeError } from '../../i18n/errors';
import { useT } from '../../i18n/use-t';
import { BookViewingDialog } from './BookViewingDialog';
import { ViewingItem } from './ViewingItem';
import { useConversationViewings } from './use-viewings';

/** The conversation side panel's viewings, and its "book viewing" action (property from the interests, next free slot filled in). */
export function ConversationViewings({ conversationId, user }: { conversationId: number; user: PublicUser }) {
  const t = useT();
  const viewings = useConversationViewings(conversationId);
  const interests = useQuery<PropertyInterestView[]>(() => call('conversations.interests', { conversationId }));
  const [booking, setBooking] = useState(false);
  const reloadInterests = interests.reload;
  useEffect(() => onEvent('interests.changed', (data) => data.conversationId === conversationId && reloadInterests()), [conversationId, reloadInterests]);
  const bookable = (interests.data ?? []).filter((i) => i.status !== 'not_interested');

  return (
    <section className="conversation-viewings" aria-labelledby={`viewings-title-${conversationId}`} data-testid="conversation-viewings">
      <div className="conversation-viewings-head">
        <h3 className="property-interests-title" id={`viewings-title-${conversationId}`}>
          {t('viewings.title')}
        </h3>
        <button type="button" className="button button-small button-primary" disabled={bookable.length === 0} onClick={() => setBooking(true)} data-testid="book-viewing">
          {t('viewings.book')}
        </button>
      </div>
      {interests.data && bookable.length === 0 ? <p className="property-interests-empty">{t('viewings.needInterest')}</p> : null}
      {viewings.error ? (
        <Alert tone="error" testId="conversation-viewings-error">
          {describeError(t, viewings.error).formMessage ?? t('viewings.loadFailed')}
        </Alert>
      ) : null}
      {viewings.data && viewings.data.viewings.length === 0 ? <p className="property-interests-empty">{t('viewings.empty')}</p> : null}
      {viewings.data && viewings.data.viewings.length > 0 ? (
        <ul className="viewing-list">
          {viewings.data.viewings.map((viewing) => (
            <ViewingItem key={viewing.id} viewing={viewing} timeZone={viewings.data!.timeZone} user={user} />
          ))}
        </ul>
      ) : null}
      {booking ? <BookViewingDialog conversationId={conversationId} interests={bookable} onClose={() => setBooking(false)} onBooked={viewings.reload} /> : null}
    </section>
  );
}
