import type { PublicUser } from '../../../../shared/users/types';
import { Alert } from '../../components/Alert';
import { describeError } from '../../i18n/errors';
import { useT } from '../../i18n/use-t';
import { ViewingItem } from './ViewingItem';
import { useContactViewings } from './use-viewings';

/** The contact page's viewings of this customer (those the caller may see), newest first. */
export function ContactViewings({ contactId, user }: { contactId: number; user: PublicUser }) {
  const t = useT();
  const viewings = useContactViewings(contactId);
  return (
    <section className="contact-section contact-viewings" aria-labelledby={`contact-viewings-${contactId}`} data-testid="contact-viewings">
      <h3 className="contact-section-title" id={`contact-viewings-${contactId}`}>
        {t('viewings.title')}
      </h3>
      {viewings.error ? (
        <Alert tone="error" testId="contact-viewings-error">
          {describeError(t, viewings.error).formMessage ?? t('viewings.loadFailed')}
        </Alert>
      ) : null}
      {viewings.data && viewings.data.viewings.length === 0 ? <p className="contact-empty">{t('viewings.empty')}</p> : null}
      {viewings.data && viewings.data.viewings.length > 0 ? (
        <ul className="viewing-list">
          {viewings.data.viewings.map((viewing) => (
            <ViewingItem key={viewing.id} viewing={viewing} timeZone={viewings.data!.timeZone} user={user} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
