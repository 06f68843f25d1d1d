import { useCallback, useEffect, useState } from 'react';
import type { ContactDetails, ContactView } from '../../../../shared/contacts/types';
import type { ApiError } from '../../../../shared/errors';
import type { PublicUser } from '../../../../shared/users/types';
import { call, onEvent, toApiError } from '../../api/client';
import { Alert } from '../../components/Alert';
import { Badge } from '../../components/Badge';
import { Icon } from '../../components/icons';
import { describeError } from '../../i18n/errors';
import { useLanguageStore } from '../../i18n/language-store';
import { useT } from '../../i18n/use-t';
import { ContactAutomationNotice } from '../automation/ContactAutomationNotice';
import { ContactConversations } from './ContactConversations';
import { ContactNotes } from './ContactNotes';
import { ContactPreferences } from './ContactPreferences';
import { ContactViewings } from '../viewings/ContactViewings';
import { followUpLabel, followUpState, followUpTone, formatDay } from './contact-labels';

/** The contact's details, kept fresh by `contact.changed`; a late answer for another contact is dropped. */
function useContactDetails(id: number) {
  const [details, setDetails] = useState<ContactDetails | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const load = useCallback(() => {
    let current = true;
    call('contacts.get', { id }).then(
      (value) => current && (setDetails(value), setError(null)),
      (thrown: unknown) => current && setError(toApiError(thrown)),
    );
    return () => {
      current = false;
    };
  }, [id]);
  useEffect(() => {
    let cancel = load();
    const off = onEvent('contact.changed', ({ contactId }) => {
      if (contactId !== null && contactId !== id) return;
      cancel();
      cancel = load();
    });
    return () => {
      cancel();
      off();
    };
  }, [id, load]);
  return { details, error, reload: load, fail: setError };
}

/** `conversationId`: shown beside that conversation (the inbox), whose entry is left out of the contact's conversations. */
export function ContactPanel({ id, me, onEdit, conversationId }: { id: number; me: PublicUser; onEdit(contact: ContactView): void; conversationId?: number }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const { details, error, reload, fail } = useContactDetails(id);
  const [clearing, setClearing] = useState(false);

  if (!details) {
    return error ? (
      <div className="contact-panel">
        <Alert tone="error" testId="contact-panel-error">
          {describeError(t, error).formMessage ?? t('contacts.loadFailed')}
        </Alert>
      </div>
    ) : null;
  }
  const { contact } = details;

  async function markFollowedUp() {
    setClearing(true);
    try {
      await call('contacts.update', { id: contact.id, followUpDate: null });
      reload();
    } catch (thrown) {
      fail(toApiError(thrown));
    } finally {
      setClearing(false);
    }
  }

  return (
    <div className="contact-panel" data-testid="contact-panel" data-contact-id={contact.id}>
      <header className="contact-panel-header">
        <span className="avatar contact-panel-avatar" aria-hidden="true">
          {contact.name ? contact.name.trim().charAt(0) : <Icon name="profile" />}
        </span>
        <div className="contact-panel-title">
          <h2 className="page-title">
            <bdi data-testid="contact-panel-name">{contact.name ?? t('contacts.noName')}</bdi>
          </h2>
          {contact.phone ? (
            <span className="contact-panel-phone muted" dir="ltr" data-testid="contact-panel-phone">
              {contact.phone}
            </span>
          ) : null}
        </div>
        <button type="button" className="button button-secondary button-small" onClick={() => onEdit(contact)} data-testid="contact-edit">
          <Icon name="edit" className="icon icon-small" />
          {t('contacts.edit')}
        </button>
      </header>
      {error ? (
        <Alert tone="error" testId="contact-panel-error">
          {describeError(t, error).formMessage}
        </Alert>
      ) : null}
      <ContactAutomationNotice contactId={contact.id} />

      <section className="contact-section" aria-labelledby="contact-details-title">
        <h3 className="contact-section-title" id="contact-details-title">
          {t('contacts.details')}
        </h3>
        <dl className="contact-facts">
          <dt>{t('contacts.email')}</dt>
          <dd dir={contact.email ? 'ltr' : undefined} data-testid="contact-panel-email">
            {contact.email ?? t('common.empty')}
          </dd>
          <dt>{t('contacts.tags')}</dt>
          <dd data-testid="contact-panel-tags">
            {contact.tags.length === 0 ? (
              <span className="muted">{t('contacts.noTags')}</span>
            ) : (
              <span className="contact-tags contact-tags-wrap">
                {contact.tags.map((tag) => (
                  <span key={tag} className="tag-chip" dir="auto">
                    {tag}
                  </span>
                ))}
              </span>
            )}
          </dd>
          <dt>{t('contacts.followUp')}</dt>
          <dd className="contact-follow-up" data-testid="contact-panel-follow-up">
            {contact.followUpDate ? (
              <>
                <span>{formatDay(contact.followUpDate, language)}</span>
                {followUpState(contact.followUpDate) !== 'upcoming' ? (
                  <Badge tone={followUpTone[followUpState(contact.followUpDate)]}>{followUpLabel(t, contact.followUpDate, language)}</Badge>
                ) : null}
                <button type="button" className="button button-small button-ghost" onClick={() => void markFollowedUp()} disabled={clearing} data-testid="contact-follow-up-done">
                  <Icon name="check" className="icon icon-small" />
                  {t('contacts.followUpDone')}
                </button>
              </>
            ) : (
              <span className="muted">{t('contacts.noFollowUp')}</span>
            )}
          </dd>
        </dl>
      </section>

      <ContactPreferences contact={contact} onSaved={reload} />
      <ContactConversations conversations={details.conversations} currentId={conversationId} onError={(thrown) => fail(toApiError(thrown))} />
      <ContactNotes contactId={contact.id} notes={details.notes} me={me} onChanged={reload} />
      {/* Beside a conversation its own viewings show in the panel's viewings section. */}
      {conversationId === undefined ? <ContactViewings contactId={contact.id} user={me} /> : null}
    </div>
  );
}
